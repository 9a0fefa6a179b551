/**
 * One plan sheet written into a worksheet: its heading, each table as one 2D array through
 * Range.formulas (in payload-sized runs) with a real Excel table over it, the summary rows, the
 * number formats, and on a new sheet the widths and print settings. Used by the conversion and
 * by the network sheet.
 */
import { columnLetters, rangeToA1 } from "../../shared/grid";
import type { OutputCell, OutputSheet, OutputTable, TablePlacement } from "../../shared/output";
import { isFormula, layoutSheet, pageHeaderText, printLayout } from "../../shared/output";
import { type ExcelInput, estimateBytes, toExcelInput } from "./cells";
import { chunksOf, type RequestBudget } from "./write-budget";

/** A1 area from 1-based rows, columns from A. */
export const area = (firstRow: number, lastRow: number, columns: number): string =>
  rangeToA1({
    start: { row: firstRow - 1, col: 0 },
    end: { row: lastRow - 1, col: Math.max(columns, 1) - 1 },
  });

export interface SheetPlan {
  readonly sheet: OutputSheet;
  readonly placements: readonly TablePlacement[];
  /** 1-based last row and widest column count: the area a refresh clears. */
  readonly lastRow: number;
  readonly columns: number;
}

export function planSheet(sheet: OutputSheet): SheetPlan {
  const placements = layoutSheet(sheet);
  let lastRow = sheet.heading.length;
  let columns = 1;
  for (const p of placements) {
    lastRow = Math.max(lastRow, p.lastBodyRow, p.firstSummaryRow + p.table.summaryRows.length - 1);
    columns = Math.max(columns, p.table.columns.length, ...p.table.summaryRows.map((r) => r.length));
  }
  return { sheet, placements, lastRow, columns };
}

export interface PlacedTable {
  readonly name: string;
  /** The existing table to resize, or null to create one. */
  readonly existing: Excel.Table | null;
}

function padRow(row: readonly ExcelInput[], width: number): ExcelInput[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push("");
  return out;
}

/** Structured references follow a table that had to take another name ("Budget[2008]" → "Budget_2[2008]"). */
function renameInFormulas(cell: OutputCell, renames: ReadonlyMap<string, string>): OutputCell {
  if (!isFormula(cell) || renames.size === 0) return cell;
  let formula = cell.formula;
  for (const [from, to] of renames) {
    formula = formula.replace(
      new RegExp(`(?<![A-Za-z0-9_.])${from.replace(/[.\\]/g, "\\$&")}\\[`, "g"),
      `${to}[`,
    );
  }
  return { formula };
}

/** Columns of the body holding a formula over a cell of its own row in its own table (T[[#This Row],[…]]). */
function ownRowColumns(table: OutputTable): Set<number> {
  const own = `${table.name}[[#This Row]`;
  const columns = new Set<number>();
  for (const row of table.rows)
    row.forEach((cell, c) => {
      if (isFormula(cell) && cell.formula.includes(own)) columns.add(c);
    });
  return columns;
}

/**
 * Range.format.columnWidth is in points; a plan's width is in characters, as exceljs and the
 * file format count them. Excel's rule (ECMA-376 Part 1, 18.3.1.13 col, "width"): a column n
 * characters wide is n × the maximum digit width (7 px in Calibri 11) plus 5 px of padding;
 * a pixel is 0.75 point at 96 dpi. So 14 characters are 103 px, 77.25 points — not 14 × 7 points.
 */
export const columnWidthPoints = (characters: number): number => ((characters * 7 + 5) * 3) / 4;

