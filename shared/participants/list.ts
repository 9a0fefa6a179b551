/**
 * Participant lists: finds the header row whatever its wording and order, reads one
 * participant per row, and checks every row in one pass (identity numbers, dates, stay limit,
 * target age, required fields, coded columns, the same person enrolled twice at once).
 * Linear in the rows: one Map for duplicate detection, a sort per person only.
 */

import { ageOn, type Day, dayOf, dayOfDate, isoOf } from "../calendar";
import { a1At, type CellValue, type Grid, isBlank, numberFormatAt, rowCount, sheetOrderKey } from "../grid";
import { MergeIndex } from "../header";
import { readIdentity, todayKeyOf } from "../identity";
import type { Issue } from "../issues";
import { titleAbove } from "../title";
import { type Avslutsorsak, avslutsorsakOf, FIELD_LABEL, type Field, type Kon, konOf } from "./codes";
import { dayOfCell } from "./dates";
import { headerAt, identityLike, idTextOf, type ListHeader, type StatedCount, statedCount } from "./find";
import { municipalityOf } from "./municipalities";

/** One row of a participant list. Personal data: it stays in the workbook, never in a report. */
export interface Participant {
  /** Row on the sheet, 1-based, as the user sees it. */
  readonly sheetRow: number;
  /** The identity number as written, null when blank. */
  readonly idText: string | null;
  /** YYYYMMDD-NNNN when the identity number is valid. */
  readonly id: string | null;
  readonly birth: Day | null;
  readonly kon: Kon | null;
  /** Hemkommun as written (trimmed), the official name when it is a municipality. */
  readonly hemkommun: string | null;
  /** True when `hemkommun` is one of Sweden's municipalities. */
  readonly isMunicipality: boolean;
  readonly remittent: string | null;
  readonly kontaktMed: string | null;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly avslutsorsak: Avslutsorsak | null;
  readonly avslutsorsakText: string | null;
  readonly ageAtStart: number | null;
  /** Closed stays: end − start; open stays: measured to `openStaysUntil` when given. */
  readonly stayDays: number | null;
  readonly overLimit: boolean;
  /** The insats as written (trimmed), where the list has an insats column; null or absent when blank or none. */
  readonly insats?: string | null;
}

export interface Insats {
  /** The insats's name, for reports ("Samverkansteamet"). */
  readonly name?: string;
  /** Longest stay in days; default 365. */
  readonly limitDays?: number;
  /** What the steering group may add on top; default 183 (six months). */
  readonly extensionDays?: number;
  /** Age at enrolment the insats is for (Samverkansteamet: 18–29); no check when absent. */
  readonly targetAge?: { readonly min: number; readonly max: number };
}

export interface ListOptions {
  readonly insats?: Insats;
  /** Today, for the century of 10-digit identity numbers; default now. */
  readonly today?: Date;
  /**
   * Measure open stays up to this day for the stay limit. Absent: open stays are not checked,
   * since a list is often read long after it was kept.
   */
  readonly openStaysUntil?: Date;
}

export interface ParticipantList {
  readonly headerRow: number;
  /** The header's first row (the upper one of a header over two rows). */
  readonly headerTop: number;
  readonly columns: ReadonlyMap<Field, number>;
  /** Grid-relative rows of the title block above the header, joined. */
  readonly title: string | null;
  /** A1 range from the header to the last participant row. */
  readonly range: string;
  /** The last row that belongs to the list: its last participant, or a count stated under it. */
  readonly lastRow: number;
  /** Where reading stopped: the next list's header top, or the end of the sheet. */
  readonly next: number;
  /** The next list's header, found where this one ended; null when none follows at once. */
  readonly nextHeader: ListHeader | null;
  readonly participants: readonly Participant[];
  readonly issues: readonly Issue[];
  readonly limitDays: number;
}

