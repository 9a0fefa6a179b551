/**
 * A fake of the part of the Excel JavaScript API the add-in uses, over a FakeBook. It behaves
 * as Excel does where it matters: work is queued and takes effect at context.sync(); reading a
 * property that was not loaded and synced throws PropertyNotLoaded; a bare load() is refused;
 * *OrNullObject gives null objects; table names must be valid and unique; a string starting
 * with "=" written through values or formulas becomes a formula, a leading apostrophe keeps
 * text as text, numeric text becomes a number; a write right under a table extends it; charts
 * take a Range and a known chart type, and a missing one is ItemNotFound; a request or answer
 * over the payload limit fails as on Excel on the web. Syncs are counted.
 * Runs in Node and in the browser (no Node imports).
 */

import type { ExcelHost } from "../../addin/excel/host";
import type { CellValue, RangeAddress } from "../../shared/grid";
import { parseA1, rangeToA1, toA1 } from "../../shared/grid";
import {
  type FakeBook,
  type FakeChart,
  type FakePageLayout,
  type FakeRangeRef,
  type FakeSeries,
  type FakeSheet,
  type FakeTable,
  MAX_ROWS,
} from "./book";
import { structuredReferenceError } from "./formula";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeOptions {
  /** Highest ExcelApi set the fake claims (default "1.18"). */
  readonly apiVersion?: string;
  /** Bytes per request and per answer (default 5 MB, Excel on the web's limit). */
  readonly payloadLimit?: number;
  /** When set, every batch fails with this code (e.g. "InvalidOperationInCellEditMode"). */
  readonly failWith?: string;
  /**
   * Fails the n-th sync (1-based, counted over the host's batches) halfway: the first half of
   * its queued work takes effect, then GeneralException. Earlier syncs of a batch are committed;
   * Microsoft documents no rollback of a failed sync either, so the fake takes the worst case:
   * what came before the failure stays (a write must then be safe to run again).
   */
  readonly failAtSync?: number;
}

