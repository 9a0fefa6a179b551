/**
 * The playground's side of the pane's host contract (addin/ui/embedding.ts): an ExcelHost over
 * the page's FakeBook, lent to the pane's iframe at window.samsynPlayground. The fake runs here,
 * in the page's JS realm; the pane's batches arrive from the iframe's realm, which is why the
 * fake checks arrays with Array.isArray and never with instanceof.
 */
import { PLAYGROUND_GLOBAL, type PlaygroundBridge } from "../../addin/ui/embedding";
import type { BookJson, FakeBook } from "../fake-excel/book";
import { type FakeOptions, fakeHost } from "../fake-excel/excel";

/** The book the pane works on, swapped when the user opens another workbook. */
export interface BookHolder {
  book: FakeBook;
}

/** Lent to tests at window.__samsynFake, as the old browser host does: the book and its JSON. */
export interface FakeHandle {
  readonly book: FakeBook;
  json(): BookJson;
}

export function makeBridge(
  holder: BookHolder,
  options: FakeOptions,
  displayLanguage: () => string,
  onBatch: () => void,
): PlaygroundBridge {
  return {
    get displayLanguage() {
      return displayLanguage();
    },
    async run(batch, runOptions) {
      try {
        return await fakeHost(holder.book, options).run(batch, runOptions);
      } finally {
        // After every batch, failed ones too: a failed batch may have synced part of its work.
        onBatch();
      }
    },
    supports: (version) => fakeHost(holder.book, options).supports(version),
  };
}

export function exposeBridge(bridge: PlaygroundBridge, holder: BookHolder): void {
  const w = window as unknown as Record<string, unknown>;
  w[PLAYGROUND_GLOBAL] = bridge;
  w.__samsynFake = {
    get book() {
      return holder.book;
    },
    json: () => holder.book.toJSON(),
  } satisfies FakeHandle;
}
