/**
 * Key figures (nyckeltal) of a participant list for a period: participants, new, closed,
 * closed to work or studies, by hemkommun, kön and age band, average stay, stays over the limit.
 */

import type { Period } from "../period";
import type { KeyFigures } from "../report";
import { AGE_BANDS, MISSING_HEMKOMMUN, OTHER_HEMKOMMUN } from "../vocabulary";

// One home for the bands and buckets (vocabulary.ts): the report schema checks keys against the same.
export { AGE_BANDS, MISSING_HEMKOMMUN, OTHER_HEMKOMMUN };

import { storedValue } from "./catalogue";
import { toWorkOrStudies } from "./codes";
import type { Participant } from "./list";

export function ageBandOf(age: number): (typeof AGE_BANDS)[number] {
  if (age <= 17) return "-17";
  if (age <= 24) return "18-24";
  if (age <= 29) return "25-29";
  if (age <= 39) return "30-39";
  if (age <= 49) return "40-49";
  if (age <= 64) return "50-64";
  return "65-";
}

export interface KeyFigureOptions {
  /**
   * True for figures that leave the association: hemkommun values that are not one of the
   * 290 municipalities (a name typed in the wrong column) are counted as "Övriga".
   */
  readonly shareable?: boolean;
}

/**
 * Counts for the period. A person counts as a participant when a stay of theirs overlaps the
 * period (once, however many stays); a stay counts as new when it starts in it, as closed when
 * it ends in it. Rows without a readable start date
 * cannot be placed in time and are left out (they carry their own issue).
 */
export function keyFiguresFor(
  participants: readonly Participant[],
  period: Period,
  options: KeyFigureOptions = {},
): KeyFigures {
  let count = 0;
  let fresh = 0;
  let closed = 0;
  let toWork = 0;
  let stayTotal = 0;
  let stayCount = 0;
  let overLimit = 0;
  const byHemkommun = new Map<string, number>();
  const byKon = { kvinna: 0, man: 0 };
  const byAgeBand: Record<string, number> = Object.fromEntries(AGE_BANDS.map((b) => [b, 0]));
  // A person enrolled twice in the period is one participant: counted, and broken down, once.
  const persons = new Set<string>();
  for (const p of participants) {
    if (p.start === null || p.start > period.last || (p.end !== null && p.end < period.first)) continue;
    const again = p.id !== null && persons.has(p.id);
    if (p.id !== null) persons.add(p.id);
    if (p.start >= period.first) fresh++;
    if (p.end !== null && p.end <= period.last) {
      closed++;
      if (toWorkOrStudies(p.avslutsorsak)) toWork++;
      if (p.stayDays !== null) {
        stayTotal += p.stayDays;
        stayCount++;
      }
    }
    if (p.overLimit) overLimit++;
    if (again) continue;
    count++;
    // At most 100 characters: the schema's bound on a key, and no hemkommun is longer.
    const kommun =
      p.hemkommun === null
        ? MISSING_HEMKOMMUN
        : options.shareable && !p.isMunicipality
          ? OTHER_HEMKOMMUN
          : p.hemkommun.slice(0, 100);
    byHemkommun.set(kommun, (byHemkommun.get(kommun) ?? 0) + 1);
    if (p.kon) byKon[p.kon]++;
    if (p.ageAtStart !== null) byAgeBand[ageBandOf(p.ageAtStart)]!++;
  }
  return {
    participants: count,
    new: fresh,
    closed,
    closedToWorkOrStudies: toWork,
    // Rounded as the catalogue says: no long digit runs in a report.
    shareClosedToWorkOrStudies: closed === 0 ? null : storedValue("share", toWork / closed),
    byHemkommun: Object.fromEntries(
      [...byHemkommun].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "sv")),
    ),
    byKon,
    byAgeBand,
    averageStayDays: stayCount === 0 ? null : storedValue("days", stayTotal / stayCount),
    staysOverLimit: overLimit,
  };
}
