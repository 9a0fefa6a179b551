/**
 * A worksheet read by `sheet-xml.ts`, finished into the core's grid once the whole package
 * is known: number formats from the styles, dates in the workbook's date system, hyperlinks
 * and merged ranges applied as exceljs applies them — so the grid is the one `gridsOf` makes
 * from a whole-workbook read. Merged ranges are ranges here: no cell is made for each cell
 * they cover, only the rows that show them are as long as Excel's used range would be.
 */
import type { CellValue, Grid, RangeAddress } from "../shared/grid";
import { columnLetters, EXCEL_COLUMNS, parseA1 } from "../shared/grid";
import { dateSerial } from "./cell-value";
import { isDateFmt } from "./exceljs-internals";
import type { MergedRange } from "./package";
import { codeOf, Kind, kindOf, type RawRow, type RawSheet, styleOf } from "./sheet-xml";

/** Number format of a style index (undefined for none), as exceljs's styles answer it. */
export type FormatOf = (style: number) => string | undefined;

export interface SheetContext {
  readonly formatOf: FormatOf;
  readonly date1904: boolean;
  readonly merges: readonly MergedRange[];
}

/** Kinds that put something in the grid (a value, or a merged cell's format). */
const shown = (kind: Kind): boolean => kind <= Kind.formulaEmpty || kind === Kind.merged;

/**
 * Applies dates, hyperlinks and merges to the sheet in place, and answers the cells exceljs
 * would count for it (its row count × column count), which the reader holds to its limit
 * before it builds any grid.
 */
export function finishSheet(sheet: RawSheet, context: SheetContext): number {
  applyDates(sheet, context);
  applyHyperlinks(sheet);
  const lastRow = applyMerges(sheet, context);
  return lastRow * columnCount(sheet);
}

/** exceljs makes a Date of a number (and of any formula result) under a date format. */
function applyDates(sheet: RawSheet, { formatOf, date1904 }: SheetContext): void {
  const isDate = new Map<number, boolean>();
  const dateStyle = (style: number) => {
    let answer = isDate.get(style);
    if (answer === undefined) {
      answer = isDateFmt(formatOf(style));
      isDate.set(style, answer);
    }
    return answer;
  };
  for (const row of sheet.rows) {
    if (row === undefined) continue;
    const { values, codes } = row;
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c];
      if (code === undefined) continue;
      const kind = kindOf(code);
      if (kind !== Kind.number && kind !== Kind.formula && kind !== Kind.formulaError) continue;
      if (!dateStyle(styleOf(code))) continue;
      const value = values[c] ?? null;
      values[c] = kind === Kind.formulaError || value === null ? Number.NaN : dateSerial(value, date1904);
    }
  }
}

/** A hyperlinked cell shows its value (a formula's result) and loses its formula; an empty one becomes a cell. */
function applyHyperlinks(sheet: RawSheet): void {
  for (const ref of sheet.hyperlinks) {
    // exceljs matches the cell whose address is exactly the ref: a plain "B7".
    if (!/^[A-Z]{1,3}[1-9]\d*$/.test(ref)) continue;
    const at = parseA1(ref)!;
    const row = sheet.rows[at.row];
    const code = row?.codes[at.col];
    if (row === undefined || code === undefined) continue;
    const kind = kindOf(code);
    if (kind === Kind.plain || kind === Kind.number) continue;
    row.formulas[at.col] = null;
    row.codes[at.col] = codeOf(kind === Kind.bare ? 0 : styleOf(code), Kind.plain);
  }
}

/**
 * Merged ranges as exceljs's mergeCells applies them on load: each cell but the top-left one
 * shows nothing, keeps its own number format if it exists, else takes its row's or column's;
 * ranges that overlap are refused as exceljs refuses them. Answers the sheet's row count.
 */
