/**
 * "Uppföljning Finsam" as the pane runs it: every sheet of the workbook read (the budget, the
 * insats list and the participant list are usually on sheets of their own), the same core as
 * `samsyn uppfoljning` and `samsyn convert`, and the follow-up sheet written. Round trips: three
 * for reading every sheet (readSheets), two for the write — none grows with the rows or the
 * sheets, unless the sheets together pass what one answer holds.
 * Participant counts are written as numbers here: the pane cannot know that a converted list
 * in the workbook is as current as the sheet just read.
 */
import type { Lang } from "../shared/messages";
import { isOutputSheet } from "../shared/output";
import { readWorkbook } from "../shared/read-workbook";
import { computeFollowup, type Followup, followupYear } from "../shared/uppfoljning";
import { cellValueIn, followupOutputSheet } from "../shared/uppfoljning-sheet";
import { AddinError } from "./excel/errors";
import type { ExcelHost } from "./excel/host";
import { readSheets } from "./excel/read";
import { type Progress, type Written, writeConversion } from "./excel/write";

/** What the follow-up's output is remembered under in the workbook, in place of a source sheet's id. */
export const FOLLOWUP_SOURCE = "samsyn.uppfoljning";

export interface FollowupWritten {
  readonly followup: Followup;
  readonly sheet: string;
  readonly undo: Written["undo"];
}

export async function writeFollowup(
  host: ExcelHost,
  options: { lang?: Lang; year?: string; onProgress?: Progress } = {},
): Promise<FollowupWritten> {
  // Every sheet but Samsyn's own, read as the import reads one.
  const snapshots = await readSheets(host, isOutputSheet);
  const last = snapshots.at(-1);
  // Corrections and outputs are the workbook's, the same in every snapshot: the last read is the newest.
  const corrections = last?.corrections ?? {};
  const grids = snapshots.map((s) => s.grid);
  const reading = readWorkbook(grids, { corrections, sourceColumns: true });
  // Asked for, the follow-up is written from a plan too: its utfall is then missing, and says so.
  const year = options.year ?? followupYear(reading.tables);
  if (year === null) throw new AddinError("no-followup");
  const followup = computeFollowup(reading, year);
  let sheet = "";
  const written = await writeConversion(
    host,
    {
      source: FOLLOWUP_SOURCE,
      sourceId: FOLLOWUP_SOURCE,
      sheets: (avoid) => {
        const plan = followupOutputSheet(followup, new Set(avoid), { cellValue: cellValueIn(grids) });
        sheet = plan.name;
        return [plan];
      },
      marks: [],
      corrections,
      outputs: last?.outputs ?? {},
    },
    options.onProgress,
  );
  return { followup, sheet, undo: written.undo };
}
