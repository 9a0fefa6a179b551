/**
 * The worker thread that builds merged workbooks, so the service's event loop keeps answering
 * meanwhile. Plain JavaScript that loads the TypeScript through tsx, so it runs the same under
 * `node --import tsx`, vitest and the bench.
 */
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { buildMergedWorkbook } = await tsImport("./workbook-job.ts", import.meta.url);

parentPort.on("message", async ({ id, input }) => {
  try {
    const buffer = await buildMergedWorkbook(input);
    parentPort.postMessage({ id, bytes: new Uint8Array(buffer) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
