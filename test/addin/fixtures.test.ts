/**
 * Every real fixture through the add-in (the fake Excel): the same tables, totals and issues
 * as `samsyn inspect` on the same file, and the same output cells as the exceljs writer.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook, saveBook } from "../../playground/fake-excel/xlsx";
import type { Issue } from "../../shared/issues";
import { inspectResult, readWorkbook } from "../../shared/read-workbook";
import type { Table } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { writeOutputSheets } from "../../xlsx/write";

const FIXTURES = resolve("../shared/fixtures");
const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

/** [address, value or "=formula"] of every non-empty cell of an exceljs sheet. */
function sheetCells(ws: ExcelJS.Worksheet): [string, unknown][] {
  const out: [string, unknown][] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v === null || v === undefined || v === "") return;
      out.push([cell.address, cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : v]);
    }),
  );
  return out;
}

function tableRefs(ws: ExcelJS.Worksheet): [string, string][] {
  const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
  return Object.values(tables).map((t) => {
    const model = (t as unknown as { table: { name: string; tableRef?: string; ref?: string } }).table;
    return [model.name, model.tableRef ?? model.ref ?? ""];
  });
}

describe.each(files)("fixture %s", (file) => {
  it("gives the same tables, totals and issues as samsyn inspect, and the same cells as the exceljs writer", async () => {
    const path = join(FIXTURES, file);
    const grids = await readWorkbookFile(path);
    const cli = inspectResult(readWorkbook(grids), file);

    const book = await loadBook(path);
    const host = fakeHost(book);
    const tables: Table[] = [];
    const issues: Issue[] = [];
    const planned = [];
    for (const grid of grids) {
      book.syncs = 0;
      const converted = await convert(host, { kind: "sheet", sheet: grid.sheet });
      expect(book.syncs).toBe(4);
      tables.push(...converted.reading.tables);
      issues.push(...converted.reading.issues);
      planned.push(...converted.sheets);
    }
    const addin = inspectResult({ tables, issues, outputSheets: () => [], participantReadings: [] }, file);
    expect(addin).toEqual(cli);

    // Save the fake workbook and render the same plan with the exceljs writer: same cells, same tables.
    const dir = mkdtempSync(join(tmpdir(), "samsyn-addin-"));
    await saveBook(book, join(dir, "addin.xlsx"));
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.readFile(join(dir, "addin.xlsx"));
    const theirs = new ExcelJS.Workbook();
    writeOutputSheets(theirs, planned);
    await theirs.xlsx.writeFile(join(dir, "cli.xlsx"));
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(join(dir, "cli.xlsx"));
    for (const sheet of planned) {
      const a = ours.getWorksheet(sheet.name)!;
      const b = reread.getWorksheet(sheet.name)!;
      expect(sheetCells(a).length).toBeGreaterThan(0);
      expect(sheetCells(a)).toEqual(sheetCells(b));
      expect(tableRefs(a)).toEqual(tableRefs(b));
    }
    // Every summary formula is a live formula in the workbook.
    const formulas = planned
      .flatMap((s) => s.tables.flatMap((t) => t.summaryRows.flat()))
      .filter((c) => c !== null && typeof c === "object").length;
    const written = planned
      .flatMap((s) => sheetCells(ours.getWorksheet(s.name)!))
      .filter(([, v]) => String(v).startsWith("="));
    expect(written.length).toBeGreaterThanOrEqual(formulas);
  });
});
