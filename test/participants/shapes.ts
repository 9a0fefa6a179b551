/**
 * Generated participant sheets in the shapes förbund keep them, with the truth known: today's
 * list (title, header, rows, "Antal"), a note under the list in the identity column, counts by kön
 * and a total under a blank row, a header over two rows ("Datum" merged over Inskriven | Avslutad),
 * one list per insats on one sheet, an identity column or date columns under headers the reader
 * does not know, and avslutsorsak words in their many forms. The truth of each list: its range,
 * title and rows, and for a year its participants, new, closed, closed to work or studies, by kön
 * and by hemkommun; and the [cell, code] of every issue the sheet must give.
 */

import { columnLetters, type Grid, gridFromRows, type RangeAddress } from "../../shared/grid";
import type { ParticipantReading } from "../../shared/participants";
import type { ParticipantsTable } from "../../shared/report";
import { INSATS_NAMES } from "../insatser/generate";
import {
  type Cell,
  type Column,
  dateCell,
  generateRows,
  type Layout,
  type Row,
  randomLayout,
  rngFrom,
  TODAY,
} from "./generate";

export const SHAPES = [
  "today",
  "note-under",
  "counts-by-kon",
  "two-row-header",
  "one-list-per-insats",
  "unknown-identity-header",
  "unknown-date-headers",
  "reason-words",
  "mixed",
] as const;
export type Shape = (typeof SHAPES)[number];

/** The year the truth's counts are for: generated stays start in 2014–2015. */
export const TRUTH_YEAR = 2014;
const SHEET_TITLE = "Deltagarförteckning (genererad)";

export interface ListTruth {
  readonly range: string;
  readonly title: string | null;
  readonly rows: number;
  /** Counts for TRUTH_YEAR, as the key figures name them. */
  readonly year: {
    readonly participants: number;
    readonly new: number;
    readonly closed: number;
    readonly closedToWorkOrStudies: number;
    readonly byKon: { readonly kvinna: number; readonly man: number };
    readonly byHemkommun: Readonly<Record<string, number>>;
  };
}

export interface ShapedSheet {
  readonly shape: Shape;
  readonly seed: number;
  readonly grid: Grid;
  readonly lists: readonly ListTruth[];
  /** [cell, code] of every issue, sorted. */
  readonly issues: readonly (readonly [string, string])[];
}

/** Avslutsorsak as people write it, and whether it is work or studies; null: no known reason (info at its cell). */
export const REASON_WORDS: readonly [string, boolean | null][] = [
  ["Arbete", true],
  ["Anställd", true],
  ["Anställd på lager", true],
  ["anställning", true],
  ["Fått jobb", true],
  ["Arbetar heltid", true],
  ["Lönebidrag", true],
  ["Studier", true],
  ["Börjat studera", true],
  ["Studerar på komvux", true],
  ["Gymnasiestudier", true],
  ["Utbildning", true],
  ["Arbetssökande", false],
  ["Åter till remittent", false],
  ["Flyttat", false],
  ["Avbrott", false],
  ["Sjukskriven längre tid", null],
  ["Gick vidare", null],
  ["?", null],
];
const WORK_OR_STUDIES = new Set(["Arbete", "Studier", "Anställning", "Utbildning"]);

const IDENTITY_UNKNOWN = ["Födelsenummer", "ID", "Identitet", "Person", ""];
const START_UNKNOWN = ["Fr.o.m.", "Första dag", "Kom"];
const END_UNKNOWN = ["T.o.m.", "Sista dag", "Gick"];

const int = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** What a list's own rows make of the year: counted from the generated rows, not by the reader. */
function yearTruth(rows: readonly Row[], workOrStudies: (row: Row) => boolean): ListTruth["year"] {
  const first = Date.UTC(TRUTH_YEAR, 0, 1);
  const last = Date.UTC(TRUTH_YEAR, 11, 31);
  const byKon = { kvinna: 0, man: 0 };
  const byHemkommun: Record<string, number> = {};
  let participants = 0;
  let fresh = 0;
  let closed = 0;
  let toWork = 0;
  for (const row of rows) {
    const start = row.start.getTime();
    const end = row.end?.getTime() ?? null;
    if (start > last || (end !== null && end < first)) continue;
    participants++;
    byKon[row.person.kon]++;
    byHemkommun[row.hemkommun] = (byHemkommun[row.hemkommun] ?? 0) + 1;
    if (start >= first) fresh++;
    if (end !== null && end <= last) {
      closed++;
      if (workOrStudies(row)) toWork++;
    }
  }
  return { participants, new: fresh, closed, closedToWorkOrStudies: toWork, byKon, byHemkommun };
}

