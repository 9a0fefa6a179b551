/**
 * Participant sheets: a participant list (one row per person) or aggregate follow-up tables,
 * read into validated tables, key figures, the conversion plan, and the reports that may be
 * shared. The one entry point the facade (shared/inspect.ts) calls for a sheet.
 */
import { type Grid, rowCount } from "../grid";
import { MergeIndex } from "../header";
import { insatsKey } from "../insatslista";
import type { Issue } from "../issues";
import type { OutputSheet } from "../output";
import { askedPeriod, type Period, wholeListPeriod } from "../period";
import type { FollowupTable, ParticipantsTable } from "../report";
import { findListHeader } from "./find";
import { readFollowupTables } from "./followup";
import { keyFiguresFor } from "./keyFigures";
import {
  type Insats,
  type Participant,
  type ParticipantList,
  readParticipantList,
  titleOfList,
} from "./list";
import { participantOutputSheets } from "./output";

export { type Day, ymdOf } from "../calendar";
export { type Period, parsePeriod } from "../period";
export { AVSLUTSORSAKER, type Avslutsorsak, avslutsorsakOf, type Kon, konOf } from "./codes";
export { readFollowupTables } from "./followup";
export { AGE_BANDS, keyFiguresFor, MISSING_HEMKOMMUN, OTHER_HEMKOMMUN } from "./keyFigures";
export type { Insats, Participant } from "./list";
export { MUNICIPALITIES, municipalityOf } from "./municipalities";

export interface ParticipantOptions {
  /** The period for key figures: "2014", "2014-H1", "2014-Q3", "2013-2015"; default: the whole list. */
  readonly period?: string;
  /** The insats the list belongs to: its name, stay limit, extension and target age. */
  readonly insats?: Insats;
  /** Smallest count a shared report publishes; default 5. */
  readonly threshold?: number;
  /** Today, for the century of 10-digit identity numbers; default now. */
  readonly today?: Date;
  /** Measure open stays up to this day for the stay limit; absent: open stays are not checked. */
  readonly openStaysUntil?: Date;
}

export interface ParticipantReading {
  readonly tables: readonly (ParticipantsTable | FollowupTable)[];
  readonly issues: readonly Issue[];
  /** Sheets to add on conversion (normalised list, key figures). Personal data: stays in the workbook. */
  readonly outputSheets: (taken: Set<string>) => OutputSheet[];
  /** The list's rows; empty for a sheet of follow-up tables. Personal data: never into a report. */
  readonly participants: readonly Participant[];
  /** The period asked for, if any (shareable reports default to it). */
  readonly period?: string;
  /** The insats's name, if configured. */
  readonly insats: string | null;
  /**
   * The list's rows by insats, where the list has an insats column ("Insats", "Verksamhet",
   * "Projekt"): one group per insats, in the order the list first names it; rows without an
   * insats are in no group. Personal data: turned only into one shareable report per insats.
   */
  readonly participantsByInsats?: readonly InsatsParticipants[];
  /**
   * Each table's own rows, in the order of `tables`, where a sheet holds several lists (absent for
   * one list: its rows are `participants`). Read through participantsOf.
   */
  readonly participantsByTable?: readonly (readonly Participant[])[];
  readonly threshold?: number;
}

/** The rows a participants table of the reading was read from: its own list's, where the sheet holds several. */
export function participantsOf(
  reading: ParticipantReading,
  table: ParticipantsTable,
): readonly Participant[] {
  const k = reading.tables.indexOf(table);
  return (k >= 0 ? reading.participantsByTable?.[k] : undefined) ?? reading.participants;
}

export interface InsatsParticipants {
  /** The insats's name as the list first writes it. */
  readonly insats: string;
  readonly participants: readonly Participant[];
}

/** Rows grouped by insats, names matched without regard to case, dashes or spaces. */
export function groupByInsats(participants: readonly Participant[]): InsatsParticipants[] {
  const groups = new Map<string, { insats: string; participants: Participant[] }>();
  for (const p of participants) {
    if (p.insats === null || p.insats === undefined) continue;
    const key = insatsKey(p.insats);
    const group = groups.get(key);
    if (group) group.participants.push(p);
    else groups.set(key, { insats: p.insats, participants: [p] });
  }
  return [...groups.values()];
}

