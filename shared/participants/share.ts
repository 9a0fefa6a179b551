/**
 * The participants report that may leave the association: counts only, every count from 1 to
 * threshold−1 suppressed (null), and secondary suppression so that no suppressed count can be
 * recovered by subtracting published counts from a published total.
 *
 * Zero is published: "nobody" describes no person, and Swedish statistics (SCB, Socialstyrelsen)
 * suppress the small non-zero counts only — except inside a breakdown withheld whole, where
 * which categories are empty would itself tell (see suppressionOf).
 */

import { shareableInsats } from "../insats";
import { askedPeriod, type Period, wholeListPeriod } from "../period";
import { type KeyFigures, ParticipantsReport, WHOLE_HEMKOMMUN } from "../report";
import type { ParticipantReading } from ".";
import { AGE_BANDS, keyFiguresFor } from "./keyFigures";
import type { Participant } from "./list";
import { complementaryPaths, exposedAcrossPeriods } from "./periods";

export const DEFAULT_THRESHOLD = 5;

export interface ShareOptions {
  /** Smallest count published; 1 … threshold−1 are suppressed. Default 5. */
  readonly threshold?: number;
  /** "2014", "2014-H1", "2014-Q3"; default: the reading's period, else the whole list. */
  readonly period?: string;
  /** The insats the list belongs to; default: the reading's insats name, else null. */
  readonly insats?: string | null;
  /**
   * The association's reports already published (the latest of each period; those of another
   * insats are passed over): figures that could be worked out against them are hidden too.
   */
  readonly published?: readonly ParticipantsReport[];
}

/** What shareableReport needs of a reading: its rows and, if set, its period and insats. */
export interface ShareSource {
  readonly participants: readonly Participant[];
  readonly period?: string | undefined;
  readonly insats?: string | null | undefined;
}

/**
 * A linear relation the report publishes: total = Σ parts + rest, where `rest` is not in the
 * report (people with unknown kön, closed stays to other outcomes, stays that started earlier…).
 */
export interface Relation {
  readonly total: string;
  readonly parts: readonly string[];
  readonly rest: number;
  /**
   * For a breakdown whose keys are only the categories someone is in (hemkommun): the path
   * that withholds it whole, keys and all. Without it, withholding nulls every part.
   */
  readonly whole?: string;
}

/** The relations between the counts of a report's key figures, by path. */
export function relationsOf(counts: ReadonlyMap<string, number>): Relation[] {
  const v = (path: string) => counts.get(path) ?? 0;
  const sum = (paths: readonly string[]) => paths.reduce((s, p) => s + v(p), 0);
  const kommuner = [...counts.keys()].filter((p) => p.startsWith("byHemkommun."));
  const kon = ["byKon.kvinna", "byKon.man"];
  const bands = AGE_BANDS.map((b) => `byAgeBand.${b}`);
  const relation = (total: string, parts: string[]): Relation => ({
    total,
    parts,
    rest: v(total) - sum(parts),
  });
  return [
    { ...relation("participants", kommuner), whole: WHOLE_HEMKOMMUN },
    relation("participants", kon),
    relation("participants", bands),
    relation("participants", ["new"]),
    relation("participants", ["closed"]),
    relation("participants", ["staysOverLimit"]),
    relation("closed", ["closedToWorkOrStudies"]),
  ];
}

/** The counts of key figures, whether counted (numbers) or shared (null where suppressed). */
interface Counts<N> {
  readonly participants: N;
  readonly new: N;
  readonly closed: N;
  readonly closedToWorkOrStudies: N;
  readonly staysOverLimit: N;
  readonly byKon: { readonly kvinna: N; readonly man: N };
  readonly byHemkommun: Readonly<Record<string, N>>;
  readonly byAgeBand: Readonly<Record<string, N>>;
}

/** Every count by the path a report names it with ("byKon.man", "byHemkommun.Nora"), in the order they are written. */
export function countsByPath<N>(figures: Counts<N>): Map<string, N> {
  const counts = new Map<string, N>([
    ["participants", figures.participants],
    ["new", figures.new],
    ["closed", figures.closed],
    ["closedToWorkOrStudies", figures.closedToWorkOrStudies],
    ["staysOverLimit", figures.staysOverLimit],
    ["byKon.kvinna", figures.byKon.kvinna],
    ["byKon.man", figures.byKon.man],
  ]);
  for (const [k, n] of Object.entries(figures.byHemkommun)) counts.set(`byHemkommun.${k}`, n);
  for (const [k, n] of Object.entries(figures.byAgeBand)) counts.set(`byAgeBand.${k}`, n);
  return counts;
}

