/**
 * The one grammar of periods, read by the core, the CLI and the API alike: a year ("2014"), a
 * half ("2014-H1"), a quarter ("2014-Q3"), a month ("2014-05") and a span of whole years
 * ("2013-2015": 1 January 2013 to 31 December 2015). Text that is none of these is one failure, `invalid-period`.
 */
import { type Day, dayOf, daysInMonth, ymdOf } from "./calendar";
import { SamsynError } from "./failures";

/** A period key figures are counted for, as the days it covers. */
export interface Period {
  /** The period as written canonically ("2014-H1", "2013-2015"). */
  readonly key: string;
  readonly kind: "year" | "half" | "quarter" | "month" | "span" | "whole list";
  /** First day in the period; -Infinity for "the whole list". */
  readonly first: Day;
  /** Last day in the period; Infinity for "the whole list". */
  readonly last: Day;
}

/** Years a period — or a column header — may name: none of Samsyn's workbooks is older or newer. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
/** Those years as a pattern for a year inside a longer text ("Budget 2015", "2008 (tkr)"). */
export const YEAR_DIGITS = "(?:19\\d\\d|2[01]\\d\\d|2200)";

/**
 * The examples every message and help text quotes, one per form, in the canonical form the
 * grammar reads: what to write for a period, and for a year alone.
 */
export const PERIOD_EXAMPLES = {
  year: "2014",
  half: "2014-H1",
  quarter: "2014-Q3",
  month: "2014-05",
  span: "2013-2015",
} as const;
export const YEAR_EXAMPLE = "2009";

/** Canonical keys, for schemas and paths: what `parsePeriod(…).key` gives. */
export const PERIOD_KEY = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]|\d{4}))?$/;
export const YEAR_KEY = /^\d{4}$/;

/** A whole number within the years a period may name. */
export const isPeriodYear = (y: number): boolean => Number.isInteger(y) && y >= FIRST_YEAR && y <= LAST_YEAR;
const yearOk = isPeriodYear;
/** Months `months` long from `startMonth`: a half, a quarter or a month of `year`. */
function part(year: number, startMonth: number, months: number, key: string, kind: Period["kind"]): Period {
  const endMonth = startMonth + months - 1;
  return {
    key,
    kind,
    first: dayOf(year, startMonth, 1)!,
    last: dayOf(year, endMonth, daysInMonth(year, endMonth))!,
  };
}

/**
 * The period a text names, or null when it names none. Lenient in form ("2014-h1", "2016Q1",
 * "2013 – 2015"), canonical in the key.
 */
export function parsePeriod(text: string): Period | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})(?:-?([HQ])([1-4]))?$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    if (!yearOk(year)) return null;
    const n = Number(m[3]);
    if (m[2] === undefined)
      return { key: `${year}`, kind: "year", first: dayOf(year, 1, 1)!, last: dayOf(year, 12, 31)! };
    if (m[2] === "H") return n > 2 ? null : part(year, (n - 1) * 6 + 1, 6, `${year}-H${n}`, "half");
    return part(year, (n - 1) * 3 + 1, 3, `${year}-Q${n}`, "quarter");
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    return yearOk(year) ? part(year, Number(m[2]), 1, `${m[1]}-${m[2]}`, "month") : null;
  }
  m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!yearOk(a) || !yearOk(b) || b < a) return null;
    return { key: `${a}-${b}`, kind: "span", first: dayOf(a, 1, 1)!, last: dayOf(b, 12, 31)! };
  }
  return null;
}

/** A single calendar year ("2009"), for what is asked for by year (the merged view). */
export function parseYear(text: string): string | null {
  const p = parsePeriod(text);
  return p?.kind === "year" ? p.key : null;
}

/** Whether a text (a field the pane or the page asks a year in) is one calendar year. */
export const isYearText = (text: string): boolean => parseYear(text) !== null;

/** A period asked for by a caller: misuse of the core's API when it is none of the grammar's forms. */
export function askedPeriod(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new SamsynError({ code: "invalid-period", text, expected: "period" });
  return period;
}

/** The whole list as one period, named by the years its stays touch ("2014", "2013-2015"). */
export function wholeListPeriod(
  stays: readonly { readonly start: Day | null; readonly end?: Day | null }[],
): Period {
  let min = Infinity;
  let max = -Infinity;
  for (const { start, end } of stays) {
    if (start === null) continue;
    if (start < min) min = start;
    // Named by every year a stay touches, not only the years people started: the whole list's
    // closed stays include those that ended the year after, and "2014" would claim them for 2014.
    const last = end ?? start;
    if (last > max) max = last;
  }
  if (min === Infinity) return { key: "alla", kind: "whole list", first: -Infinity, last: Infinity };
  const a = ymdOf(min).year;
  const b = ymdOf(max).year;
  return { key: a === b ? `${a}` : `${a}-${b}`, kind: "whole list", first: -Infinity, last: Infinity };
}

/**
 * The calendar year a period key or a column's name says ("2008", "Budget 2015", "2014-H1",
 * "2008 (tkr)"), or null: what the merge compares reports by.
 */
export function periodYear(period: string): string | null {
  const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(period);
  return m ? m[1]! : null;
}

const MONTHS = {
  sv: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

/** A day as people read it, from an ISO date or time: "6 dec 2026" ("6 Dec 2026"); other text as it is. */
export function dayLabel(iso: string, lang: "sv" | "en" = "sv"): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * A period as people read it: "2041", "jan–jun 2041", "jul–sep 2041", "maj 2041",
 * "2013–2015" (en dash). A part of a year never reads as the year it is part of. Text that is
 * no period is given back as it is.
 */
export function periodLabel(key: string, lang: "sv" | "en" = "sv"): string {
  const p = parsePeriod(key);
  if (!p || p.kind === "whole list") return key;
  const { year, month } = ymdOf(p.first);
  const names = MONTHS[lang];
  switch (p.kind) {
    case "year":
      return `${year}`;
    case "span":
      return `${year}–${ymdOf(p.last).year}`;
    case "month":
      return `${names[month - 1]} ${year}`;
    default:
      return `${names[month - 1]}–${names[ymdOf(p.last).month - 1]} ${year}`;
  }
}