const SUMMARY_LABEL = /^(antal|summa|totalt?|sum|samtliga)\b/i;
/** Filled fields that make a row without identity or date a participant, when participants follow it. */
const HALF_FILLED = 3;

function text(v: CellValue): string | null {
  if (v === null) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
}

/** Where each field of the list is: a column index, or −1 when the list has no such column. */
interface ListColumns {
  readonly id: number;
  readonly kon: number;
  readonly hemkommun: number;
  readonly remittent: number;
  readonly kontaktMed: number;
  readonly start: number;
  readonly end: number;
  readonly orsak: number;
  readonly insats: number;
}

/** What the row checks share: the grid, the columns, the insats's rules and the issues found so far. */
interface ListReading {
  readonly grid: Grid;
  readonly sheet: string;
  readonly headerRow: number;
  readonly col: ListColumns;
  readonly todayKey: number;
  readonly limitDays: number;
  readonly extensionDays: number;
  readonly targetAge: Insats["targetAge"];
  readonly openUntil: Day | null;
  // Coded columns repeat a handful of values down 100 000 rows: each distinct text is mapped once.
  readonly kons: (text: string) => Kon | null;
  readonly orsaker: (text: string) => Avslutsorsak | null;
  readonly kommuner: (text: string) => string | null;
  /** Sheet-level issues (a whole column missing) are reported once, not once per row. */
  readonly reportedOnce: Set<Field>;
  /** Issues with a sort key (row, column), so the list reads in sheet order at the end. */
  readonly found: { key: number; issue: Issue }[];
}

const add = (list: ListReading, r: number, c: number, issue: Issue): void => {
  list.found.push({ key: sheetOrderKey(r, Math.max(c, 0)), issue });
};
const cellOf = (list: ListReading, r: number, c: number): string | null =>
  c < 0 ? null : a1At(list.grid, r, c);
const textAt = (row: readonly CellValue[], c: number): string | null => (c < 0 ? null : text(row[c] ?? null));

function missing(list: ListReading, r: number, c: number, field: Field, severity: Issue["severity"]): void {
  add(list, r, c, {
    severity,
    code: "field-missing",
    sheet: list.sheet,
    cell: cellOf(list, r, c),
    field: FIELD_LABEL[field],
  });
}

/** A field whose column the list lacks: one error for the sheet, at the header. */
function columnMissing(list: ListReading, field: Field): void {
  if (list.reportedOnce.has(field)) return;
  list.reportedOnce.add(field);
  add(list, list.headerRow, 0, {
    severity: "error",
    code: "field-missing",
    sheet: list.sheet,
    cell: null,
    field: FIELD_LABEL[field],
  });
}

/** The identity number: required, well formed, with a valid check digit; it gives birth and kön. */
function checkIdentity(list: ListReading, r: number, idText: string | null) {
  const c = list.col.id;
  if (idText === null) {
    missing(list, r, c, "personnummer", "error");
    return { id: null, birth: null, konFromId: null };
  }
  const parsed = readIdentity(idText, list.todayKey);
  if (typeof parsed === "string") {
    const code = parsed === "checksum" ? "id-checksum" : "id-invalid";
    add(list, r, c, { severity: "error", code, sheet: list.sheet, cell: cellOf(list, r, c), text: idText });
    return { id: null, birth: null, konFromId: null };
  }
  return {
    id: parsed.normalised,
    birth: dayOf(parsed.year, parsed.month, parsed.day),
    konFromId: (parsed.man ? "man" : "kvinna") as Kon,
  };
}

/** Kön: the column when it says, else the identity number's birth number; an unknown code is a warning. */
function checkKon(list: ListReading, r: number, konText: string | null, konFromId: Kon | null): Kon | null {
  if (konText === null) return konFromId;
  const mapped = list.kons(konText);
  if (mapped) return mapped;
  const c = list.col.kon;
  add(list, r, c, {
    severity: "warning",
    code: "code-unknown",
    sheet: list.sheet,
    cell: cellOf(list, r, c),
    field: FIELD_LABEL.kon,
    text: konText,
  });
  return konFromId;
}