type Op = () => number | undefined;

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const sizeOf = (v: unknown): number => (v === undefined ? 0 : (JSON.stringify(v)?.length ?? 0));

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly runtime = { enableEvents: true };
  private queue: Op[] = [];
  private requestBytes = 0;
  readonly limit: number;

  constructor(
    readonly book: FakeBook,
    readonly options: FakeOptions = {},
  ) {
    this.limit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op, bytes = 64): void {
    this.queue.push(op);
    this.requestBytes += bytes;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Run with mergeUndoGroup: an API without undo support fails the batch with UndoNotSupported. */
  undoGroup = false;
  /** Syncs this host has run, for failAtSync; shared by the host's contexts. */
  syncCounter: { n: number } = { n: 0 };

  async sync(): Promise<void> {
    this.book.syncs++;
    this.syncCounter.n++;
    const ops = this.queue;
    const bytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    await Promise.resolve();
    if (this.options.failWith) throw new FakeOfficeError(this.options.failWith, this.options.failWith);
    if (bytes > this.limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    }
    if (this.options.failAtSync === this.syncCounter.n) {
      for (const op of ops.slice(0, Math.floor(ops.length / 2))) op();
      throw new FakeOfficeError(
        "GeneralException",
        "There was an internal error while processing the request.",
      );
    }
    let answer = 0;
    for (const op of ops) answer += op() ?? 0;
    if (answer > this.limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${answer} bytes).`,
      );
    }
  }
}

/** The base of every proxy: a resolver run at sync time, loaded properties, null-object state. */
abstract class FakeClientObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolver: () => T | null,
    private readonly orNull = false,
  ) {
    if (orNull)
      context.enqueue(() => {
        this.nullState = this.resolver() === null;
        return 8;
      });
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** The object, at sync time; a missing one is Excel's ItemNotFound. */
  protected target(): T {
    const t = this.resolver();
    if (t === null)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.constructor.name}).`,
      );
    return t;
  }

  load(spec?: string | string[]): this {
    if (spec === undefined || (Array.isArray(spec) && spec.length === 0)) {
      throw new Error("fake Excel: load() without property names loads everything; name the properties");
    }
    const names = (Array.isArray(spec) ? spec : spec.split(",")).map((n) => n.trim()).filter(Boolean);
    this.context.enqueue(() => this.loadNow(names));
    return this;
  }

  /** Reads the properties now (inside a sync); returns the answer's size. */
  loadNow(names: readonly string[]): number {
    const t = this.orNull ? this.resolver() : this.target();
    let bytes = 0;
    for (const name of names) {
      const value = t === null ? null : this.read(t, name);
      this.loaded.set(name, value);
      bytes += sizeOf(value) + name.length;
    }
    return bytes;
  }

  /** The object as it is now (inside a sync); for other proxies taking this one as an argument. */
  resolveNow(): T {
    return this.target();
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Marks a property as known locally (a value the add-in set itself reads back, as in office.js). */
  protected remember(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected abstract read(target: T, name: string): unknown;
}

/**
 * What a collection load asks for: properties of each item, navigation collections of each item
 * loaded in turn, and the count. Strings take "items/<property>" and "count"; the object form
 * is office.js's CollectionLoadOptions ({ name: true, charts: { name: true } }), whose keys
 * apply to each item.
 */
interface LoadTree {
  readonly [key: string]: boolean | LoadTree;
}

function parseCollectionLoad(spec: string | LoadTree): { item: LoadTree; count: boolean } {
  if (typeof spec !== "string") {
    for (const key of Object.keys(spec))
      if (key.startsWith("$")) throw new Error(`fake Excel: load option "${key}" is not faked`);
    return { item: spec, count: false };
  }
  const item: Record<string, boolean> = {};
  const nested: Record<string, Record<string, boolean>> = {};
  let count = false;
  for (const n of spec
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (n === "count") count = true;
    else if (n.startsWith("items/") && !n.slice("items/".length).includes("/")) item[n.slice(6)] = true;
    else if (/^items\/\w+\/\w+$/.test(n)) {
      // A navigation property of each item: items/worksheet/name.
      const [, nav, prop] = n.split("/") as [string, string, string];
      nested[nav] = { ...nested[nav], [prop]: true };
    } else throw new Error(`fake Excel: collection load "${n}" is not faked; use items/<property> or count`);
  }
  return { item: { ...item, ...nested }, count };
}

/** Collections: items become proxies with the asked properties (and nested collections) loaded. */
abstract class FakeCollection<T, P> {
  private loadedItems: P[] | null = null;
  private loadedCount: number | null = null;
  constructor(readonly context: FakeRequestContext) {}
  protected abstract list(): T[];
  protected abstract proxy(item: T): P & { loadNow(names: readonly string[]): number };
  load(spec: string | LoadTree): this {
    const request = parseCollectionLoad(spec);
    this.context.enqueue(() => this.loadNow(request));
    return this;
  }
  /** Loads now (inside a sync); returns the answer's size. Items are pinned as they are at this sync. */
  loadNow(request: { item: LoadTree; count: boolean }): number {
    const all = this.list();
    let bytes = 0;
    if (request.count) {
      this.loadedCount = all.length;
      bytes += 8;
    }
    const keys = Object.entries(request.item);
    if (keys.length === 0) return bytes;
    const scalars = keys.filter(([, v]) => v === true).map(([k]) => k);
    const nested = keys.filter((entry): entry is [string, LoadTree] => typeof entry[1] === "object");
    const items = all.map((item) => this.proxy(item));
    for (const p of items) {
      bytes += p.loadNow(scalars);
      for (const [key, tree] of nested) {
        const child = (p as unknown as Record<string, unknown>)[key];
        if (child instanceof FakeClientObject) bytes += child.loadNow(Object.keys(tree));
        else if (child instanceof FakeCollection) bytes += child.loadNow({ item: tree, count: false });
        else throw new Error(`fake Excel: loading "${key}" of each item is not faked`);
      }
    }
    this.loadedItems = items;
    return bytes;
  }
  get items(): P[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }
  get count(): number {
    if (this.loadedCount === null) throw notLoaded("count");
    return this.loadedCount;
  }
}

// —— cell input as Excel takes it ——

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What a cell becomes when a value is written through values or formulas. Null leaves it alone. */
function inputToCell(input: unknown): { value: CellValue; formula: string | null } | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const text = String(input);
  if (text === "") return { value: null, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith("=") && text.length > 1) {
    const error = structuredReferenceError(text);
    if (error)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: ${error}.`,
      );
    return { value: null, formula: text };
  }
  if (NUMERIC.test(text.trim())) return { value: Number(text), formula: null };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", formula: null };
  return { value: text, formula: null };
}

function parseAddress(text: string): RangeAddress {
  const local = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const clean = local.replace(/\$/g, "").trim();
  const column = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(clean);
  if (column) {
    const a = parseA1(`${column[1]}1`)!;
    const b = parseA1(`${column[2]}1`)!;
    return { start: { row: 0, col: a.col }, end: { row: MAX_ROWS - 1, col: b.col } };
  }
  const [a, b] = clean.split(":");
  const start = a ? parseA1(a) : null;
  const end = b ? parseA1(b) : start;
  if (!start || !end)
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: address "${text}".`);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
const a1Of = (r: RangeAddress) =>
  r.start.row === r.end.row && r.start.col === r.end.col ? toA1(r.start) : rangeToA1(r);
const overlaps = (a: RangeAddress, b: RangeAddress) =>
  a.start.row <= b.end.row &&
  b.start.row <= a.end.row &&
  a.start.col <= b.end.col &&
  b.start.col <= a.end.col;
const rows = (r: RangeAddress) => r.end.row - r.start.row + 1;
const cols = (r: RangeAddress) => r.end.col - r.start.col + 1;

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly range: RangeAddress;
}

