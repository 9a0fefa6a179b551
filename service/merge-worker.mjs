/**
 * The merge thread: parses the stored reports, merges them and writes the answer, so the
 * service's event loop keeps answering meanwhile. Plain JavaScript, the same file in the
 * build (dist/node/, where merge-job.mjs lies beside it) and in development, vitest and the
 * bench (where merge-job.ts is loaded through tsx). Started with the service: it loads its
 * code, runs one small merge of each kind into each form (so the first real merge finds the
 * code loaded and compiled), then says it is ready.
 */
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const built = new URL("./merge-job.mjs", import.meta.url);
const { runMergeJob } = existsSync(built)
  ? await import(built.href)
  : await (await import("tsx/esm/api")).tsImport("./merge-job.ts", import.meta.url);

async function warmUp() {
  const associations = [{ id: "warm-up", name: "Samordningsförbundet Uppvärmning" }];
  for (const kind of ["budget", "participants"])
    for (const as of ["json", "xlsx"]) {
      try {
        await runMergeJob({ kind, period: "2000", associations, revisions: [], as });
      } catch {
        // A warm-up that fails warms less; the real merge reports its own failure.
      }
    }
}

await warmUp();
parentPort.postMessage({ ready: true });

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