/**
 * Blank required values: kön where neither its column nor the identity number gives it, and
 * hemkommun. Key figures count such a row as "Uppgift saknas"; the warning says which cell to fill in.
 */
function checkRequired(
  list: ListReading,
  r: number,
  konText: string | null,
  kon: Kon | null,
  kommunText: string | null,
): void {
  if (list.col.kon >= 0 && konText === null && kon === null) missing(list, r, list.col.kon, "kon", "warning");
  if (list.col.hemkommun >= 0 && kommunText === null)
    missing(list, r, list.col.hemkommun, "hemkommun", "warning");
}

/** Inskrivning and avslut: the start is required, both must be dates, and the end not before the start. */
function checkDates(list: ListReading, r: number, row: readonly CellValue[]) {
  const { start: cStart, end: cEnd } = list.col;
  const start = cStart < 0 ? null : dayOfCell(row[cStart] ?? null, numberFormatAt(list.grid, r, cStart));
  const end = cEnd < 0 ? null : dayOfCell(row[cEnd] ?? null, numberFormatAt(list.grid, r, cEnd));
  if (cStart >= 0 && start === null && isBlank(row[cStart] ?? null))
    missing(list, r, cStart, "inskriven", "error");
  if (cStart < 0) columnMissing(list, "inskriven");
  for (const [value, c, field] of [
    [start, cStart, "inskriven"],
    [end, cEnd, "avslutad"],
  ] as const)
    if (value === "invalid")
      add(list, r, c, {
        severity: "error",
        code: "date-invalid",
        sheet: list.sheet,
        cell: cellOf(list, r, c),
        field: FIELD_LABEL[field],
        text: String(row[c]),
      });
  const startDay = typeof start === "number" ? start : null;
  const endDay = typeof end === "number" ? end : null;
  const ordered = startDay === null || endDay === null || endDay >= startDay;
  if (!ordered)
    add(list, r, cEnd, {
      severity: "error",
      code: "date-order",
      sheet: list.sheet,
      cell: cellOf(list, r, cEnd),
      start: isoOf(startDay!),
      end: isoOf(endDay!),
    });
  return { startDay, endDay, closed: end !== null, ordered };
}

/**
 * Avslutsorsak: required once the stay is closed. A reason none of the known forms fits is info at
 * its cell (codes.ts keeps the forms): counted as neither work nor studies, never guessed.
 */
function checkAvslutsorsak(
  list: ListReading,
  r: number,
  orsakText: string | null,
  closed: boolean,
): Avslutsorsak | null {
  const c = list.col.orsak;
  if (orsakText !== null) {
    const avslutsorsak = list.orsaker(orsakText);
    if (avslutsorsak === null)
      add(list, r, c, {
        severity: "info",
        code: "code-unknown",
        sheet: list.sheet,
        cell: cellOf(list, r, c),
        field: FIELD_LABEL.avslutsorsak,
        text: orsakText,
      });
    return avslutsorsak;
  }
  if (closed) {
    if (c >= 0) missing(list, r, c, "avslutsorsak", "error");
    else columnMissing(list, "avslutsorsak");
  }
  return null;
}

/**
 * The stay limit: a warning within the extension the steering group may grant, an error
 * beyond. Open stays are measured only up to `openStaysUntil`, when given.
 */