function matrixOf(target: RangeTarget, cell: (row: number, col: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = target.range.start.row; r <= target.range.end.row; r++) {
    const row: unknown[] = [];
    for (let c = target.range.start.col; c <= target.range.end.col; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

function checkShape(target: RangeTarget, matrix: unknown, what: string): unknown[][] {
  if (
    !Array.isArray(matrix) ||
    matrix.length !== rows(target.range) ||
    matrix.some((r) => !Array.isArray(r) || r.length !== cols(target.range))
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${a1Of(target.range)}).`,
    );
  }
  return matrix as unknown[][];
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;
  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null, orNull = false) {
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
          const cell = inputToCell(input);
          if (!cell) continue;
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
          if (applyTo !== "Contents") t.sheet.patch(r, c, { numberFormat: null, fill: null });
        }
      }
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

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet);
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
      return areas.length === 0 ? null : { sheet: t.sheet, areas };
    });
  }
}

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

export class FakeRangeAreas extends FakeClientObject<{ sheet: FakeSheet; areas: RangeAddress[] }> {
  constructor(
    context: FakeRequestContext,
    resolver: () => { sheet: FakeSheet; areas: RangeAddress[] } | null,
  ) {
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

export class FakeRangeCollection extends FakeCollection<RangeTarget, FakeRange> {
  constructor(
    context: FakeRequestContext,
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
 * there is no fill, null when the cells of the range differ.
 */
export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected read(t: RangeTarget, name: string): unknown {
    if (name !== "color") throw new Error(`fake Excel: RangeFill.${name} is not faked`);
    const colors = new Set<string>();
    for (let r = t.range.start.row; r <= t.range.end.row; r++)
      for (let c = t.range.start.col; c <= t.range.end.col; c++)
        colors.add(t.sheet.cell(r, c)?.fill ?? "#FFFFFF");
    return colors.size === 1 ? [...colors][0] : null;
  }
  get color(): string {
    return this.loadedValue("color");
  }
  set color(color: string) {
    this.context.enqueue(() => {
      const t = this.target();
      for (let r = t.range.start.row; r <= t.range.end.row; r++)
        for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.patch(r, c, { fill: color });
      return 0;
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this.target();
      for (let r = t.range.start.row; r <= t.range.end.row; r++)
        for (let c = t.range.start.col; c <= t.range.end.col; c++) t.sheet.patch(r, c, { fill: null });
      return 0;
    });
  }
}

export class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(
    private readonly context: FakeRequestContext,
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

// —— sheets ——

/**
 * Worksheet.customProperties (ExcelApi 1.12). Microsoft, WorksheetCustomPropertyCollection.add:
 * it "overwrites existing custom properties with that key"; keys are case-insensitive and at
 * most 255 characters.
 */
export class FakeCustomPropertyProxy extends FakeClientObject<{ sheet: FakeSheet; key: string }> {
  protected read(t: { sheet: FakeSheet; key: string }, name: string): unknown {
    if (name === "key") return t.key;
    if (name === "value") return t.sheet.customProperties.get(t.key) ?? null;
    throw new Error(`fake Excel: WorksheetCustomProperty.${name} is not faked`);
  }
  get key(): string {
    return this.loadedValue("key");
  }
  get value(): string {
    return this.loadedValue("value");
  }
}

export class FakeCustomPropertyCollection extends FakeCollection<
  { sheet: FakeSheet; key: string },
  FakeCustomPropertyProxy
> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  protected list(): { sheet: FakeSheet; key: string }[] {
    const sheet = this.sheet();
    return [...sheet.customProperties.keys()].map((key) => ({ sheet, key }));
  }
  protected proxy(item: { sheet: FakeSheet; key: string }): FakeCustomPropertyProxy {
    return new FakeCustomPropertyProxy(this.context, () => item);
  }
  getItemOrNullObject(key: string): FakeCustomPropertyProxy {
    return new FakeCustomPropertyProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const same = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
        return same === undefined ? null : { sheet, key: same };
      },
      true,
    );
  }
  add(key: string, value: string): FakeCustomPropertyProxy {
    this.context.enqueue(
      () => {
        if (key.length === 0 || key.length > 255)
          throw new FakeOfficeError("InvalidArgument", `custom property key "${key}"`);
        const sheet = this.sheet();
        const same = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
        if (same !== undefined) sheet.customProperties.delete(same);
        sheet.customProperties.set(key, value);
        return 0;
      },
      key.length + value.length + 40,
    );
    return new FakeCustomPropertyProxy(this.context, () => ({ sheet: this.sheet(), key }));
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9), write-only here: orientation "Portrait" | "Landscape"
 * (Excel.PageOrientation), zoom as PageLayoutZoomOptions (a scale of 10–400, or pages to fit),
 * print title rows as a whole-row address ("$4:$4"), the header through headersFooters.
 */
export class FakePageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerHeader: string } };
  constructor(context: FakeRequestContext, sheet: () => FakeSheet) {
    const change = (patch: Partial<FakePageLayout>) =>
      context.enqueue(() => {
        const s = sheet();
        s.pageLayout = { ...(s.pageLayout ?? BLANK_PAGE_LAYOUT), ...patch };
        return 0;
      });
    this.change = change;
    this.headersFooters = {
      defaultForAllPages: {
        get centerHeader(): string {
          throw notLoaded("centerHeader");
        },
        set centerHeader(text: string) {
          change({ centerHeader: text });
        },
      },
    };
  }
  private readonly change: (patch: Partial<FakePageLayout>) => void;
  set orientation(orientation: string) {
    if (orientation !== "Portrait" && orientation !== "Landscape")
      throw new FakeOfficeError("InvalidArgument", `orientation "${orientation}"`);
    this.change({ orientation });
  }
  set zoom(zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400))
      throw new FakeOfficeError("InvalidArgument", `zoom scale ${zoom.scale}`);
    this.change({
      fitToPagesWide: zoom.horizontalFitToPages ?? null,
      fitToPagesTall: zoom.verticalFitToPages ?? null,
    });
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows))
      throw new FakeOfficeError("InvalidArgument", `print title rows "${rows}"`);
    this.change({ printTitleRows: rows });
  }
}

const BLANK_PAGE_LAYOUT: FakePageLayout = {
  orientation: "Portrait",
  fitToPagesWide: null,
  fitToPagesTall: null,
  printTitleRows: null,
  centerHeader: null,
};

const SHEET_NAME_BAD = /[:\\/?*[\]]/;

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheet | null, orNull = false) {
    super(context, resolver, orNull);
  }
  protected read(t: FakeSheet, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "id") return t.id;
    throw new Error(`fake Excel: Worksheet.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get id(): string {
    return this.loadedValue("id");
  }
  getRange(address = ""): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      const range =
        address === ""
          ? { start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: 16_383 } }
          : parseAddress(address);
      return { sheet, range };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolver();
        const used = sheet?.usedRange(valuesOnly);
        return sheet && used ? { sheet, range: used } : null;
      },
      true,
    );
  }
  // Kept per proxy, so that what a load put into a collection is there to read after the sync.
  private tableCollection: FakeTableCollection | undefined;
  private chartCollection: FakeChartCollection | undefined;
  get tables(): FakeTableCollection {
    this.tableCollection ??= new FakeTableCollection(this.context, () => this.target());
    return this.tableCollection;
  }
  get charts(): FakeChartCollection {
    this.chartCollection ??= new FakeChartCollection(this.context, () => this.target());
    return this.chartCollection;
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, () => this.target());
  }
  private propertyCollection: FakeCustomPropertyCollection | undefined;
  get customProperties(): FakeCustomPropertyCollection {
    this.propertyCollection ??= new FakeCustomPropertyCollection(this.context, () => this.target());
    return this.propertyCollection;
  }
  get pageLayout(): FakePageLayoutProxy {
    return new FakePageLayoutProxy(this.context, () => this.target());
  }
  activate(): void {
    this.context.enqueue(() => {
      this.context.book.active = this.target();
      return 0;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const book = this.context.book;
      const sheet = this.target();
      // Worksheet.delete is in Microsoft's list of APIs without undo support ("Undo capabilities
      // with the Excel JavaScript API", Unsupported APIs): in an undo group it fails the batch.
      if (this.context.undoGroup)
        throw new FakeOfficeError("UndoNotSupported", "Worksheet.delete does not support undo.");
      if (book.sheets.length === 1)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (let i = book.tables.length - 1; i >= 0; i--)
        if (book.tables[i]!.sheet === sheet) book.tables.splice(i, 1);
      for (let i = book.charts.length - 1; i >= 0; i--)
        if (book.charts[i]!.sheet === sheet) book.charts.splice(i, 1);
      if (book.active === sheet) book.active = book.sheets[0] ?? null;
      if (book.selection?.sheet === sheet) book.selection = null;
      return 0;
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected list(): FakeSheet[] {
    return [...this.context.book.sheets];
  }
  protected proxy(item: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => item);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.active);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(name), true);
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing: sheet name "${name}".`,
        );
      }
      if (book.sheet(name))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `A resource with the same name or identifier already exists: "${name}".`,
        );
      sheet = book.addSheet(name);
      return 0;
    });
    return new FakeWorksheet(this.context, () => sheet);
  }
}

// —— tables ——

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d+[Cc]\d+)$/;

function checkTableName(book: FakeBook, name: string, self: FakeTable | null): void {
  if (!TABLE_NAME.test(name) || CELL_LIKE.test(name) || name.length > 255) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: table name "${name}".`);
  }
  const other = book.table(name);
  if (other && other !== self)
    throw new FakeOfficeError("ItemAlreadyExists", `A table named "${name}" already exists.`);
}

