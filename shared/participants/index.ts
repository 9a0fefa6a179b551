/**
 * Participant sheets: a participant list (one row per person) or aggregate follow-up tables,
 * read into validated tables, key figures, the conversion plan, and the reports that may be
 * shared. The one entry point the facade (shared/inspect.ts) calls for a sheet.
 */
import type { Grid } from "../grid";
import { insatsKey } from "../insatslista";
import type { Issue } from "../issues";
import type { OutputSheet } from "../output";
import { askedPeriod, type Period, wholeListPeriod } from "../period";
import type { FollowupTable, ParticipantsTable } from "../report";
import { readFollowupTables } from "./followup";
import { keyFiguresFor } from "./keyFigures";
import { findListHeader, type Insats, type Participant, readParticipantList } from "./list";
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
  readonly threshold?: number;
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

  const header = findListHeader(grid);
  if (header) {
    const list = readParticipantList(grid, header, options);
    const period = asked ?? wholeListPeriod(list.participants);
    const keyFigures = keyFiguresFor(list.participants, period);
    const table: ParticipantsTable = {
      kind: "participants",
      sheet: grid.sheet,
      title: list.title,
      range: list.range,
      period: period.key,
      rows: list.participants.length,
      keyFigures,
    };
    // Only where the list has an insats column: older lists keep their exact shape.
    const byInsats = list.columns.has("insats") ? groupByInsats(list.participants) : null;
    if (byInsats)
      table.byInsats = byInsats.map((g) => ({
        insats: g.insats,
        rows: g.participants.length,
        keyFigures: keyFiguresFor(g.participants, period),
      }));
    return {
      tables: [table],
      issues: list.issues,
      participants: list.participants,
      ...(byInsats ? { participantsByInsats: byInsats } : {}),
      ...common,
      outputSheets: (taken) =>
        participantOutputSheets(
          {
            sheet: grid.sheet,
            participants: list.participants,
            period: period.key,
            keyFigures,
            limitDays: list.limitDays,
            withInsats: byInsats !== null,
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
