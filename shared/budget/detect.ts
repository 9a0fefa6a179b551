/**
 * Finds the tables on a budget sheet: the header rows with their periods, the label column,
 * where each table ends, its title and its unit; and the header-less single-column block of a
 * project budget. Positions here are grid-relative (row/col into grid.values).
 */
import { parseAmount, type Unit, unitInText } from "../amounts";
import {
  type CellValue,
  colCount,
  type Grid,
  isDateFormat,
  numberFormatAt,
  rowCount,
  sheetOrderKey,
} from "../grid";
import { isPeriodYear, YEAR_DIGITS } from "../period";
import { isTitleLike, titleAbove } from "../title";
import { isBudgetWord, isContributionsCaption, memberOf, normaliseLabel } from "./words";

export interface PeriodColumn {
  readonly col: number;
  /** "2008", or "2015 prognos" where two columns share a year. */
  readonly key: string;
  /** The header as written ("2008 (tkr)"). */
  readonly label: string;
  readonly unit: Unit | null;
}

export interface TableFrame {
  /** The header row, or null for a header-less block. */
  readonly headerRow: number | null;
  readonly labelCol: number;
  readonly periods: readonly PeriodColumn[];
  readonly firstRow: number;
  /** Last body row, inclusive: the last row with an amount. */
  readonly lastRow: number;
  /** The header's label cell ("Bidrag i tkr"), or the caption above a header-less block. */
  readonly caption: string | null;
  readonly title: string | null;
  /** The unit the sheet states for this table; null when it states none. */
  readonly unit: Unit | null;
  /** Header rows repeated inside the table ("KOSTNADER | 2008 | 2009"): read as section rows. */
  readonly repeatedHeaders: ReadonlySet<number>;
}

/** The report schema's limit on periods per table. */
export const MAX_PERIODS = 60;

const NOT_BLANK = /\S/;
const NON_UNIT_WORD =
  /(?<![\p{L}])(?!(?:kr|tkr|mkr|mnkr|kkr|sek|kronor|tusen|miljoner|per|år|mån|månad|månader|kvartal|halvår|vecka|veckor|v)(?![\p{L}]))\p{L}+/iu;
const HAS_DIGIT = /\d/;

/** A sheet seen cell by cell, with merged areas reduced to their top-left cell as Excel reports them. */
export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly shadows = new Set<number>();

  constructor(readonly grid: Grid) {
    this.rows = rowCount(grid);
    this.cols = colCount(grid);
    for (const m of grid.merges) {
      const r0 = m.start.row - grid.origin.row;
      const c0 = m.start.col - grid.origin.col;
      const r1 = m.end.row - grid.origin.row;
      const c1 = m.end.col - grid.origin.col;
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) this.shadows.add(sheetOrderKey(r, c));
    }
  }

  value(r: number, c: number): CellValue {
    if (this.shadows.size > 0 && this.shadows.has(sheetOrderKey(r, c))) return null;
    const v = this.grid.values[r]?.[c] ?? null;
    return typeof v === "string" && !NOT_BLANK.test(v) ? null : v;
  }

  text(r: number, c: number): string | null {
    const v = this.value(r, c);
    return typeof v === "string" ? v.trim() : null;
  }

  /** Width of row r (cells past it are empty). */
  width(r: number): number {
    return this.grid.values[r]?.length ?? 0;
  }

  /** True when the cell holds something that reads as an amount (or an Excel error where one should be). */
  isAmount(r: number, c: number): boolean {
    const v = this.value(r, c);
    if (typeof v === "number") return !isDateFormat(numberFormatAt(this.grid, r, c));
    if (typeof v !== "string") return false;
    // Every amount has a digit (but the lone dash of a printed zero); most labels have none.
    if (!HAS_DIGIT.test(v)) return /^\s*[-\u2212\u2013\u2014]\s*$/.test(v) || v.trim().startsWith("#");
    if (v.trim().startsWith("#")) return isExcelError(v);
    // A word that is no unit or period ("- projekt 12") makes it a label, before any parsing.
    if (NON_UNIT_WORD.test(v)) return false;
    return parseAmount(v) !== null;
  }

  isBlankRow(r: number): boolean {
    const w = this.width(r);
    for (let c = 0; c < w; c++) if (this.value(r, c) !== null) return false;
    return true;
  }

  /** The first text cell of a row, left to right, before column `before`. */
  firstText(r: number, before = this.width(r)): { col: number; text: string } | null {
    const end = Math.min(before, this.width(r));
    for (let c = 0; c < end; c++) {
      const v = this.value(r, c);
      if (typeof v === "string" && !this.isAmount(r, c)) return { col: c, text: v.trim() };
    }
    return null;
  }
}

