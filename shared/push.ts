/**
 * What a workbook's reading gives to send: `samsyn push` and the add-in's send share it. Apart
 * from read-workbook.ts, so that reading a workbook (`samsyn inspect`) never loads the shareable
 * report's schema, and zod with it.
 */
import type { PublishedReports } from "./api";
import { ymdOf } from "./calendar";
import { shareableInsats } from "./insats";
import type { Participant, ParticipantReading } from "./participants";
import type { PublishedReport } from "./participants/periods";
import { shareableReport, shareableReports } from "./participants/share";
import type { WorkbookReading } from "./read-workbook";
import type { BudgetReport, ParticipantsReport, ReportKind } from "./report";

export interface PushableReport {
  readonly kind: ReportKind;
  /** The period the report is filed under: a budget's plan year, a participants report's period. */
  readonly period: string;
  /**
   * The insats a participants report is filed under, where its list has an insats column: one
   * report per insats. Absent for a budget and for a whole list.
   */
  readonly insats?: string;
  readonly report: BudgetReport | ParticipantsReport;
  /** The sheet it was read from. */
  readonly sheet: string;
}

/** One insats's rows of a list with an insats column (ParticipantReading.participantsByInsats). */
export interface InsatsGroup {
  readonly insats: string;
  readonly participants: readonly Participant[];
}

/**
 * The insats groups of a reading, where its list has an insats column; null for a list without
 * one. Read structurally, so a reading from before insats columns has none.
 */
export function insatsGroupsOf(reading: ParticipantReading): readonly InsatsGroup[] | null {
  const groups = (reading as { readonly participantsByInsats?: readonly InsatsGroup[] }).participantsByInsats;
  return groups ?? null;
}

/**
 * The name each insats of a list is filed and shared under: shareableInsats's (trimmed, cut to
 * 80 characters), "Insats N" (its place in the list) where the name holds an identity or is
 * nothing once cut, and " (2)", " (3)" … where two names are the same once cut.
 */
export function insatsNames(groups: readonly InsatsGroup[]): string[] {
  const taken = new Set<string>();
  return groups.map((g, i) => {
    const base = shareableInsats(g.insats) ?? `Insats ${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${[...base].slice(0, 74).join("")} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * What `samsyn push` sends: every budget as it was read (filed under its first year, the
 * plan's year), and every participant list as shareable reports — counts only, small counts
 * suppressed — one per calendar year its stays touch, unless a period was asked for, or the
 * periods to send are given per list (by its sheet; a list not named sends nothing).
 *
 * A list with an insats column sends one report per insats and none for the whole list: the
 * whole beside its parts would give away a count hidden in one part (whole − the others).
 * Rows without an insats are in no report. Each report is checked against what the association
 * has published (over time, and the whole list against its insatser), as the service checks it.
 */
export function pushableReports(
  reading: WorkbookReading,
  options: {
    readonly threshold?: number;
    readonly source?: string | null;
    readonly periods?: Readonly<Record<string, readonly string[]>>;
    /** What the association has published (the latest of each period and insats): checked across periods. */
    readonly published?: readonly PublishedReport[];
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
  const keyOf = (r: PublishedReport) => `${r.report.period}\u0000${r.insats ?? ""}`;
  const latest = new Map((options.published ?? []).map((r) => [keyOf(r), r]));
  for (const participants of reading.participantReadings) {
    const sheet = participants.tables[0]?.sheet ?? "";
    const periods = options.periods
      ? (options.periods[sheet] ?? [])
      : participants.period !== undefined
        ? [participants.period]
        : yearsTouched(participants);
    const groups = insatsGroupsOf(participants);
    if (groups !== null && participants.tables.some((t) => t.kind === "participants")) {
      const names = insatsNames(groups);
      const threshold = options.threshold ?? participants.threshold;
      for (const period of periods)
        groups.forEach((group, i) => {
          const insats = names[i]!;
          const report = shareableReport(
            { participants: group.participants, period, insats },
            {
              ...(threshold !== undefined ? { threshold } : {}),
              period,
              filedPerInsats: true,
              published: [...latest.values()],
            },
          );
          out.push({ kind: "participants", period: report.period, insats, report, sheet });
          const filed = { insats, report };
          latest.set(keyOf(filed), filed);
        });
      continue;
    }
    for (const period of periods) {
      for (const report of shareableReports(participants, {
        ...share,
        period,
        published: [...latest.values()],
      })) {
        out.push({ kind: "participants", period: report.period, report, sheet });
        latest.set(keyOf({ report }), { report });
      }
    }
  }
  return out;
}

/** The participants reports of the service's list of what an association published, each with where it is filed. */
export function publishedParticipants(list: PublishedReports): PublishedReport[] {
  return list.reports.flatMap(({ insats, report }) =>
    report.kind === "participants" ? [{ ...(insats ? { insats } : {}), report }] : [],
  );
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
