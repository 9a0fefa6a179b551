/**
 * The difference between two revisions of a report: budget lines added, removed and changed
 * (matched by section + label), participant key figures by their path ("byKon.kvinna").
 */
import * as z from "zod";
import type { BudgetLine, Report } from "./report";

export const DiffEntry = z.object({
  /** "income|Medlemsbidrag" for a budget line, "byKon.kvinna" for a key figure. */
  key: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ReportDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(DiffEntry),
  removed: z.array(DiffEntry),
  changed: z.array(DiffEntry),
});
export type ReportDiff = z.infer<typeof ReportDiff>;

export type Entries = Map<string, unknown>;

const lineKey = (l: BudgetLine): string => `${l.section}|${l.label}`;

function budgetEntries(lines: readonly BudgetLine[]): Entries {
  const out: Entries = new Map();
  const seen = new Map<string, number>();
  for (const l of lines) {
    // The same label twice in a section ("- övrigt" under two headings): number the repeats.
    const base = lineKey(l);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, { group: l.group, heading: l.heading, amounts: l.amounts });
  }
  return out;
}

function flatten(value: unknown, prefix: string, out: Entries): Entries {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

/** A report as comparable entries: budget lines by section and label, key figures by their path. */
export function reportEntries(report: Report): Entries {
  if (report.kind === "budget") return budgetEntries(report.lines);
  return flatten(report.keyFigures, "", new Map());
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function diffReports(
  from: { revision: number; report: Report },
  to: { revision: number; report: Report },
) {
  const before = reportEntries(from.report);
  const after = reportEntries(to.report);
  const diff: ReportDiff = { from: from.revision, to: to.revision, added: [], removed: [], changed: [] };
  for (const [key, a] of after) {
    if (!before.has(key)) diff.added.push({ key, before: null, after: a });
    else if (!same(before.get(key), a)) diff.changed.push({ key, before: before.get(key), after: a });
  }
  for (const [key, b] of before) if (!after.has(key)) diff.removed.push({ key, before: b, after: null });
  return diff;
}
