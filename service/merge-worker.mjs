/**
 * The merge thread: parses the stored reports, merges them and writes the answer, so the
 * service's event loop keeps answering meanwhile. Plain JavaScript that loads the TypeScript
 * through tsx, so it runs the same under `node --import tsx`, vitest and the bench.
 */
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runMergeJob } = await tsImport("./merge-job.ts", import.meta.url);

parentPort.on("message", async ({ id, job }) => {
  try {
    const result = await runMergeJob(job);
    parentPort.postMessage(
      typeof result === "string" ? { id, text: result } : { id, bytes: new Uint8Array(result) },
    );
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