/** A sheet being laid out: cells row by row, merged areas, and the issues it must give. */
class Sheet {
  readonly cells: Cell[][] = [];
  readonly merges: RangeAddress[] = [];
  readonly issues: [string, string][] = [];
  readonly lists: ListTruth[] = [];
  get row(): number {
    return this.cells.length;
  }
  push(...rows: Cell[][]): void {
    this.cells.push(...rows);
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    this.merges.push({ start: { row: r0, col: c0 }, end: { row: r1, col: c1 } });
  }
}

interface ListSpec {
  readonly layout: Layout;
  readonly rows: readonly Row[];
  /** Header text per column, where it differs from the layout's. */
  readonly headerText?: Partial<Record<Column, string>>;
  readonly twoRows?: boolean;
  /** Avslutsorsak written per row, where it differs from the row's own. */
  readonly reasons?: readonly (readonly [string, boolean | null] | null)[];
}

/** Lays out one list at the sheet's current row and returns its truth (title given by the caller). */
function layList(rng: () => number, sheet: Sheet, spec: ListSpec, title: string | null): void {
  const { layout, rows } = spec;
  const order = layout.order;
  const text = (c: Column) => spec.headerText?.[c] ?? layout.headers[c];
  const top = sheet.row;
  if (spec.twoRows) {
    const upper: Cell[] = order.map((c) => (c === "avslutad" ? null : c === "inskriven" ? "Datum" : text(c)));
    const lower: Cell[] = order.map((c) => (c === "inskriven" || c === "avslutad" ? text(c) : null));
    sheet.push(upper, lower);
    order.forEach((c, i) => {
      if (c === "inskriven") sheet.merge(top, i, top, i + 1);
      else if (c !== "avslutad") sheet.merge(top, i, top + 1, i);
    });
  } else sheet.push(order.map(text));
  const first = sheet.row;
  rows.forEach((row, i) => {
    const reason = spec.reasons?.[i];
    const orsak = row.end ? (reason ? reason[0] : row.orsak) : null;
    if (reason && reason[1] === null && row.end)
      sheet.issues.push([`${columnLetters(order.indexOf("avslutsorsak"))}${first + i + 1}`, "code-unknown"]);
    const byColumn: Record<Column, Cell> = {
      nr: i + 1,
      personnummer: row.idWritten,
      kon: row.konText,
      hemkommun: row.hemkommun,
      remittent: row.remittent,
      kontaktMed: row.kontaktMed,
      inskriven: dateCell(rng, row.start),
      avslutad: row.end ? dateCell(rng, row.end) : null,
      avslutsorsak: orsak,
    };
    sheet.push(order.map((c) => byColumn[c]));
  });
  const workOrStudies = (row: Row) => {
    const i = rows.indexOf(row);
    const reason = spec.reasons?.[i];
    return reason ? reason[1] === true : WORK_OR_STUDIES.has(row.orsak ?? "");
  };
  sheet.lists.push({
    range: `A${top + 1}:${columnLetters(order.length - 1)}${first + rows.length}`,
    title,
    rows: rows.length,
    year: yearTruth(rows, workOrStudies),
  });
}

/** The title block above the first list: the sheet's title, then blank rows down to the layout's header row. */
function titleBlock(sheet: Sheet, layout: Layout): string | null {
  for (let r = 0; r < layout.headerRow; r++) sheet.push(r === 0 ? [SHEET_TITLE] : []);
  return layout.headerRow > 0 ? SHEET_TITLE : null;
}

/** Inskriven and avslutad side by side, as a group header over them needs. */
function datesTogether(layout: Layout): Layout {
  const order: Column[] = layout.order.filter((c) => c !== "avslutad");
  order.splice(order.indexOf("inskriven") + 1, 0, "avslutad");
  return { ...layout, order };
}

