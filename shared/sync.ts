/**
 * Sending a report without overwriting anyone's work: which condition a send goes with, given
 * the revision the workbook last saw, and what differs between their revision and mine, line by
 * line, for the conflict view. Pure: the pane's network module and its settings call this.
 */

import { reportEntries } from "./diff";
import type { Lang } from "./messages";
import { SUPPRESSED } from "./network";
import type { OutputCell, OutputSheet, OutputTable } from "./output";
import { dayLabel, periodLabel } from "./period";
import type { Report, ReportKind } from "./report";

/** Where a report is filed: one association, one kind, one period, and an insats where the list has an insats column. */
export interface ReportAddress {
  readonly associationId: string;
  readonly kind: ReportKind;
  readonly period: string;
  /** The insats a participants report of a list with an insats column is filed under; absent for the whole list. */
  readonly insats?: string | undefined;
}

/** The key a report is remembered under in the workbook ("budget/2008", "participants/2023/Jobbcoacher"). */
export const reportKey = (kind: ReportKind, period: string, insats?: string): string =>
  insats ? `${kind}/${period}/${insats}` : `${kind}/${period}`;

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

/**
 * What a key is called wherever people read it: its label, or "nyckel utan namn, skapad 6 dec
 * 2026" (the day when it is known) — never its id, which says nothing to a person.
 */
export function keyName(
  token: { readonly label: string | null; readonly createdAt?: string | null },
  lang: Lang = "sv",
): string {
  if (token.label) return token.label;
  const made = token.createdAt ? dayLabel(token.createdAt, lang) : null;
  return lang === "sv"
    ? `nyckel utan namn${made ? `, skapad ${made}` : ""}`
    : `unnamed key${made ? `, created ${made}` : ""}`;
}

/** Where "Behåll deras" puts their version, beside the user's own sheets, to compare. */
export const THEIR_VERSION_SHEET = "Samsyn deras version";

export interface TheirVersionMeta {
  readonly revision: number;
  /** The key that sent it, by its name (`keyName`), or null when the history could not say. */
  readonly sentBy: string | null;
  readonly sentAt: string | null;
}

/**
 * Their revision as a sheet: a budget's lines (section, group, label, one column per period,
 * in kronor) or a participants report's key figures, with a heading that says whose it is.
 */
export function theirVersionSheet(report: Report, meta: TheirVersionMeta): OutputSheet {
  const what =
    report.kind === "budget"
      ? `budget ${report.periods[0] ?? ""}`
      : `deltagare ${periodLabel(report.period)}`;
  const heading = [
    `Deras version av ${what}: version ${meta.revision}`,
    meta.sentBy
      ? `Skickad av ${meta.sentBy}${meta.sentAt ? ` ${meta.sentAt}` : ""}.`
      : "Avsändaren är okänd.",
    "Jämför med ditt eget blad. Arbetsboken bygger nu på den här versionen: har bladet andra siffror när du skickar nästa gång frågar Samsyn först.",
  ];
  const table: Omit<OutputTable, "name"> =
    report.kind === "budget"
      ? {
          columns: [
            { header: "Del", width: 10 },
            { header: "Grupp", width: 24 },
            { header: "Rad", width: 40 },
            ...report.periods.map((p) => ({ header: p, numberFormat: "#,##0", width: 14 })),
          ],
          rows: report.lines.map((l) => [
            l.section === "income" ? "Intäkt" : "Kostnad",
            l.group,
            l.label,
            ...report.periods.map((p) => l.amounts[p] ?? null),
          ]),
          summaryRows: (["income", "cost", "surplus"] as const).map((total) => [
            { income: "Summa intäkter", cost: "Summa kostnader", surplus: "Över-/underskott" }[total],
            null,
            null,
            ...report.periods.map((p) => report.totals[total][p] ?? null),
          ]),
        }
      : {
          columns: [
            { header: "Nyckeltal", width: 36 },
            { header: "Värde", width: 14 },
          ],
          rows: keyFigureRows(report),
          summaryRows: [],
        };
  return { name: THEIR_VERSION_SHEET, heading, tables: [{ name: "Samsyn_deras_version", ...table }] };
}

/** A participants report's figures by path; a suppressed count is "..", one not computed blank. */
function keyFigureRows(report: Extract<Report, { kind: "participants" }>): OutputCell[][] {
  const suppressed = new Set(report.suppression.suppressed);
  return [...reportEntries(report)].map(([key, value]) => [
    key,
    typeof value === "number" ? value : suppressed.has(key) ? SUPPRESSED : null,
  ]);
}