/**
 * The paths to suppress: every count in 1 … threshold−1, and for each relation total = Σ parts
 * + rest (relationsOf: the participants over their breakdowns and sub-counts, the closed over
 * those closed to work or studies), when any of its parts or its unpublished rest counts 1 …
 * threshold−1, or its total is suppressed:
 * - a breakdown (hemkommun, kön, age band) is withheld whole: every part null, zeros too, and
 *   a hemkommun map empty (WHOLE_HEMKOMMUN). Which categories are empty would otherwise bound
 *   the hidden ones (with threshold 3, participants 3 and three municipalities named: one
 *   each), and a secondary count chosen by its size would tell the size;
 * - a sub-count (new, closed, stays over the limit, closed to work or studies) is suppressed:
 *   it and its remainder are then both unknown, and one of them is small.
 * Every decision rests on whether a count is small, never on its exact size, so moving one
 * person between two categories that stay as small or as large as they were changes nothing
 * a reader sees: no suppressed count can be pinned, by subtraction or by knowing this rule.
 * A list of fewer people than the threshold is thereby withheld entirely: it shares only that
 * it is small.
 */
export function suppressionOf(
  counts: ReadonlyMap<string, number>,
  threshold: number,
  /** Paths hidden whatever their size (complementary suppression across periods). */
  forced: ReadonlySet<string> = new Set(),
): Set<string> {
  const small = (n: number) => n >= 1 && n < threshold;
  const suppressed = new Set(forced);
  for (const [path, n] of counts) if (small(n)) suppressed.add(path);
  // In order: the participants' relations first, so that a suppressed closed reaches closed to work.
  for (const { total, parts, rest, whole } of relationsOf(counts)) {
    const unsafe = suppressed.has(total) || small(rest) || parts.some((p) => small(counts.get(p) ?? 0));
    if (!unsafe) continue;
    for (const p of parts) suppressed.add(p);
    if (whole !== undefined) suppressed.add(whole);
  }
  return suppressed;
}

/**
 * What the receiving end can check of suppressionOf's rule in a report it is sent, seeing only
 * what the report shows: the paths (as in keyFigures) of published figures that give away a
 * suppressed count or a small remainder. A breakdown is shown whole or not at all (a
 * hemkommun map with a null names where someone lives: it must be empty and marked), a
 * sub-count not under a suppressed total, no published part leaves a remainder of 1 …
 * threshold−1 beside its published total, and a share or mean not over a suppressed count.
 * Empty for every report shareableReport makes at that threshold.
 */
export function exposedCounts(report: ParticipantsReport, threshold: number): string[] {
  const small = (n: number) => n >= 1 && n < threshold;
  const k = report.keyFigures;
  const exposed = new Set<string>();
  const keyed = (prefix: string, map: Record<string, number | null>) =>
    Object.entries(map).map(([key, n]): [string, number | null] => [`${prefix}.${key}`, n]);
  const kommuner = keyed("byHemkommun", k.byHemkommun);
  const relations: { total: number | null; parts: [string, number | null][]; breakdown: boolean }[] = [
    { total: k.participants, parts: kommuner, breakdown: true },
    {
      total: k.participants,
      parts: [
        ["byKon.kvinna", k.byKon.kvinna],
        ["byKon.man", k.byKon.man],
      ],
      breakdown: true,
    },
    { total: k.participants, parts: keyed("byAgeBand", k.byAgeBand), breakdown: true },
    { total: k.participants, parts: [["new", k.new]], breakdown: false },
    { total: k.participants, parts: [["closed", k.closed]], breakdown: false },
    { total: k.participants, parts: [["staysOverLimit", k.staysOverLimit]], breakdown: false },
    { total: k.closed, parts: [["closedToWorkOrStudies", k.closedToWorkOrStudies]], breakdown: false },
  ];
  for (const { total, parts, breakdown } of relations) {
    const published = parts.filter((p): p is [string, number] => p[1] !== null);
    const someHidden = published.length < parts.length;
    const rest = total === null || someHidden ? null : total - published.reduce((s, [, n]) => s + n, 0);
    if (total === null || (breakdown && someHidden) || (rest !== null && small(rest)))
      for (const [path] of published) exposed.add(path);
  }
  // Hemkommun withheld whole is an empty map: a key, even with null, says someone lives there.
  if (report.suppression.suppressed.includes(WHOLE_HEMKOMMUN) || kommuner.some(([, n]) => n === null))
    for (const [path] of kommuner) exposed.add(path);
  if (k.shareClosedToWorkOrStudies !== null && (k.closed === null || k.closedToWorkOrStudies === null))
    exposed.add("shareClosedToWorkOrStudies");
  if (k.averageStayDays !== null && k.closed === null) exposed.add("averageStayDays");
  // In the order the key figures are written.
  const order = [
    "participants",
    "new",
    "closed",
    "closedToWorkOrStudies",
    "shareClosedToWorkOrStudies",
    "staysOverLimit",
    "byKon.kvinna",
    "byKon.man",
    ...kommuner.map(([path]) => path),
    ...Object.keys(k.byAgeBand).map((band) => `byAgeBand.${band}`),
    "averageStayDays",
  ];
  return order.filter((path) => exposed.has(path));
}

