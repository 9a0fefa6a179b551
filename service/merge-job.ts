/**
 * What the merge thread runs: the stored bodies parsed and checked, the merge, and the answer
 * as JSON text or as the merged workbook — all the work that grows with the reports.
 */
import { type MergeInput, merge } from "../shared/merge";
import { Report } from "../shared/report";
import { mergedWorkbook } from "./merged-workbook";
import type { StoredRevisionText } from "./store/types";

export interface MergeJob extends Omit<MergeInput, "reports"> {
  readonly revisions: readonly StoredRevisionText[];
  readonly as: "json" | "xlsx";
}

export async function runMergeJob(job: MergeJob): Promise<string | Buffer> {
  const { revisions, as, ...rest } = job;
  // Stored bodies were validated on the way in; parse again so a type never lies.
  const reports = revisions.map(({ body, ...head }) => ({ ...head, report: Report.parse(JSON.parse(body)) }));
  const view = merge({ ...rest, reports });
  return as === "json" ? JSON.stringify(view) : mergedWorkbook(view);
}
