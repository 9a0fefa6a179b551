/**
 * Merged workbooks built on a worker thread: exceljs writes a workbook in one synchronous
 * stretch, which on the main thread would stall every other request (and /healthz) for as
 * long. One worker, started on first use, serves the requests in turn.
 */
import { Worker } from "node:worker_threads";
import type { MergeInput } from "../shared/merge";

export interface WorkbookBuilder {
  /** The merge of `input` as a workbook (the same as mergedWorkbook(merge(input))). */
  build(input: MergeInput): Promise<Buffer>;
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly bytes?: Uint8Array;
  readonly error?: string;
}

export function workbookBuilder(): WorkbookBuilder {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL("./workbook-worker.mjs", import.meta.url), {
      // A runaway build ends the worker, not the service.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    w.unref();
    w.on("message", (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.bytes)
        p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else p.reject(new Error(`merged workbook: ${reply.error ?? "no result"}`));
    });
    w.on("error", (e) => failAll(e));
    w.on("exit", (code) => {
      if (worker === w) failAll(new Error(`merged workbook worker exited (${code})`));
    });
    return w;
  };
  return {
    build(input) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