function checkNoOverlap(book: FakeBook, sheet: FakeSheet, range: RangeAddress, self: FakeTable | null): void {
  if (book.tables.some((t) => t !== self && t.sheet === sheet && overlaps(t.range, range))) {
    throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
  }
}

export class FakeTableProxy extends FakeClientObject<FakeTable> {
  constructor(context: FakeRequestContext, resolver: () => FakeTable | null, orNull = false) {
    super(context, resolver, orNull);
  }
  protected read(t: FakeTable, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "style") return t.style;
    throw new Error(`fake Excel: Table.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.context.enqueue(() => {
      const t = this.target();
      checkTableName(this.context.book, name, t);
      t.name = name;
      return 0;
    });
    this.remember("name", name);
  }
  // Kept per proxy, so that what a load put into it is there to read after the sync.
  private sheetProxy: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.context, () => this.target().sheet);
    return this.sheetProxy;
  }
  set style(style: string) {
    this.context.enqueue(() => {
      this.target().style = style;
      return 0;
    });
  }
  get style(): string {
    return this.loadedValue("style");
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target().sheet, range: this.target().range }));
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return {
        sheet: t.sheet,
        range: { start: t.range.start, end: { row: t.range.start.row, col: t.range.end.col } },
      };
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return {
        sheet: t.sheet,
        range: { start: { row: t.range.start.row + 1, col: t.range.start.col }, end: t.range.end },
      };
    });
  }
  resize(newRange: FakeRange | string): void {
    const target = typeof newRange === "string" ? null : newRange;
    this.context.enqueue(() => {
      const t = this.target();
      const range = target ? target.resolveNow().range : parseAddress(newRange as string);
      if (range.start.row !== t.range.start.row || !overlaps(range, t.range) || rows(range) < 2) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The new range must overlap the original table range and the headers must be in the same row.",
        );
      }
      checkNoOverlap(this.context.book, t.sheet, range, t);
      t.range = range;
      fixHeaders(t);
      return 0;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const book = this.context.book;
      for (let r = t.range.start.row; r <= t.range.end.row; r++) {
        for (let c = t.range.start.col; c <= t.range.end.col; c++)
          t.sheet.patch(r, c, { value: null, formula: null, numberFormat: null, fill: null });
      }
      book.tables.splice(book.tables.indexOf(t), 1);
      return 0;
    });
  }
}

/** Table headers are unique, non-empty text: Excel fills in "Column1" and numbers duplicates. */
function fixHeaders(t: FakeTable): void {
  const seen = new Set<string>();
  for (let c = t.range.start.col; c <= t.range.end.col; c++) {
    const cell = t.sheet.cell(t.range.start.row, c);
    let text = cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
    if (text === "") text = `Column${c - t.range.start.col + 1}`;
    let unique = text;
    for (let i = 2; seen.has(unique.toLowerCase()); i++) unique = `${text}${i}`;
    seen.add(unique.toLowerCase());
    t.sheet.patch(t.range.start.row, c, { value: unique, formula: null });
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  /** Null for the workbook's collection; a sheet for a worksheet's. */
  constructor(
    context: FakeRequestContext,
    private readonly sheet: (() => FakeSheet) | null = null,
  ) {
    super(context);
  }
  protected list(): FakeTable[] {
    const all = this.context.book.tables;
    if (!this.sheet) return [...all];
    const sheet = this.sheet();
    return all.filter((t) => t.sheet === sheet);
  }
  protected proxy(item: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () => (this.context.book.tables.includes(item) ? item : null));
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => this.context.book.table(name));
  }
  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => this.context.book.table(name), true);
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      let sheet: FakeSheet;
      let range: RangeAddress;
      if (typeof address === "string") {
        const named = address.includes("!")
          ? book.sheet(address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'"))
          : null;
        // Microsoft, TableCollection.add: "If the address does not contain a sheet name, the
        // currently-active sheet is used" — even through another sheet's tables collection.
        const s = address.includes("!") ? named : book.active;
        if (!s)
          throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: "${address}".`);
        sheet = s;
        range = parseAddress(address);
      } else {
        const t = address.resolveNow();
        sheet = t.sheet;
        range = t.range;
      }
      if (!hasHeaders) throw new Error("fake Excel: tables without a header row are not faked");
      if (rows(range) < 2)
        throw new FakeOfficeError("InvalidArgument", "A table needs a header row and at least one body row.");
      checkNoOverlap(book, sheet, range, null);
      let n = book.tables.length + 1;
      while (book.table(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, range, style: "TableStyleMedium2" };
      book.tables.push(created);
      fixHeaders(created);
      return 0;
    });
    return new FakeTableProxy(this.context, () => created);
  }
}

