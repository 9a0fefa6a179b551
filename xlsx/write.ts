/**
 * Renders the core's conversion plan (shared/output.ts) into an exceljs workbook: real Excel
 * tables with a header row, live formula rows under them. The add-in renders the same plan
 * through office.js, with the same layout (layoutSheet).
 */
import type ExcelJS from "exceljs";
import {
  hasResult,
  isFormula,
  layoutSheet,
  type OutputCell,
  type OutputSheet,
  type PrintLayout,
  pageHeaderText,
  printLayout,
} from "../shared/output";
import { deflateStoredZip } from "./zip";

/**
 * The workbook as .xlsx bytes, deflated by Node's zlib: exceljs stores the parts and zip.ts
 * deflates them, several times faster than exceljs's own JavaScript deflate, same package.
 */
export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // Typed as exceljs's own Buffer (an ArrayBuffer); under Node it is a Buffer.
  const stored: unknown = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return deflateStoredZip(Buffer.isBuffer(stored) ? stored : Buffer.from(stored as ArrayBuffer));
}

/** One page wide (any number tall, or one for a one-page sheet), the header row on every page, the title in the page header. */
export function setPrinting(ws: ExcelJS.Worksheet, print: PrintLayout): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: print.pagesTall ?? 0,
    ...(print.titleRow === null ? {} : { printTitlesRow: `${print.titleRow}:${print.titleRow}` }),
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&C${pageHeaderText(print.header)}` };
}

export function writeOutputSheets(workbook: ExcelJS.Workbook, sheets: readonly OutputSheet[]): void {
  const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();
  const sharedNumFmtStyle = (numFmt: string): Partial<ExcelJS.Style> => {
    let style = sharedStyles.get(numFmt);
    if (!style) {
      style = { numFmt };
      sharedStyles.set(numFmt, style);
    }
    return style;
  };
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.heading.forEach((line, i) => {
      ws.getCell(i + 1, 1).value = line;
    });
    if (sheet.heading.length > 0) ws.getCell(1, 1).font = { bold: true, size: 14 };
    setPrinting(ws, printLayout(sheet));
    for (const placement of layoutSheet(sheet)) {
      const { table } = placement;
      const body = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
      ws.addTable({
        name: table.name,
        ref: `A${placement.headerRow}`,
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: table.columns.map((column) => ({ name: column.header, filterButton: true })),
        rows: body.map((row) => row.map(toExcelJs)),
      });
      table.summaryRows.forEach((row, i) => {
        const excelRow = ws.getRow(placement.firstSummaryRow + i);
        row.forEach((cell, c) => {
          excelRow.getCell(c + 1).value = toExcelJs(cell);
        });
        excelRow.font = { bold: true };
      });
      table.columns.forEach((column, c) => {
        const col = ws.getColumn(c + 1);
        if (column.width !== undefined) col.width = Math.max(col.width ?? 0, column.width);
        if (column.numberFormat === undefined) return;
        const last = placement.firstSummaryRow + table.summaryRows.length - 1;
        // A cell with no style of its own shares one style object per format: exceljs then
        // serialises that style once when writing (its per-object cache), not once per cell.
        // Nothing may change a shared style afterwards.
        const shared = sharedNumFmtStyle(column.numberFormat);
        for (let r = placement.firstBodyRow; r <= Math.max(last, placement.lastBodyRow); r++) {
          const cell = ws.getRow(r).getCell(c + 1);
          if (isUnstyled(cell.style)) cell.style = shared;
          else cell.numFmt = column.numberFormat;
        }
      });
    }
  }
}

function isUnstyled(style: Partial<ExcelJS.Style> | undefined): boolean {
  if (!style) return true;
  for (const _ in style) return false;
  return true;
}

/**
 * A formula goes with the value the core computed (an uncalculated file shows it in previews,
 * pandas, Power BI); text goes as a text cell, which Excel never runs, so it needs no apostrophe.
 */
function toExcelJs(cell: OutputCell): ExcelJS.CellValue {
  if (!isFormula(cell)) return cell;
  const formula = cell.formula.replace(/^=/, "");
  return (hasResult(cell) ? { formula, result: cell.result } : { formula }) as ExcelJS.CellFormulaValue;
}
