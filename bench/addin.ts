/**
 * The add-in's conversion through the fake Excel: a 20-row and a 20 000-row participant list,
 * first conversion and refresh, with the number of context.sync() round trips each took and
 * the share of the time spent in the core (readWorkbook) rather than moving cells. Then
 * "Hämta sammanställning": the network's comparison for 2 and 80 associations, planned and
 * written (first fetch and fetching again), with its syncs and the 80/2 ratio.
 */
import { convert } from "../addin/convert";
import { writeNetworkSheet } from "../addin/excel/network";
import { FakeBook } from "../playground/fake-excel/book";
import { fakeHost } from "../playground/fake-excel/excel";
import { gridFromRows } from "../shared/grid";
import { readWorkbook } from "../shared/inspect";
import type { MergedView } from "../shared/merge";
import { networkSheet } from "../shared/network";
import { participantList } from "../test/addin/generate";
import { budgetView, participantsView } from "../test/addin/network-views";

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
  await benchFetch();
}

interface Fetch {
  readonly planMs: number;
  readonly fetchMs: number;
  readonly fetchSyncs: number;
  readonly againMs: number;
  readonly againSyncs: number;
}

/** One fetch into a workbook without the sheet, then the same fetch again (the in-place refresh). */
async function fetchOnce(view: MergedView): Promise<Fetch> {
  const book = FakeBook.fromGrids([gridFromRows("Budget", [["Verksamhetsplan"]])]);
  const host = fakeHost(book);
  let start = performance.now();
  const plan = networkSheet(view);
  const planMs = performance.now() - start;
  start = performance.now();
  await writeNetworkSheet(host, plan);
  const fetchMs = performance.now() - start + planMs;
  const fetchSyncs = book.syncs;
  book.syncs = 0;
  start = performance.now();
  await writeNetworkSheet(host, networkSheet(view));
  return { planMs, fetchMs, fetchSyncs, againMs: performance.now() - start, againSyncs: book.syncs };
}

async function benchFetch(): Promise<void> {
  const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
  console.log("\nfetch the comparison (plan + write)");
  console.log("kind      assoc. | plan       | fetch (syncs)  | again (syncs)");
  for (const [kind, make] of [
    ["budget", budgetView],
    ["deltagare", participantsView],
  ] as const) {
    const medians: number[] = [];
    for (const count of [2, 80]) {
      const view = await make(count);
      await fetchOnce(view); // warm-up
      const runs: Fetch[] = [];
      for (let i = 0; i < 5; i++) runs.push(await fetchOnce(view));
      const r = runs[0]!;
      const fetchMs = median(runs.map((x) => x.fetchMs));
      medians.push(fetchMs);
      const cells = [
        `${kind.padEnd(9)} ${String(count).padStart(6)}`,
        ms(median(runs.map((x) => x.planMs))),
        `${ms(fetchMs)} (${r.fetchSyncs})`,
        `${ms(median(runs.map((x) => x.againMs)))} (${r.againSyncs})`,
      ];
      console.log(cells.join(" | "));
    }
    console.log(`${kind.padEnd(9)} 80 / 2 | fetch time ×${(medians[1]! / medians[0]!).toFixed(1)}`);
  }
}