// —— charts ——

/** Excel.ChartType, as ChartCollection.add and Chart.chartType take it ("Invalid" is refused). */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 " +
    "BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked " +
    "LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded " +
    "BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked " +
    "AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface " +
    "SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC " +
    "StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered " +
    "CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ConeColStacked100 " +
    "ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked " +
    "PyramidColStacked100 PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn " +
    "Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap " +
    "Treemap Waterfall Sunburst Funnel"
  ).split(" "),
);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

function checkChartType(type: unknown): string {
  if (typeof type !== "string" || !CHART_TYPES.has(type))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing: chart type "${String(type)}".`,
    );
  return type;
}

/** The chart's data: a Range (the typings take only a Range; a string address is refused). */
function sourceOf(source: unknown): RangeTarget {
  if (!(source instanceof FakeRange))
    throw new FakeOfficeError(
      "InvalidArgument",
      "The argument is invalid or missing: sourceData must be a Range.",
    );
  return source.resolveNow();
}

/**
 * The series Excel makes from a range, as faked: by columns when seriesBy says so, or on Auto
 * when the range has at least as many rows as columns. The first row (by columns) names the
 * series when all its cells are text; the first column holds the categories when its body
 * cells are all text and other columns follow.
 */
function seriesFrom(t: RangeTarget, seriesBy: string): FakeSeries[] {
  if (!SERIES_BY.has(seriesBy))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing: seriesBy "${seriesBy}".`,
    );
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows(t.range) >= cols(t.range));
  const lines = byColumns ? cols(t.range) : rows(t.range);
  const points = byColumns ? rows(t.range) : cols(t.range);
  const at = (line: number, point: number) =>
    byColumns
      ? { row: t.range.start.row + point, col: t.range.start.col + line }
      : { row: t.range.start.row + line, col: t.range.start.col + point };
  const value = (line: number, point: number) => {
    const a = at(line, point);
    return t.sheet.cell(a.row, a.col)?.value ?? null;
  };
  const span = (n: number, from: number) => Array.from({ length: Math.max(0, n - from) }, (_, i) => from + i);
  const named = points > 1 && span(lines, 0).every((l) => typeof value(l, 0) === "string" || l === 0);
  const first = named ? 1 : 0;
  const categories =
    lines > 1 && points > first && span(points, first).every((p) => typeof value(0, p) === "string");
  const ref = (line: number): FakeRangeRef => ({
    sheet: t.sheet,
    range: { start: at(line, first), end: at(line, points - 1) },
  });
  return span(lines, categories ? 1 : 0).map((line, i) => ({
    name: named && typeof value(line, 0) === "string" ? String(value(line, 0)) : `Series${i + 1}`,
    values: ref(line),
    xValues: categories ? ref(0) : null,
  }));
}