/** A cell that only names a unit: "tkr", "(kr)". */
export const UNIT_ONLY = /^\(?\s*(kr|tkr|mkr|sek|kronor|tusen kronor)\s*\)?$/i;

export const isExcelError = (text: string): boolean =>
  /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i.test(
    text.trim(),
  );

interface HeaderCell {
  readonly col: number;
  readonly label: string;
  /** "strong": a year in text; "year": a bare year (2008 as a number or text); "word": "Belopp", "Budget". */
  readonly strength: "strong" | "year" | "word";
  readonly years: string | null;
  readonly kind: string | null;
  readonly unit: Unit | null;
}

// The years a header may hold are the period grammar's (shared/period.ts): one range for both.
const YEAR = new RegExp(`(?<![\\d-])(${YEAR_DIGITS})(?:\\s*[-–/]\\s*(${YEAR_DIGITS}|\\d\\d))?(?!\\d)`);
const BARE_YEAR = new RegExp(`^${YEAR_DIGITS}$`);
const MONTH = new RegExp(`(?<!\\d)(${YEAR_DIGITS}-(?:0[1-9]|1[0-2]))(?![\\d-])`);
const KIND = /\b(budget|prognos|utfall|bokslut|förslag|plan|vp|beslutad|reviderad|preliminär)\b/i;
const WORD_HEADER =
  /^(belopp|budget|budgetbelopp|budgeterat|kostnad|kostnader|intäkter|kronor|summa kr|kr|tkr|mkr|planerad budget)\b/i;

function yearsOf(text: string): string | null {
  // A month of a year ("2020-01") is its own period.
  const month = MONTH.exec(text);
  if (month) return month[1]!;
  const m = YEAR.exec(text);
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const end = m[2].length === 2 ? `${m[1]!.slice(0, 2)}${m[2]}` : m[2];
  return Number(end) > Number(m[1]) ? `${m[1]}-${end}` : m[1]!;
}

function headerCell(view: SheetView, r: number, c: number): HeaderCell | null {
  const v = view.value(r, c);
  if (typeof v === "number") {
    if (isPeriodYear(v))
      return { col: c, label: String(v), strength: "year", years: String(v), kind: null, unit: null };
    return null;
  }
  if (typeof v !== "string") return null;
  const label = v.trim();
  if (BARE_YEAR.test(label)) return { col: c, label, strength: "year", years: label, kind: null, unit: null };
  if (label.length > 60) return null;
  const years = yearsOf(label);
  if (!years && !WORD_HEADER.test(label)) return null;
  if (isExcelError(label) || parseAmount(label) !== null) return null;
  const unit = unitInText(label);
  if (years) {
    // A date ("2009-10-01") is no period header; "2008 (tkr)", "Budget 2015", "2015/16" are.
    if (/\d{4}-\d\d-\d\d/.test(label)) return null;
    const kind = KIND.exec(label)?.[1]?.toLowerCase() ?? null;
    return { col: c, label, strength: "strong", years, kind, unit };
  }
  if (WORD_HEADER.test(label)) return { col: c, label, strength: "word", years: null, kind: null, unit };
  return null;
}

