/**
 * Column names with every special character Excel's structured-reference grammar names: the
 * plan's references are ones Excel takes typed (the fake refuses the others, as Excel does),
 * and recalculated by LibreOffice they give the sums, with those sums saved beside them.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeConversion } from "../../addin/excel/write";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { structuredReferenceError } from "../../playground/fake-excel/formula";
import { gridFromRows } from "../../shared/grid";
import { columnRef, computed, layoutSheet, type OutputSheet } from "../../shared/output";
import { writeOutputSheets } from "../../xlsx/write";
import { recalculate, shownValue } from "../support/libreoffice";

/** Every character Microsoft lists as special in a column specifier, and a space. */
const SPECIALS = [
  "\t",
  "\n",
  "\r",
  ",",
  ":",
  ".",
  "[",
  "]",
  "#",
  "'",
  '"',
  "{",
  "}",
  "$",
  "^",
  "&",
  "*",
  "+",
  "=",
  "-",
  ">",
  "<",
  "/",
  " ",
];
const headers = SPECIALS.map((ch, i) => `K${i}${ch}x`);

const plan: OutputSheet = {
  name: "Samsyn Tecken",
  heading: ["Kolumner med specialtecken"],
  tables: [
    {
      name: "Tecken",
      columns: headers.map((header) => ({ header })),
      rows: [headers.map((_, i) => i + 1), headers.map((_, i) => 10 * (i + 1))],
      summaryRows: [headers.map((h, i) => computed(`=SUM(${columnRef("Tecken", h)})`, 11 * (i + 1)))],
    },
  ],
};

describe("When column names hold Excel's special characters", () => {
  it("then the fake refuses each in single brackets and takes the escaped double-bracket form", () => {
    for (const h of headers.filter((h) => !h.includes(" "))) {
      const single = `=SUM(Tecken[${h.replace(/['#[\]]/g, "'$&")}])`;
      expect(structuredReferenceError(single), JSON.stringify(single)).not.toBeNull();
      expect(structuredReferenceError(`=SUM(${columnRef("Tecken", h)})`), h).toBeNull();
    }
    // A space alone needs no double brackets; an unescaped # is refused even doubled.
    expect(structuredReferenceError("=SUM(T[Budget 2008])")).toBeNull();
    expect(structuredReferenceError("=SUM(T[[#Antal]])")).not.toBeNull();
    expect(structuredReferenceError('=SUMIFS(T[[2009-2010]],T[Avsnitt],"[x-y]")')).toBeNull();
  });

  it("then the add-in writes them into the fake without a refusal", async () => {
    const book = FakeBook.fromGrids([gridFromRows("Källa", [["a"]])]);
    await writeConversion(fakeHost(book), {
      source: "Källa",
      sourceId: book.sheets[0]!.id,
      sheets: [plan],
      marks: [],
      corrections: {},
      outputs: {},
    });
    const [p] = layoutSheet(plan);
    const sheet = book.sheets.find((s) => s.name === plan.name)!;
    expect(sheet.cell(p!.firstSummaryRow - 1, 0)?.formula).toBe(`=SUM(${columnRef("Tecken", headers[0]!)})`);
  });

  it("then LibreOffice's recalculation gives each column's sum, and the file saved that sum already", async () => {
    const workbook = new ExcelJS.Workbook();
    writeOutputSheets(workbook, [plan]);
    const file = join(mkdtempSync(join(tmpdir(), "samsyn-special-")), "tecken.xlsx");
    await workbook.xlsx.writeFile(file);
    const [p] = layoutSheet(plan);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(file);
    const row = (wb: ExcelJS.Workbook) =>
      headers.map((_, c) => shownValue(wb.getWorksheet(plan.name)!.getCell(p!.firstSummaryRow, c + 1)));
    const expected = headers.map((_, i) => 11 * (i + 1));
    expect(row(saved)).toEqual(expected);
    expect(row(await recalculate(file))).toEqual(expected);
  });
});
