/** Participant sheets and follow-up tables. (Placeholder until the participants core lands.) */
import type { Grid } from "../grid";
import type { Issue } from "../issues";
import type { OutputSheet } from "../output";
import type { FollowupTable, ParticipantsTable } from "../report";

export interface ParticipantOptions {
  /** The period for key figures: "2014", "2014-H1", "2014-Q3"; default: the year most rows start in. */
  readonly period?: string;
}

export interface ParticipantReading {
  readonly tables: readonly (ParticipantsTable | FollowupTable)[];
  readonly issues: readonly Issue[];
  /** Sheets to add on conversion (normalised list, key figures). Personal data: stays in the workbook. */
  readonly outputSheets: (taken: Set<string>) => OutputSheet[];
}

/** Null when the sheet holds no participant list and no follow-up table. */
export function readParticipantSheet(
  _grid: Grid,
  _options: ParticipantOptions = {},
): ParticipantReading | null {
  return null;
}