interface HeaderRow {
  readonly row: number;
  readonly labelCol: number;
  readonly cells: readonly HeaderCell[];
}

/** The header cells of row r if it is a header row, with the label column the rows below use. */
function headerRowAt(view: SheetView, r: number, forced: boolean): HeaderRow | null {
  const w = view.width(r);
  const cells: HeaderCell[] = [];
  let firstText: number | null = null;
  for (let c = 0; c < w; c++) {
    const v = view.value(r, c);
    if (v === null) continue;
    const cell = headerCell(view, r, c);
    if (cell) {
      if (cell.strength === "word" && firstText === null && cells.length === 0) {
        // A word header in the row's first cell is the label column's own header ("Belopp" is rare there).
        firstText = c;
        continue;
      }
      cells.push(cell);
    } else if (cells.length > 0) {
      // Amounts to the right of the periods make it a line, not a header; text there is a comment column.
      if (view.isAmount(r, c)) return forced ? { row: r, labelCol: firstText ?? 0, cells } : null;
    } else if (firstText === null && typeof v === "string") firstText = c;
    else if (typeof v !== "string" && !forced) return null;
  }
  if (forced && cells.length === 0) {
    // The user says this is the header: every non-blank cell right of the first text is a period.
    for (let c = (firstText ?? -1) + 1; c < w; c++) {
      const v = view.value(r, c);
      if (v !== null)
        cells.push({
          col: c,
          label: String(v).trim(),
          strength: "word",
          years: null,
          kind: null,
          unit: null,
        });
    }
  }
  const found = validHeader(view, r, cells, firstText, forced);
  if (found || forced || firstText !== null || cells.length < 2 || cells[0]!.strength !== "strong")
    return found;
  // "Budget 2015 (tkr) | 2015 | 2016": the first cell with a year may be the caption of the labels.
  return validHeader(view, r, cells.slice(1), cells[0]!.col, false);
}

/** Whether header cells found on row r make a header, and the label column the rows below use. */
function validHeader(
  view: SheetView,
  r: number,
  found: readonly HeaderCell[],
  captionCol: number | null,
  forced: boolean,
): HeaderRow | null {
  const cells = [...found];
  let firstText = captionCol;
  // Word headers left of the first year ("Konto | Belopp i tkr | 2008") head the label column.
  const firstYear = cells.findIndex((h) => h.strength !== "word");
  if (firstYear > 0) {
    firstText ??= cells[0]!.col;
    cells.splice(0, firstYear);
  }
  if (cells.length === 0) return null;
  if (!forced && !cells.some((h) => h.strength !== "word")) {
    // Word headers alone ("Belopp") only with a label header beside them; " | tkr | tkr" is a unit row.
    if (firstText === null || UNIT_ONLY.test(view.text(r, firstText) ?? "")) return null;
  }
  if (!forced && cells.every((h) => h.strength === "year")) {
    // Bare years could be amounts ("Kansli | 2008 | 2009"): a header only where a block starts,
    // with consecutive years (in any column order).
    const years = cells.map((h) => Number(h.years)).sort((a, b) => a - b);
    for (let i = 1; i < years.length; i++) if (years[i] !== years[i - 1]! + 1) return null;
    // A blank row above starts a block; a row with something over these columns is a table going on.
    if (r > 0 && cells.some((h) => view.value(r - 1, h.col) !== null)) return null;
    const caption = firstText === null ? null : view.text(r, firstText);
    // Years typed as text ("2023") are headers whatever labels the column; an amount is not typed so.
    const typedAsText = cells.every((h) => typeof view.value(r, h.col) === "string");
    if (caption !== null && !typedAsText && !isCaptionLike(caption)) return null;
  }
  const labelCol = labelColumnBelow(view, r, cells[0]!.col, cells);
  if (labelCol === null) {
    if (!forced) return null;
    return { row: r, labelCol: firstText ?? Math.max(0, cells[0]!.col - 1), cells };
  }
  return { row: r, labelCol, cells };
}

