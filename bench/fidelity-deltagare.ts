/**
 * Fidelity of participant lists: of generated sheets in the shapes förbund keep them (today's
 * list, notes and counts under it, a header over two rows, one list per insats, identity and date
 * columns under unknown headers, reason words), with the truth known, how many are read right;
 * today's generated lists with one defect each, read with exactly their [cell, code]; the pane
 * and the command line on every generated sheet saved as .xlsx; and the pane's round trips to
 * Excel at 20 and 20 000 rows. Fixed seeds: two runs read the same sheets.
 * bench/fidelity.ts prints these lines after its own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importSource } from "../addin/convert";
import { FakeBook } from "../playground/fake-excel/book";
import { fakeHost } from "../playground/fake-excel/excel";
import { loadBook, saveBook } from "../playground/fake-excel/xlsx";
import { readParticipantSheet } from "../shared/participants";
import { inspectResult, readWorkbook } from "../shared/read-workbook";
import {
  DEFECT_KINDS,
  generateRows,
  gridOf,
  injectDefect,
  randomLayout,
  rngFrom,
  sheetOf,
  TODAY,
} from "../test/participants/generate";
import { misreadings, SHAPED_OPTIONS, SHAPES, type Shape, shapedSheet } from "../test/participants/shapes";
import { readWorkbookFile } from "../xlsx/read";

const PER_SHAPE = 80;
const DEFECT_SEEDS = 20;
const SEED = 20_261_207;

/** Today's generated lists, clean or with one defect each: read right when the issues are exactly the truth's. */
function todaysLists(): { right: number; sheets: number } {
  let right = 0;
  let sheets = 0;
  const options = { today: TODAY, insats: { targetAge: { min: 18, max: 29 } } };
  for (let s = 0; s < DEFECT_SEEDS; s++)
    for (const kind of [null, ...DEFECT_KINDS]) {
      const rng = rngFrom(SEED + 1_000 + s * 31 + (kind === null ? 0 : DEFECT_KINDS.indexOf(kind) + 1));
      const rows = generateRows(rng, { rows: 5 + Math.floor(rng() * 40) });
      const sheet = sheetOf(rng, rows, randomLayout(rng));
      const expected = kind === null ? [] : injectDefect(sheet, rows, 3, kind, 0);
      const reading = readParticipantSheet(gridOf(sheet), options);
      const got = reading?.issues.map((i) => [i.cell, i.code]) ?? null;
      sheets++;
      if (reading?.participants.length === rows.length && JSON.stringify(got) === JSON.stringify(expected))
        right++;
    }
  return { right, sheets };
}

/** Each generated sheet saved as .xlsx and read by the CLI's reader and by the pane over the fake Excel. */
async function paneAndCli(sheets: readonly ReturnType<typeof shapedSheet>[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "samsyn-fidelity-"));
  let same = 0;
  try {
    for (const [k, sheet] of sheets.entries()) {
      const path = join(dir, `${k}.xlsx`);
      await saveBook(FakeBook.fromGrids([sheet.grid]), path);
      const cli = inspectResult(readWorkbook(await readWorkbookFile(path)), null);
      const imported = await importSource(fakeHost(await loadBook(path)), {
        kind: "sheet",
        sheet: sheet.grid.sheet,
      });
      if (JSON.stringify(inspectResult(imported.reading, null)) === JSON.stringify(cli)) same++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return same;
}

/** Syncs of the pane's read of a sheet of the shape with `rows` participants in its first list. */
async function readSyncs(shape: Shape, rows: number): Promise<number> {
  const book = FakeBook.fromGrids([shapedSheet(shape, SEED, rows).grid]);
  book.syncs = 0;
  await importSource(fakeHost(book), { kind: "sheet", sheet: "Deltagare" });
  return book.syncs;
}

export async function participantFidelity(): Promise<string[]> {
  const lines: string[] = [];
  const all: ReturnType<typeof shapedSheet>[] = [];
  let lists = 0;
  let listsRight = 0;
  lines.push(`${"shape".padEnd(26)} sheets read right   lists   time per sheet`);
  for (const [s, shape] of SHAPES.entries()) {
    const sheets = Array.from({ length: PER_SHAPE }, (_, k) => shapedSheet(shape, SEED + s * 10_000 + k));
    const start = performance.now();
    const readings = sheets.map((sheet) => readParticipantSheet(sheet.grid, SHAPED_OPTIONS));
    const ms = (performance.now() - start) / sheets.length;
    const right = sheets.filter((sheet, k) => misreadings(sheet, readings[k]!).length === 0);
    const shapeLists = sheets.reduce((n, sheet) => n + sheet.lists.length, 0);
    lists += shapeLists;
    listsRight += right.reduce((n, sheet) => n + sheet.lists.length, 0);
    all.push(...sheets);
    lines.push(
      `${shape.padEnd(26)} ${String(right.length).padStart(4)}/${sheets.length} ${((100 * right.length) / sheets.length).toFixed(1).padStart(6)} %   ${String(shapeLists).padStart(5)}   ${ms.toFixed(2)} ms`,
    );
  }
  lines.push(`lists read right (every list of a sheet read right): ${listsRight} of ${lists}`);
  const today = todaysLists();
  lines.push(
    `today's generated lists, clean or with one defect, exactly their issues: ${today.right} of ${today.sheets}`,
  );
  const start = performance.now();
  const same = await paneAndCli(all);
  lines.push(
    `pane and CLI give the same tables and issues (each sheet saved as .xlsx): ${same} of ${all.length} sheets (${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
  for (const shape of ["today", "two-row-header", "one-list-per-insats"] as const)
    lines.push(
      `pane's read, ${shape}: ${await readSyncs(shape, 20)} syncs at 20 rows, ${await readSyncs(shape, 20_000)} at 20 000`,
    );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const line of await participantFidelity()) console.log(line);