function applyMerges(sheet: RawSheet, context: SheetContext): number {
  let lastRow = sheet.lastRow;
  const merges = context.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i]!;
    if (m.right > EXCEL_COLUMNS)
      throw new Error(`Out of bounds. Invalid column letter: ${columnLetters(m.right - 1)}`);
    for (let j = 0; j < i; j++)
      if (intersects(merges[j]!, m)) throw new Error("Cannot merge already merged cells");
  }
  if (merges.length === 0) return lastRow;
  const columnStyle = columnStyles(sheet, context.formatOf);
  for (const m of merges) {
    if (m.bottom > lastRow) lastRow = m.bottom;
    const master = rowAt(sheet, m.top - 1);
    const masterCode = master.codes[m.left - 1];
    if (masterCode === undefined || kindOf(masterCode) === Kind.bare)
      set(master, m.left - 1, null, codeOf(0, Kind.styledEmpty));
    for (let r = m.top - 1; r < m.bottom; r++) {
      const row = rowAt(sheet, r);
      const rowStyle = sheet.rowStyles.get(r) ?? 0;
      const ownFormat = context.formatOf(rowStyle) ? rowStyle : 0;
      for (let c = m.left - 1; c < m.right; c++) {
        if (r === m.top - 1 && c === m.left - 1) continue;
        const code = row.codes[c];
        const style =
          code !== undefined && kindOf(code) !== Kind.bare ? styleOf(code) : ownFormat || columnStyle(c);
        set(row, c, null, codeOf(style, Kind.merged));
      }
    }
  }
  return lastRow;
}

function intersects(a: MergedRange, b: MergedRange): boolean {
  return !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);
}

function rowAt(sheet: RawSheet, r: number): RawRow {
  let row = sheet.rows[r];
  if (row === undefined) {
    row = { values: [], formulas: [], codes: [] };
    sheet.rows[r] = row;
  }
  return row;
}

function set(row: RawRow, c: number, value: CellValue, code: number): void {
  row.values[c] = value;
  row.formulas[c] = null;
  row.codes[c] = code;
}

/** Style index each column gives a new cell, as exceljs's Column.fromModel lays `<col>`s out. */
function columnStyles(sheet: RawSheet, formatOf: FormatOf): (c: number) => number {
  const styles: number[] = [];
  let next = 1;
  for (const col of [...sheet.cols].sort((a, b) => a.min - b.min)) {
    while (next < col.min) styles[next++ - 1] = 0;
    while (next <= col.max) styles[next++ - 1] = col.style;
  }
  return (c) => {
    const style = styles[c] ?? 0;
    return formatOf(style) ? style : 0;
  };
}

/** exceljs's columnCount: the longest row (cells it made, shown or not) among rows that show something. */
function columnCount(sheet: RawSheet): number {
  let count = 0;
  for (const row of sheet.rows) {
    if (row === undefined) continue;
    let made = 0;
    let showsSomething = false;
    const { codes } = row;
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c];
      if (code === undefined) continue;
      const kind = kindOf(code);
      if (kind !== Kind.bare) made = c + 1;
      if (shown(kind)) showsSomething = true;
    }
    if (showsSomething && made > count) count = made;
  }
  return count;
}

/** The grid `gridsOf` makes of the sheet: rows that show something, each up to its last shown cell. */
export function gridOf(name: string, sheet: RawSheet, context: SheetContext): Grid {
  const { formatOf } = context;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const shownFormat = (style: number) => {
    const format = formatOf(style);
    return format && format !== "General" ? format : null;
  };
  sheet.rows.forEach((row, r) => {
    if (row === undefined) return;
    const { codes } = row;
    let last = -1;
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c];
      if (code !== undefined && shown(kindOf(code))) last = c;
    }
    if (last < 0) return;
    const formats: (string | null)[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) {
      const code = codes[c];
      const kind = code === undefined ? Kind.bare : kindOf(code);
      if (code === undefined || !shown(kind) || kind === Kind.merged) {
        if (code === undefined || !shown(kind)) formats[c] = null;
        else formats[c] = shownFormat(styleOf(code));
        row.values[c] = null;
        row.formulas[c] = null;
      } else {
        formats[c] = shownFormat(styleOf(code));
        row.values[c] ??= null;
        row.formulas[c] ??= null;
      }
    }
    row.values.length = last + 1;
    row.formulas.length = last + 1;
    values[r] = row.values;
    formulas[r] = row.formulas;
    numberFormats[r] = formats;
  });
  for (let r = 0; r < values.length; r++) {
    if (values[r] === undefined) {
      values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
  }
  const merges: RangeAddress[] = context.merges.map((m) => ({
    start: { row: m.top - 1, col: m.left - 1 },
    end: { row: m.bottom - 1, col: m.right - 1 },
  }));
  return { sheet: name, origin: { row: 0, col: 0 }, values, formulas, numberFormats, merges };
}
