/**
 * Merges run on a worker thread: parsing 80 reports, merging them and exceljs writing a
 * workbook are long synchronous stretches that on the main thread would stall every other
 * request (and /healthz). One worker serves the jobs in turn: started with the service
 * (start()), so the first merge does not wait for it to load, or else on first use.
 */
import { Worker } from "node:worker_threads";
import type { MergeJob } from "./merge-job";

export interface MergeThread {
  /** The job's merge as JSON text (`as: "json"`) or as the merged workbook (`as: "xlsx"`). */
  run(job: MergeJob & { as: "json" }): Promise<string>;
  run(job: MergeJob & { as: "xlsx" }): Promise<Buffer>;
  /** Starts the worker now; resolves once it has loaded and warmed up (a job sent meanwhile waits). */
  start(): Promise<void>;
  close(): Promise<void>;
}

interface Reply {
  readonly id?: number;
  /** The worker has loaded its code and warmed up. */
  readonly ready?: true;
  readonly text?: string;
  readonly bytes?: Uint8Array;
  readonly error?: string;
}

export function mergeThread(): MergeThread {
  let worker: Worker | null = null;
  let nextId = 0;
  let ready: { promise: Promise<void>; resolve: () => void } | null = null;
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL("./merge-worker.mjs", import.meta.url), {
      // A runaway job ends the worker, not the service. The young generation is larger than
      // V8's default: a workbook's cells live until it is written, so with the default every
      // few MB allocated meant copying all of them again. About 90 MB more heap, and a merged
      // workbook of 80 associations builds in about two thirds of the time.
      resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 128 },
    });
    w.unref();
    let resolve = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    ready = { promise, resolve };
    w.on("message", (reply: Reply) => {
      if (reply.ready) return ready?.resolve();
      if (reply.id === undefined) return;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(`merge: ${reply.error}`));
      else p.resolve(reply);
    });
    w.on("error", (e) => failAll(e));
    w.on("exit", (code) => {
      resolve();
      if (worker === w) failAll(new Error(`merge worker exited (${code})`));
    });
    return w;
  };
  const post = (job: MergeJob): Promise<Reply> => {
    worker ??= start();
    const id = nextId++;
    const w = worker;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
  };
  return {
    run: (async (job: MergeJob) => {
      const reply = await post(job);
      if (reply.bytes) return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
      return reply.text ?? "";
    }) as MergeThread["run"],
    start() {
      worker ??= start();
      return ready?.promise ?? Promise.resolve();
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
