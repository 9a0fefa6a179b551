/**
 * The add-in's conversion through the fake Excel: a 20-row and a 20 000-row participant list,
 * first conversion and refresh, with the number of context.sync() round trips each took and
 * the share of the time spent in the core (readWorkbook) rather than moving cells.
 */
import { convert } from "../addin/convert";
import { FakeBook } from "../playground/fake-excel/book";
import { fakeHost } from "../playground/fake-excel/excel";
import { readWorkbook } from "../shared/inspect";
import { participantList } from "../test/addin/generate";

interface Run {
  readonly convertMs: number;
  readonly convertSyncs: number;
  readonly refreshMs: number;
  readonly refreshSyncs: number;
  readonly coreMs: number;
}

async function once(rows: number): Promise<Run> {
  const grid = participantList(rows);
  const book = FakeBook.fromGrids([grid]);
  const host = fakeHost(book);
  let start = performance.now();
  await convert(host, { kind: "active" });
  const convertMs = performance.now() - start;
  const convertSyncs = book.syncs;
  book.syncs = 0;
  start = performance.now();
  await convert(host, { kind: "sheet", sheet: grid.sheet });
  const refreshMs = performance.now() - start;
  start = performance.now();
  readWorkbook([grid]).outputSheets([grid.sheet]);
  const coreMs = performance.now() - start;
  return { convertMs, convertSyncs, refreshMs, refreshSyncs: book.syncs, coreMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<void> {
  const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  console.log("rows    | convert (syncs)   | refresh (syncs)   | core alone");
  for (const rows of [20, 20_000]) {
    await once(rows); // warm-up
    const runs: Run[] = [];
    for (let i = 0; i < 3; i++) runs.push(await once(rows));
    const r = runs[0]!;
    console.log(
      `${String(rows).padEnd(7)} | ${ms(median(runs.map((x) => x.convertMs)))} (${r.convertSyncs})`.padEnd(
        28,
      ) +
        `| ${ms(median(runs.map((x) => x.refreshMs)))} (${r.refreshSyncs})`.padEnd(20) +
        `| ${ms(median(runs.map((x) => x.coreMs)))}`,
    );
  }
}
