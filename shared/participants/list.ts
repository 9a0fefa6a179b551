/**
 * Participant lists: finds the header row whatever its wording and order, reads one
 * participant per row, and checks every row in one pass (identity numbers, dates, stay limit,
 * target age, required fields, coded columns, the same person enrolled twice at once).
 * Linear in the rows: one Map for duplicate detection, a sort per person only.
 */

import { ageOn, type Day, dayOf, dayOfDate, isoOf } from "../calendar";
import { a1At, type CellValue, type Grid, isBlank, numberFormatAt, rowCount, sheetOrderKey } from "../grid";
import { readIdentity, todayKeyOf } from "../identity";
import type { Issue } from "../issues";
import {
  type Avslutsorsak,
  avslutsorsakOf,
  FIELD_LABEL,
  type Field,
  fieldOfHeader,
  type Kon,
  konOf,
} from "./codes";
import { dayOfCell } from "./dates";
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
  readonly columns: ReadonlyMap<Field, number>;
  /** Grid-relative rows of the title block above the header, joined. */
  readonly title: string | null;
  /** A1 range from the header to the last participant row. */
  readonly range: string;
  readonly participants: readonly Participant[];
  readonly issues: readonly Issue[];
  readonly limitDays: number;
}

const HEADER_SCAN_ROWS = 50;
const SUMMARY_LABEL = /^(antal|summa|totalt?|sum|samtliga)\b/i;

/** The header row and its columns, or null when no row of the first 50 looks like a list's header. */
export function findListHeader(grid: Grid): { row: number; columns: Map<Field, number> } | null {
  const rows = Math.min(rowCount(grid), HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = grid.values[r] ?? [];
    const columns = new Map<Field, number>();
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string") continue;
      const field = fieldOfHeader(v);
      if (field && !columns.has(field)) columns.set(field, c);
    }
    // An identity column and at least two more of a list's fields, one of them a date.
    const others = columns.size - 1 - (columns.has("nr") ? 1 : 0);
    if (columns.has("personnummer") && others >= 2 && (columns.has("inskriven") || columns.has("avslutad"))) {
      return { row: r, columns };
    }
  }
  return null;
}

function text(v: CellValue): string | null {
  if (v === null) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
}

/** An identity number cell as text; a number lost its leading zero (born 2000–2009) when typed. */
function idTextOf(v: CellValue): string | null {
  if (typeof v === "number" && Number.isInteger(v)) {
    const digits = String(v);
    return digits.length === 9 || digits.length === 11 ? `0${digits}` : digits;
  }
  return text(v);
}

