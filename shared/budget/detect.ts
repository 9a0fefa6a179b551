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
import { composeHeader, MergeIndex } from "../header";
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

/** What a column beside the budget holds: utfall or prognos, read beside the budget of its year. */
export type ColumnRole = "outcome" | "forecast";

/** A column of utfall or prognos beside the budget of the same year. */
export interface ExtraColumn extends PeriodColumn {
  readonly role: ColumnRole;
}

/** An "Avvikelse" column: checked against the column it compares with the budget, never a period. */
export interface DeviationColumn {
  readonly col: number;
  readonly label: string;
  /** The key of the budget period it compares with. */
  readonly budget: string;
  /** The utfall (or prognos) column it compares with: its role and key. */
  readonly role: ColumnRole;
  readonly key: string;
}

export interface TableFrame {
  /** The header row, or null for a header-less block. */
  readonly headerRow: number | null;
  /** The group header row above it ("2023" merged over "Budget | Utfall"), when the header takes two rows. */
  readonly groupRow: number | null;
  /** Utfall and prognos columns read beside the budget periods (empty when the table has none). */
  readonly extras: readonly ExtraColumn[];
  readonly deviations: readonly DeviationColumn[];
  /** Avvikelse columns with no utfall or prognos of their year beside a budget: neither read nor checked, but said. */
  readonly unpairedDeviations: readonly { readonly col: number; readonly label: string }[];
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
  private mergeIndex: MergeIndex | null = null;

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

