/**
 * The parts of the pane loaded after it opens, each once: the sync (started as soon as the pane
 * is on screen) and the readers and writers (when a button first needs them). The pane's first
 * screen is in taskpane.js; these are chunks beside it (scripts/build-addin.mjs).
 */
export { later } from "../../ui/later";

export type SyncWork = typeof import("./sync-work");
export type ConversionWork = typeof import("./conversion-work");

let sync: Promise<SyncWork> | undefined;
export const loadSync = (): Promise<SyncWork> => {
  // A chunk that failed to load (the network gone a moment) is asked for again next time.
  sync ??= import("./sync-work").catch((e: unknown) => {
    sync = undefined;
    throw e;
  });
  return sync;
};

let conversion: ConversionWork | null = null;
export async function loadConversion(): Promise<ConversionWork> {
  conversion ??= await import("./conversion-work");
  return conversion;
}
/** The readers, once a button has loaded them (there is a reading only after that), or null. */
export const loadedConversion = (): ConversionWork | null => conversion;