/**
 * Null when the sheet holds no participant list and no follow-up table (the facade then tries
 * the budget reader). Throws the `invalid-period` failure when `options.period` is none of the known forms.
 */
export function readParticipantSheet(
  grid: Grid,
  options: ParticipantOptions = {},
): ParticipantReading | null {
  const asked: Period | null = options.period === undefined ? null : askedPeriod(options.period);
  const common = {
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    insats: options.insats?.name ?? null,
  };

  const lists = readParticipantLists(grid, options);
  if (lists.length > 0) {
    // One list per insats on the sheet: each list's rows are its insats's, named by its title.
    const several = lists.length > 1;
    const marked = several ? lists.map(withListInsats) : [lists[0]!.participants];
    const participants = several ? marked.flat() : lists[0]!.participants;
    const period = asked ?? wholeListPeriod(participants);
    const tables = lists.map((list, i): ParticipantsTable => {
      const rows = marked[i]!;
      const table: ParticipantsTable = {
        kind: "participants",
        sheet: grid.sheet,
        title: list.title,
        range: list.range,
        period: period.key,
        rows: list.participants.length,
        keyFigures: keyFiguresFor(list.participants, period),
      };
      // Only where the list has an insats column: older lists keep their exact shape.
      if (list.columns.has("insats"))
        table.byInsats = groupByInsats(rows).map((g) => ({
          insats: g.insats,
          rows: g.participants.length,
          keyFigures: keyFiguresFor(g.participants, period),
        }));
      return table;
    });
    const withInsats = several || lists[0]!.columns.has("insats");
    const byInsats = withInsats ? groupByInsats(participants) : null;
    const issues = lists.flatMap((l) => l.issues);
    const keyFigures = several ? keyFiguresFor(participants, period) : tables[0]!.keyFigures;
    return {
      tables,
      issues,
      participants,
      ...(byInsats ? { participantsByInsats: byInsats } : {}),
      ...(several ? { participantsByTable: marked } : {}),
      ...common,
      outputSheets: (taken) =>
        participantOutputSheets(
          {
            sheet: grid.sheet,
            participants,
            period: period.key,
            keyFigures,
            limitDays: lists[0]!.limitDays,
            withInsats,
          },
          taken,
        ),
    };
  }

  const followup = readFollowupTables(grid);
  if (followup.tables.length === 0) return null;
  return {
    tables: followup.tables,
    issues: followup.issues,
    participants: [],
    ...common,
    outputSheets: () => [],
  };
}

/**
 * Every participant list on the sheet, top to bottom: the first header within the sheet's first
 * 50 rows, each further one where the list above ends. Several lists are titled by the line
 * nearest above each (its insats); one list keeps the first line of its title block.
 */
export function readParticipantLists(grid: Grid, options: ParticipantOptions = {}): ParticipantList[] {
  const merges = new MergeIndex(grid);
  const lists: ParticipantList[] = [];
  let header = findListHeader(grid, 0, undefined, merges);
  let stop = -1;
  while (header) {
    const list = readParticipantList(grid, header, options, { stop, merges });
    lists.push(list);
    stop = list.lastRow;
    header = list.nextHeader ?? findListHeader(grid, list.next, rowCount(grid), merges);
  }
  if (lists.length < 2) return lists;
  let above = -1;
  return lists.map((list) => {
    const titled = { ...list, title: titleOfList(grid, list.headerTop, above, "caption") };
    above = list.lastRow;
    return titled;
  });
}

/** A list's rows marked with its insats (the list's title), where the list has no insats column of its own. */
function withListInsats(list: ParticipantList, index: number): readonly Participant[] {
  if (list.columns.has("insats")) return list.participants;
  const insats = list.title ?? `Lista ${index + 1}`;
  return list.participants.map((p) => ({ ...p, insats }));
}
