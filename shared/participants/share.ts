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
import { type KeyFigures, ParticipantsReport } from "../report";
import type { ParticipantReading } from ".";
import {
  type Breakdown,
  type BreakdownField,
  countsByPath,
  FIGURES,
  type FigureField,
  figureOf,
  type RatioField,
  RELATIONS,
} from "./catalogue";
import { keyFiguresFor } from "./keyFigures";
import type { Participant } from "./list";
import { complementaryPaths, exposedAcrossPeriods, type PublishedReport } from "./periods";

export const DEFAULT_THRESHOLD = 5;

export interface ShareOptions {
  /** Smallest count published; 1 … threshold−1 are suppressed. Default 5. */
  readonly threshold?: number;
  /** "2014", "2014-H1", "2014-Q3"; default: the reading's period, else the whole list. */
  readonly period?: string;
  /** The insats the list belongs to; default: the reading's insats name, else null. */
  readonly insats?: string | null;
  /**
   * Filed under its insats, one report per insats of a list with an insats column (push.ts);
   * false: the report of the whole list.
   */
  readonly filedPerInsats?: boolean;
  /**
   * The association's reports already published (the latest of each period and insats):
   * figures that could be worked out against them are hidden too.
   */
  readonly published?: readonly PublishedReport[];
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

/** The relations between the counts of a report's key figures, by path, as the catalogue declares them. */
export function relationsOf(counts: ReadonlyMap<string, number>): Relation[] {
  const v = (path: string) => counts.get(path) ?? 0;
  return RELATIONS.map(({ total, part }) => {
    const b = breakdownOf(part);
    const parts =
      b === undefined
        ? [part]
        : b.keys === "open"
          ? [...counts.keys()].filter((p) => p.startsWith(`${part}.`))
          : b.keys.map((k) => `${part}.${k}`);
    const rest = v(total) - parts.reduce((s, p) => s + v(p), 0);
    return { total, parts, rest, ...(b?.keys === "open" ? { whole: b.whole } : {}) };
  });
}

const breakdownOf = (field: FigureField): Breakdown | undefined => {
  const f = figureOf(field);
  return f.kind === "count" ? f.breakdown : undefined;
};

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
  const counts = countsByPath<number | null>(k);
  const hidden = (path: string) => (counts.get(path) ?? null) === null;
  const exposed = new Set<string>();
  const partsOf = (field: FigureField) =>
    [...counts].filter(([p]) => (breakdownOf(field) === undefined ? p === field : p.startsWith(`${field}.`)));
  for (const { total, part } of RELATIONS) {
    const t = counts.get(total) ?? null;
    const parts = partsOf(part);
    const published = parts.filter((p): p is [string, number] => p[1] !== null);
    const someHidden = published.length < parts.length;
    const rest = t === null || someHidden ? null : t - published.reduce((s, [, n]) => s + n, 0);
    const breakdown = breakdownOf(part) !== undefined;
    if (t === null || (breakdown && someHidden) || (rest !== null && small(rest)))
      for (const [path] of published) exposed.add(path);
  }
  for (const { field, figure } of FIGURES) {
    if (figure.kind === "count") {
      // A breakdown withheld whole is an empty map: a key, even with null, says someone lives there.
      const b = figure.breakdown;
      const parts = partsOf(field);
      if (
        b?.keys === "open" &&
        (report.suppression.suppressed.includes(b.whole) || parts.some(([, n]) => n === null))
      )
        for (const [path] of parts) exposed.add(path);
      continue;
    }
    // A share or a mean over a hidden count would give it away.
    const over = figure.kind === "share" ? [figure.of, figure.over] : [figure.over];
    if (k[field as RatioField] !== null && over.some(hidden)) exposed.add(field);
  }
  // In the catalogue's order.
  const order = FIGURES.flatMap(({ field, figure }) =>
    figure.kind === "count" ? partsOf(field).map(([path]) => path) : [field],
  );
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
    // Filed per insats, it is filed under the insats it names (the service requires it).
    const filed = options.filedPerInsats && report.insats !== null ? { insats: report.insats } : {};
    const exposed = exposedAcrossPeriods({ ...filed, report }, published, threshold);
    const more = complementaryPaths(report, exposed).filter((path) => !forced.has(path));
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

  // A breakdown withheld whole is named by its own path only: its keys would tell where people live.
  const withheldWhole = FIGURES.filter(({ figure }) => {
    const b = figure.kind === "count" ? figure.breakdown : undefined;
    return b?.keys === "open" && suppressed.has(b.whole);
  }).map(({ field }) => `${field}.`);
  const paths = [...suppressed].filter((p) => !withheldWhole.some((prefix) => p.startsWith(prefix)));
  const keyFigures: Record<string, unknown> = {};
  for (const { field, figure } of FIGURES) {
    if (figure.kind !== "count") {
      // A share or a mean over a suppressed count would give it away. Listed whether or not
      // there was anything to compute: that would tell whether anyone closed.
      const over = figure.kind === "share" ? [figure.of, figure.over] : [figure.over];
      const hidden = over.some((p) => suppressed.has(p));
      if (hidden) paths.push(field);
      keyFigures[field] = hidden ? null : figures[field as RatioField];
    } else if (figure.breakdown === undefined) keyFigures[field] = shown(field);
    else {
      const b = figure.breakdown;
      const keys = Object.keys(figures[field as BreakdownField]);
      // An open breakdown by name, not by size as the local key figures list it: the order would rank hidden counts.
      keyFigures[field] =
        b.keys !== "open"
          ? keyed(field, keys)
          : suppressed.has(b.whole)
            ? {}
            : keyed(
                field,
                keys.sort((x, y) => x.localeCompare(y, "sv")),
              );
    }
  }

  return ParticipantsReport.parse({
    kind: "participants",
    period: period.key,
    insats: shareableInsats(insats),
    suppression: { threshold, suppressed: paths.sort() },
    keyFigures,
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
