/**
 * What a conversion writes, as plain data: sheets holding one or more Excel tables, with
 * live formula rows under them. Both writers — exceljs (CLI, service) and office.js (the
 * add-in) — render the same plan, so the two ends give the same workbook.
 * Formulas are English with commas (`=SUMIFS(...)`), as both Range.formulas and exceljs take them.
 */
import type { CellValue } from "./grid";

export interface Formula {
  readonly formula: string;
}

/**
 * A formula with the value the core computed for it. Range.formulas ignores the value (Excel
 * calculates); a file writer saves it beside the formula, for previews and importers that
 * show an uncalculated formula as blank.
 */
export interface ComputedFormula extends Formula {
  readonly result: number | string;
}

export type OutputCell = CellValue | Formula;

export const isFormula = (cell: OutputCell): cell is Formula =>
  cell !== null && typeof cell === "object" && "formula" in cell;

export const hasResult = (cell: OutputCell): cell is ComputedFormula => isFormula(cell) && "result" in cell;

export const computed = (formula: string, result: number | string): ComputedFormula => ({ formula, result });

export interface OutputColumn {
  readonly header: string;
  /** Invariant (US-style) number format code, e.g. '# ##0 "kr"' is NOT allowed; use "#,##0". */
  readonly numberFormat?: string;
  /** Width in characters, a hint. */
  readonly width?: number;
}

export interface OutputTable {
  /** Excel table name: letter or _ first, no spaces, unique in the workbook. */
  readonly name: string;
  readonly columns: readonly OutputColumn[];
  /** The data body, one array per row, one cell per column. */
  readonly rows: readonly (readonly OutputCell[])[];
  /** Rows written right under the table (totals, över-/underskott), formulas over the table. */
  readonly summaryRows: readonly (readonly OutputCell[])[];
}

export interface OutputSheet {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ]. */
  readonly name: string;
  /** Lines written above the first table (title, source, notes). */
  readonly heading: readonly string[];
  readonly tables: readonly OutputTable[];
  /** Printed on one page, tall as well as wide (the follow-up sheet); else one page wide, as tall as it takes. */
  readonly onePage?: boolean;
}

const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;

/** A valid, unique sheet name (≤ 31 chars) from a wish, avoiding the names taken. */
export function uniqueSheetName(wish: string, taken: ReadonlySet<string>): string {
  // Excel refuses a name that starts or ends with an apostrophe: trim them after cutting to length.
  const base =
    wish
      .replace(SHEET_FORBIDDEN, " ")
      .trim()
      .slice(0, 31)
      .replace(/^['\s]+|['\s]+$/g, "") || "Samsyn";
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Every sheet a conversion adds is named "Samsyn …", so that reading a converted workbook
 * again skips what Samsyn wrote instead of counting it twice.
 */
export const OUTPUT_SHEET_PREFIX = "Samsyn ";

export const isOutputSheet = (name: string): boolean => name.startsWith(OUTPUT_SHEET_PREFIX);

/** A unique "Samsyn …" sheet name for a conversion's output; the name is added to `taken`. */
export function outputSheetName(wish: string, taken: Set<string>): string {
  const name = uniqueSheetName(isOutputSheet(wish) ? wish : OUTPUT_SHEET_PREFIX + wish, taken);
  taken.add(name);
  return name;
}

/** A valid, unique Excel table name from a wish ("Budget 2008" → "Budget_2008"). */
export function uniqueTableName(wish: string, taken: ReadonlySet<string>): string {
  let base = wish
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  // Names that look like cell references are refused by Excel: an A1 reference, or (MS-XLSB
  // 2.5.166) anything that begins with an R1C1 one ("R1C1", "C2_Kostnader", "RC").
  if (/^([RrCc]\d|[Rr][Cc](\d|$)|[Cc][Rr](\d|$))/.test(base)) base = `T_${base}`;
  else if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base)) base = `${base}_`;
  base = base.slice(0, 200) || "Samsyn";
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}

/**
 * Characters that make Excel want a column specifier in double brackets (Budget[[2009-2010]]);
 * a space alone does not. Microsoft, "Using structured references with Excel tables".
 */
