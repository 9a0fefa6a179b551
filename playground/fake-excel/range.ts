/** Range proxies of the fake Excel: values, formulas and formats written at sync, AutoExpand of a table below, areas, fills. */
import type { RangeAddress } from "../../shared/grid";
import type { FakeBook, FakeCell, FakeSheet } from "./book";
import {
  a1Of,
  checkShape,
  cols,
  inputToCell,
  matrixOf,
  overlaps,
  quoteSheet,
  type RangeTarget,
  rows,
} from "./cells";
import {
  FakeClientObject,
  FakeCollection,
  type FakeContext,
  FakeOfficeError,
  notLoaded,
  sizeOf,
} from "./client";
import { withMissingTables } from "./formula";

export class FakeRange extends FakeClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;
  constructor(context: FakeContext, resolver: () => RangeTarget | null, orNull = false) {
    super(context, resolver, orNull);
    this.format = new FakeRangeFormat(context, () => this.target());
  }

  protected read(t: RangeTarget, name: string): unknown {
    const cell = (r: number, c: number) => t.sheet.cell(r, c);
    switch (name) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${a1Of(t.range)}`;
      case "rowIndex":
        return t.range.start.row;
      case "columnIndex":
        return t.range.start.col;
      case "rowCount":
        return rows(t.range);
      case "columnCount":
        return cols(t.range);
      case "values":
        return matrixOf(t, (r, c) => cell(r, c)?.value ?? "");
      case "formulas":
        return matrixOf(t, (r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? "");
      case "numberFormat":
        return matrixOf(t, (r, c) => cell(r, c)?.numberFormat ?? "General");
      default:
        throw new Error(`fake Excel: Range.${name} is not faked`);
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(matrix: unknown[][]) {
    this.writeCells(matrix, "values");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(matrix: unknown[][]) {
    this.writeCells(matrix, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(matrix: unknown[][]) {
    this.context.enqueue(() => {
      const t = this.target();
      const m = checkShape(t, matrix, "numberFormat");
      for (const [r, row] of m.entries()) {
        for (const [c, f] of row.entries()) {
          if (f === null || f === undefined) continue;
          const format = String(f);
          t.sheet.patch(t.range.start.row + r, t.range.start.col + c, {
            numberFormat: format === "" || format === "General" ? null : format,
          });
        }
      }
      return 0;
    }, sizeOf(matrix));
  }

  private writeCells(matrix: unknown[][], what: string): void {
    this.context.enqueue(() => {
      const t = this.target();
      const m = checkShape(t, matrix, what);
      let wroteSomething = false;
      for (const [r, row] of m.entries()) {
        for (const [c, input] of row.entries()) {
          let cell = inputToCell(input);
          if (!cell) continue;
          const missing =
            cell.formula && withMissingTables(cell.formula, (n) => this.context.book.table(n) !== null);
          if (missing) cell = { value: null, formula: missing };
          if (cell.value !== null || cell.formula !== null) wroteSomething = true;
          t.sheet.patch(t.range.start.row + r, t.range.start.col + c, cell);
        }
      }
      if (wroteSomething) autoExpandTables(this.context.book, t);
      return 0;
    }, sizeOf(matrix));
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const t = this.target();
      for (let r = t.range.start.row; r <= t.range.end.row; r++) {
        for (let c = t.range.start.col; c <= t.range.end.col; c++) {
          if (!t.sheet.cell(r, c)) continue;
          if (applyTo !== "Formats") t.sheet.patch(r, c, { value: null, formula: null });
          if (applyTo !== "Contents")
            t.sheet.patch(r, c, { numberFormat: null, fill: null, pattern: null, patternColor: null });
        }
      }
      return 0;
    });
  }

  /** Range.columnHidden (ExcelApi 1.2): hides or shows whole columns. */
  set columnHidden(hidden: boolean) {
    this.context.enqueue(() => {
      const t = this.target();
      for (let c = t.range.start.col; c <= t.range.end.col; c++)
        if (hidden) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      return 0;
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      this.context.book.active = t.sheet;
      this.context.book.selection = t;
      this.context.book.moreSelectedAreas = [];
      this.context.book.selected = { sheet: t.sheet.name, address: a1Of(t.range) };
      return 0;
    });
  }

  get worksheet(): FakeClientObject<FakeSheet> {
    return this.context.sheetProxy(() => this.target().sheet);
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const at = { row: t.range.start.row + row, col: t.range.start.col + column };
      return { sheet: t.sheet, range: { start: at, end: at } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const end = { row: t.range.end.row + deltaRows, col: t.range.end.col + deltaColumns };
      if (end.row < t.range.start.row || end.col < t.range.start.col)
        throw new FakeOfficeError("InvalidArgument", "negative size");
      return { sheet: t.sheet, range: { start: t.range.start, end } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolver();
        const used = t?.sheet.usedRange(valuesOnly);
        if (!t || !used || !overlaps(used, t.range)) return null;
        const range = {
          start: {
            row: Math.max(used.start.row, t.range.start.row),
            col: Math.max(used.start.col, t.range.start.col),
          },
          end: { row: Math.min(used.end.row, t.range.end.row), col: Math.min(used.end.col, t.range.end.col) },
        };
        return { sheet: t.sheet, range };
      },
      true,
    );
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Formulas") throw new Error(`fake Excel: special cells "${cellType}" are not faked`);
    return new FakeRangeAreas(this.context, () => {
      const t = this.resolver();
      if (!t) return null;
      // Vertical runs of formula cells, column by column: the areas Excel would give, near enough.
      const areas: RangeAddress[] = [];
      const bounds = t.sheet.usedRange();
      if (!bounds) return null;
      const top = Math.max(t.range.start.row, bounds.start.row);
      const bottom = Math.min(t.range.end.row, bounds.end.row);
      for (
        let c = Math.max(t.range.start.col, bounds.start.col);
        c <= Math.min(t.range.end.col, bounds.end.col);
        c++
      ) {
        let runStart = -1;
        for (let r = top; r <= bottom + 1; r++) {
          const isFormula = r <= bottom && t.sheet.cell(r, c)?.formula != null;
          if (isFormula && runStart < 0) runStart = r;
          if (!isFormula && runStart >= 0) {
            areas.push({ start: { row: runStart, col: c }, end: { row: r - 1, col: c } });
            runStart = -1;
          }
        }
      }
      return areas.length === 0 ? null : { sheet: t.sheet, areas };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this.resolver();
      if (!t) return null;
      const areas = t.sheet.merges.filter((m) => overlaps(m, t.range));
      // Microsoft, Excel.Range.getMergedAreasOrNullObject: "if the merged areas count in this
      // range is more than 512, then this method will fail to return the result". The error's
      // code is not documented; the fake fails the sync with Excel's catch-all.
      if (areas.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
        );
      return areas.length === 0 ? null : { sheet: t.sheet, areas };
    });
  }
}

/** Merged areas getMergedAreasOrNullObject returns at most; more and it fails. */
export const MAX_MERGED_AREAS = 512;

/** Writing values right under a table extends it, as Excel's AutoExpand does. */
function autoExpandTables(book: FakeBook, t: RangeTarget): void {
  for (const table of book.tables) {
    if (table.sheet !== t.sheet) continue;
    if (t.range.start.row !== table.range.end.row + 1) continue;
    if (t.range.end.col < table.range.start.col || t.range.start.col > table.range.end.col) continue;
    const blocked = book.tables.some((o) => o !== table && o.sheet === t.sheet && overlaps(o.range, t.range));
    if (!blocked)
      table.range = { start: table.range.start, end: { row: t.range.end.row, col: table.range.end.col } };
  }
}

class FakeRangeAreas extends FakeClientObject<{ sheet: FakeSheet; areas: RangeAddress[] }> {
  constructor(context: FakeContext, resolver: () => { sheet: FakeSheet; areas: RangeAddress[] } | null) {
    super(context, resolver, true);
  }
  protected read(t: { sheet: FakeSheet; areas: RangeAddress[] }, name: string): unknown {
    if (name === "address") return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${a1Of(a)}`).join(", ");
    throw new Error(`fake Excel: RangeAreas.${name} is not faked`);
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get areas(): FakeRangeCollection {
    return new FakeRangeCollection(this.context, () => {
      const t = this.target();
      return t.areas.map((range) => ({ sheet: t.sheet, range }));
    });
  }
}