export class FakeChartTitle extends FakeClientObject<FakeChart> {
  protected read(t: FakeChart, name: string): unknown {
    if (name === "text") return t.title;
    throw new Error(`fake Excel: ChartTitle.${name} is not faked`);
  }
  get text(): string {
    return this.loadedValue("text");
  }
  set text(text: string) {
    this.context.enqueue(() => {
      this.target().title = text;
      return 0;
    }, text.length + 40);
    this.remember("text", text);
  }
}

export class FakeChartSeries extends FakeClientObject<FakeSeries> {
  constructor(
    context: FakeRequestContext,
    resolver: () => FakeSeries | null,
    private readonly chart: () => FakeChart,
  ) {
    super(context, resolver);
  }
  protected read(t: FakeSeries, name: string): unknown {
    if (name === "name") return t.name;
    throw new Error(`fake Excel: ChartSeries.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.target().name = name;
      return 0;
    });
    this.remember("name", name);
  }
  /** ExcelApi 1.7. The values (y for a scatter chart). */
  setValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      const t = this.target();
      const source = sourceOf(sourceData);
      t.values = { sheet: source.sheet, range: source.range };
      return 0;
    });
  }
  /** ExcelApi 1.7. The categories of a column chart, the x values of a scatter chart. */
  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      const t = this.target();
      const source = sourceOf(sourceData);
      t.xValues = { sheet: source.sheet, range: source.range };
      return 0;
    });
  }
  /** ExcelApi 1.7. */
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const series = this.chart().series;
      series.splice(series.indexOf(t), 1);
      return 0;
    });
  }
}

export class FakeChartSeriesCollection extends FakeCollection<FakeSeries, FakeChartSeries> {
  constructor(
    context: FakeRequestContext,
    private readonly chart: () => FakeChart,
  ) {
    super(context);
  }
  protected list(): FakeSeries[] {
    return [...this.chart().series];
  }
  protected proxy(item: FakeSeries): FakeChartSeries {
    return new FakeChartSeries(
      this.context,
      () => (this.chart().series.includes(item) ? item : null),
      this.chart,
    );
  }
  /** A series by position; past the last one is ItemNotFound at sync. */
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => this.chart().series[index] ?? null, this.chart);
  }
}

export class FakeChartProxy extends FakeClientObject<FakeChart> {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  constructor(context: FakeRequestContext, resolver: () => FakeChart | null, orNull = false) {
    super(context, resolver, orNull);
    this.title = new FakeChartTitle(context, () => this.target());
    this.series = new FakeChartSeriesCollection(context, () => this.target());
  }
  protected read(t: FakeChart, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "chartType") return t.type;
    throw new Error(`fake Excel: Chart.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.target().name = name;
      return 0;
    });
    this.remember("name", name);
  }
  get chartType(): string {
    return this.loadedValue("chartType");
  }
  /** ExcelApi 1.7. */
  set chartType(type: string) {
    this.context.enqueue(() => {
      this.target().type = checkChartType(type);
      return 0;
    });
    this.remember("chartType", type);
  }
  /** ExcelApi 1.1: new series from the range; the name, title and type stay. */
  setData(sourceData: FakeRange, seriesBy = "Auto"): void {
    this.context.enqueue(() => {
      const t = this.target();
      t.series = seriesFrom(sourceOf(sourceData), seriesBy);
      return 0;
    });
  }
  /** ExcelApi 1.1: over the cells from startCell (to endCell). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const a1 = (cell: FakeRange | string) =>
      typeof cell === "string" ? cell : a1Of(cell.resolveNow().range);
    this.context.enqueue(() => {
      const t = this.target();
      t.position = { from: a1(startCell), to: endCell === undefined ? null : a1(endCell) };
      return 0;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const charts = this.context.book.charts;
      charts.splice(charts.indexOf(t), 1);
      return 0;
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart, FakeChartProxy> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  protected list(): FakeChart[] {
    return this.context.book.chartsOn(this.sheet());
  }
  protected proxy(item: FakeChart): FakeChartProxy {
    return new FakeChartProxy(this.context, () => (this.context.book.charts.includes(item) ? item : null));
  }
  private named(name: string): FakeChart | null {
    // Chart names need not be unique: the first one is the one Excel gives.
    return this.list().find((c) => c.name === name) ?? null;
  }
  /** ExcelApi 1.1; a missing chart is ItemNotFound at sync. */
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.named(name));
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.named(name), true);
  }
  getItemAt(index: number): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.list()[index] ?? null);
  }
  /** ExcelApi 1.1: a chart of the type over the range, named "Chart N" until the add-in names it. */
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    let created: FakeChart | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      const sheet = this.sheet();
      const chartType = checkChartType(type);
      const series = seriesFrom(sourceOf(sourceData), seriesBy);
      const names = new Set(book.chartsOn(sheet).map((c) => c.name));
      let n = names.size + 1;
      while (names.has(`Chart ${n}`)) n++;
      created = { name: `Chart ${n}`, sheet, type: chartType, title: "", series, position: null };
      book.charts.push(created);
      return 0;
    });
    return new FakeChartProxy(this.context, () =>
      created && this.context.book.charts.includes(created) ? created : null,
    );
  }
}

