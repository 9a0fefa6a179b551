/**
 * The periods a participant list can be reported for, as the pane offers them: each year its
 * stays touch, and each half of it that a stay touches, newest first; and the one shown first.
 */
import { ymdOf } from "../../shared/calendar";
import type { ParticipantReading } from "../../shared/participants";
import { askedPeriod } from "../../shared/period";
import type { WorkbookReading } from "../../shared/read-workbook";

export interface ListPeriods {
  /** Period keys, newest year first, each year before its halves: "2015", "2015-H1", "2014", … */
  readonly options: readonly string[];
  /** The latest year the list covers in full (it has dates after it), else its latest year. */
  readonly preferred: string | null;
}

export function listPeriods(reading: ParticipantReading): ListPeriods {
  const stays = reading.participants.filter((p) => p.start !== null);
  let latest = -Infinity;
  const years = new Set<number>();
  for (const p of stays) {
    const from = ymdOf(p.start!).year;
    const to = ymdOf(p.end ?? p.start!).year;
    for (let y = from; y <= to; y++) years.add(y);
    latest = Math.max(latest, p.end ?? p.start!, p.start!);
  }
  const touched = (key: string) => {
    const period = askedPeriod(key);
    return stays.some((p) => p.start! <= period.last && (p.end === null || p.end >= period.first));
  };
  const options: string[] = [];
  for (const y of [...years].sort((a, b) => b - a)) {
    options.push(String(y));
    for (const half of [`${y}-H1`, `${y}-H2`]) if (touched(half)) options.push(half);
  }
  const asked = reading.period;
  if (asked !== undefined && !options.includes(asked)) options.unshift(asked);
  const lastYear = latest === -Infinity ? null : ymdOf(latest).year;
  const full = [...years].filter((y) => lastYear !== null && y < lastYear).sort((a, b) => b - a)[0];
  const preferred = asked ?? (full !== undefined ? String(full) : (options[0] ?? null));
  return { options, preferred };
}

/**
 * The year "Hämta sammanställning" starts at: the workbook's own — its budget's plan year (the
 * year a budget is filed under), else the year of a participant list's period — never the
 * calendar's, which for a 2008 budget opened in 2026 would fetch an empty "Samsyn nätverk 2026".
 * Null when the workbook has not been read, or names no year.
 */
export function comparisonYear(reading: WorkbookReading | null): string | null {
  if (!reading) return null;
  for (const t of reading.tables) {
    if (t.kind !== "budget") continue;
    const year = /\d{4}/.exec(t.periods[0] ?? "")?.[0];
    if (year) return year;
  }
  for (const list of reading.participantReadings) {
    const year = /\d{4}/.exec(listPeriods(list).preferred ?? "")?.[0];
    if (year) return year;
  }
  return null;
}
