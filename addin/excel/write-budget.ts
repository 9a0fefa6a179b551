/**
 * How the writes stay under Excel on the web's 5 MB per request: queued writes are synced before
 * a request would pass the budget, and a big matrix goes in payload-sized runs of rows.
 */
import { type ExcelInput, estimateBytes } from "./cells";

/** Bytes of cell data per request; Excel on the web refuses requests over 5 MB. */
const REQUEST_BUDGET_BYTES = 4_000_000;

export type Progress = (done: number, total: number) => void;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Queues writes and syncs before a request would grow past the budget; yields to the UI between. */
export class RequestBudget {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly progress: () => void,
  ) {}
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET_BYTES) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
    this.progress();
    await yieldToUi();
  }
}

/** Rows of a matrix in runs of at most half the request budget each. */
export function chunksOf(
  rows: readonly (readonly ExcelInput[])[],
): { start: number; count: number; bytes: number }[] {
  const chunks: { start: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const b = estimateBytes(row);
    if (i > start && bytes + b > REQUEST_BUDGET_BYTES / 2) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rows.length > start) chunks.push({ start, count: rows.length - start, bytes });
  return chunks;
}