// —— notes, settings ——

export class FakeNote extends FakeClientObject<{ sheet: FakeSheet; cell: string }> {
  constructor(
    context: FakeRequestContext,
    resolver: () => { sheet: FakeSheet; cell: string } | null,
    orNull = false,
  ) {
    super(context, resolver, orNull);
  }
  protected read(t: { sheet: FakeSheet; cell: string }, name: string): unknown {
    if (name === "content") return t.sheet.notes.get(t.cell) ?? null;
    throw new Error(`fake Excel: Note.${name} is not faked`);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(text: string) {
    this.context.enqueue(() => {
      const t = this.target();
      t.sheet.notes.set(t.cell, text);
      return 0;
    }, text.length + 40);
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      t.sheet.notes.delete(t.cell);
      return 0;
    });
  }
}

export class FakeNoteCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    if (!supports(context.options, "1.18")) throw new Error("fake Excel: notes need ExcelApi 1.18");
  }
  add(cellAddress: string, content: string): FakeNote {
    const cell = a1Of(parseAddress(cellAddress));
    this.context.enqueue(() => {
      const sheet = this.sheet();
      // A cell holds one note (Microsoft, "Work with notes": notes are tied to an individual
      // cell); adding a second is refused, and Note.content rewrites the one there.
      if (sheet.notes.has(cell))
        throw new FakeOfficeError("InvalidArgument", `The cell ${cell} already has a note.`);
      sheet.notes.set(cell, content);
      return 0;
    }, content.length + 40);
    return new FakeNote(this.context, () => ({ sheet: this.sheet(), cell }));
  }
  getItemOrNullObject(key: string): FakeNote {
    const cell = a1Of(parseAddress(key));
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.sheet();
        return sheet.notes.has(cell) ? { sheet, cell } : null;
      },
      true,
    );
  }
}

