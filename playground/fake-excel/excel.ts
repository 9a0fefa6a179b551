/**
 * A fake of the part of the Excel JavaScript API the add-in uses, over a FakeBook. It behaves
 * as Excel does where it matters: work is queued and takes effect at context.sync(); reading a
 * property that was not loaded and synced throws PropertyNotLoaded; a bare load() is refused;
 * *OrNullObject gives null objects; table names must be valid and unique; a string starting
 * with "=" written through values or formulas becomes a formula, a leading apostrophe keeps
 * text as text, numeric text becomes a number; a write right under a table extends it; charts
 * take a Range and a known chart type, and a missing one is ItemNotFound; a request or answer
 * over the payload limit fails as on Excel on the web. Syncs are counted.
 * Runs in Node and in the browser (no Node imports).
 *
 * This module is the facade: Excel.run and an ExcelHost over the fake. The proxies are in files
 * of their own — client.ts (the base of every proxy), cells.ts, range.ts, worksheet.ts,
 * table.ts, chart.ts, settings.ts (notes and settings) and context.ts (the request context and
 * its workbook).
 */

import type { ExcelHost } from "../../addin/excel/host";
import type { FakeBook } from "./book";
import { type FakeOptions, supports } from "./client";
import { FakeRequestContext } from "./context";

export { FakeOfficeError, type FakeOptions } from "./client";

/** Excel.run over the fake: a fresh context per batch; a batch that ends with unsynced work is a bug. */
export async function runFake<T>(
  book: FakeBook,
  options: FakeOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
  syncCounter: { n: number } = { n: 0 },
  mergeUndoGroup = false,
): Promise<T> {
  if (mergeUndoGroup && !supports(options, "1.20"))
    throw new Error("fake Excel: mergeUndoGroup needs ExcelApi 1.20 (office.js would ignore it)");
  const context = new FakeRequestContext(book, options);
  context.syncCounter = syncCounter;
  context.undoGroup = mergeUndoGroup;
  const result = await batch(context as unknown as Excel.RequestContext);
  if (context.pending > 0)
    throw new Error(`fake Excel: the batch ended with ${context.pending} queued operations never synced`);
  // One undo step for the whole batch, or one per sync (Microsoft, "Undo capabilities…").
  book.undoSteps.push(mergeUndoGroup ? 1 : syncCounter.n);
  return result;
}

/** An ExcelHost over the fake, for the adapter's tests and the bench. */
export function fakeHost(book: FakeBook, options: FakeOptions = {}): ExcelHost {
  const syncs = { n: 0 };
  return {
    run: (batch, runOptions) =>
      runFake(book, options, batch, syncs, runOptions?.undoGroup === true && supports(options, "1.20")),
    supports: (version) => supports(options, version),
  };
}