const SPECIAL_IN_COLUMN = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/**
 * A structured reference to a whole table column as Excel takes it typed (Range.formulas):
 * `[ ] # '` escaped with an apostrophe, and double brackets around a name with a special
 * character ("Över-/underskott" → T[[Över-/underskott]]). LibreOffice accepts the single-bracket
 * form too, so its recalculation cannot prove this; the fake Excel refuses it, as Excel does.
 */
export function columnRef(table: string, column: string): string {
  const escaped = column.replace(/['#[\]]/g, (ch) => `'${ch}`);
  return SPECIAL_IN_COLUMN.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/**
 * A reference to one column's cell in the formula's own row, in the form the file format
 * stores and Excel also takes typed: `T[[#This Row],[Utfall 2023]]` (Excel shows it as
 * `[@[Utfall 2023]]`; the "@" form is the editor's shorthand, not the file's grammar, MS-OE376
 * 3.2.3.1.1). The column is always in brackets of its own, so no special character needs more.
 */
export function thisRowRef(table: string, column: string): string {
  return `${table}[[#This Row],[${column.replace(/['#[\]]/g, (ch) => `'${ch}`)}]]`;
}

/** Where a table of a sheet goes: 1-based sheet rows, first column A. */
export interface TablePlacement {
  readonly table: OutputTable;
  readonly headerRow: number;
  /** Body rows (at least one: an Excel table cannot have an empty body). */
  readonly firstBodyRow: number;
  readonly lastBodyRow: number;
  /** First row of the summary rows, one blank row under the table. */
  readonly firstSummaryRow: number;
}

/**
 * The layout both writers follow: heading lines from A1, a blank row, then each table with its
 * summary rows one blank row under it (a row written right under an Excel table would join
 * it), tables separated by two blank rows.
 */
export function layoutSheet(sheet: OutputSheet): TablePlacement[] {
  const placements: TablePlacement[] = [];
  let row = sheet.heading.length + (sheet.heading.length > 0 ? 2 : 1);
  for (const table of sheet.tables) {
    const headerRow = row;
    const bodyRows = Math.max(1, table.rows.length);
    const lastBodyRow = headerRow + bodyRows;
    const firstSummaryRow = lastBodyRow + 2;
    placements.push({ table, headerRow, firstBodyRow: headerRow + 1, lastBodyRow, firstSummaryRow });
    row = (table.summaryRows.length > 0 ? firstSummaryRow + table.summaryRows.length : lastBodyRow + 1) + 2;
  }
  return placements;
}

/** How a sheet prints: one page wide, the main table's header row on every page, the title in the page header. */
export interface PrintLayout {
  readonly orientation: "portrait" | "landscape";
  /** 1-based sheet row repeated at the top of every printed page. */
  readonly titleRow: number | null;
  /** The page header's text (the sheet's first heading line). */
  readonly header: string;
  /** Pages tall to fit to: 1 for a sheet printed on one page, 0 (as many as it takes) otherwise. */
  readonly pagesTall?: 0 | 1;
}

/** Points per row and per character of width (Excel's defaults: 15 pt rows, 7 px digits). */
const ROW_POINTS = 15;
const charPoints = (width: number) => ((width * 7 + 5) * 3) / 4;

/**
 * Landscape where the content is wider than tall, portrait otherwise; printed one page wide
 * either way (the writers set fit-to-width 1, any number of pages tall).
 */
export function printLayout(sheet: OutputSheet): PrintLayout {
  const placements = layoutSheet(sheet);
  const widths = new Map<number, number>();
  for (const t of sheet.tables)
    t.columns.forEach((c, i) => {
      widths.set(i, Math.max(widths.get(i) ?? 8.43, c.width ?? 8.43));
    });
  const wide = [...widths.values()].reduce((n, w) => n + charPoints(w), 0);
  const last = placements.at(-1);
  const rows = last ? last.firstSummaryRow + last.table.summaryRows.length : sheet.heading.length;
  return {
    orientation: wide > rows * ROW_POINTS ? "landscape" : "portrait",
    titleRow: placements[0]?.headerRow ?? null,
    header: sheet.heading[0] ?? sheet.name,
    pagesTall: sheet.onePage ? 1 : 0,
  };
}

/** Page header text as Excel's header codes take it: & starts a code, so a literal & is doubled. */
export const pageHeaderText = (text: string): string => text.replace(/&/g, "&&");