function checkStayLimit(
  list: ListReading,
  r: number,
  dates: { startDay: Day | null; endDay: Day | null; ordered: boolean },
) {
  const { startDay, endDay, ordered } = dates;
  let stayDays: number | null = null;
  let stayCol = list.col.end;
  if (startDay !== null && ordered) {
    if (endDay !== null) stayDays = endDay - startDay;
    else if (list.openUntil !== null && list.openUntil >= startDay) {
      stayDays = list.openUntil - startDay;
      stayCol = list.col.start;
    }
  }
  const overLimit = stayDays !== null && stayDays > list.limitDays;
  if (overLimit) {
    const beyondExtension = stayDays! > list.limitDays + list.extensionDays;
    add(list, r, stayCol, {
      severity: beyondExtension ? "error" : "warning",
      code: "stay-over-limit",
      sheet: list.sheet,
      cell: cellOf(list, r, stayCol),
      days: stayDays!,
      limitDays: list.limitDays,
      beyondExtension,
    });
  }
  return { stayDays, overLimit };
}

/** Age at enrolment against the insats's target group, where it has one. */
function checkTargetAge(
  list: ListReading,
  r: number,
  birth: Day | null,
  startDay: Day | null,
): number | null {
  const ageAtStart = birth !== null && startDay !== null ? ageOn(birth, startDay) : null;
  const target = list.targetAge;
  if (target && ageAtStart !== null && (ageAtStart < target.min || ageAtStart > target.max))
    add(list, r, list.col.id, {
      severity: "warning",
      code: "age-outside-target",
      sheet: list.sheet,
      cell: cellOf(list, r, list.col.id),
      age: ageAtStart,
      min: target.min,
      max: target.max,
    });
  return ageAtStart;
}

/** One participant row: every row check in the order a reader meets the cells. */
function readRow(
  list: ListReading,
  r: number,
  row: readonly CellValue[],
  idText: string | null,
): Participant {
  const { id, birth, konFromId } = checkIdentity(list, r, idText);
  const konText = textAt(row, list.col.kon);
  const kon = checkKon(list, r, konText, konFromId);
  const kommunText = textAt(row, list.col.hemkommun);
  const municipality = kommunText === null ? null : list.kommuner(kommunText);
  checkRequired(list, r, konText, kon, kommunText);
  const dates = checkDates(list, r, row);
  const orsakText = textAt(row, list.col.orsak);
  const avslutsorsak = checkAvslutsorsak(list, r, orsakText, dates.closed);
  const { stayDays, overLimit } = checkStayLimit(list, r, dates);
  const ageAtStart = checkTargetAge(list, r, birth, dates.startDay);
  const insats = textAt(row, list.col.insats);
  // A row without its insats counts in the whole list, and in no insats's figures.
  if (list.col.insats >= 0 && insats === null) missing(list, r, list.col.insats, "insats", "warning");
  return {
    sheetRow: list.grid.origin.row + r + 1,
    idText,
    id,
    birth,
    kon,
    hemkommun: municipality ?? kommunText,
    isMunicipality: municipality !== null,
    remittent: textAt(row, list.col.remittent),
    kontaktMed: textAt(row, list.col.kontaktMed),
    start: dates.startDay,
    end: dates.endDay,
    avslutsorsak,
    avslutsorsakText: orsakText,
    ageAtStart,
    stayDays,
    overLimit,
    insats: insats === null ? null : insats.slice(0, 500),
  };
}

/**
 * The whole-list check: the same person enrolled twice at once. Per person, stays sorted by
 * start, each checked against the furthest end so far; a stay ending the day the next begins
 * is a handover, not an overlap.
 */
function checkDuplicateEnrolments(
  list: ListReading,
  participants: readonly Participant[],
  gridRows: readonly number[],
): void {
  const byPerson = new Map<string, number[]>();
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i]!;
    if (p.id === null || p.start === null) continue;
    const stays = byPerson.get(p.id);
    if (stays) stays.push(i);
    else byPerson.set(p.id, [i]);
  }
  const c = list.col.id;
  for (const stays of byPerson.values()) {
    if (stays.length < 2) continue;
    stays.sort((a, b) => participants[a]!.start! - participants[b]!.start! || a - b);
    let holder = stays[0]!;
    let furthest = participants[holder]!.end ?? Infinity;
    for (const i of stays.slice(1)) {
      const p = participants[i]!;
      if (p.start! < furthest) {
        const r = gridRows[Math.max(i, holder)]!;
        add(list, r, c, {
          severity: "error",
          code: "duplicate-enrolment",
          sheet: list.sheet,
          cell: cellOf(list, r, c),
          otherCell: cellOf(list, gridRows[Math.min(i, holder)]!, c)!,
        });
      }
      const end = p.end ?? Infinity;
      if (end > furthest) {
        furthest = end;
        holder = i;
      }
    }
  }
}