function isReading(source: ShareSource | readonly Participant[]): source is ShareSource {
  return !Array.isArray(source);
}

/**
 * The report one list gives for a period, ready to push: validated against ParticipantsReport.
 * Given what the association has published already, it hides one more figure at a time until
 * nothing can be worked out across periods (exposedAcrossPeriods), as the service will check.
 */
export function shareableReport(
  source: ShareSource | readonly Participant[],
  options: ShareOptions = {},
): ParticipantsReport {
  const participants = isReading(source) ? source.participants : source;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const periodText = options.period ?? (isReading(source) ? source.period : undefined);
  const period: Period = periodText === undefined ? wholeListPeriod(participants) : askedPeriod(periodText);
  const insats =
    options.insats !== undefined ? options.insats : isReading(source) ? (source.insats ?? null) : null;
  const figures = keyFiguresFor(participants, period, { shareable: true });
  const published = options.published ?? [];
  const forced = new Set<string>();
  for (;;) {
    const report = reportOf(figures, { period, insats, threshold, forced });
    const more = complementaryPaths(report, exposedAcrossPeriods(report, published, threshold)).filter(
      (path) => !forced.has(path),
    );
    // Nothing more this report can hide: what is left is for the service to refuse, and say.
    if (more.length === 0) return report;
    for (const path of more) forced.add(path);
  }
}

function reportOf(
  figures: KeyFigures,
  options: { period: Period; insats: string | null; threshold: number; forced: ReadonlySet<string> },
): ParticipantsReport {
  const { period, insats, threshold } = options;
  const counts = countsByPath(figures);
  const suppressed = suppressionOf(counts, threshold, options.forced);
  const shown = (path: string): number | null => (suppressed.has(path) ? null : (counts.get(path) ?? 0));
  const keyed = (prefix: string, keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, shown(`${prefix}.${k}`)]));

  // A share or a mean over a suppressed count would give it away. A breakdown withheld whole
  // is named by its own path only: its keys would tell where people live.
  const wholeHemkommun = suppressed.has(WHOLE_HEMKOMMUN);
  const paths = [...suppressed].filter((p) => !(wholeHemkommun && p.startsWith("byHemkommun.")));
  // Listed whether or not there was anything to compute: that would tell whether anyone closed.
  const ratioHidden = suppressed.has("closed") || suppressed.has("closedToWorkOrStudies");
  if (ratioHidden) paths.push("shareClosedToWorkOrStudies");
  const meanHidden = suppressed.has("closed");
  if (meanHidden) paths.push("averageStayDays");

  return ParticipantsReport.parse({
    kind: "participants",
    period: period.key,
    insats: shareableInsats(insats),
    suppression: { threshold, suppressed: paths.sort() },
    keyFigures: {
      participants: shown("participants"),
      new: shown("new"),
      closed: shown("closed"),
      closedToWorkOrStudies: shown("closedToWorkOrStudies"),
      shareClosedToWorkOrStudies: ratioHidden ? null : figures.shareClosedToWorkOrStudies,
      // By name, not by size as the local key figures list them: the order would rank hidden counts.
      byHemkommun: suppressed.has(WHOLE_HEMKOMMUN)
        ? {}
        : keyed(
            "byHemkommun",
            Object.keys(figures.byHemkommun).sort((a, b) => a.localeCompare(b, "sv")),
          ),
      byKon: { kvinna: shown("byKon.kvinna"), man: shown("byKon.man") },
      byAgeBand: keyed("byAgeBand", Object.keys(figures.byAgeBand)),
      averageStayDays: meanHidden ? null : figures.averageStayDays,
      staysOverLimit: shown("staysOverLimit"),
    },
  });
}

/** The shareable reports of a reading, for `samsyn push`: one per participant list, none for follow-up tables. */
export function shareableReports(
  reading: ParticipantReading,
  options: ShareOptions = {},
): ParticipantsReport[] {
  if (!reading.tables.some((t) => t.kind === "participants")) return [];
  const threshold = options.threshold ?? reading.threshold;
  return [shareableReport(reading, { ...options, ...(threshold !== undefined ? { threshold } : {}) })];
}
