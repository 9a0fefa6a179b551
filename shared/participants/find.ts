/**
 * Where participant lists are on a sheet: each list's header (of one row or two, read by the one
 * header reader, shared/header.ts), the columns its header names or its cells show, which rows
 * are participants, and the counts stated under a list ("Antal | 64", "Kvinnor | 47").
 */

import { type CellValue, type Grid, isBlank, isDateFormat, numberFormatAt, rowCount } from "../grid";
import { composeHeader, type HeaderColumn, MergeIndex } from "../header";
import { readIdentity } from "../identity";
import { type Field, fieldOfHeader } from "./codes";
import { dayOfCell } from "./dates";

export interface ListHeader {
  /** The header's row (its lower row when it spans two), grid-relative. */
  readonly row: number;
  /** The header's first row: `row − 1` for a header over two rows, else `row`. */
  readonly top: number;
  readonly columns: ReadonlyMap<Field, number>;
}

/** How far down the first list's header is looked for. */
const HEADER_SCAN_ROWS = 50;
/** Rows under a header whose cells are looked at to find a column its header does not name. */
const SAMPLE_ROWS = 40;
/** "Nearly every cell": the share of a column's filled cells that must be identities (or dates). */
const NEARLY_ALL = 0.9;
/** Words that only say "a date" under a group header ("Inskrivning" over "Datum"). */
const GENERIC_LOWER = /^(datum|dag|date)$/i;
/** What a group header over some of a list's columns says ("Datum" over Inskriven | Avslutad). */
const GROUP_WORD =
  /^(datum|datum för|period|tid|tidsperiod|vistelse|deltagande|insatstid|inskrivningsperiod)$/i;

/** Looks for a list header at `from` … `to` − 1 (default: the first 50 rows). */
export function findListHeader(
  grid: Grid,
  from = 0,
  to = Math.min(rowCount(grid), HEADER_SCAN_ROWS),
  merges: MergeIndex = new MergeIndex(grid),
): ListHeader | null {
  const end = Math.min(to, rowCount(grid));
  for (let r = from; r < end; r++) {
    const found = headerAt(grid, r, merges, from);
    if (found) return found;
  }
  return null;
}

/**
 * The list header at row r, or null. A header over two rows is found at its lower row; when row r
 * is the upper row of such a header, the two-row reading (at r + 1) wins. `floor` is the first row
 * the header may take its upper row from.
 */
export function headerAt(grid: Grid, r: number, merges: MergeIndex, floor = 0): ListHeader | null {
  const one = headerOfRow(grid, r, merges, floor);
  if (one === null) {
    // A row of group words only ("Datum" over two columns) can still be the upper row.
    return null;
  }
  if (one.top === r) {
    const two = headerOfRow(grid, r + 1, merges, floor);
    if (two !== null && two.top === r) return two;
  }
  return one;
}

/** The fields of row r's header, composed with the row above; null unless it is a list's header. */
function headerOfRow(grid: Grid, r: number, merges: MergeIndex, floor: number): ListHeader | null {
  const row = grid.values[r];
  if (!row) return null;
  // Cheap refusal first: a data row has no text that names a field.
  let named = 0;
  for (const v of row) if (typeof v === "string" && fieldOfHeader(v) !== null) named++;
  const upperRow = r - 1 >= floor ? grid.values[r - 1] : undefined;
  if (named === 0 && !(upperRow && merges.size > 0)) return null;

  const composed = composeHeader(grid, r, { merges });
  const columns = new Map<Field, number>();
  let usedUpper = false;
  for (const h of composed) {
    const found = fieldOfColumn(h, r - 1 >= floor && merges.at(r - 1, h.col) !== null);
    if (found === null || columns.has(found.field)) continue;
    columns.set(found.field, h.col);
    if (found.fromUpper) usedUpper = true;
  }
  const known = columns.size - (columns.has("nr") ? 1 : 0);
  if (known < 2) return null;
  const rows =
    columns.has("personnummer") && columns.has("inskriven") && columns.has("avslutad")
      ? []
      : sampleRows(grid, r);
  if (!columns.has("personnummer")) {
    const c = identityColumnByContent(grid, rows, r, columns);
    if (c === null) return null;
    columns.set("personnummer", c);
  }
  if (!columns.has("inskriven") || !columns.has("avslutad")) datesByContent(grid, rows, r, columns);
  // An identity column and at least two more of a list's fields, one of them a date.
  const others = columns.size - 1 - (columns.has("nr") ? 1 : 0);
  if (others < 2 || !(columns.has("inskriven") || columns.has("avslutad"))) return null;
  const twoRows =
    r - 1 >= floor && (usedUpper || mergedDown(composed, r) || groupMerge(grid, merges, r - 1, columns));
  return { row: r, top: twoRows ? r - 1 : r, columns };
}