/** Options of one list among several on a sheet: where its title may start, and the sheet's merges. */
export interface ListPlace {
  /** The last row of the list above (or −1): the title is looked for below it. */
  readonly stop?: number;
  /** "caption" when several lists share the sheet: each list's nearest line above is its title. */
  readonly titlePrefer?: "caption" | "heading";
  readonly merges?: MergeIndex;
}

export function readParticipantList(
  grid: Grid,
  header: { row: number; top?: number; columns: ReadonlyMap<Field, number> },
  options: ListOptions = {},
  place: ListPlace = {},
): ParticipantList {
  const { columns } = header;
  const top = header.top ?? header.row;
  const merges = place.merges ?? new MergeIndex(grid);
  const at = (f: Field): number => columns.get(f) ?? -1;
  const list: ListReading = {
    grid,
    sheet: grid.sheet,
    headerRow: header.row,
    col: {
      id: at("personnummer"),
      kon: at("kon"),
      hemkommun: at("hemkommun"),
      remittent: at("remittent"),
      kontaktMed: at("kontaktMed"),
      start: at("inskriven"),
      end: at("avslutad"),
      orsak: at("avslutsorsak"),
      insats: at("insats"),
    },
    todayKey: todayKeyOf(options.today ?? new Date()),
    limitDays: options.insats?.limitDays ?? 365,
    extensionDays: options.insats?.extensionDays ?? 183,
    targetAge: options.insats?.targetAge,
    openUntil: options.openStaysUntil ? dayOfDate(options.openStaysUntil) : null,
    kons: memo(konOf),
    orsaker: memo(avslutsorsakOf),
    kommuner: memo(municipalityOf),
    reportedOnce: new Set(),
    found: [],
  };
  const dataColumns = [...columns].filter(([f]) => f !== "nr").map(([, c]) => c);

  const participants: Participant[] = [];
  const gridRows: number[] = [];
  const stated: StatedCount[] = [];
  let lastParticipant = header.row;
  let lastRow = header.row;
  let nextHeader: ListHeader | null = null;
  /** Rows with neither identity nor date but three fields or more, kept until a participant follows them. */
  const halfFilled: number[] = [];
  const idTextAt = (k: number) => (list.col.id >= 0 ? idTextOf(grid.values[k]?.[list.col.id] ?? null) : null);
  const total = rowCount(grid);
  let r = header.row + 1;
  for (; r < total; r++) {
    const row = grid.values[r];
    if (!row || dataColumns.every((c) => isBlank(row[c] ?? null))) continue;
    const idText = list.col.id >= 0 ? idTextOf(row[list.col.id] ?? null) : null;
    const summary = isSummaryRow(row, idText);
    if (!summary && isParticipantRow(list, r, row, idText)) {
      // Half-filled rows met on the way lie inside the list: participants with their gaps reported.
      for (const k of halfFilled) {
        participants.push(readRow(list, k, grid.values[k]!, idTextAt(k)));
        gridRows.push(k);
      }
      halfFilled.length = 0;
      lastParticipant = lastRow = r;
      participants.push(readRow(list, r, row, idText));
      gridRows.push(r);
      continue;
    }
    // Not a participant: a count under the list, a note, the next list's title or header.
    const count = statedCount(row, r);
    if (count) {
      stated.push(count);
      lastRow = r;
    } else if (!summary && dataColumns.filter((c) => !isBlank(row[c] ?? null)).length >= HALF_FILLED)
      halfFilled.push(r);
    if (summary) {
      r++;
      break;
    }
    nextHeader = headerAt(grid, r, merges, lastRow + 1);
    if (nextHeader) {
      r = nextHeader.top;
      break;
    }
  }
  checkDuplicateEnrolments(list, participants, gridRows);
  checkStatedCounts(list, stated, participants);

  // Stable: issues of one cell keep the order the checks found them in.
  list.found.sort((a, b) => a.key - b.key);
  const first = Math.min(...dataColumns, columns.get("nr") ?? Infinity);
  const last = Math.max(...dataColumns, columns.get("nr") ?? -Infinity);
  return {
    headerRow: header.row,
    headerTop: top,
    columns,
    title: titleOfList(grid, top, place.stop ?? -1, place.titlePrefer ?? "heading"),
    range: `${a1At(grid, top, first)}:${a1At(grid, lastParticipant, last)}`,
    lastRow,
    next: Math.min(r, total),
    nextHeader,
    participants,
    issues: list.found.map((f) => f.issue),
    limitDays: list.limitDays,
  };
}

