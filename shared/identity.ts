/**
 * Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer —
 * parsed, normalised and checked (form, calendar date, Luhn check digit).
 */

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

const PNR = /^(\d{2})?(\d{6})([-+])?(\d{4})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number =>
  month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * Reads a personnummer or samordningsnummer in any of its written forms: 10 or 12 digits,
 * with or without "-" (or "+", written from the year a person turns 100). A 10-digit number
 * gets the century that puts the birth date on or before `today` (minus 100 years with "+").
 */
export function parsePersonnummer(text: string, today: Date = new Date()): PersonnummerResult {
  const m = PNR.exec(text.trim().replace(/\s+/g, ""));
  if (!m) return { ok: false, reason: "format" };
  const [, century, yymmdd, sign, birthNumber] = m as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
    string,
  ];
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const writtenDay = Number(yymmdd.slice(4, 6));
  const samordningsnummer = writtenDay > 60;
  const day = samordningsnummer ? writtenDay - 60 : writtenDay;

  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: "date" };
  const todayYear = today.getUTCFullYear();
  const todayKey = todayYear * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  let year: number;
  if (century !== undefined) {
    year = Number(century) * 100 + yy;
  } else {
    year = Math.floor(todayYear / 100) * 100 + yy;
    // The latest year ending in yy whose date (month, day) is not after today.
    if (year * 10_000 + month * 100 + day > todayKey) year -= 100;
    if (sign === "+") year -= 100;
  }
  if (day > daysInMonth(year, month)) return { ok: false, reason: "date" };
  // With the century written out, a birth after today is a typing error, not a person.
  if (year * 10_000 + month * 100 + day > todayKey) return { ok: false, reason: "date" };
  if (!luhnValid(yymmdd + birthNumber)) return { ok: false, reason: "checksum" };

  const birthDate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const kon = Number(birthNumber[2]) % 2 === 1 ? "man" : "kvinna";
  return {
    ok: true,
    value: {
      birthDate,
      samordningsnummer,
      kon,
      normalised: `${pad(year, 4)}${yymmdd.slice(2)}-${birthNumber}`,
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