class FakeRangeCollection extends FakeCollection<RangeTarget, FakeRange> {
  constructor(
    context: FakeContext,
    private readonly ranges: () => RangeTarget[],
  ) {
    super(context);
  }
  protected list(): RangeTarget[] {
    return this.ranges();
  }
  protected proxy(item: RangeTarget): FakeRange {
    return new FakeRange(this.context, () => item);
  }
}

/**
 * Range.format.fill, per cell. Reading color follows Excel.RangeFill.color: "#FFFFFF" where
 * there is no fill — the same as a white fill (office-js#4900, #6218) — and null when the cells
 * of the range differ. What tells them apart is tintAndShade (ExcelApi 1.9): null for no fill,
 * a number for any fill, white included (Microsoft's answer in office-js#4900). pattern and
 * patternColor (1.9): "None" and null for no fill, "Solid" for a plain colour, else the
 * pattern the user chose.
 */
class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected read(t: RangeTarget, name: string): unknown {
    const values = new Set<unknown>();
    for (let r = t.range.start.row; r <= t.range.end.row; r++)
      for (let c = t.range.start.col; c <= t.range.end.col; c++) {
        const cell = t.sheet.cell(r, c);
        const filled = (cell?.fill ?? null) !== null || (cell?.pattern ?? null) !== null;
        if (name === "color") values.add(cell?.fill ?? "#FFFFFF");
        else if (name === "tintAndShade") values.add(filled ? 0 : null);
        else if (name === "pattern") values.add(cell?.pattern ?? (filled ? "Solid" : "None"));
        else if (name === "patternColor") values.add(cell?.patternColor ?? null);
        else throw new Error(`fake Excel: RangeFill.${name} is not faked`);
      }
    return values.size === 1 ? [...values][0] : null;
  }
  get color(): string {
    return this.loadedValue("color");
  }
  /** Sets the colour under the pattern; a cell without one gets a solid fill. */
  set color(color: string) {
    this.each({ fill: color });
  }
  get tintAndShade(): number | null {
    return this.loadedValue("tintAndShade");
  }
  get pattern(): string {
    return this.loadedValue("pattern");
  }
  set pattern(pattern: string) {
    this.each({ pattern: pattern === "Solid" || pattern === "None" ? null : pattern });
  }
  get patternColor(): string | null {
    return this.loadedValue("patternColor");
  }
  set patternColor(color: string) {
    this.each({ patternColor: color });
  }
  clear(): void {
    this.each({ fill: null, pattern: null, patternColor: null });
  }
  private each(change: Partial<FakeCell>): void {
    this.context.enqueue(() => {
      const t = this.target();
      for (let r = t.range.start.row; r <= t.range.end.row; r++)
        for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.patch(r, c, change);
      return 0;
    });
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(
    private readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {
    const each = (t: RangeTarget, f: (r: number, c: number) => void) => {
      for (let r = t.range.start.row; r <= t.range.end.row; r++)
        for (let c = t.range.start.col; c <= t.range.end.col; c++) f(r, c);
    };
    this.fill = new FakeRangeFill(context, range);
    this.font = {
      get bold(): boolean {
        throw notLoaded("bold");
      },
      set bold(bold: boolean) {
        context.enqueue(() => {
          const t = range();
          each(t, (r, c) => {
            if (bold) t.sheet.bold.add(`${r}:${c}`);
            else t.sheet.bold.delete(`${r}:${c}`);
          });
          return 0;
        });
      },
    };
  }
  set columnWidth(width: number) {
    this.context.enqueue(() => {
      const t = this.range();
      for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.columnWidths.set(c, width);
      return 0;
    });
  }
  get columnWidth(): number {
    throw notLoaded("columnWidth");
  }
}