/**
 * A row is a participant when its identity cell holds an identity (or an attempt at one), or
 * when the identity is blank or unreadable on a row that has a start or end date. A count by
 * kön, a note or a total is none.
 */
function isParticipantRow(
  list: ListReading,
  r: number,
  row: readonly CellValue[],
  idText: string | null,
): boolean {
  if (idText !== null && identityLike(idText)) return true;
  for (const c of [list.col.start, list.col.end]) {
    if (c < 0) continue;
    const day = dayOfCell(row[c] ?? null, numberFormatAt(list.grid, r, c));
    if (typeof day === "number") return true;
  }
  return false;
}

/**
 * Counts stated under the list, checked as a budget's stated totals are: "Antal" or "Totalt"
 * against the rows (or the persons, where someone is enrolled twice), "Kvinnor" and "Män"
 * against the rows (or persons) of that kön. An error at the count's cell where neither agrees.
 */
function checkStatedCounts(
  list: ListReading,
  stated: readonly StatedCount[],
  participants: readonly Participant[],
): void {
  for (const s of stated) {
    const rows = participants.filter((p) => s.counts === "all" || p.kon === s.counts);
    const persons = new Set(rows.map((p, i) => p.id ?? `row ${i}`)).size;
    if (s.value === rows.length || s.value === persons) continue;
    add(list, s.row, s.col, {
      severity: "error",
      code: "count-mismatch",
      sheet: list.sheet,
      cell: cellOf(list, s.row, s.col),
      label: s.label,
      stated: s.value,
      counted: rows.length,
      counts: s.counts,
    });
  }
}

/** The title of a list whose header starts at row `top`, looked for below row `stop`. */
export function titleOfList(
  grid: Grid,
  top: number,
  stop: number,
  prefer: "caption" | "heading",
): string | null {
  return titleAbove((k) => firstTextOfRow(grid, k), top, stop, prefer);
}

function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = f(text);
    seen.set(text, value);
    return value;
  };
}

/** "Antal 64", "Summa", "Totalt" under the list: the end of it, no participant. */
function isSummaryRow(row: readonly CellValue[], idText: string | null): boolean {
  for (let c = 0; c < row.length && c < 4; c++) {
    const v = row[c];
    if (typeof v === "string" && SUMMARY_LABEL.test(v.trim())) {
      // An identity number has ten digits or more; a count in its column ("Antal | 64") has fewer.
      return idText === null || idText.replace(/\D/g, "").length < 10;
    }
  }
  return false;
}

/** A row's first text cell, trimmed; null when it has none. */
export function firstTextOfRow(grid: Grid, r: number): string | null {
  for (const v of grid.values[r] ?? [])
    if (typeof v === "string" && v.trim() !== "") return v.trim().slice(0, 500);
  return null;
}