/** The field a composed header names: its own text, or the group's text where its own is blank or only says "Datum". */
function fieldOfColumn(h: HeaderColumn, upperMerged: boolean): { field: Field; fromUpper: boolean } | null {
  const own = h.lower === null ? null : fieldOfHeader(h.lower);
  if (own) return { field: own, fromUpper: false };
  // Only a merged group header speaks for the columns under it: text in the row above may be a title.
  if (!upperMerged || h.upper === null) return null;
  if (h.lower !== null) {
    const joined = fieldOfHeader(`${h.upper} ${h.lower}`);
    if (joined) return { field: joined, fromUpper: true };
  }
  if (h.lower === null || GENERIC_LOWER.test(h.lower)) {
    const field = fieldOfHeader(h.upper);
    if (field) return { field, fromUpper: true };
  }
  return null;
}

/** A header cell merged down from the row above: the header spans both rows. */
const mergedDown = (composed: readonly HeaderColumn[], r: number): boolean =>
  composed.some((h) => h.lowerCell !== null && h.lowerCell.row < r);

/** A group header in the row above merged over some of the list's columns, not all (a title spans them all). */
function groupMerge(
  grid: Grid,
  merges: MergeIndex,
  upper: number,
  columns: ReadonlyMap<Field, number>,
): boolean {
  const cols = [...columns.values()];
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  for (const c of cols) {
    const m = merges.at(upper, c);
    if (!m || m.end.row !== upper || m.end.col === m.start.col || (m.start.col <= first && m.end.col >= last))
      continue;
    // A title merged over a few columns ("Deltagare 2014") is no group header: its words say which.
    const text = grid.values[m.start.row]?.[m.start.col];
    if (typeof text === "string" && (GROUP_WORD.test(text.trim()) || fieldOfHeader(text) !== null))
      return true;
  }
  return false;
}

/**
 * The rows under a header whose cells are looked at: up to SAMPLE_ROWS of three cells or more, counts
 * under the list left out ("Antal | 64" says nothing of the column it stands in), and none past the next
 * header (a row with two words that name fields): a list below is no evidence for this one.
 */
function sampleRows(grid: Grid, r: number): number[] {
  const out: number[] = [];
  const total = rowCount(grid);
  for (let k = r + 1; k < total && out.length < SAMPLE_ROWS; k++) {
    const row = grid.values[k];
    // A note ("* = avbrott") fills a cell or two; a participant's row fills more.
    if (!row || row.filter((v) => !isBlank(v ?? null)).length < 3 || statedCount(row, k) !== null) continue;
    let named = 0;
    for (const v of row) if (typeof v === "string" && fieldOfHeader(v) !== null) named++;
    if (named >= 2) break;
    out.push(k);
  }
  return out;
}

/** The filled cells of column c in the sample rows. */
function sample(grid: Grid, rows: readonly number[], c: number): { value: CellValue; row: number }[] {
  const out: { value: CellValue; row: number }[] = [];
  for (const k of rows) {
    const v = grid.values[k]?.[c] ?? null;
    if (!isBlank(v)) out.push({ value: v, row: k });
  }
  return out;
}

/** An identity number cell as text; a number lost its leading zero (born 2000–2009) when typed. */
export function idTextOf(v: CellValue): string | null {
  if (typeof v === "number" && Number.isInteger(v)) {
    const digits = String(v);
    return digits.length === 9 || digits.length === 11 ? `0${digits}` : digits;
  }
  if (v === null) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
}

// No century question decides whether a number is an identity: any today will do here.
const ANY_TODAY = 20_991_231;

/**
 * "Födelsenummer", "ID" or a header the reader does not know, over a column where nearly every
 * filled cell is a valid personnummer or samordningsnummer: the cells say it is the identity column.
 */
function identityColumnByContent(
  grid: Grid,
  rows: readonly number[],
  r: number,
  columns: ReadonlyMap<Field, number>,
): number | null {
  const taken = new Set(columns.values());
  const width = grid.values[r]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    if (taken.has(c)) continue;
    const cells = sample(grid, rows, c);
    if (cells.length === 0) continue;
    let valid = 0;
    for (const { value } of cells) {
      const t = idTextOf(value);
      if (t !== null && typeof readIdentity(t, ANY_TODAY) !== "string") valid++;
    }
    if (valid >= NEARLY_ALL * cells.length) return c;
  }
  return null;
}

/** A cell that is a date beyond doubt: a date-formatted number, a YYYYMMDD number, or a date typed as text. */
function certainDay(grid: Grid, row: number, c: number): number | null {
  const v = grid.values[row]?.[c] ?? null;
  const format = numberFormatAt(grid, row, c);
  if (
    typeof v === "number" &&
    !isDateFormat(format) &&
    !(Number.isInteger(v) && v >= 18_000_101 && v <= 22_001_231)
  )
    return null;
  if (typeof v !== "number" && typeof v !== "string") return null;
  const day = dayOfCell(v, format);
  return typeof day === "number" ? day : null;
}