/** One generated sheet of the shape, from its seed; `size` fixes the first list's row count. */
export function shapedSheet(shape: Shape, seed: number, size?: number): ShapedSheet {
  // The sheet's shape from one stream, each list's rows and cells from their own: a list's length
  // changes nothing else on the sheet.
  const rng = rngFrom(seed);
  const cellsRng = (k: number) => rngFrom(seed * 31 + 7 + k);
  const sheet = new Sheet();
  const drawn = int(rng, 3, 40);
  let layout = randomLayout(rng);
  const firstRng = cellsRng(0);
  const rows = generateRows(firstRng, { rows: size ?? drawn });
  switch (shape) {
    case "today": {
      const title = titleBlock(sheet, layout);
      // Now and then the title is merged over a few columns, right above the header or not.
      if (title !== null && rng() < 0.4) sheet.merge(0, 0, 0, int(rng, 1, 3));
      layList(firstRng, sheet, { layout, rows }, title);
      sheet.push([], ["Antal", rows.length]);
      break;
    }
    case "note-under": {
      layList(firstRng, sheet, { layout, rows }, titleBlock(sheet, layout));
      const note: Cell[] = layout.order.map(() => null);
      note[layout.order.indexOf("personnummer")] = pick(rng, ["* = avbrott", "* avbrott", "Sekretess!"]);
      if (rng() < 0.5) sheet.push(note);
      else sheet.push([], note, ["Källa: deltagarregistret"]);
      break;
    }
    case "counts-by-kon": {
      layList(firstRng, sheet, { layout, rows }, titleBlock(sheet, layout));
      const at = rng() < 0.5 ? layout.order.indexOf("personnummer") : 0;
      const women = rows.filter((r) => r.person.kon === "kvinna").length;
      const wrong = rng() < 0.25;
      const total = wrong ? rows.length + int(rng, 1, 3) : rows.length;
      const line = (label: string, n: number): Cell[] => {
        const cells: Cell[] = Array.from({ length: at + 2 }, () => null);
        cells[at] = label;
        cells[at + 1] = n;
        return cells;
      };
      sheet.push([], line("Kvinnor", women), line("Män", rows.length - women));
      if (wrong) sheet.issues.push([`${columnLetters(at + 1)}${sheet.row + 1}`, "count-mismatch"]);
      sheet.push(line(pick(rng, ["Totalt", "Summa", "Antal deltagare"]), total));
      break;
    }
    case "two-row-header": {
      layout = datesTogether({ ...layout, headerRow: int(rng, 1, 4) });
      const title = titleBlock(sheet, layout);
      // Now and then the title is merged over the whole width, as title rows often are.
      if (rng() < 0.5) sheet.merge(0, 0, 0, layout.order.length - 1);
      layList(firstRng, sheet, { layout, rows, twoRows: true }, title);
      sheet.push([], ["Antal", rows.length]);
      break;
    }
    case "one-list-per-insats": {
      const count = int(rng, 2, 4);
      const names = [...INSATS_NAMES].sort(() => rng() - 0.5).slice(0, count);
      sheet.push([`Deltagare ${TRUTH_YEAR} per insats`], []);
      const sameLayout = rng() < 0.6;
      for (let k = 0; k < count; k++) {
        const listRng = k === 0 ? firstRng : cellsRng(k);
        const listRows = k === 0 ? rows : generateRows(listRng, { rows: int(rng, 2, 30) });
        const own = sameLayout ? { ...layout, headerRow: 0 } : { ...randomLayout(rng), headerRow: 0 };
        sheet.push([names[k]!]);
        layList(listRng, sheet, { layout: own, rows: listRows }, names[k]!);
        const tail = int(rng, 0, 2);
        if (tail === 1) sheet.push(["Antal", listRows.length]);
        for (let b = int(rng, 0, 2); b > 0; b--) sheet.push([]);
        if (tail === 2) sheet.push(["* = avbrott"], []);
      }
      break;
    }
    case "unknown-identity-header": {
      layList(
        firstRng,
        sheet,
        { layout, rows, headerText: { personnummer: pick(rng, IDENTITY_UNKNOWN) } },
        titleBlock(sheet, layout),
      );
      sheet.push([], ["Antal", rows.length]);
      break;
    }
    case "unknown-date-headers": {
      const which = pick(rng, ["start", "end", "both"] as const);
      const headerText: Partial<Record<Column, string>> = {};
      if (which !== "end") headerText.inskriven = pick(rng, START_UNKNOWN);
      if (which !== "start") headerText.avslutad = pick(rng, END_UNKNOWN);
      // A stay that ends shows which column is which: at least two closed stays.
      const closed = rows.filter((r) => r.end !== null).length;
      const used = closed >= 2 ? rows : generateRows(firstRng, { rows: rows.length, closedShare: 1 });
      layList(firstRng, sheet, { layout, rows: used, headerText }, titleBlock(sheet, layout));
      sheet.push([], ["Antal", used.length]);
      break;
    }
    case "reason-words": {
      const reasons = rows.map((r) => (r.end ? pick(firstRng, REASON_WORDS) : null));
      layList(firstRng, sheet, { layout, rows, reasons }, titleBlock(sheet, layout));
      sheet.push([], ["Antal", rows.length]);
      break;
    }
    case "mixed": {
      // One to three lists, each with its own draw of the shapes above.
      const count = int(rng, 1, 3);
      const names = [...INSATS_NAMES].sort(() => rng() - 0.5).slice(0, count);
      let title: string | null = null;
      if (count === 1) title = titleBlock(sheet, layout);
      else sheet.push([`Deltagare ${TRUTH_YEAR} per insats`], []);
      for (let k = 0; k < count; k++) {
        const listRng = k === 0 ? firstRng : cellsRng(k);
        const listRows = k === 0 ? rows : generateRows(listRng, { rows: int(rng, 2, 30) });
        const twoRows = rng() < 0.4;
        let own = k === 0 ? layout : randomLayout(rng);
        if (twoRows) own = datesTogether(own);
        const headerText: Partial<Record<Column, string>> = {};
        const unknown = rng();
        if (unknown < 0.3) headerText.personnummer = pick(rng, IDENTITY_UNKNOWN);
        else if (unknown < 0.5 && listRows.filter((r) => r.end !== null).length >= 2)
          headerText.avslutad = pick(rng, END_UNKNOWN);
        const reasons =
          rng() < 0.5 ? listRows.map((r) => (r.end ? pick(listRng, REASON_WORDS) : null)) : undefined;
        if (count > 1) sheet.push([names[k]!]);
        layList(
          listRng,
          sheet,
          { layout: own, rows: listRows, headerText, twoRows, ...(reasons ? { reasons } : {}) },
          count > 1 ? names[k]! : title,
        );
        const tail = int(rng, 0, 3);
        const id = own.order.indexOf("personnummer");
        if (tail === 1) sheet.push([], ["Antal", listRows.length]);
        if (tail === 2) {
          const note: Cell[] = own.order.map(() => null);
          note[id] = "* = avbrott";
          sheet.push(note);
        }
        if (tail === 3) {
          const women = listRows.filter((r) => r.person.kon === "kvinna").length;
          sheet.push([], ["Kvinnor", women], ["Män", listRows.length - women]);
        }
        sheet.push([]);
      }
      break;
    }
  }
  const grid: Grid = { ...gridFromRows("Deltagare", sheet.cells), merges: sheet.merges };
  const issues = [...sheet.issues].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  return { shape, seed, grid, lists: sheet.lists, issues };
}