/** A label cell that heads a column of labels ("Bidrag i tkr", "Post", "Konto"), not a line's label. */
function isCaptionLike(text: string): boolean {
  const n = normaliseLabel(text);
  return (
    unitInText(text) !== null ||
    // "Bidrag i tkr" heads a column; "Medlemsbidrag Försäkringskassan | 1950" is a line.
    (isContributionsCaption(n) && memberOf(n) === null) ||
    /^(post|poster|konto|kostnadsslag|benämning|belopp|budget|budgetpost|budgetposter|rad|text|verksamhet|intäkter|kostnader|finansiering|år|period|rubrik|specifikation)\b/.test(
      n,
    )
  );
}

function previousNonBlank(view: SheetView, r: number): number | null {
  for (let i = r - 1; i >= 0; i--) if (!view.isBlankRow(i)) return i;
  return null;
}

/** The leftmost text column of the first rows below a header that carry amounts under it. */
function labelColumnBelow(
  view: SheetView,
  header: number,
  firstPeriod: number,
  cells: readonly HeaderCell[],
): number | null {
  let best: number | null = null;
  let seen = 0;
  for (let r = header + 1; r < view.rows && seen < 8; r++) {
    if (view.isBlankRow(r)) continue;
    seen++;
    const label = view.firstText(r, firstPeriod);
    const hasAmount = cells.some((h) => view.isAmount(r, h.col));
    if (label && (best === null || label.col < best)) best = label.col;
    if (hasAmount && best !== null) return best;
  }
  return null;
}

/**
 * Period keys from header cells: the year, disambiguated by kind where two columns share one. A
 * single amount column headed by a word ("Belopp") takes the years of the title block if it
 * names any, else the header's words.
 */
function periodColumns(cells: readonly HeaderCell[], blockPeriod: string | null): PeriodColumn[] {
  const single = cells.length === 1 && cells[0]!.strength === "word" ? blockPeriod : null;
  const base = cells.map((h) => h.years ?? single ?? (cleanWordHeader(h.label) || "Belopp"));
  const counts = new Map<string, number>();
  for (const k of base) counts.set(k, (counts.get(k) ?? 0) + 1);
  const used = new Set<string>();
  const plainTaken = new Set<string>();
  return cells.map((h, i) => {
    let key = base[i]!;
    if ((counts.get(key) ?? 0) > 1) {
      const isPlain = h.kind === null || h.kind === "budget";
      if (!(isPlain && !plainTaken.has(key))) key = h.kind ? `${key} ${h.kind}` : key;
      if (isPlain) plainTaken.add(base[i]!);
    }
    let unique = key;
    for (let n = 2; used.has(unique); n++) unique = `${key} (${n})`;
    used.add(unique);
    return { col: h.col, key: unique.slice(0, 40), label: h.label, unit: h.unit };
  });
}