  /** The merged areas, for a header read over two rows. */
  get merges(): MergeIndex {
    this.mergeIndex ??= new MergeIndex(this.grid);
    return this.mergeIndex;
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
  /** What the header's words say the column holds: budget (a plain year too), utfall, prognos or avvikelse. */
  readonly role: "budget" | ColumnRole | "deviation";
  /** Utfall to 30 June ("Utfall jan–jun 2023"): keyed "2023-H1". */
  readonly half: boolean;
  /** Composed with the group header above it (a year merged over "Budget | Utfall"). */
  readonly grouped: boolean;
}

// The years a header may hold are the period grammar's (shared/period.ts): one range for both.
const YEAR = new RegExp(`(?<![\\d-])(${YEAR_DIGITS})(?:\\s*[-–/]\\s*(${YEAR_DIGITS}|\\d\\d))?(?!\\d)`);
const BARE_YEAR = new RegExp(`^${YEAR_DIGITS}$`);
const MONTH = new RegExp(`(?<!\\d)(${YEAR_DIGITS}-(?:0[1-9]|1[0-2]))(?![\\d-])`);
const KIND = /\b(budget|prognos|utfall|bokslut|förslag|plan|vp|beslutad|reviderad|preliminär)\b/i;
const WORD_HEADER =
  /^(belopp|budget|budgetbelopp|budgeterat|kostnad|kostnader|intäkter|kronor|summa kr|kr|tkr|mkr|planerad budget)\b/i;
const DEVIATION = /(?<![\p{L}])(avvikelse|avv\.|differens|diff)(?![\p{L}])/iu;
const OUTCOME = /(?<![\p{L}])(utfall|bokslut|delårsbokslut|årsbokslut)(?![\p{L}])/iu;
const FORECAST = /(?<![\p{L}])prognos(?![\p{L}])/iu;
/** Utfall to 30 June, as sheets write it: "jan–jun", "t.o.m. 30/6", "2023-06-30", "halvår 1", "H1", "delår". */
const FIRST_HALF =
  /jan(uari)?\s*[-–—]\s*jun(i)?|t\.?\s?o\.?\s?m\.?\s*juni|\d{4}-06-30|30\s*\/\s*6|30\s+juni|halvår\s*1|första\s+halvåret|(?<![\p{L}])h1(?![\p{L}])|(?<![\p{L}])delår/iu;
/** A header under a group header: a kind of figure without a year of its own ("Budget", "Utfall jan–jun"). */
const GROUPED_LOWER =
  /^(budget|utfall|prognos|avvikelse|avv\.|differens|diff|bokslut|förslag|plan|beslutad|reviderad|helår)(?![\p{L}])/iu;

const roleOf = (label: string): HeaderCell["role"] =>
  DEVIATION.test(label)
    ? "deviation"
    : OUTCOME.test(label)
      ? "outcome"
      : FORECAST.test(label)
        ? "forecast"
        : "budget";

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

/** A header cell read from its words: the years, the kind, the unit, what the column holds. */
function wordsCell(col: number, label: string, years: string, grouped: boolean): HeaderCell {
  const role = roleOf(label);
  return {
    col,
    label,
    strength: "strong",
    years,
    kind: KIND.exec(label)?.[1]?.toLowerCase() ?? null,
    unit: unitInText(label),
    role,
    half: role === "outcome" && FIRST_HALF.test(label),
    grouped,
  };
}

function headerCell(view: SheetView, r: number, c: number, upper: string | null = null): HeaderCell | null {
  const v = view.value(r, c);
  if (upper !== null && typeof v === "string") {
    // "Utfall" under "2023" merged over the columns of that year: "Utfall 2023".
    const lower = v.trim();
    const years = yearsOf(upper);
    if (years && upper.length <= 40 && isKindWord(lower))
      return wordsCell(c, `${lower} ${upper}`, years, true);
  }
  if (upper !== null && isKindWord(upper)) {
    // "2023" under "Utfall" merged over the years it has: "Utfall 2023".
    const year =
      typeof v === "number" && isPeriodYear(v)
        ? String(v)
        : typeof v === "string" && BARE_YEAR.test(v.trim())
          ? v.trim()
          : null;
    if (year) return wordsCell(c, `${upper} ${year}`, year, true);
  }
  if (typeof v === "number") {
    if (isPeriodYear(v)) return bareYear(c, String(v));
    return null;
  }
  if (typeof v !== "string") return null;
  const label = v.trim();
  if (BARE_YEAR.test(label)) return bareYear(c, label);
  if (label.length > 60) return null;
  const years = yearsOf(label);
  if (!years && !WORD_HEADER.test(label) && !DEVIATION.test(label)) return null;
  if (isExcelError(label) || parseAmount(label) !== null) return null;
  const unit = unitInText(label);
  if (years) {
    // A date ("2009-10-01") is no period header; "2008 (tkr)", "Budget 2015", "2015/16" are — and
    // "Utfall 2023-06-30", utfall to that date.
    const date = /(\d{4})-\d\d-\d\d/.exec(label);
    if (date)
      return /-06-30/.test(label) && OUTCOME.test(label) ? wordsCell(c, label, date[1]!, false) : null;
    return wordsCell(c, label, years, false);
  }
  // "Avvikelse" with no year: the utfall beside it says which.
  if (DEVIATION.test(label) && label.length <= 40)
    return {
      col: c,
      label,
      strength: "word",
      years: null,
      kind: null,
      unit,
      role: "deviation",
      half: false,
      grouped: false,
    };
  if (WORD_HEADER.test(label))
    return {
      col: c,
      label,
      strength: "word",
      years: null,
      kind: null,
      unit,
      role: "budget",
      half: false,
      grouped: false,
    };
  return null;
}

const bareYear = (col: number, label: string): HeaderCell => ({
  col,
  label,
  strength: "year",
  years: label,
  kind: null,
  unit: null,
  role: "budget",
  half: false,
  grouped: false,
});

/** A kind of figure without a year of its own ("Budget", "Utfall jan–jun"): a header that wants a year beside it. */
const isKindWord = (t: string | null): t is string =>
  t !== null && t.length <= 40 && GROUPED_LOWER.test(t) && !yearsOf(t);

/**
 * The group header above row r, column by column: the text above each column where row r has a
 * header that wants one ("Budget | Utfall" under a year), or where the row above names two kinds
 * or more over years ("Budget" merged over "2023 | 2024", "Utfall" over "2022 | 2023"); null where
 * neither holds — most rows, read at no cost. A year written once over the first of its columns,
 * the others left blank (centred across them rather than merged), reaches the kind words beside it.
 */
function groupHeaderAbove(view: SheetView, r: number): readonly (string | null)[] | null {
  if (r === 0) return null;
  // A kind word in a row without amounts: a line labelled "Budget …" carries amounts, a header none.
  let wants = false;
  for (let c = 0; c < view.width(r); c++) {
    const v = view.value(r, c);
    if (typeof v === "number" && !isPeriodYear(v)) return null;
    if (!wants && typeof v === "string") wants = isKindWord(v.trim());
  }
  if (!wants) {
    const kinds = new Set<string>();
    for (let c = 0; c < view.width(r - 1); c++) {
      const t = view.text(r - 1, c);
      if (isKindWord(t)) kinds.add(roleOf(t));
    }
    wants = kinds.size >= 2 && yearsUnderKinds(view, r);
  }
  if (!wants || view.isBlankRow(r - 1)) return null;
  const w = Math.max(view.width(r), view.width(r - 1));
  const header = composeHeader(view.grid, r, { merges: view.merges, first: 0, last: w - 1 });
  const uppers = header.map((h) => h.upper);
  // The year over a kind word is carried right over blank, unmerged cells above more kind words
  // (and past a header naming that year itself: "Utfall 2023-06-30").
  let carry: string | null = null;
  for (let c = 0; c < header.length; c++) {
    const h = header[c]!;
    const upper = uppers[c] ?? null;
    if (upper !== null) {
      carry = BARE_YEAR.test(upper) && isKindWord(h.lower) ? upper : null;
      continue;
    }
    if (carry === null || view.merges.at(r - 1, c) !== null) carry = null;
    else if (isKindWord(h.lower)) uppers[c] = carry;
    else if (!(h.lower !== null && GROUPED_LOWER.test(h.lower) && yearsOf(h.lower) === carry)) carry = null;
  }
  return uppers;
}

/**
 * Whether row r reads as the years under kinds ("Post | 2023 | 2024 | 2022 | 2023"), not as a line
 * whose amounts happen to fall among the years ("Kansli | 2010 | 2011"): a caption or nothing
 * for its label, bare years (then perhaps a comment column's header), none more than five years
 * from another.
 */
function yearsUnderKinds(view: SheetView, r: number): boolean {
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  let label = true;
  for (let c = 0; c < view.width(r); c++) {
    const v = view.value(r, c);
    if (v === null) continue;
    const year =
      typeof v === "number" ? v : typeof v === "string" && BARE_YEAR.test(v.trim()) ? Number(v) : null;
    if (year !== null && isPeriodYear(year)) {
      least = Math.min(least, year);
      most = Math.max(most, year);
      label = false;
    } else if (typeof v !== "string") return false;
    // Text right of the years heads a comment column; left of them, only a caption.
    else if (label && !isCaptionLike(v)) return false;
  }
  return most >= least && most - least <= 5;
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
  const above = groupHeaderAbove(view, r);
  for (let c = 0; c < w; c++) {
    const v = view.value(r, c);
    if (v === null) continue;
    const cell = headerCell(view, r, c, above?.[c] ?? null);
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
          role: "budget",
          half: false,
          grouped: false,
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

/** The columns of a header: the budget periods, the utfall and prognos beside them, the avvikelse checked. */
interface TableColumns {
  readonly periods: PeriodColumn[];
  readonly extras: ExtraColumn[];
  readonly deviations: DeviationColumn[];
  readonly unpairedDeviations: { col: number; label: string }[];
}

/**
 * What each header column is. An utfall or prognos column whose year has a budget column in the
 * same table is read beside that budget (keyed by the year, "2023-H1" for utfall to 30 June); one
 * whose year has none stays a period of its own, as it always was ("Utfall 2013 | Budget 2014").
 * An avvikelse column is no period: it is checked against the utfall (or prognos) of its year —
 * the year in its header, else that of the nearest such column to its left.
 */
function tableColumns(cells: readonly HeaderCell[], blockPeriod: string | null): TableColumns {
  const yearOf = (h: HeaderCell) => h.years ?? "";
  const budgetYears = new Set(cells.filter((h) => h.role === "budget" && h.years).map(yearOf));
  const extras: ExtraColumn[] = [];
  const taken = new Set<string>();
  const rest: HeaderCell[] = [];
  const deviating: HeaderCell[] = [];
  for (const h of cells) {
    if (h.role === "deviation") {
      deviating.push(h);
      continue;
    }
    if ((h.role === "outcome" || h.role === "forecast") && h.years && budgetYears.has(h.years)) {
      const key = h.half ? `${h.years}-H1` : h.years;
      if (!taken.has(`${h.role} ${key}`)) {
        taken.add(`${h.role} ${key}`);
        extras.push({ col: h.col, key, label: h.label, unit: h.unit, role: h.role });
        continue;
      }
    }
    rest.push(h);
  }
  const periods = periodColumns(rest, blockPeriod);
  const deviations: DeviationColumn[] = [];
  const unpairedDeviations: { col: number; label: string }[] = [];
  for (const d of deviating) {
    // "Avvikelse %": a share, not kronor; neither a period nor checked.
    if (/%|procent/i.test(d.label)) continue;
    const wants: ColumnRole = FORECAST.test(d.label) && !OUTCOME.test(d.label) ? "forecast" : "outcome";
    const candidates = extras.filter((e) => e.role === wants);
    const mine = d.years
      ? candidates.filter((e) => e.key.startsWith(d.years!))
      : candidates.filter((e) => e.col < d.col).slice(-1);
    const against = (d.half ? mine.find((e) => e.key.endsWith("-H1")) : undefined) ?? mine[0];
    if (!against) {
      unpairedDeviations.push({ col: d.col, label: d.label });
      continue;
    }
    const year = against.key.slice(0, 4);
    const budget = periods.find(
      (p, i) => p.key === year || (rest[i]!.years === year && rest[i]!.role === "budget"),
    );
    if (budget)
      deviations.push({
        col: d.col,
        label: d.label,
        budget: budget.key,
        role: against.role,
        key: against.key,
      });
    else unpairedDeviations.push({ col: d.col, label: d.label });
  }
  return { periods, extras, deviations, unpairedDeviations };
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
    const { periods, extras, deviations, unpairedDeviations } = tableColumns(
      h.cells.slice(0, MAX_PERIODS),
      periodFromBlock(titleBlock),
    );
    if (periods.length === 0) continue;
    const unit =
      periods.find((p) => p.unit)?.unit ??
      (caption ? unitInText(caption) : null) ??
      (title ? unitInText(title) : null) ??
      unitAbove(view, h.row, prevEnd);
    frames.push({
      headerRow: h.row,
      groupRow: h.cells.some((c) => c.grouped) ? h.row - 1 : null,
      extras,
      deviations,
      unpairedDeviations,
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

/**
 * The unit a line just above the header states ("Belopp i tkr" over a header of two rows): such a
 * line says the unit, and is no title.
 */
function unitAbove(view: SheetView, header: number, stop: number): Unit | null {
  for (let r = header - 1; r > stop && r >= header - 3; r--) {
    const t = view.firstText(r);
    const unit = t ? unitInText(t.text) : null;
    if (unit) return unit;
  }
  return null;
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
      groupRow: null,
      extras: [],
      deviations: [],
      unpairedDeviations: [],
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