/** One plan sheet's cells, its tables (made or resized) and their formats; shared with the network sheet. */
export async function writeSheet(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  tables: readonly PlacedTable[],
  renames: ReadonlyMap<string, string>,
  budget: RequestBudget,
  isNew: boolean,
  advance: (rows: number) => void,
): Promise<void> {
  const { sheet } = plan;
  if (sheet.heading.length > 0) {
    const heading = sheet.heading.map((line) => [toExcelInput(line)]);
    await budget.reserve(heading.reduce((n, row) => n + estimateBytes(row), 0));
    ws.getRange(area(1, sheet.heading.length, 1)).formulas = heading;
    advance(sheet.heading.length);
  }
  for (const [i, p] of plan.placements.entries()) {
    const { table } = p;
    const columns = table.columns.length;
    const bodyRows = p.lastBodyRow - p.headerRow;
    // A column whose formulas name their own table's row ("Avvikelse 2023") goes in once the
    // table is there: before, its name and column name refer to nothing.
    const ownRow = ownRowColumns(table);
    const matrix: ExcelInput[][] = [table.columns.map((c) => toExcelInput(c.header))];
    for (let r = 0; r < bodyRows; r++) {
      matrix.push(
        padRow(
          (table.rows[r] ?? []).map((cell, c) =>
            ownRow.has(c) ? "" : toExcelInput(renameInFormulas(cell, renames)),
          ),
          columns,
        ),
      );
    }
    for (const chunk of chunksOf(matrix)) {
      await budget.reserve(chunk.bytes);
      const first = p.headerRow + chunk.start;
      ws.getRange(area(first, first + chunk.count - 1, columns)).formulas = matrix.slice(
        chunk.start,
        chunk.start + chunk.count,
      );
      advance(chunk.count);
    }
    const address = area(p.headerRow, p.lastBodyRow, columns);
    const placed = tables[i]!;
    if (placed.existing) {
      placed.existing.resize(ws.getRange(address));
    } else {
      // A Range, not a string: a string address without a sheet name means the active sheet.
      const created = ws.tables.add(ws.getRange(address), true);
      created.name = placed.name;
      created.style = "TableStyleMedium2";
    }
    for (const c of ownRow) {
      const column = matrix
        .slice(1)
        .map((_, r) => [toExcelInput(renameInFormulas(table.rows[r]?.[c] ?? null, renames))]);
      await budget.reserve(column.reduce((n, row) => n + estimateBytes(row), 0));
      const col = columnLetters(c);
      ws.getRange(`${col}${p.firstBodyRow}:${col}${p.lastBodyRow}`).formulas = column;
    }
    const lastSummaryRow = p.firstSummaryRow + table.summaryRows.length - 1;
    if (table.summaryRows.length > 0) {
      const width = Math.max(columns, ...table.summaryRows.map((r) => r.length));
      const summary = table.summaryRows.map((row) =>
        padRow(
          row.map((cell) => toExcelInput(renameInFormulas(cell, renames))),
          width,
        ),
      );
      await budget.reserve(summary.reduce((n, row) => n + estimateBytes(row), 0));
      ws.getRange(area(p.firstSummaryRow, lastSummaryRow, width)).formulas = summary;
      if (isNew) ws.getRange(area(p.firstSummaryRow, lastSummaryRow, width)).format.font.bold = true;
      advance(summary.length);
    }
    // Number formats down the body and the summary rows, as full 2D arrays (what every API version takes).
    const lastFormatted = Math.max(p.lastBodyRow, lastSummaryRow);
    for (const [c, column] of table.columns.entries()) {
      if (!column.numberFormat) continue;
      const count = lastFormatted - p.firstBodyRow + 1;
      await budget.reserve(count * (column.numberFormat.length + 5));
      const col = columnLetters(c);
      ws.getRange(`${col}${p.firstBodyRow}:${col}${lastFormatted}`).numberFormat = Array.from(
        { length: count },
        () => [column.numberFormat],
      );
    }
  }
  // Widths, print settings and the title's weight only on a new sheet: on refresh the user's formatting stays.
  if (isNew) {
    if (sheet.heading.length > 0) ws.getRange("A1").format.font.bold = true;
    // One page wide, as many tall as it takes (0: automatic, as the file format's fitToHeight),
    // the main table's header row on every page, the title in the page header. ExcelApi 1.9.
    const print = printLayout(sheet);
    ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.pagesTall ?? 0 };
    if (print.titleRow !== null) ws.pageLayout.setPrintTitleRows(`$${print.titleRow}:$${print.titleRow}`);
    ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = pageHeaderText(print.header);
    const widths = new Map<number, number>();
    for (const t of sheet.tables) {
      t.columns.forEach((c, i) => {
        if (c.width) widths.set(i, Math.max(widths.get(i) ?? 0, c.width));
      });
    }
    for (const [c, width] of widths) {
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = columnWidthPoints(width);
    }
  }
}
