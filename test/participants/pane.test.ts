/**
 * The pane and the command line read generated participant sheets of every shape alike: each
 * sheet saved as .xlsx, read by the CLI's reader and by the pane over the fake Excel, gives the
 * same tables and issues; and the pane's read and conversion take as many round trips to Excel at
 * 20 rows as at 20 000, whatever the shape (a header over two rows, one list per insats).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convert, importSource } from "../../addin/convert";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook, saveBook } from "../../playground/fake-excel/xlsx";
import { inspectResult, readWorkbook } from "../../shared/read-workbook";
import { readWorkbookFile } from "../../xlsx/read";
import { SHAPES, shapedSheet } from "./shapes";

const dir = mkdtempSync(join(tmpdir(), "samsyn-shapes-"));

/** The sheet as the CLI reads it from .xlsx, and as the pane reads the same file through the fake Excel. */
async function paneAndCli(grid: Parameters<typeof FakeBook.fromGrids>[0][number], name: string) {
  const path = join(dir, `${name}.xlsx`);
  await saveBook(FakeBook.fromGrids([grid]), path);
  const cli = inspectResult(readWorkbook(await readWorkbookFile(path)), null);
  const book = await loadBook(path);
  const imported = await importSource(fakeHost(book), { kind: "sheet", sheet: grid.sheet });
  const pane = inspectResult(imported.reading, null);
  return { cli, pane };
}

describe("pane and command line", () => {
  it.each(SHAPES)(
    "When a generated sheet of the shape %s is saved and read by both, then the tables and issues are the same",
    async (shape) => {
      for (let seed = 0; seed < 6; seed++) {
        const sheet = shapedSheet(shape, 31_000 + seed);
        const { cli, pane } = await paneAndCli(sheet.grid, `${shape}-${seed}`);
        expect(cli.tables.filter((t) => t.kind === "participants")).toHaveLength(sheet.lists.length);
        expect(pane).toEqual(cli);
      }
    },
  );
});

async function syncsOf(shape: "two-row-header" | "one-list-per-insats" | "counts-by-kon", rows: number) {
  const book = FakeBook.fromGrids([shapedSheet(shape, 5, rows).grid]);
  const host = fakeHost(book);
  book.syncs = 0;
  const imported = await importSource(host, { kind: "sheet", sheet: "Deltagare" });
  const read = book.syncs;
  book.syncs = 0;
  const converted = await convert(host, { kind: "sheet", sheet: "Deltagare" });
  const first = converted.reading.tables[0];
  return {
    read,
    converted: book.syncs,
    rows: first?.kind === "participants" ? first.rows : null,
    tables: imported.reading.tables.length,
  };
}

describe("round trips", () => {
  it.each(["two-row-header", "one-list-per-insats", "counts-by-kon"] as const)(
    "When a sheet of the shape %s holds 20 or 20 000 participants, then the pane reads it in the same number of syncs",
    async (shape) => {
      const small = await syncsOf(shape, 20);
      const large = await syncsOf(shape, 20_000);
      expect([small.rows, large.rows]).toEqual([20, 20_000]);
      expect(large.tables).toBe(small.tables);
      expect(large.read).toBe(small.read);
      if (shape !== "one-list-per-insats") expect(large.converted).toBe(small.converted);
      // The normalised list of several lists carries an insats column: 20 000 rows of it pass the
      // 4 MB a request may carry, so the write takes one run more (write-budget.ts), never one per row.
      else expect(large.converted - small.converted).toBe(1);
    },
    60_000,
  );
});
