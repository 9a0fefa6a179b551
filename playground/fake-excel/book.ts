/**
 * The state behind the fake Excel: sheets of cells (value, formula, number format, fill),
 * tables, charts, notes, workbook settings, the selection. Plain data that serialises to JSON,
 * so the same workbook can be handed to the fake running in a browser page. No Node, no
 * exceljs here.
 */
import type { CellValue, Grid, RangeAddress } from "../../shared/grid";
import { EXCEL_COLUMNS, parseRangeA1, rangeToA1, sheetOrderKey } from "../../shared/grid";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string | null;
  /** The fill's colour; null for no fill (which Excel reads as "#FFFFFF" all the same). */
  fill: string | null;
  /** A fill pattern other than solid (Excel.FillPattern, "Gray25") and its colour; absent for none. */
  pattern?: string | null;
  patternColor?: string | null;
}

const COLS = EXCEL_COLUMNS;
export const MAX_ROWS = 1_048_576;
const key = sheetOrderKey;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: RangeAddress[] = [];
  /** Notes by A1 address. */
  readonly notes = new Map<string, string>();
  /** Bold cells, "row:col". */
  readonly bold = new Set<string>();
  /** Column widths in points, by column index. */
  readonly columnWidths = new Map<number, number>();
  /** Hidden columns (Range.columnHidden), by column index. */
  readonly hiddenColumns = new Set<number>();
  /** Worksheet.customProperties (ExcelApi 1.12): key → value, travelling with the sheet. */
  readonly customProperties = new Map<string, string>();
  /** Page layout (ExcelApi 1.9): what printing a sheet gives. */
  pageLayout: FakePageLayout | null = null;
  /**
   * Worksheet.id: kept when the user renames the sheet (Microsoft, Excel.Worksheet.id: "The
   * value of the identifier remains the same even when the worksheet is renamed or moved"),
   * but only within a session: office-js#38 and office-js-docs-pr#297 say it is valid for the
   * session only, and in office-js#1390 it changed when a file made on the web was opened on
   * the desktop. So a book opened again (fromJSON) gives its sheets new ids.
   */
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** Changes a cell; a cell left with nothing in it is dropped, as Excel's used range would. */
  patch(row: number, col: number, change: Partial<FakeCell>): void {
    const k = key(row, col);
    const next = {
      ...(this.cells.get(k) ?? { value: null, formula: null, numberFormat: null, fill: null }),
      ...change,
    };
    if (
      next.value === null &&
      next.formula === null &&
      next.numberFormat === null &&
      next.fill === null &&
      (next.pattern ?? null) === null
    )
      this.cells.delete(k);
    else this.cells.set(k, next);
  }

  /** The used range: cells with a value or formula, or (valuesOnly false) any formatting too. */
  usedRange(valuesOnly = false): RangeAddress | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.value === null && c.formula === null) continue;
      const row = Math.floor(k / COLS);
      const col = k % COLS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : { start: { row: top, col: left }, end: { row: bottom, col: right } };
  }
}

/** A workbook-scoped defined name (Workbook.names; names.ts has its rules). */
export interface FakeName {
  name: string;
  /** What it refers to, as typed: "=Budget!$B$2:$B$9". */
  formula: string;
}

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  fitToPagesWide: number | null;
  fitToPagesTall: number | null;
  printTitleRows: string | null;
  centerHeader: string | null;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** Header row included. */
  range: RangeAddress;
  style: string;
}

/** A range on a sheet, as a chart series refers to it. */
export interface FakeRangeRef {
  sheet: FakeSheet;
  range: RangeAddress;
}

/** One series of a chart: its name and the cells its values and categories (x-axis values) come from. */
export interface FakeSeries {
  name: string;
  values: FakeRangeRef | null;
  xValues: FakeRangeRef | null;
}

