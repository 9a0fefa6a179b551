/**
 * The merge thread: parses the stored reports, merges them and writes the answer, so the
 * service's event loop keeps answering meanwhile. Plain JavaScript, the same file in the
 * build (dist/node/, where merge-job.mjs lies beside it) and in development, vitest and the
 * bench (where merge-job.ts is loaded through tsx).
 */
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const built = new URL("./merge-job.mjs", import.meta.url);
const { runMergeJob } = existsSync(built)
  ? await import(built.href)
  : await (await import("tsx/esm/api")).tsImport("./merge-job.ts", import.meta.url);

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
