/**
 * What a workbook's reading gives to send: `samsyn push` and the add-in's send share it. Apart
 * from read-workbook.ts, so that reading a workbook (`samsyn inspect`) never loads the shareable
 * report's schema, and zod with it.
 */
import { ymdOf } from "./calendar";
import type { ParticipantReading } from "./participants";
import { shareableReports } from "./participants/share";
import type { WorkbookReading } from "./read-workbook";
import type { BudgetReport, ParticipantsReport, ReportKind } from "./report";

export interface PushableReport {
  readonly kind: ReportKind;
  /** The period the report is filed under: a budget's plan year, a participants report's period. */
  readonly period: string;
  readonly report: BudgetReport | ParticipantsReport;
  /** The sheet it was read from. */
  readonly sheet: string;
}

/**
 * What `samsyn push` sends: every budget as it was read (filed under its first year, the
 * plan's year), and every participant list as shareable reports — counts only, small counts
 * suppressed — one per calendar year its stays touch, unless a period was asked for, or the
 * periods to send are given per list (by its sheet; a list not named sends nothing).
 */
export function pushableReports(
  reading: WorkbookReading,
  options: {
    readonly threshold?: number;
    readonly source?: string | null;
    readonly periods?: Readonly<Record<string, readonly string[]>>;
    /** What the association has published (the latest of each period): checked across periods. */
    readonly published?: readonly ParticipantsReport[];
  } = {},
): PushableReport[] {
  const out: PushableReport[] = [];
  for (const table of reading.tables) {
    if (table.kind !== "budget") continue;
    const year = /\d{4}/.exec(table.periods[0] ?? "")?.[0];
    if (!year) continue;
    out.push({
      kind: "budget",
      period: year,
      report: { ...table, source: { file: options.source ?? null, tool: "samsyn" } },
      sheet: table.sheet,
    });
  }
  const share = options.threshold !== undefined ? { threshold: options.threshold } : {};
  // Each report is checked against what is published and the reports before it, as the
  // service will see them when they are sent in this order.
  const latest = new Map((options.published ?? []).map((r) => [r.period, r]));
  for (const participants of reading.participantReadings) {
    const sheet = participants.tables[0]?.sheet ?? "";
    const periods = options.periods
      ? (options.periods[sheet] ?? [])
      : participants.period !== undefined
        ? [participants.period]
        : yearsTouched(participants);
    for (const period of periods) {
      for (const report of shareableReports(participants, {
        ...share,
        period,
        published: [...latest.values()],
      })) {
        out.push({ kind: "participants", period: report.period, report, sheet });
        latest.set(report.period, report);
      }
    }
  }
  return out;
}

/** Calendar years in which some stay of the list was open. */
function yearsTouched(reading: ParticipantReading): string[] {
  let first = Infinity;
  let last = -Infinity;
  for (const p of reading.participants) {
    if (p.start === null) continue;
    first = Math.min(first, ymdOf(p.start).year);
    last = Math.max(last, ymdOf(p.end ?? p.start).year);
  }
  const years: string[] = [];
  for (let y = first; y <= last; y++) years.push(String(y));
  return years;
}