/** A chart embedded on a worksheet. Names need not be unique (ChartCollection.getItem takes the first). */
export interface FakeChart {
  name: string;
  sheet: FakeSheet;
  /** Excel.ChartType ("ColumnStacked"). */
  type: string;
  title: string;
  series: FakeSeries[];
  /** The cells it covers, as set with setPosition; null until set. */
  position: { from: string; to: string | null } | null;
  /** Chart.plotVisibleOnly: false plots cells in hidden columns too (absent: Excel's default, true). */
  plotVisibleOnly?: boolean;
}

interface RangeRefJson {
  sheet: string;
  range: string;
}

interface ChartJson {
  name: string;
  sheet: string;
  type: string;
  title: string;
  series: { name: string; values: RangeRefJson | null; xValues: RangeRefJson | null }[];
  position: { from: string; to: string | null } | null;
  plotVisibleOnly?: boolean;
}

export interface BookJson {
  sheets: {
    name: string;
    /** Optional: workbooks saved before the fake knew sheet ids get new ones. */
    id?: string;
    /** Row, column, value, formula, number format, fill; then pattern and its colour where set. */
    cells: [
      number,
      number,
      CellValue,
      string | null,
      string | null,
      string | null,
      (string | null)?,
      (string | null)?,
    ][];
    merges: string[];
    notes: [string, string][];
    /** Optional: workbooks saved before the fake knew custom properties have none. */
    customProperties?: [string, string][];
    /** Optional: column indexes hidden (Range.columnHidden). */
    hiddenColumns?: number[];
  }[];
  tables: { name: string; sheet: string; range: string; style: string }[];
  /** Optional: workbooks saved before the fake knew defined names have none. */
  names?: FakeName[];
  /** Optional: workbooks saved before the fake knew charts have none. */
  charts?: ChartJson[];
  settings: [string, unknown][];
  active: string;
  selection: { sheet: string; range: string } | null;
}

