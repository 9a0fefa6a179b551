/**
 * Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer —
 * parsed, normalised and checked (form, calendar date, Luhn check digit).
 */
import { daysInMonth } from "./calendar";

export type IdentityFailure = "format" | "checksum" | "date";

export interface Personnummer {
  /** The real birth date, YYYY-MM-DD (for a samordningsnummer: the day minus 60). */
  readonly birthDate: string;
  readonly samordningsnummer: boolean;
  /** From the birth number's last digit: odd = man, even = kvinna. */
  readonly kon: "kvinna" | "man";
  /** YYYYMMDD-NNNN with the century; a samordningsnummer keeps its day + 60. */
  readonly normalised: string;
}

export type PersonnummerResult =
  | { readonly ok: true; readonly value: Personnummer }
  | { readonly ok: false; readonly reason: IdentityFailure };

export type OrganisationsnummerResult =
  | { readonly ok: true; readonly normalised: string }
  | { readonly ok: false; readonly reason: "format" | "checksum" | "month" };

/** Luhn check over ten digits (the 10-digit form: YYMMDDNNNC / NNNNNNNNNC). */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A valid identity number as numbers: what a 100 000-row list needs without building strings. */
export interface IdentityParts {
  readonly year: number;
  readonly month: number;
  /** The real day (a samordningsnummer's day minus 60). */
  readonly day: number;
  readonly samordningsnummer: boolean;
  readonly man: boolean;
  /** YYYYMMDD-NNNN */
  readonly normalised: string;
}

/** Today as a YYYYMMDD number (UTC), what readIdentity compares birth dates with. */
export const todayKeyOf = (today: Date): number =>
  today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The core of parsePersonnummer, by character codes and without a regular expression:
 * [CC]YYMMDD[-+]NNNN, white space ignored. A failure is its reason.
 */
export function readIdentity(text: string, todayKey: number): IdentityParts | IdentityFailure {
  const t = /\s/.test(text) ? text.replace(/\s+/g, "") : text;
  const n = t.length;
  if (n < 10 || n > 13) return "format";
  const signAt = n === 11 || n === 13 ? n - 5 : -1;
  const sign = signAt >= 0 ? t.charCodeAt(signAt) : 0;
  if (signAt >= 0 && sign !== 45 && sign !== 43) return "format"; // "-" or "+"
  const digitCount = signAt >= 0 ? n - 1 : n;
  if (digitCount !== 10 && digitCount !== 12) return "format";
  for (let i = 0; i < n; i++) {
    if (i !== signAt && !isDigit(t.charCodeAt(i))) return "format";
  }
  const digits = signAt >= 0 ? t.slice(0, signAt) + t.slice(signAt + 1) : t;
  const ten = digitCount === 12 ? digits.slice(2) : digits;
  const d = (i: number) => ten.charCodeAt(i) - 48;
  const yy = d(0) * 10 + d(1);
  const month = d(2) * 10 + d(3);
  const writtenDay = d(4) * 10 + d(5);
  const samordningsnummer = writtenDay > 60;
  const day = samordningsnummer ? writtenDay - 60 : writtenDay;
  if (month < 1 || month > 12 || day < 1) return "date";

  let year: number;
  if (digitCount === 12) {
    year = (digits.charCodeAt(0) - 48) * 1000 + (digits.charCodeAt(1) - 48) * 100 + yy;
  } else {
    // The latest year ending in yy whose date is not after today; a "+" adds a century of age.
    year = Math.floor(todayKey / 1_000_000) * 100 + yy;
    if (year * 10_000 + month * 100 + day > todayKey) year -= 100;
    if (sign === 43) year -= 100;
  }
  if (day > daysInMonth(year, month)) return "date";
  // With the century written out, a birth after today is a typing error, not a person.
  if (year * 10_000 + month * 100 + day > todayKey) return "date";
  if (!luhnValid(ten)) return "checksum";
  return {
    year,
    month,
    day,
    samordningsnummer,
    man: d(8) % 2 === 1,
    normalised: `${pad(year, 4)}${ten.slice(2, 6)}-${ten.slice(6)}`,
  };
}

/**
 * Reads a personnummer or samordningsnummer in any of its written forms: 10 or 12 digits,
 * with or without "-" (or "+", written from the year a person turns 100). A 10-digit number
 * gets the century that puts the birth date on or before `today` (minus 100 years with "+").
 */
export function parsePersonnummer(text: string, today: Date = new Date()): PersonnummerResult {
  const parts = readIdentity(text.trim(), todayKeyOf(today));
  if (typeof parts === "string") return { ok: false, reason: parts };
  return {
    ok: true,
    value: {
      birthDate: `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`,
      samordningsnummer: parts.samordningsnummer,
      kon: parts.man ? "man" : "kvinna",
      normalised: parts.normalised,
    },
  };
}

const ORGNR = /^(16)?(\d{6})-?(\d{4})$/;

/**
 * Checks an organisationsnummer: ten digits (optionally with the "16" prefix some registers
 * write), a month part (third and fourth digit) of at least 20, and the Luhn check digit.
 */
export function validateOrganisationsnummer(text: string): OrganisationsnummerResult {
  const m = ORGNR.exec(text.trim().replace(/\s+/g, ""));
  if (!m) return { ok: false, reason: "format" };
  const head = m[2]!;
  const tail = m[3]!;
  if (Number(head.slice(2, 4)) < 20) return { ok: false, reason: "month" };
  if (!luhnValid(head + tail)) return { ok: false, reason: "checksum" };
  return { ok: true, normalised: `${head}-${tail}` };
}
