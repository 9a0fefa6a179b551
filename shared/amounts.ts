/**
 * Swedish amounts as people type them: "1 440 000 kr", "+ 79", "−82 000", "9,03", "(82)",
 * "25 tkr/6 mån", "1 440:-"; and the unit (kr, tkr, mkr) found in a header, a title or the
 * amount itself. Pure parsing: whether a text amount deserves a warning is the caller's call.
 */

export type Unit = "kr" | "tkr" | "mkr";

export const UNIT_FACTOR: Readonly<Record<Unit, number>> = { kr: 1, tkr: 1_000, mkr: 1_000_000 };

export interface ParsedAmount {
  readonly value: number;
  /** The unit written with the amount, if any ("1 440 000 kr" → "kr"). */
  readonly unit: Unit | null;
  /** A per-period suffix ("/år", "/6 mån", "per månad") as written, if any. */
  readonly per: string | null;
}

// Spaces Excel and Word put between thousands: space, no-break, narrow no-break, thin.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const MINUS = /^[-\u2212\u2013\u2014]$/;

const UNIT_SUFFIX = /\s*(mkr|mnkr|miljoner kronor|tkr|kkr|tusen kronor|kr|kronor|sek|:-)\.?$/i;
const PER_SUFFIX =
  /\s*(?:\/|per\s+)\s*((?:\d+\s*)?(?:år|mån(?:ad|ader)?|kvartal|halvår|vecka|veckor|v))\s*$/i;

function unitOfWord(word: string): Unit {
  const w = word.toLowerCase();
  if (w === "mkr" || w === "mnkr" || w === "miljoner kronor") return "mkr";
  if (w === "tkr" || w === "kkr" || w === "tusen kronor") return "tkr";
  return "kr";
}

/**
 * Reads an amount typed as text. Returns null when the text is not an amount at all
 * ("Insatser", "ca 5 %", "2009-10-01"). A lone dash reads as zero, as in printed budgets.
 */
export function parseAmount(text: string): ParsedAmount | null {
  let s = text.trim();
  if (s === "") return null;
  if (MINUS.test(s)) return { value: 0, unit: null, per: null };

  let per: string | null = null;
  const perMatch = PER_SUFFIX.exec(s);
  if (perMatch) {
    per = perMatch[1]!.replace(SPACES, " ");
    s = s.slice(0, perMatch.index).trim();
  }
  let unit: Unit | null = null;
  const unitMatch = UNIT_SUFFIX.exec(s);
  if (unitMatch) {
    unit = unitMatch[1] === ":-" ? "kr" : unitOfWord(unitMatch[1]!);
    s = s.slice(0, unitMatch.index).trim();
  }

  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = /^([+\-\u2212\u2013])\s*/.exec(s);
  if (sign) {
    if (sign[1] !== "+") negative = !negative;
    s = s.slice(sign[0].length);
  }
  s = s.replace(SPACES, "");
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;

  let normalised: string;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas > 1) return null;
  if (commas === 1) {
    // Swedish: comma is the decimal mark, dots (if any) group thousands.
    if (dots > 0 && !/^\d{1,3}(\.\d{3})+,/.test(s)) return null;
    normalised = s.replace(/\./g, "").replace(",", ".");
  } else if (dots > 1 || (dots === 1 && /^\d{1,3}\.\d{3}$/.test(s))) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
    normalised = s.replace(/\./g, "");
  } else {
    normalised = s;
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  return { value: negative ? -value : value, unit, per };
}

const UNIT_IN_TEXT: readonly [RegExp, Unit][] = [
  [/(^|[^\p{L}])(mkr|mnkr|msek)([^\p{L}]|$)|miljoner kronor|miljoner kr/iu, "mkr"],
  [/(^|[^\p{L}])(tkr|kkr|ksek)([^\p{L}]|$)|tusen(tal)? kronor|tusental kr/iu, "tkr"],
  [/(^|[^\p{L}\d])(kr|sek|kronor)([^\p{L}]|$)/iu, "kr"],
];

/** The unit a header or title names: "2008 (tkr)" → "tkr", "Bidrag i tkr" → "tkr"; null if none. */
export function unitInText(text: string): Unit | null {
  for (const [pattern, unit] of UNIT_IN_TEXT) if (pattern.test(text)) return unit;
  return null;
}

/** Kronor rounded to whole öre: sums of many lines carry no binary-fraction dust (0.1 + 0.2). */
export const roundToOre = (kr: number): number => Math.round(kr * 100) / 100;

/** An amount in the given unit, in kronor, rounded to öre so tkr × 1000 stays exact. */
export function toKr(value: number, unit: Unit): number {
  return roundToOre(value * UNIT_FACTOR[unit]);
}

const SV_NUMBER = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
const EN_NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const PERCENT = {
  sv: new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
} as const;

/**
 * The one space inside a formatted number — between its thousands, and before its unit: a
 * no-break space, so "1 440 000 kr" never breaks across lines, whatever the runtime's locale data.
 */
export const NUMBER_SPACE = "\u00a0";
const unbroken = (text: string): string => text.replace(/[ \u202f\u2009]/g, NUMBER_SPACE);

/** "1 440 000 kr" (sv-SE: space thousands, comma decimals) or "1,440,000 kr" (en); the spaces do not break. */
export function formatKr(value: number, lang: "sv" | "en" = "sv"): string {
  return `${formatNumber(value, lang)}${NUMBER_SPACE}kr`;
}

/** A number the sv-SE way without unit: "9,03", "−82 000"; the thousands space does not break. */
export function formatNumber(value: number, lang: "sv" | "en" = "sv"): string {
  return unbroken((lang === "sv" ? SV_NUMBER : EN_NUMBER).format(value));
}

/** A share (0.125) as a percentage: "12,5 %" (sv) or "12.5%" (en); the space does not break. */
export function formatPercent(share: number, lang: "sv" | "en" = "sv"): string {
  return unbroken(PERCENT[lang].format(share));
}
