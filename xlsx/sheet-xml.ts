/**
 * One worksheet's XML, as SAX events from exceljs's streaming reader, into rows of cells —
 * decoded the way exceljs's own cell parser (CellXform) decodes them, so that the grid comes
 * out as the whole-workbook read makes it. Styles and the date system may only be known once
 * the whole package is read, so each cell keeps its style index and what kind of value it is
 * (a number may be a date) until `sheet-grid.ts` finishes the sheet.
 */
import { type CellValue, EXCEL_COLUMNS } from "../shared/grid";
import { plainValue } from "./cell-value";
import { type SaxEvent, type SaxTag, slideFormula, xmlDecode } from "./exceljs-internals";

/** What a cell is, for what the finishing steps may still do to it. */
export const Kind = {
  /** Text, a truth value, an error, a shared string: kept as read. */
  plain: 0,
  /** A number: a date serial under a date format. */
  number: 1,
  /** A formula with a cached result: under a date format exceljs makes a date of whatever it is. */
  formula: 2,
  /** A formula whose cached result is an error: under a date format, not a number. */
  formulaError: 3,
  /** A formula without a cached result. */
  formulaEmpty: 4,
  /** `<c s="3"/>`: a cell that exists with a format and shows nothing (exceljs's Null cell). */
  styledEmpty: 5,
  /** `<c r="B2"/>`: no value, no format; exceljs does not even make the cell. */
  bare: 6,
  /** Inside a merged range, not its top-left cell: shows nothing but its number format. */
  merged: 7,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A cell's style index and kind in one number (index × 8 + kind). */
export const codeOf = (style: number, kind: Kind): number => style * 8 + kind;
export const kindOf = (code: number): Kind => (code % 8) as Kind;
export const styleOf = (code: number): number => Math.floor(code / 8);

/** A row's cells by 0-based column; holes where the XML has no cell. */
export interface RawRow {
  readonly values: CellValue[];
  readonly formulas: (string | null)[];
  readonly codes: number[];
}

export interface RawSheet {
  /** By 0-based row. */
  readonly rows: (RawRow | undefined)[];
  /** Style index of rows that carry one (`<row s="4">`), by 0-based row. */
  readonly rowStyles: Map<number, number>;
  /** `<col min max style>` in document order. */
  readonly cols: { readonly min: number; readonly max: number; readonly style: number }[];
  /** Refs of the hyperlinks exceljs applies (those with an r:id). */
  readonly hyperlinks: string[];
  /** Highest 1-based row number of a `<row>` element. */
  lastRow: number;
}

/** Reads one worksheet part's SAX events; `strings`: the shared strings as plain values. */
export async function readSheetXml(
  events: AsyncIterable<readonly SaxEvent[]>,
  strings: readonly CellValue[] | null,
): Promise<RawSheet> {
  const parser = new SheetParser(strings);
  for await (const chunk of events)
    for (const event of chunk) {
      if (event.eventType === "opentag") parser.open(event.value);
      else if (event.eventType === "text") parser.text(event.value);
      else parser.close(event.value.name);
    }
  return parser.sheet;
}

/** Where text inside a cell goes (CellXform's currentNode). */
const NODE_NONE = 0;
const NODE_FORMULA = 1;
const NODE_VALUE = 2;

/** Inside a rich-text run: in its `<t>`, in its `<rPr>` (font, ignored), or neither. */
const RUN_NONE = 0;
const RUN_TEXT = 1;
const RUN_FONT = 2;

type RichValue = { readonly richText: { text: string | undefined }[] };

/** Cell types CellXform does not read as a number (any other, "n" and "d" too, it does). */
const NOT_NUMBERS = new Set(["s", "str", "inlineStr", "b", "e"]);

/** The cell being read; one object, reset for each `<c>`. */
interface CellState {
  ref: string | undefined;
  col: number;
  style: string | undefined;
  type: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
  value: string | RichValue | undefined;
  node: number;
  /** Set while inside a `<r>` run. */
  run: { text: string | undefined; inner: number; parts: string[] } | null;
}

class SheetParser {
  readonly sheet: RawSheet = { rows: [], rowStyles: new Map(), cols: [], hyperlinks: [], lastRow: 0 };
  private inSheetData = false;
  private inCols = false;
  private inHyperlinks = false;
  /** 0-based row being read; -1 outside a row or in a row exceljs drops. */
  private rowIndex = -1;
  private inRow = false;
  private lastRowNumber = 0;
  private previousCol = -1;
  private inCell = false;
  private readonly cell: CellState = {
    ref: undefined,
    col: 0,
    style: undefined,
    type: undefined,
    formula: undefined,
    shareType: undefined,
    sharedIndex: undefined,
    sharedRef: undefined,
    value: undefined,
    node: NODE_NONE,
    run: null,
  };
  /** Shared-formula masters by `si`: their formula and address. */
  private readonly masters = new Map<string, { formula: string | undefined; address: string | undefined }>();

  constructor(private readonly strings: readonly CellValue[] | null) {}

  open(tag: SaxTag): void {
    if (this.inCell) {
      this.openInCell(tag);
      return;
    }
    switch (tag.name) {
      case "sheetData":
        this.inSheetData = true;
        return;
      case "row":
        if (this.inSheetData) this.openRow(tag);
        return;
      case "c":
        if (this.inRow) this.openCell(tag);
        return;
      case "cols":
        this.inCols = true;
        return;
      case "col":
        if (this.inCols) this.addCol(tag);
        return;
      case "hyperlinks":
        this.inHyperlinks = true;
        return;
      case "hyperlink":
        if (this.inHyperlinks && tag.attributes["r:id"] && tag.attributes.ref !== undefined)
          this.sheet.hyperlinks.push(tag.attributes.ref);
        return;
    }
  }

  text(text: string): void {
    if (!this.inCell) return;
    const cell = this.cell;
    if (cell.run) {
      if (cell.run.inner === RUN_TEXT) cell.run.parts.push(text);
    } else if (cell.node === NODE_FORMULA) cell.formula = cell.formula ? cell.formula + text : text;
    else if (cell.node === NODE_VALUE && typeof cell.value !== "object")
      cell.value = cell.value ? cell.value + text : text;
  }

  close(name: string): void {
    if (this.inCell) {
      this.closeInCell(name);
      return;
    }
    if (name === "row") {
      this.inRow = false;
      this.rowIndex = -1;
    } else if (name === "sheetData") this.inSheetData = false;
    else if (name === "cols") this.inCols = false;
    else if (name === "hyperlinks") this.inHyperlinks = false;
  }

  /** A `<row>`: exceljs replaces a row it has seen before, and drops rows numbered below 1. */
  private openRow(tag: SaxTag): void {
    const r = Number.parseInt(tag.attributes.r ?? "", 10);
    // exceljs refuses a row without a number; Excel's rule is the next row.
    const number = Number.isNaN(r) ? this.lastRowNumber + 1 : r;
    this.lastRowNumber = number;
    this.inRow = true;
    this.previousCol = -1;
    this.rowIndex = number >= 1 ? number - 1 : -1;
    if (this.rowIndex < 0) return;
    if (number > this.sheet.lastRow) this.sheet.lastRow = number;
    this.sheet.rows[this.rowIndex] = undefined;
    const style = Number.parseInt(tag.attributes.s ?? "", 10);
    if (style > 0) this.sheet.rowStyles.set(this.rowIndex, style);
    else this.sheet.rowStyles.delete(this.rowIndex);
  }

  private addCol(tag: SaxTag): void {
    const { min, max, style } = tag.attributes;
    const index = style ? Number.parseInt(style, 10) : 0;
    this.sheet.cols.push({
      min: Number.parseInt(min || "0", 10),
      max: Number.parseInt(max || "0", 10),
      style: index >= 1 ? index : 0,
    });
  }

  private openCell(tag: SaxTag): void {
    const cell = this.cell;
    const ref = tag.attributes.r;
    const col = ref === undefined ? -1 : columnOfAddress(ref);
    // Without a column in r, the next column (exceljs does the same after the row's first cell).
    cell.col = col >= 0 ? col : this.previousCol + 1;
    cell.ref = ref;
    cell.style = tag.attributes.s;
    cell.type = tag.attributes.t;
    cell.formula = undefined;
    cell.shareType = undefined;
    cell.sharedIndex = undefined;
    cell.sharedRef = undefined;
    cell.value = undefined;
    cell.node = NODE_NONE;
    cell.run = null;
    this.inCell = true;
  }

  /** CellXform.parseOpen: `<f>` with its sharing attributes, `<v>` and `<t>` for text, `<r>` runs. */
  private openInCell(tag: SaxTag): void {
    const cell = this.cell;
    const run = cell.run;
    if (run) {
      if (run.inner !== RUN_NONE) return;
      if (tag.name === "t") {
        run.inner = RUN_TEXT;
        run.parts = [];
      } else if (tag.name === "rPr") run.inner = RUN_FONT;
      else if (tag.name === "r") run.text = undefined;
      return;
    }
    switch (tag.name) {
      case "f":
        cell.node = NODE_FORMULA;
        cell.sharedIndex = tag.attributes.si;
        cell.shareType = tag.attributes.t;
        cell.sharedRef = tag.attributes.ref;
        return;
      case "v":
      case "t":
        cell.node = NODE_VALUE;
        return;
      case "r":
        cell.run = { text: undefined, inner: RUN_NONE, parts: [] };
        return;
    }
  }

  /** CellXform.parseClose, and the rich-text run's own closing tags. */
  private closeInCell(name: string): void {
    const cell = this.cell;
    const run = cell.run;
    switch (name) {
      case "c":
        this.finishCell();
        return;
      case "f":
      case "v":
      case "is":
        cell.node = NODE_NONE;
        return;
      case "t":
        if (run) {
          // A run's text goes through exceljs's TextXform, which decodes _xHHHH_ escapes.
          if (run.inner === RUN_TEXT) run.text = decodeEscapes(run.parts.join(""));
          run.inner = RUN_NONE;
        } else cell.node = NODE_NONE;
        return;
      case "r":
        if (!run) return;
        // exceljs adds a run to the value unless plain text came first (then the run is lost).
        if (typeof cell.value !== "string") {
          cell.value ??= { richText: [] };
          cell.value.richText.push({ text: run.text });
        }
        cell.run = null;
        cell.node = NODE_NONE;
        return;
      case "rPr":
        if (run) run.inner = RUN_NONE;
        return;
    }
  }

  /** CellXform's parseClose("c") and the reconcile step that needs no styles: the cell's value and formula. */
  private finishCell(): void {
    const cell = this.cell;
    this.inCell = false;
    this.previousCol = cell.col;
    const styleId = cell.style ? Number.parseInt(cell.style, 10) : 0;
    const style = styleId >= 1 ? styleId : 0;
    if (cell.formula || cell.shareType) {
      const formula = this.formulaOf(cell);
      if (!cell.value) this.put(cell.col, null, formula, codeOf(style, Kind.formulaEmpty));
      else {
        const error = cell.type === "e";
        this.put(
          cell.col,
          error ? String(cell.value) : plainValue(resultOf(cell.type, cell.value)),
          formula,
          codeOf(style, error ? Kind.formulaError : Kind.formula),
        );
      }
    } else if (cell.value !== undefined) {
      const isNumber = !NOT_NUMBERS.has(cell.type ?? "");
      this.put(
        cell.col,
        this.valueOf(cell.type, cell.value),
        null,
        codeOf(style, isNumber ? Kind.number : Kind.plain),
      );
    } else if (styleId) this.put(cell.col, null, null, codeOf(style, Kind.styledEmpty));
    else this.put(cell.col, null, null, codeOf(0, Kind.bare));
  }

  /** A value that is not a formula's, by the cell's type as CellXform reads it. */
  private valueOf(type: string | undefined, value: string | RichValue): CellValue {
    const text = value as string;
    switch (type) {
      case "s": {
        const index = Number.parseInt(text, 10);
        // Without a shared-strings part exceljs keeps the index itself.
        return this.strings ? (this.strings[index] ?? null) : index;
      }
      case "str":
        return typeof value === "string" ? plainValue(xmlDecode(value)) : null;
      case "inlineStr":
        return plainValue(value as string | { richText: { text: string }[] });
      case "b":
        return Number.parseInt(text, 10) !== 0;
      case "e":
        return String(value);
      default:
        return Number.parseFloat(text);
    }
  }

  /** The formula text: its own, or a shared formula's master moved to this cell. */
  private formulaOf(cell: CellState): string | null {
    let text = cell.formula;
    if (cell.shareType === "shared") {
      const key = String(cell.sharedIndex);
      if (cell.sharedRef) this.masters.set(key, { formula: cell.formula, address: cell.ref });
      else if (!text) {
        const master = this.masters.get(key);
        if (master?.formula && master.address && cell.ref)
          text = slideFormula(master.formula, master.address, cell.ref);
      }
    }
    return text ? `=${text}` : null;
  }

  private put(col: number, value: CellValue, formula: string | null, code: number): void {
    if (this.rowIndex < 0) return;
    let row = this.sheet.rows[this.rowIndex];
    if (row === undefined) {
      row = { values: [], formulas: [], codes: [] };
      this.sheet.rows[this.rowIndex] = row;
    }
    // A bare cell is no cell to exceljs: it never replaces one.
    if (kindOf(code) === Kind.bare && row.codes[col] !== undefined) return;
    row.values[col] = value;
    row.formulas[col] = formula;
    row.codes[col] = code;
  }
}

/** A formula's cached result by the cell's type, as CellXform reads it. */
function resultOf(type: string | undefined, value: string | RichValue): CellValue {
  const text = value as string;
  if (type === "str") return typeof value === "string" ? xmlDecode(value) : null;
  if (type === "b") return Number.parseInt(text, 10) !== 0;
  return Number.parseFloat(text);
}

/** 0-based column of an address as exceljs's colCache reads it ("AB12" → 27); -1 without letters. */
export function columnOfAddress(ref: string): number {
  let col = 0;
  let letters = "";
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      col = col * 26 + ch - 64;
      letters += ref[i];
    } else if (ch >= 48 && ch <= 57) hasRow = true;
    else if (hasRow && letters && ch !== 36) break;
  }
  if (!letters) return -1;
  if (col > EXCEL_COLUMNS) throw new Error(`Out of bounds. Invalid column letter: ${letters}`);
  return col - 1;
}

/** Excel's escapes for characters XML cannot hold ("_x000D_"), as exceljs's TextXform decodes them. */
const decodeEscapes = (text: string): string =>
  text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