/** `perShape` sheets of every shape, seeds from `seed`. */
export function shapedSheets(perShape: number, seed: number): ShapedSheet[] {
  return SHAPES.flatMap((shape, s) =>
    Array.from({ length: perShape }, (_, k) => shapedSheet(shape, seed + s * 100_000 + k)),
  );
}

/** What the reader got wrong about a sheet, in words; empty when it read the sheet right. */
export function misreadings(sheet: ShapedSheet, reading: ParticipantReading | null): string[] {
  if (reading === null) return ["no list found"];
  const wrong: string[] = [];
  const tables = reading.tables.filter((t): t is ParticipantsTable => t.kind === "participants");
  if (tables.length !== sheet.lists.length || tables.length !== reading.tables.length)
    wrong.push(`${reading.tables.length} tables, ${sheet.lists.length} lists`);
  sheet.lists.forEach((truth, k) => {
    const table = tables[k];
    if (!table) return;
    const got = {
      range: table.range,
      title: table.title,
      rows: table.rows,
      year: {
        participants: table.keyFigures.participants,
        new: table.keyFigures.new,
        closed: table.keyFigures.closed,
        closedToWorkOrStudies: table.keyFigures.closedToWorkOrStudies,
        byKon: table.keyFigures.byKon,
        byHemkommun: table.keyFigures.byHemkommun,
      },
    };
    const sorted = (o: ListTruth) =>
      JSON.stringify({ ...o, year: { ...o.year, byHemkommun: sortKeys(o.year.byHemkommun) } });
    if (sorted(got) !== sorted(truth)) wrong.push(`list ${k + 1}: ${sorted(got)} ≠ ${sorted(truth)}`);
  });
  const issues = reading.issues
    .map((i) => [i.cell ?? "", i.code] as const)
    .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  if (JSON.stringify(issues) !== JSON.stringify(sheet.issues))
    wrong.push(`issues ${JSON.stringify(issues)} ≠ ${JSON.stringify(sheet.issues)}`);
  if (sheet.lists.length > 1) {
    const groups = (reading.participantsByInsats ?? []).map((g) => [g.insats, g.participants.length]);
    const want = sheet.lists.map((l) => [l.title, l.rows]);
    if (JSON.stringify(groups) !== JSON.stringify(want))
      wrong.push(`groups ${JSON.stringify(groups)} ≠ ${JSON.stringify(want)}`);
  }
  return wrong;
}

function sortKeys(o: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** The options a shaped sheet is read with: the truth's year and the generator's today. */
export const SHAPED_OPTIONS = { period: String(TRUTH_YEAR), today: TODAY } as const;
