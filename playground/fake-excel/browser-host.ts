/**
 * The fake host in a browser page, standing in for office.js: defines `Office` and `Excel`
 * over a FakeBook handed in as JSON (window.__SAMSYN_BOOK__), and exposes the book as
 * window.__samsynFake so a test can see what the pane did (cells written, the selected cell).
 * Bundled by the browser test with esbuild and served at office.js's CDN address.
 */
import { type BookJson, FakeBook } from "./book";
import { type FakeOptions, runFake } from "./excel";

interface FakeWindow {
  __SAMSYN_BOOK__?: BookJson;
  /** Office.context.officeTheme as Excel would give it (a test's dark Office). */
  __SAMSYN_OFFICE_THEME__?: unknown;
  __SAMSYN_FAKE_OPTIONS__?: FakeOptions;
  __samsynFake?: { book: FakeBook; json(): BookJson };
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as FakeWindow;
const book = w.__SAMSYN_BOOK__ ? FakeBook.fromJSON(w.__SAMSYN_BOOK__) : new FakeBook();
if (book.sheets.length === 0) book.addSheet("Blad1");
const options: FakeOptions = w.__SAMSYN_FAKE_OPTIONS__ ?? {};
w.__samsynFake = { book, json: () => book.toJSON() };

const supports = (name: string, version = "1.1") => {
  if (name !== "ExcelApi") return false;
  const [aMaj = 0, aMin = 0] = (options.apiVersion ?? "1.18").split(".").map(Number);
  const [bMaj = 0, bMin = 0] = version.split(".").map(Number);
  return aMaj > bMaj || (aMaj === bMaj && aMin >= bMin);
};

w.Office = {
  HostType: { Excel: "Excel" },
  context: {
    displayLanguage: "sv-SE",
    requirements: { isSetSupported: supports },
    officeTheme: w.__SAMSYN_OFFICE_THEME__,
  },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    });
  },
};

const syncs = { n: 0 };
w.Excel = {
  run: (first: unknown, second?: unknown) => {
    const batch = (typeof first === "function" ? first : second) as (
      context: Excel.RequestContext,
    ) => Promise<unknown>;
    const runOptions = (typeof first === "function" ? {} : first) as { mergeUndoGroup?: boolean };
    return runFake(book, options, batch, syncs, runOptions.mergeUndoGroup === true);
  },
};