export class FakeSetting extends FakeClientObject<{ key: string; value: unknown }> {
  constructor(
    context: FakeRequestContext,
    resolver: () => { key: string; value: unknown } | null,
    orNull = false,
  ) {
    super(context, resolver, orNull);
  }
  protected read(t: { key: string; value: unknown }, name: string): unknown {
    if (name === "value") return t.value;
    if (name === "key") return t.key;
    throw new Error(`fake Excel: Setting.${name} is not faked`);
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
}

export class FakeSettingCollection {
  constructor(private readonly context: FakeRequestContext) {}
  private find(key: string) {
    const settings = this.context.book.settings;
    return settings.has(key) ? { key, value: settings.get(key) } : null;
  }
  add(key: string, value: unknown): FakeSetting {
    const copy: unknown = JSON.parse(JSON.stringify(value));
    this.context.enqueue(() => {
      this.context.book.settings.set(key, copy);
      return 0;
    }, sizeOf(value));
    return new FakeSetting(this.context, () => this.find(key));
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, () => this.find(key), true);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  constructor(private readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context);
    this.settings = new FakeSettingCollection(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const book = this.context.book;
      // Microsoft, "Work with workbooks": "If multiple ranges are selected, the method throws an InvalidSelection error."
      if (book.moreSelectedAreas.length > 0)
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      if (book.selection) return book.selection;
      return book.active
        ? { sheet: book.active, range: { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } }
        : null;
    });
  }
}

// —— running batches ——

function supports(options: FakeOptions, version: string): boolean {
  const [aMajor = 0, aMinor = 0] = (options.apiVersion ?? "1.18").split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = version.split(".").map(Number);
  return aMajor > bMajor || (aMajor === bMajor && aMinor >= bMinor);
}

/** Excel.run over the fake: a fresh context per batch; a batch that ends with unsynced work is a bug. */
export async function runFake<T>(
  book: FakeBook,
  options: FakeOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
  syncCounter: { n: number } = { n: 0 },
  mergeUndoGroup = false,
): Promise<T> {
  if (mergeUndoGroup && !supports(options, "1.20"))
    throw new Error("fake Excel: mergeUndoGroup needs ExcelApi 1.20 (office.js would ignore it)");
  const context = new FakeRequestContext(book, options);
  context.syncCounter = syncCounter;
  context.undoGroup = mergeUndoGroup;
  const result = await batch(context as unknown as Excel.RequestContext);
  if (context.pending > 0)
    throw new Error(`fake Excel: the batch ended with ${context.pending} queued operations never synced`);
  // One undo step for the whole batch, or one per sync (Microsoft, "Undo capabilities…").
  book.undoSteps.push(mergeUndoGroup ? 1 : syncCounter.n);
  return result;
}

/** An ExcelHost over the fake, for the adapter's tests and the bench. */
export function fakeHost(book: FakeBook, options: FakeOptions = {}): ExcelHost {
  const syncs = { n: 0 };
  return {
    run: (batch, runOptions) =>
      runFake(book, options, batch, syncs, runOptions?.undoGroup === true && supports(options, "1.20")),
    supports: (version) => supports(options, version),
  };
}
