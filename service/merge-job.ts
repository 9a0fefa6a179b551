/**
 * What the merge thread runs: the stored bodies parsed and checked, the merge, and the answer
 * as JSON text or as the merged workbook — all the work that grows with the reports.
 */
import { type MergeInput, merge } from "../shared/merge";
import { Report } from "../shared/report";
import { mergedWorkbook } from "./merged-workbook";
import { keptByRevision, revisionKey } from "./store/kept";
import type { StoredRevisionText } from "./store/types";

export interface MergeJob extends Omit<MergeInput, "reports"> {
  readonly revisions: readonly StoredRevisionText[];
  readonly as: "json" | "xlsx";
}

export async function runMergeJob(job: MergeJob): Promise<string | Buffer> {
  const { revisions, as, ...rest } = job;
  const reports = revisions.map(({ body, ...head }) => ({ ...head, report: parsedReport(head, body) }));
  const view = merge({ ...rest, reports });
  return as === "json" ? JSON.stringify(view) : mergedWorkbook(view);
}

/** Parsed reports kept, at most this many characters of body text together (a few MB). */
const PARSED_CHARACTERS_KEPT = 16 * 1024 * 1024;
const parsed = keptByRevision<{ readonly body: string; readonly report: Report }>(PARSED_CHARACTERS_KEPT);

/**
 * A stored body parsed and checked. Stored bodies were validated on the way in; they are
 * parsed again so a type never lies, but once per revision: a revision never changes, so the
 * one parsed for the last merge serves the next (for the same text, compared whole, never for
 * the same key alone). Frozen, since every merge after shares it.
 */
export function parsedReport(head: Omit<StoredRevisionText, "body">, body: string): Report {
  const key = revisionKey(head);
  const found = parsed.get(key);
  if (found?.body === body) return found.report;
  const report = deepFreeze(Report.parse(JSON.parse(body)));
  parsed.set(key, { body, report });
  return report;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
