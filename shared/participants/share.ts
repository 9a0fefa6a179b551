/**
 * The participants report that may leave the association: counts only, every count from 1 to
 * threshold−1 suppressed (null), and secondary suppression so that no suppressed count can be
 * recovered by subtracting published counts from a published total.
 *
 * Zero is published: "nobody" describes no person, and Swedish statistics (SCB, Socialstyrelsen)
 * suppress the small non-zero counts only.
 */

import { type Period, PeriodError, parsePeriod, wholeListPeriod } from "../period";
import { type KeyFigures, ParticipantsReport } from "../report";
import { AGE_BANDS, keyFiguresFor } from "./keyFigures";
import type { Participant } from "./list";

export const DEFAULT_THRESHOLD = 5;

export interface ShareOptions {
  /** Smallest count published; 1 … threshold−1 are suppressed. Default 5. */
  readonly threshold?: number;
  /** "2014", "2014-H1", "2014-Q3"; default: the reading's period, else the whole list. */
  readonly period?: string;
  /** The insats the list belongs to; default: the reading's insats name, else null. */
  readonly insats?: string | null;
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
    relation("participants", kommuner),
    relation("participants", kon),
    relation("participants", bands),
    relation("participants", ["new"]),
    relation("participants", ["closed"]),
    relation("participants", ["staysOverLimit"]),
    relation("closed", ["closedToWorkOrStudies"]),
  ];
}

function countsOf(figures: KeyFigures): Map<string, number> {
  const counts = new Map<string, number>([
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
 * The paths to suppress: first every count in 1 … threshold−1, then, until nothing changes,
 * in each relation where exactly one term is unknown to a reader (a suppressed count, or the
 * unpublished rest) and that term is a small count, one more published count — the smallest
 * non-zero part, else the total — so that the relation has two unknowns.
 */
export function suppressionOf(counts: ReadonlyMap<string, number>, threshold: number): Set<string> {
  const small = (n: number) => n >= 1 && n < threshold;
  const suppressed = new Set<string>();
  for (const [path, n] of counts) if (small(n)) suppressed.add(path);
  const relations = relationsOf(counts);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts, rest } of relations) {
      const terms = [total, ...parts];
      const hidden = terms.filter((p) => suppressed.has(p));
      const unknowns = hidden.length + (rest > 0 ? 1 : 0);
      if (unknowns !== 1) continue;
      // The one unknown is recoverable; it matters when it is a small count.
      if (hidden.length === 0 && !small(rest)) continue;
      let pick: string | null = null;
      for (const p of parts) {
        const n = counts.get(p) ?? 0;
        if (!suppressed.has(p) && n > 0 && (pick === null || n < (counts.get(pick) ?? 0))) pick = p;
      }
      if (pick === null && !suppressed.has(total) && (counts.get(total) ?? 0) > 0) pick = total;
      if (pick !== null) {
        suppressed.add(pick);
        changed = true;
      }
    }
  }
  return suppressed;
}

function isReading(source: ShareSource | readonly Participant[]): source is ShareSource {
  return !Array.isArray(source);
}

/** The report one list gives for a period, ready to push: validated against ParticipantsReport. */
export function shareableReport(
  source: ShareSource | readonly Participant[],
  options: ShareOptions = {},
): ParticipantsReport {
  const participants = isReading(source) ? source.participants : source;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const periodText = options.period ?? (isReading(source) ? source.period : undefined);
  let period: Period;
  if (periodText === undefined) {
    period = wholeListPeriod(participants);
  } else {
    const parsed = parsePeriod(periodText);
    if (!parsed) throw new PeriodError(periodText);
    period = parsed;
  }
  const insats =
    options.insats !== undefined ? options.insats : isReading(source) ? (source.insats ?? null) : null;

  const figures = keyFiguresFor(participants, period, { shareable: true });
  const counts = countsOf(figures);
  const suppressed = suppressionOf(counts, threshold);
  const shown = (path: string): number | null => (suppressed.has(path) ? null : (counts.get(path) ?? 0));
  const keyed = (prefix: string, keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, shown(`${prefix}.${k}`)]));

  // A share or a mean over a suppressed count would give it away.
  const paths = [...suppressed];
  const ratioHidden = suppressed.has("closed") || suppressed.has("closedToWorkOrStudies");
  if (ratioHidden && figures.shareClosedToWorkOrStudies !== null) paths.push("shareClosedToWorkOrStudies");
  const meanHidden = suppressed.has("closed");
  if (meanHidden && figures.averageStayDays !== null) paths.push("averageStayDays");

  return ParticipantsReport.parse({
    kind: "participants",
    period: period.key,
    insats: insats === null ? null : insats.slice(0, 200),
    suppression: { threshold, suppressed: paths.sort() },
    keyFigures: {
      participants: shown("participants"),
      new: shown("new"),
      closed: shown("closed"),
      closedToWorkOrStudies: shown("closedToWorkOrStudies"),
      shareClosedToWorkOrStudies: ratioHidden ? null : figures.shareClosedToWorkOrStudies,
      byHemkommun: keyed("byHemkommun", Object.keys(figures.byHemkommun)),
      byKon: { kvinna: shown("byKon.kvinna"), man: shown("byKon.man") },
      byAgeBand: keyed("byAgeBand", Object.keys(figures.byAgeBand)),
      averageStayDays: meanHidden ? null : figures.averageStayDays,
      staysOverLimit: shown("staysOverLimit"),
    },
  });
}
