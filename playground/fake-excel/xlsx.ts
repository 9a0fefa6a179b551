/**
 * Node-only edge of the fake: a FakeBook from an .xlsx file (through the service's exceljs
 * reader, so the fake holds the cells the command line sees) and a FakeBook saved as .xlsx
 * with exceljs — tables as real exceljs tables, formulas kept, charts left out — for checking
 * with exceljs.
 */
import ExcelJS from "exceljs";
import { columnLetters, EXCEL_COLUMNS, rangeToA1, toA1 } from "../../shared/grid";
import { readWorkbookFile } from "../../xlsx/read";
import { FakeBook, type FakeCell, type FakeSheet } from "./book";

export async function loadBook(path: string): Promise<FakeBook> {
  return FakeBook.fromGrids(await readWorkbookFile(path));
}

function cellValue(cell: FakeCell | undefined): ExcelJS.CellValue {
  if (!cell) return null;
  if (cell.formula)
    return { formula: cell.formula.slice(1), result: cell.value ?? undefined } as ExcelJS.CellFormulaValue;
  return cell.value;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function saveSheet(workbook: ExcelJS.Workbook, book: FakeBook, sheet: FakeSheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  const inTable = new Set<string>();
  for (const table of book.tables.filter((t) => t.sheet === sheet)) {
    const { start, end } = table.range;
    const columns: { name: string }[] = [];
    for (let c = start.col; c <= end.col; c++)
      columns.push({ name: String(sheet.cell(start.row, c)?.value ?? `Column${c - start.col + 1}`) });
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = start.row + 1; r <= end.row; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = start.col; c <= end.col; c++) row.push(cellValue(sheet.cell(r, c)));
      rows.push(row);
    }
    ws.addTable({
      name: table.name,
      ref: toA1(start),
      headerRow: true,
      style: { theme: table.style as "TableStyleMedium2" },
      columns,
      rows,
    });
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.col; c <= end.col; c++) inTable.add(`${r}:${c}`);
  }
  for (const [k, cell] of sheet.cells) {
    const row = Math.floor(k / EXCEL_COLUMNS);
    const col = k % EXCEL_COLUMNS;
    const target = ws.getCell(row + 1, col + 1);
    if (!inTable.has(`${row}:${col}`)) target.value = cellValue(cell);
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
    if (cell.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.fill) } };
  }
  for (const [a1, text] of sheet.notes) ws.getCell(a1).note = text;
  for (const m of sheet.merges) ws.mergeCells(rangeToA1(m));
  for (const [c, points] of sheet.columnWidths) ws.getColumn(columnLetters(c)).width = points / 7;
  // Hidden columns stay hidden (the comparison's gap columns are not for print).
  for (const c of sheet.hiddenColumns) ws.getColumn(columnLetters(c)).hidden = true;
}

/**
 * The workbook as .xlsx: sheets, cells, formulas, tables, notes, merges. Not its charts:
 * exceljs cannot write charts (it reads and writes drawings of images only), so a saved book
 * has the charts' data but not the charts; book.charts (and toJSON) still hold them.
 */
export async function saveBook(book: FakeBook, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of book.sheets) saveSheet(workbook, book, sheet);
  await workbook.xlsx.writeFile(path);
}