/**
 * Dates under headers the reader does not know, when the other columns leave no doubt: one
 * unknown date column beside a known start is the end when it never comes before the start (and
 * the other way round); two unknown date columns with none known are start and end when one never
 * comes after the other. Serial numbers and text dates are compared as days either way.
 */
function datesByContent(grid: Grid, rows: readonly number[], r: number, columns: Map<Field, number>): void {
  const taken = new Set(columns.values());
  const width = grid.values[r]?.length ?? 0;
  const dateColumns: Map<number, number>[] = [];
  const at: number[] = [];
  for (let c = 0; c < width; c++) {
    if (taken.has(c)) continue;
    const cells = sample(grid, rows, c);
    if (cells.length === 0) continue;
    const days = new Map<number, number>();
    for (const { row } of cells) {
      const d = certainDay(grid, row, c);
      if (d !== null) days.set(row, d);
    }
    if (days.size >= NEARLY_ALL * cells.length) {
      dateColumns.push(days);
      at.push(c);
    }
  }
  const known = (field: Field) => {
    const c = columns.get(field);
    if (c === undefined) return null;
    const days = new Map<number, number>();
    for (const { row } of sample(grid, rows, c)) {
      const d = certainDay(grid, row, c);
      if (d !== null) days.set(row, d);
    }
    return days;
  };
  const never = (early: Map<number, number>, late: Map<number, number>) => {
    let both = 0;
    for (const [row, d] of early) {
      const e = late.get(row);
      if (e === undefined) continue;
      both++;
      if (e < d) return false;
    }
    return both > 0;
  };
  const hasStart = columns.has("inskriven");
  const hasEnd = columns.has("avslutad");
  if (dateColumns.length === 1 && hasStart !== hasEnd) {
    const other = known(hasStart ? "inskriven" : "avslutad")!;
    const only = dateColumns[0]!;
    if (hasStart && never(other, only)) columns.set("avslutad", at[0]!);
    if (hasEnd && never(only, other)) columns.set("inskriven", at[0]!);
  } else if (dateColumns.length === 2 && !hasStart && !hasEnd) {
    const [a, b] = dateColumns as [Map<number, number>, Map<number, number>];
    const aFirst = never(a, b);
    const bFirst = never(b, a);
    if (aFirst !== bFirst) {
      columns.set("inskriven", aFirst ? at[0]! : at[1]!);
      columns.set("avslutad", aFirst ? at[1]! : at[0]!);
    }
  } else if (dateColumns.length === 1 && !hasStart && !hasEnd && dateColumns[0]!.size >= 2) {
    // The one date column of a list: its start.
    columns.set("inskriven", at[0]!);
  }
}

/**
 * An identity, or an attempt at one: ten or twelve digits, or six to eight digits and a dash or
 * plus ("19871227-90", "871227-XXXX"). A count ("64", "100000") or a word is none.
 */
export function identityLike(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (/^\d{10}$|^\d{12}$/.test(t)) return true;
  return /^\d{6}(\d{2})?[-+][0-9A-Za-z]{0,4}$/.test(t);
}

/** Labels of a stated count under a list, and what they count. */
const STATED: readonly [RegExp, "all" | "kvinna" | "man"][] = [
  [/^(antal|summa|totalt?|sum|samtliga)(\s+(deltagare|inskrivna|personer))?:?$/i, "all"],
  [/^(antal\s+)?(kvinnor|kvinna)(\s+totalt)?:?$/i, "kvinna"],
  [/^(antal\s+)?(män|man)(\s+totalt)?:?$/i, "man"],
];

export interface StatedCount {
  readonly label: string;
  readonly counts: "all" | "kvinna" | "man";
  readonly value: number;
  /** Grid-relative position of the count. */
  readonly row: number;
  readonly col: number;
}

/** "Antal | 64", "Kvinnor | 47", "Totalt | 113": a label in the row's first cells and the count after it. */
export function statedCount(row: readonly CellValue[], r: number): StatedCount | null {
  let c = 0;
  while (c < row.length && isBlank(row[c] ?? null)) c++;
  const v = row[c];
  if (typeof v !== "string") return null;
  const label = v.trim();
  const kind = STATED.find(([re]) => re.test(label))?.[1];
  if (!kind) return null;
  for (let k = c + 1; k < row.length; k++) {
    const n = row[k];
    if (n === null || n === undefined || isBlank(n)) continue;
    const value =
      typeof n === "number"
        ? n
        : typeof n === "string" && /^\d[\d\s]*$/.test(n.trim())
          ? Number(n.replace(/\s/g, ""))
          : null;
    if (value === null || !Number.isInteger(value) || value < 0) return null;
    return { label, counts: kind, value, row: r, col: k };
  }
  return null;
}
