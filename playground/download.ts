/**
 * "Ladda ned arbetsboken": the fake workbook as an .xlsx that prints as `samsyn convert`'s
 * does. saveBook (fake-excel/xlsx.ts) writes the cells, tables, notes and merges; this adds
 * what printing needs — each sheet's column widths by Excel's rule, bold, the page layout the
 * pane set (orientation, one page wide, the header row repeated, the title in the page header)
 * — and saves each formula with the value the playground calculated, so a preview shows
 * figures, not blanks. Also reads a file's own widths and bold, for the source sheets.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { columnLetters, EXCEL_COLUMNS } from "../shared/grid";
import type { FakeBook, FakeSheet } from "./fake-excel/book";
import { Calculator, isCalcError } from "./fake-excel/calculate";
import { type CellFont, fontsOf, type LayoutJson } from "./fake-excel/layout";
import { saveBook } from "./fake-excel/xlsx";

/** Points to Excel's width in characters: points = (characters × 7 px + 5 px) × 0.75 (addin/excel/write.ts). */
const characters = (points: number) => Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
const points = (chars: number) => (chars * 7 + 5) * 0.75;

function printSettings(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  const layout = sheet.pageLayout;
  if (!layout) return;
  ws.pageSetup.orientation = layout.orientation === "Landscape" ? "landscape" : "portrait";
  if (layout.fitToPagesWide !== null || layout.fitToPagesTall !== null) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = layout.fitToPagesWide ?? 0;
    ws.pageSetup.fitToHeight = layout.fitToPagesTall ?? 0;
  }
  if (layout.printTitleRows) ws.pageSetup.printTitlesRow = layout.printTitleRows.replaceAll("$", "");
  if (layout.centerHeader)
    ws.headerFooter = { ...(ws.headerFooter ?? {}), oddHeader: `&C${layout.centerHeader}` };
}

function formulaResults(ws: ExcelJS.Worksheet, sheet: FakeSheet, calc: Calculator): void {
  for (const [k, cell] of sheet.cells) {
    if (!cell.formula) continue;
    const row = Math.floor(k / EXCEL_COLUMNS);
    const col = k % EXCEL_COLUMNS;
    const value = calc.value(sheet, row, col);
    const target = ws.getCell(row + 1, col + 1);
    const result = isCalcError(value) ? { error: value.error } : (value ?? undefined);
    target.value = { formula: cell.formula.slice(1), result } as ExcelJS.CellFormulaValue;
  }
}

/** Saves the book at `path` with its widths, bold, print settings and calculated values. */
export async function saveDownload(book: FakeBook, path: string): Promise<void> {
  await saveBook(book, path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const calc = new Calculator(book);
  for (const sheet of book.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const [key, font] of fontsOf(sheet)) {
      const [row, col] = key.split(":").map(Number) as [number, number];
      const cell = ws.getCell(row + 1, col + 1);
      cell.font = { ...(cell.font ?? {}), ...font };
    }
    for (const [col, width] of sheet.columnWidths) ws.getColumn(columnLetters(col)).width = characters(width);
    for (const key of sheet.bold) {
      const [row, col] = key.split(":").map(Number) as [number, number];
      const cell = ws.getCell(row + 1, col + 1);
      cell.font = { ...(cell.font ?? {}), bold: true };
    }
    formulaResults(ws, sheet, calc);
    printSettings(ws, sheet);
  }
  await workbook.xlsx.writeFile(path);
}

/** A file's own column widths (points) and bold cells, by sheet: what the fake's reading leaves out. */
export async function readLayout(file: string | Buffer): Promise<LayoutJson> {
  const workbook = new ExcelJS.Workbook();
  const bytes = typeof file === "string" ? await readFile(file) : file;
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return {
    sheets: workbook.worksheets.map((ws) => {
      const columnWidths: [number, number][] = [];
      ws.columns?.forEach((column, i) => {
        if (column.width !== undefined && column.width > 0) columnWidths.push([i, points(column.width)]);
      });
      const bold: string[] = [];
      const fonts: [string, CellFont][] = [];
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const key = `${r - 1}:${c - 1}`;
          if (cell.font?.bold) bold.push(key);
          const { size, italic } = cell.font ?? {};
          if (size !== undefined || italic)
            fonts.push([
              key,
              { ...(size !== undefined ? { size } : {}), ...(italic ? { italic: true } : {}) },
            ]);
        }),
      );
      // The user's own print settings, where they set any.
      const setup = ws.pageSetup;
      const pageLayout =
        setup.orientation === "landscape" || setup.fitToPage
          ? {
              orientation: setup.orientation === "landscape" ? ("Landscape" as const) : ("Portrait" as const),
              fitToPagesWide: setup.fitToPage ? (setup.fitToWidth ?? 1) : null,
              fitToPagesTall: setup.fitToPage ? (setup.fitToHeight ?? 1) : null,
              printTitleRows: setup.printTitlesRow ?? null,
              centerHeader: null,
            }
          : null;
      return { name: ws.name, columnWidths, bold, pageLayout, fonts };
    }),
  };
}