function cleanWordHeader(label: string): string {
  return label
    .replace(/\((?:\s*(?:kr|tkr|mkr|sek|kronor)\s*)\)/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A line of a title block that reads as a title, not as a note ("* Hur fördelningen…", "… är 3967 tkr."). */
/** Years of a period in a title block: "Projekttid 2009-10-01—2010-06-30" → "2009-2010", "VP 2008" → "2008". */
export function periodFromText(text: string): string | null {
  const dates = [...text.matchAll(/(19[5-9]\d|20\d\d)-\d\d-\d\d/g)].map((m) => m[1]!);
  if (dates.length > 0) {
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    return first === last ? first : `${first}-${last}`;
  }
  return yearsOf(text);
}

export interface Detection {
  readonly frames: readonly TableFrame[];
  /** Text of the rows above the first table (the sheet's title block). */
  readonly titleBlock: readonly string[];
}

/** Finds every table on the sheet. `forcedHeader` is a grid-relative row the user named as the header. */
export function detectTables(view: SheetView, forcedHeader: number | null = null): Detection {
  const headers: HeaderRow[] = [];
  for (let r = 0; r < view.rows; r++) {
    const forced = r === forcedHeader;
    const h = headerRowAt(view, r, forced);
    if (h) headers.push(h);
  }
  // A header that repeats the previous one's periods under a section word continues that table.
  const starts: HeaderRow[] = [];
  const repeated = new Map<HeaderRow, Set<number>>();
  for (const h of headers) {
    const prev = starts[starts.length - 1];
    const caption = h.labelCol < h.cells[0]!.col ? view.text(h.row, h.labelCol) : null;
    if (
      prev &&
      h.row !== forcedHeader &&
      sameColumns(prev, h) &&
      caption !== null &&
      /^(intäkter|kostnader|inkomster|utgifter|finansiering)\b/.test(normaliseLabel(caption))
    ) {
      repeated.get(prev)!.add(h.row);
      continue;
    }
    starts.push(h);
    repeated.set(h, new Set());
  }

  // Under the header the user named, a later header over the same columns is part of its table.
  const named = starts.find((h) => h.row === forcedHeader);
  if (named) {
    const cols = new Set(named.cells.map((c) => c.col));
    let inside = true;
    const kept = starts.filter((h) => {
      if (h.row <= named.row || !inside) return true;
      if (h.cells.every((c) => cols.has(c.col))) return false;
      inside = false;
      return true;
    });
    starts.splice(0, starts.length, ...kept);
  }

  const firstStart = starts[0]?.row ?? view.rows;
  const titleBlock: string[] = [];
  for (let r = 0; r < firstStart; r++) {
    const t = view.firstText(r);
    if (t) titleBlock.push(t.text);
  }

  const frames: TableFrame[] = [];
  let prevEnd = -1;
  for (let i = 0; i < starts.length; i++) {
    const h = starts[i]!;
    const end = (starts[i + 1]?.row ?? view.rows) - 1;
    const lastRow = lastAmountRow(view, h.row + 1, end, h.cells);
    if (lastRow === null) continue;
    const caption = h.labelCol < h.cells[0]!.col ? view.text(h.row, h.labelCol) : null;
    const title = titleAbove((r) => view.firstText(r)?.text ?? null, h.row, prevEnd, "caption", titleBlock);
    // The report holds at most 60 periods (five years of months); columns beyond are left out.
    const periods = periodColumns(h.cells.slice(0, MAX_PERIODS), periodFromBlock(titleBlock));
    const unit =
      periods.find((p) => p.unit)?.unit ??
      (caption ? unitInText(caption) : null) ??
      (title ? unitInText(title) : null) ??
      null;
    frames.push({
      headerRow: h.row,
      labelCol: h.labelCol,
      periods,
      firstRow: h.row + 1,
      lastRow,
      caption,
      title,
      unit,
      repeatedHeaders: repeated.get(h)!,
    });
    prevEnd = lastRow;
  }
  if (frames.length === 0) {
    const block = headerlessBlock(view, titleBlockOf(view));
    if (block) return { frames: [block.frame], titleBlock: block.titleBlock };
  }
  return { frames, titleBlock };
}

function sameColumns(a: HeaderRow, b: HeaderRow): boolean {
  return (
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => c.col === b.cells[i]!.col && c.years === b.cells[i]!.years)
  );
}

function lastAmountRow(
  view: SheetView,
  from: number,
  to: number,
  cells: readonly HeaderCell[],
): number | null {
  for (let r = to; r >= from; r--) {
    for (const h of cells) if (view.value(r, h.col) !== null && view.isAmount(r, h.col)) return r;
  }
  return null;
}

function periodFromBlock(lines: readonly string[]): string | null {
  for (const line of lines) {
    const p = periodFromText(line);
    if (p) return p;
  }
  return null;
}

function titleBlockOf(view: SheetView): string[] {
  const lines: string[] = [];
  for (let r = 0; r < view.rows && lines.length < 12; r++) {
    if (view.isBlankRow(r)) continue;
    const t = view.firstText(r);
    if (!t) break;
    // Stop at the first row with an amount: that is where the block begins.
    let amount = false;
    for (let c = t.col + 1; c < view.width(r); c++) if (view.isAmount(r, c)) amount = true;
    if (amount) break;
    lines.push(t.text);
  }
  return lines;
}

/**
 * A project budget's block without a period header: label, then one amount column
 * ("4 x 1,0 tjänst … | 1 440 000 kr"). Taken only with budget words or kr amounts around it, so a
 * follow-up table ("Period | Erbjudna | Deltagit") is not read as a budget.
 */
function headerlessBlock(
  view: SheetView,
  titleBlock: readonly string[],
): { frame: TableFrame; titleBlock: readonly string[] } | null {
  interface Run {
    first: number;
    last: number;
    labelCol: number;
    col: number;
  }
  let best: Run | null = null;
  let run: Run | null = null;
  let blanks = 0;
  for (let r = 0; r < view.rows; r++) {
    const hit = labelAndAmount(view, r);
    if (hit) {
      if (run && run.labelCol === hit.labelCol && run.col === hit.col) run.last = r;
      else run = { first: r, last: r, ...hit };
      blanks = 0;
      if (!best || run.last - run.first > best.last - best.first) best = { ...run };
    } else if (run && view.isBlankRow(r) && blanks === 0) {
      blanks = 1;
    } else if (run && view.firstText(r)?.col === run.labelCol && onlyLabel(view, r, run.labelCol)) {
      // A heading row inside the block ("Personal") keeps it going.
      blanks = 0;
    } else {
      run = null;
      blanks = 0;
    }
  }
  if (!best) return null;
  const above = previousNonBlank(view, best.first);
  const caption = above !== null ? view.firstText(above) : null;
  // A header above the amounts that is no period ("Erbjudna", "Antal") belongs to another kind of table.
  if (above !== null && view.value(above, best.col) !== null) return null;
  const texts = [...titleBlock, caption?.text ?? ""];
  let evidence = texts.some((t) => isBudgetWord(normaliseLabel(t)));
  let unit: Unit | null = null;
  for (let r = best.first; r <= best.last; r++) {
    const v = view.value(r, best.col);
    if (typeof v === "string") {
      const u = parseAmount(v)?.unit ?? null;
      if (u) {
        evidence = true;
        unit ??= u;
      }
    }
  }
  if (!evidence) return null;
  const period = periodFromBlock(titleBlock) ?? (caption ? periodFromText(caption.text) : null);
  const key = period ?? "Belopp";
  // "Planerad budget" says less than the sheet's own title ("Projektplan Infosamverkan").
  const generic = !caption || !isTitleLike(caption.text) || WORD_HEADER.test(caption.text);
  const title = generic ? (titleBlock.find(isTitleLike) ?? caption?.text ?? null) : caption.text;
  return {
    titleBlock,
    frame: {
      headerRow: null,
      labelCol: best.labelCol,
      periods: [{ col: best.col, key, label: caption?.text ?? key, unit: null }],
      firstRow: best.first,
      lastRow: best.last,
      caption: caption?.text ?? null,
      title,
      unit: (caption ? unitInText(caption.text) : null) ?? unit,
      repeatedHeaders: new Set(),
    },
  };
}

function labelAndAmount(view: SheetView, r: number): { labelCol: number; col: number } | null {
  const label = view.firstText(r);
  if (!label) return null;
  for (let c = label.col + 1; c < view.width(r); c++) {
    if (view.value(r, c) === null) continue;
    return view.isAmount(r, c) ? { labelCol: label.col, col: c } : null;
  }
  return null;
}

function onlyLabel(view: SheetView, r: number, labelCol: number): boolean {
  for (let c = labelCol + 1; c < view.width(r); c++) if (view.value(r, c) !== null) return false;
  return true;
}
