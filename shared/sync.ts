/**
 * Sending a report without overwriting anyone's work: which condition a send goes with, given
 * the revision the workbook last saw, and what differs between their revision and mine, line by
 * line, for the conflict view. Pure: the pane's network module and its settings call this.
 */
import { reportEntries } from "./diff";
import type { Report, ReportKind } from "./report";

/** Where a report is filed: one association, one kind, one period. */
export interface ReportAddress {
  readonly associationId: string;
  readonly kind: ReportKind;
  readonly period: string;
}

/** The key a report is remembered under in the workbook ("budget/2008"). */
export const reportKey = (kind: ReportKind, period: string): string => `${kind}/${period}`;

/**
 * The precondition of a send. A report this workbook never sent or fetched must not exist yet
 * (If-None-Match: *); one it has seen must still be at that revision (If-Match). Either way a
 * revision someone else made in between is a conflict, never a silent overwrite.
 */
export type SendCondition =
  | { readonly kind: "new" }
  | { readonly kind: "based-on"; readonly revision: number }
  /** "Skicka min version ändå": on top of the revision the user was shown, recorded as an override. */
  | { readonly kind: "override"; readonly revision: number };

export const conditionFor = (lastSeen: number | undefined): SendCondition =>
  lastSeen === undefined ? { kind: "new" } : { kind: "based-on", revision: lastSeen };

export interface ConflictRow {
  /** The budget line's label ("Kansli"), or a key figure's path ("byKon.kvinna"). */
  readonly label: string;
  /** "income" or "cost" for a budget line; null for a key figure. */
  readonly section: "income" | "cost" | null;
  /** The period column ("2009") or the report's period for a key figure. */
  readonly period: string;
  /** Null where that side has no such line or the count was suppressed. */
  readonly theirs: number | null;
  readonly mine: number | null;
}

const numberOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Every figure that differs between their revision and mine, in the order of mine, then theirs. */
export function conflictRows(theirs: Report, mine: Report): ConflictRow[] {
  const a = reportEntries(theirs);
  const b = reportEntries(mine);
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const rows: ConflictRow[] = [];
  for (const key of keys) {
    if (mine.kind === "budget") {
      const bar = key.indexOf("|");
      const section = key.slice(0, bar);
      const label = key.slice(bar + 1).replace(/#\d+$/, "");
      const amountsOf = (e: unknown) =>
        (e as { amounts?: Record<string, number> } | undefined)?.amounts ?? {};
      const ta = amountsOf(a.get(key));
      const ma = amountsOf(b.get(key));
      for (const period of [...new Set([...Object.keys(ma), ...Object.keys(ta)])]) {
        const t = numberOrNull(ta[period]);
        const m = numberOrNull(ma[period]);
        if (t !== m)
          rows.push({ label, section: section === "income" ? "income" : "cost", period, theirs: t, mine: m });
      }
    } else {
      const t = numberOrNull(a.get(key));
      const m = numberOrNull(b.get(key));
      if (t !== m || a.has(key) !== b.has(key))
        rows.push({ label: key, section: null, period: mine.period, theirs: t, mine: m });
    }
  }
  return rows;
}
