/**
 * The add-in's conversion through the fake Excel: a 20-row and a 20 000-row participant list,
 * first conversion and refresh, with the number of context.sync() round trips each took and
 * the share of the time spent in the core (readWorkbook) rather than moving cells. Then
 * "Hämta sammanställning": the network's comparison for 2 and 80 associations, planned and
 * written (first fetch and fetching again), with its syncs and the 80/2 ratio. Last, send and
 * fetch over HTTP against the real service holding 80 associations, beside bare requests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { convert, importSource } from "../addin/convert";
import { writeNetworkSheet } from "../addin/excel/network";
import { fetchComparison } from "../addin/sync/comparison";
import { reportsToSend, sendReports } from "../addin/sync/flow";
import { ServiceClient } from "../addin/sync/service";
import { FakeBook } from "../playground/fake-excel/book";
import { fakeHost } from "../playground/fake-excel/excel";
import { loadBook } from "../playground/fake-excel/xlsx";
import { startWebServer } from "../service/server";
import { gridFromRows } from "../shared/grid";
import type { MergedView } from "../shared/merge";
import { networkSheet } from "../shared/network";
import { readWorkbook } from "../shared/read-workbook";
import { participantList } from "../test/addin/generate";
import { budgetView, participantsView } from "../test/addin/network-views";
import { orgnr } from "../test/service/helpers";

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
  await benchSync();
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

/**
 * Send and fetch as the pane does them, through the fake Excel and over HTTP to the real
 * service on PGlite holding 80 associations: "Skicka till Samsyn" (read the workbook's memory,
 * PUT with its condition, write the memory back) beside a bare PUT of the same report, and
 * "Hämta sammanställning" (GET the merged view, plan, write the sheet and charts) beside a
 * bare GET of the merged JSON.
 */
async function benchSync(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "samsyn-bench-sync-"));
  const admin = "bench-admin-token-0123456789abcdef";
  const service = await startWebServer({
    port: 0,
    dataDir: dir,
    adminToken: admin,
    logger: pino({ level: "silent" }),
  });
  try {
    const source = await loadBook(
      resolve(import.meta.dirname, "../../shared/fixtures/ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
    );
    const associations: { id: string; token: string }[] = [];
    for (let i = 0; i < 80; i++) {
      const res = await fetch(`${service.url}/api/associations`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `Samordningsförbundet Bench ${i + 1}`, orgnr: orgnr(700 + i) }),
      });
      associations.push((await res.json()) as { id: string; token: string });
    }
    const pane: number[] = [];
    const bare: number[] = [];
    for (const [i, a] of associations.entries()) {
      const book = FakeBook.fromJSON(source.toJSON());
      const host = fakeHost(book);
      const imported = await importSource(host, { kind: "active" });
      const items = reportsToSend(imported.reading, a.id);
      const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
      let start = performance.now();
      await sendReports(host, client, items);
      pane.push(performance.now() - start);
      // The same report again, as a bare PUT on the revision just made: what any client must pay.
      const item = items[0]!;
      start = performance.now();
      const res = await fetch(
        `${service.url}/api/associations/${a.id}/reports/budget/${item.address.period}`,
        {
          method: "PUT",
          headers: {
            authorization: `Bearer ${a.token}`,
            "content-type": "application/json",
            "if-match": '"1"',
            "idempotency-key": `bench-${i}`,
          },
          body: JSON.stringify(item.report),
        },
      );
      await res.arrayBuffer();
      bare.push(performance.now() - start);
    }
    const send = median(pane);
    const put = median(bare);
    console.log("\nsend and fetch over HTTP, 80 associations on PGlite");
    console.log(
      `send one budget (pane: memory + PUT + memory)   ${send.toFixed(1).padStart(7)} ms | bare PUT ${put.toFixed(1).padStart(7)} ms | ×${(send / put).toFixed(2)}`,
    );

    const reader = associations[0]!;
    const client = new ServiceClient({ serviceUrl: service.url, token: reader.token });
    const book = FakeBook.fromJSON(source.toJSON());
    const host = fakeHost(book);
    const fetched: number[] = [];
    const gets: number[] = [];
    let syncs = 0;
    for (let i = 0; i < 6; i++) {
      book.syncs = 0;
      let start = performance.now();
      await fetchComparison(host, client, "budget", "2009");
      if (i > 0) fetched.push(performance.now() - start);
      syncs = book.syncs;
      start = performance.now();
      const res = await fetch(`${service.url}/api/merged/budget/2009`, {
        headers: { authorization: `Bearer ${reader.token}` },
      });
      await res.json();
      if (i > 0) gets.push(performance.now() - start);
    }
    const f = median(fetched);
    const g = median(gets);
    console.log(
      `fetch the comparison (GET + plan + write, ${syncs} syncs) ${f.toFixed(1).padStart(7)} ms | bare GET ${g.toFixed(1).padStart(7)} ms | ×${(f / g).toFixed(2)}`,
    );
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