export class FakeBook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  /** Workbook-scoped defined names (Workbook.names), one namespace with the tables. */
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
  active: FakeSheet | null = null;
  /** What the user has selected (getSelectedRange reads it). */
  selection: { sheet: FakeSheet; range: RangeAddress } | null = null;
  /** Further areas selected with Ctrl (Excel's multiple selection); empty for one area. */
  moreSelectedAreas: RangeAddress[] = [];
  /** The last cell the add-in selected with Range.select(). */
  selected: { sheet: string; address: string } | null = null;
  /** Every context.sync() of every batch. */
  syncs = 0;
  /** Per finished batch, how many steps of Excel's undo it made (1 when grouped, else its syncs so far). */
  readonly undoSteps: number[] = [];

  private nextSheetId = 1;
  /** This session of the workbook: part of every sheet id, so ids differ after reopening. */
  private readonly session = nextSession++;

  /** By name (any case) or by id, as WorksheetCollection.getItem takes either. */
  sheet(nameOrId: string): FakeSheet | null {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId) ?? null;
  }

  table(name: string): FakeTable | null {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower) ?? null;
  }

  /** The charts on a sheet, in the order they were added (ChartCollection order). */
  chartsOn(sheet: FakeSheet): FakeChart[] {
    return this.charts.filter((c) => c.sheet === sheet);
  }

  addSheet(name: string, id?: string): FakeSheet {
    const sheet = new FakeSheet(
      name,
      id ??
        `{${String(this.nextSheetId++).padStart(8, "0")}-${String(this.session % 10_000).padStart(4, "0")}-0000-0000-000000000000}`,
    );
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** A workbook holding these grids, one sheet each, the first one active. */
  static fromGrids(grids: readonly Grid[]): FakeBook {
    const book = new FakeBook();
    for (const grid of grids) {
      const sheet = book.addSheet(grid.sheet);
      grid.values.forEach((row, r) => {
        row.forEach((value, c) => {
          const formula = grid.formulas?.[r]?.[c] ?? null;
          const numberFormat = grid.numberFormats?.[r]?.[c] ?? null;
          if (value === null && formula === null && numberFormat === null) return;
          sheet.patch(grid.origin.row + r, grid.origin.col + c, { value, formula, numberFormat });
        });
      });
      sheet.merges = [...grid.merges];
    }
    return book;
  }

  toJSON(): BookJson {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        cells: [...s.cells].map(([k, c]) =>
          c.pattern
            ? [
                Math.floor(k / COLS),
                k % COLS,
                c.value,
                c.formula,
                c.numberFormat,
                c.fill,
                c.pattern,
                c.patternColor ?? null,
              ]
            : [Math.floor(k / COLS), k % COLS, c.value, c.formula, c.numberFormat, c.fill],
        ),
        merges: s.merges.map(rangeToA1),
        notes: [...s.notes],
        customProperties: [...s.customProperties],
        ...(s.hiddenColumns.size > 0 ? { hiddenColumns: [...s.hiddenColumns] } : {}),
      })),
      tables: this.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        range: rangeToA1(t.range),
        style: t.style,
      })),
      names: this.names.map((n) => ({ ...n })),
      charts: this.charts.map((c) => ({
        name: c.name,
        sheet: c.sheet.name,
        type: c.type,
        title: c.title,
        series: c.series.map((s) => ({
          name: s.name,
          values: refToJson(s.values),
          xValues: refToJson(s.xValues),
        })),
        position: c.position,
        ...(c.plotVisibleOnly === undefined ? {} : { plotVisibleOnly: c.plotVisibleOnly }),
      })),
      settings: [...this.settings],
      active: this.active?.name ?? "",
      selection: this.selection
        ? { sheet: this.selection.sheet.name, range: rangeToA1(this.selection.range) }
        : null,
    };
  }

  /**
   * The workbook opened again: its sheets get new ids, as Excel's may (see FakeSheet.id). Only
   * a hand-over within one session (the playground's page to its pane) keeps them.
   */
  static fromJSON(json: BookJson, options: { sameSession?: boolean } = {}): FakeBook {
    const book = new FakeBook();
    for (const s of json.sheets) {
      const sheet = book.addSheet(s.name, options.sameSession ? s.id : undefined);
      for (const [row, col, value, formula, numberFormat, fill, pattern, patternColor] of s.cells) {
        sheet.patch(row, col, {
          value,
          formula,
          numberFormat,
          fill,
          ...(pattern ? { pattern, patternColor: patternColor ?? null } : {}),
        });
      }
      sheet.merges = s.merges.map((m) => parseRangeA1(m)!);
      for (const [a1, text] of s.notes) sheet.notes.set(a1, text);
      for (const [key, value] of s.customProperties ?? []) sheet.customProperties.set(key, value);
      for (const c of s.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
    }
    for (const t of json.tables)
      book.tables.push({
        name: t.name,
        sheet: book.sheet(t.sheet)!,
        range: parseRangeA1(t.range)!,
        style: t.style,
      });
    for (const n of json.names ?? []) book.names.push({ ...n });
    for (const c of json.charts ?? []) {
      const sheet = book.sheet(c.sheet);
      if (!sheet) continue;
      book.charts.push({
        name: c.name,
        sheet,
        type: c.type,
        title: c.title,
        series: c.series.map((s) => ({
          name: s.name,
          values: refFromJson(book, s.values),
          xValues: refFromJson(book, s.xValues),
        })),
        position: c.position,
        ...(c.plotVisibleOnly === undefined ? {} : { plotVisibleOnly: c.plotVisibleOnly }),
      });
    }
    for (const [k, v] of json.settings) book.settings.set(k, v);
    book.active = book.sheet(json.active) ?? book.sheets[0] ?? null;
    if (json.selection) {
      const sheet = book.sheet(json.selection.sheet);
      if (sheet) book.selection = { sheet, range: parseRangeA1(json.selection.range)! };
    }
    return book;
  }
}

let nextSession = 1;

const refToJson = (ref: FakeRangeRef | null): RangeRefJson | null =>
  ref ? { sheet: ref.sheet.name, range: rangeToA1(ref.range) } : null;

function refFromJson(book: FakeBook, json: RangeRefJson | null): FakeRangeRef | null {
  const sheet = json ? book.sheet(json.sheet) : null;
  const range = json ? parseRangeA1(json.range) : null;
  return sheet && range ? { sheet, range } : null;
}