export function readParticipantList(
  grid: Grid,
  header: { row: number; columns: ReadonlyMap<Field, number> },
  options: ListOptions = {},
): ParticipantList {
  const { columns } = header;
  const sheet = grid.sheet;
  const todayKey = todayKeyOf(options.today ?? new Date());
  const limitDays = options.insats?.limitDays ?? 365;
  const extensionDays = options.insats?.extensionDays ?? 183;
  const targetAge = options.insats?.targetAge;
  const openUntil = options.openStaysUntil ? dayOfDate(options.openStaysUntil) : null;

  const col = (f: Field): number => columns.get(f) ?? -1;
  const cId = col("personnummer");
  const cKon = col("kon");
  const cKommun = col("hemkommun");
  const cRemittent = col("remittent");
  const cKontakt = col("kontaktMed");
  const cStart = col("inskriven");
  const cEnd = col("avslutad");
  const cOrsak = col("avslutsorsak");
  const dataColumns = [...columns].filter(([f]) => f !== "nr").map(([, c]) => c);

  // Issues carry a sort key (row, column) so the list reads in sheet order at the end.
  const found: { key: number; issue: Issue }[] = [];
  const add = (r: number, c: number, issue: Issue) =>
    found.push({ key: sheetOrderKey(r, Math.max(c, 0)), issue });
  const cellOf = (r: number, c: number): string | null => (c < 0 ? null : a1At(grid, r, c));

  // Coded columns repeat a handful of values down 100 000 rows: map each distinct text once.
  const kons = memo(konOf);
  const orsaker = memo(avslutsorsakOf);
  const kommuner = memo(municipalityOf);

  const participants: Participant[] = [];
  const gridRows: number[] = [];
  let lastRow = header.row;
  let orsakColumnMissingReported = false;
  let startColumnMissingReported = false;
  const total = rowCount(grid);

  for (let r = header.row + 1; r < total; r++) {
    const row = grid.values[r];
    if (!row) continue;
    let blank = true;
    for (const c of dataColumns) {
      if (!isBlank(row[c] ?? null)) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const idValue = cId >= 0 ? (row[cId] ?? null) : null;
    const idText = idTextOf(idValue);
    if (isSummaryRow(row, idText)) break;
    lastRow = r;

    // Identity number.
    let id: string | null = null;
    let birth: Day | null = null;
    let konFromId: Kon | null = null;
    if (idText === null) {
      add(r, cId, {
        severity: "error",
        code: "field-missing",
        sheet,
        cell: cellOf(r, cId),
        field: FIELD_LABEL.personnummer,
      });
    } else {
      const parsed = readIdentity(idText, todayKey);
      if (typeof parsed !== "string") {
        id = parsed.normalised;
        birth = dayOf(parsed.year, parsed.month, parsed.day);
        konFromId = parsed.man ? "man" : "kvinna";
      } else {
        const code = parsed === "checksum" ? "id-checksum" : "id-invalid";
        add(r, cId, { severity: "error", code, sheet, cell: cellOf(r, cId), text: idText });
      }
    }

    // Kön: the column when it says, else the identity number's birth number.
    let kon = konFromId;
    const konText = cKon >= 0 ? text(row[cKon] ?? null) : null;
    if (konText !== null) {
      const mapped = kons(konText);
      if (mapped) kon = mapped;
      else
        add(r, cKon, {
          severity: "warning",
          code: "code-unknown",
          sheet,
          cell: cellOf(r, cKon),
          field: FIELD_LABEL.kon,
          text: konText,
        });
    }

    const kommunText = cKommun >= 0 ? text(row[cKommun] ?? null) : null;
    const municipality = kommunText === null ? null : kommuner(kommunText);
    for (const col of blankRequired({ cKommun, kommunText, cKon, konText, kon }))
      add(r, col, {
        severity: "warning",
        code: "field-missing",
        sheet,
        cell: cellOf(r, col),
        field: col === cKon ? FIELD_LABEL.kon : FIELD_LABEL.hemkommun,
      });

    // Dates.
    const start = cStart < 0 ? null : dayOfCell(row[cStart] ?? null, numberFormatAt(grid, r, cStart));
    const end = cEnd < 0 ? null : dayOfCell(row[cEnd] ?? null, numberFormatAt(grid, r, cEnd));
    if (cStart >= 0 && start === null && isBlank(row[cStart] ?? null)) {
      add(r, cStart, {
        severity: "error",
        code: "field-missing",
        sheet,
        cell: cellOf(r, cStart),
        field: FIELD_LABEL.inskriven,
      });
    }
    if (cStart < 0 && !startColumnMissingReported) {
      startColumnMissingReported = true;
      add(header.row, 0, {
        severity: "error",
        code: "field-missing",
        sheet,
        cell: null,
        field: FIELD_LABEL.inskriven,
      });
    }
    const startDay = typeof start === "number" ? start : null;
    const endDay = typeof end === "number" ? end : null;
    if (start === "invalid") {
      add(r, cStart, {
        severity: "error",
        code: "date-invalid",
        sheet,
        cell: cellOf(r, cStart),
        field: FIELD_LABEL.inskriven,
        text: String(row[cStart]),
      });
    }
    if (end === "invalid") {
      add(r, cEnd, {
        severity: "error",
        code: "date-invalid",
        sheet,
        cell: cellOf(r, cEnd),
        field: FIELD_LABEL.avslutad,
        text: String(row[cEnd]),
      });
    }
    const ordered = startDay === null || endDay === null || endDay >= startDay;
    if (!ordered) {
      add(r, cEnd, {
        severity: "error",
        code: "date-order",
        sheet,
        cell: cellOf(r, cEnd),
        start: isoOf(startDay!),
        end: isoOf(endDay!),
      });
    }

    // Avslutsorsak: required once the stay is closed.
    const orsakText = cOrsak >= 0 ? text(row[cOrsak] ?? null) : null;
    let avslutsorsak: Avslutsorsak | null = null;
    if (orsakText !== null) {
      avslutsorsak = orsaker(orsakText);
      if (avslutsorsak === null)
        add(r, cOrsak, {
          severity: "warning",
          code: "code-unknown",
          sheet,
          cell: cellOf(r, cOrsak),
          field: FIELD_LABEL.avslutsorsak,
          text: orsakText,
        });
    } else if (end !== null) {
      if (cOrsak >= 0) {
        add(r, cOrsak, {
          severity: "error",
          code: "field-missing",
          sheet,
          cell: cellOf(r, cOrsak),
          field: FIELD_LABEL.avslutsorsak,
        });
      } else if (!orsakColumnMissingReported) {
        // No such column at all: one issue for the sheet, not one per closed stay.
        orsakColumnMissingReported = true;
        add(header.row, 0, {
          severity: "error",
          code: "field-missing",
          sheet,
          cell: null,
          field: FIELD_LABEL.avslutsorsak,
        });
      }
    }

    // Stay limit: a warning within the extension the steering group may grant, an error beyond.
    let stayDays: number | null = null;
    let stayCol = cEnd;
    if (startDay !== null && ordered) {
      if (endDay !== null) stayDays = endDay - startDay;
      else if (openUntil !== null && openUntil >= startDay) {
        stayDays = openUntil - startDay;
        stayCol = cStart;
      }
    }
    const overLimit = stayDays !== null && stayDays > limitDays;
    if (overLimit) {
      const beyondExtension = stayDays! > limitDays + extensionDays;
      add(r, stayCol, {
        severity: beyondExtension ? "error" : "warning",
        code: "stay-over-limit",
        sheet,
        cell: cellOf(r, stayCol),
        days: stayDays!,
        limitDays,
        beyondExtension,
      });
    }

    const ageAtStart = birth !== null && startDay !== null ? ageOn(birth, startDay) : null;
    if (targetAge && ageAtStart !== null && (ageAtStart < targetAge.min || ageAtStart > targetAge.max)) {
      add(r, cId, {
        severity: "warning",
        code: "age-outside-target",
        sheet,
        cell: cellOf(r, cId),
        age: ageAtStart,
        min: targetAge.min,
        max: targetAge.max,
      });
    }

    participants.push({
      sheetRow: grid.origin.row + r + 1,
      idText,
      id,
      birth,
      kon,
      hemkommun: municipality ?? kommunText,
      isMunicipality: municipality !== null,
      remittent: cRemittent >= 0 ? text(row[cRemittent] ?? null) : null,
      kontaktMed: cKontakt >= 0 ? text(row[cKontakt] ?? null) : null,
      start: startDay,
      end: endDay,
      avslutsorsak,
      avslutsorsakText: orsakText,
      ageAtStart,
      stayDays,
      overLimit,
    });
    gridRows.push(r);
  }

  // The same person enrolled twice at once: per person, stays sorted by start, each checked
  // against the furthest end so far. A stay ending the day the next begins is a handover.
  const byPerson = new Map<string, number[]>();
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i]!;
    if (p.id === null || p.start === null) continue;
    const list = byPerson.get(p.id);
    if (list) list.push(i);
    else byPerson.set(p.id, [i]);
  }
  for (const stays of byPerson.values()) {
    if (stays.length < 2) continue;
    stays.sort((a, b) => participants[a]!.start! - participants[b]!.start! || a - b);
    let holder = stays[0]!;
    let furthest = participants[holder]!.end ?? Infinity;
    for (let k = 1; k < stays.length; k++) {
      const i = stays[k]!;
      const p = participants[i]!;
      if (p.start! < furthest) {
        const later = Math.max(i, holder);
        const earlier = Math.min(i, holder);
        const r = gridRows[later]!;
        add(r, cId, {
          severity: "error",
          code: "duplicate-enrolment",
          sheet,
          cell: cellOf(r, cId),
          otherCell: cellOf(gridRows[earlier]!, cId)!,
        });
      }
      const end = p.end ?? Infinity;
      if (end > furthest) {
        furthest = end;
        holder = i;
      }
    }
  }

  found.sort((a, b) => a.key - b.key);
  const first = Math.min(...dataColumns, columns.get("nr") ?? Infinity);
  const last = Math.max(...dataColumns, columns.get("nr") ?? -Infinity);
  return {
    headerRow: header.row,
    columns,
    title: titleAbove(grid, header.row),
    range: `${a1At(grid, header.row, first)}:${a1At(grid, lastRow, last)}`,
    participants,
    issues: found.map((f) => f.issue),
    limitDays,
  };
}

/**
 * The columns of a row whose required value is blank: hemkommun, and kön where the identity
 * number does not give it either. Key figures count such a row as "Uppgift saknas"; the warning
 * says which cell to fill in.
 */
function blankRequired(row: {
  readonly cKommun: number;
  readonly kommunText: string | null;
  readonly cKon: number;
  readonly konText: string | null;
  readonly kon: Kon | null;
}): number[] {
  const cols: number[] = [];
  if (row.cKon >= 0 && row.konText === null && row.kon === null) cols.push(row.cKon);
  if (row.cKommun >= 0 && row.kommunText === null) cols.push(row.cKommun);
  return cols;
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

/** The first text of the title block above the header, if any. */
export function titleAbove(grid: Grid, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v === "string" && v.trim() !== "") return v.trim().slice(0, 500);
    }
  }
  return null;
}
