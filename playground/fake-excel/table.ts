/** Table proxies of the fake Excel: names valid and unique, no overlap, headers made unique, resize, rows added. */
import type { RangeAddress } from "../../shared/grid";
import type { FakeBook, FakeSheet, FakeTable } from "./book";
import { overlaps, parseAddress, rows } from "./cells";
import { FakeClientObject, FakeCollection, type FakeContext, FakeOfficeError } from "./client";
import { checkNameFree, isValidName } from "./names";
import { FakeRange } from "./range";

/** A table's name follows the rules of a defined name and shares their namespace (names.ts). */
function checkTableName(book: FakeBook, name: string, self: FakeTable | null): void {
  if (!isValidName(name)) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: table name "${name}".`);
  }
  checkNameFree(book, name, self);
}

function checkNoOverlap(book: FakeBook, sheet: FakeSheet, range: RangeAddress, self: FakeTable | null): void {
  if (book.tables.some((t) => t !== self && t.sheet === sheet && overlaps(t.range, range))) {
    throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
  }
}

class FakeTableProxy extends FakeClientObject<FakeTable> {
  constructor(context: FakeContext, resolver: () => FakeTable | null, orNull = false) {
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
  private sheetProxy: FakeClientObject<FakeSheet> | undefined;
  get worksheet(): FakeClientObject<FakeSheet> {
    this.sheetProxy ??= this.context.sheetProxy(() => this.target().sheet);
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
          t.sheet.patch(r, c, {
            value: null,
            formula: null,
            numberFormat: null,
            fill: null,
            pattern: null,
            patternColor: null,
          });
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
    context: FakeContext,
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
      while (book.table(`Table${n}`) || book.names.some((d) => d.name.toLowerCase() === `table${n}`)) n++;
      created = { name: `Table${n}`, sheet, range, style: "TableStyleMedium2" };
      book.tables.push(created);
      fixHeaders(created);
      return 0;
    });
    return new FakeTableProxy(this.context, () => created);
  }
}
