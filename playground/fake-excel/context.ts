/**
 * The request context of the fake Excel: work queued and run at context.sync(), syncs counted,
 * payload limits and injected failures as Excel on the web has them; and its workbook.
 */
import type { FakeBook, FakeSheet } from "./book";
import {
  type FakeClientObject,
  type FakeContext,
  FakeOfficeError,
  type FakeOptions,
  type Op,
} from "./client";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import { FakeSettingCollection } from "./settings";
import { FakeTableCollection } from "./table";
import { FakeWorksheet, FakeWorksheetCollection } from "./worksheet";

export class FakeRequestContext implements FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime = { enableEvents: true };
  private queue: Op[] = [];
  private requestBytes = 0;
  readonly limit: number;

  constructor(
    readonly book: FakeBook,
    readonly options: FakeOptions = {},
  ) {
    this.limit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op, bytes = 64): void {
    this.queue.push(op);
    this.requestBytes += bytes;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Run with mergeUndoGroup: an API without undo support fails the batch with UndoNotSupported. */
  undoGroup = false;
  /** Syncs this host has run, for failAtSync; shared by the host's contexts. */
  syncCounter: { n: number } = { n: 0 };

  sheetProxy(resolve: () => FakeSheet | null): FakeClientObject<FakeSheet> {
    return new FakeWorksheet(this, resolve);
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    this.syncCounter.n++;
    const ops = this.queue;
    const bytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    await Promise.resolve();
    if (this.options.failWith) throw new FakeOfficeError(this.options.failWith, this.options.failWith);
    if (bytes > this.limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    }
    if (this.options.failAtSync === this.syncCounter.n) {
      for (const op of ops.slice(0, Math.floor(ops.length / 2))) op();
      throw new FakeOfficeError(
        "GeneralException",
        "There was an internal error while processing the request.",
      );
    }
    let answer = 0;
    for (const op of ops) answer += op() ?? 0;
    if (answer > this.limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${answer} bytes).`,
      );
    }
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNamedItemCollection;
  constructor(private readonly context: FakeContext) {
    this.names = new FakeNamedItemCollection(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context);
    this.settings = new FakeSettingCollection(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const book = this.context.book;
      // Microsoft, "Work with workbooks": "If multiple ranges are selected, the method throws an InvalidSelection error."
      if (book.moreSelectedAreas.length > 0)
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      if (book.selection) return book.selection;
      return book.active
        ? { sheet: book.active, range: { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } }
        : null;
    });
  }
}
