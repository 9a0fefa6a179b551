/**
 * The rule for free text that leaves the association, an insats name: a short name, never an
 * identity. The service refuses what breaks it (service/input.ts); a client drops such a name
 * before sending (shareableInsats), so that nothing the service would refuse leaves.
 */

/** The longest insats name shared, in characters: a name, not a note. */
export const MAX_INSATS_LENGTH = 80;

/** What an insats name must not hold. */
export type Identifying = "personnummer" | "samordningsnummer" | "e-mail" | "phone";

/**
 * A personnummer or samordningsnummer as people write them: YYMMDD-NNNN, YYMMDD+NNNN,
 * YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN (a space for the dash too), month 01–12, day 01–31
 * or, for a samordningsnummer, 61–91. The check digit is not asked for: a mistyped number
 * still points at a person. Not inside a longer run of digits, so "Projekt 18-29" and
 * "Unga vuxna 2041" are names.
 */
const ID_NUMBER =
  /(?<!\d)(?:\d{2})?\d{2}(?:0[1-9]|1[0-2])(?<day>0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)/;

/** local@domain.tld */
const E_MAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/**
 * A phone number as people write them ("070-123 45 67", "08-12 34 56", "+46 70 123 45 67",
 * "(08) 123 456"): from a 0 or + that does not continue a number or a date, digits and the separators
 * phone numbers are written with, holding at least 7 digits. Year spans ("2041-2043") and
 * age spans ("18-29") start with neither.
 */
const PHONE = /(?<![\d./-])(?:\+|\(?0)[\d \-().]*/g;

/** Text as a reader sees it: full-width digits as digits, any dash as "-", any space as " ", invisible characters gone. */
function normalized(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-")
    .replace(/\s/g, " ");
}

/** What identifying thing `text` holds, if any: the first found of a personnummer, samordningsnummer, e-mail address or phone number. */
export function identifyingIn(text: string): Identifying | null {
  const t = normalized(text);
  const id = ID_NUMBER.exec(t);
  if (id !== null) return Number(id.groups?.day) > 60 ? "samordningsnummer" : "personnummer";
  if (E_MAIL.test(t)) return "e-mail";
  for (const [run] of t.matchAll(PHONE)) if (run.replace(/\D/g, "").length >= 7) return "phone";
  return null;
}

/** Characters, not UTF-16 units: "å" and an emoji count one each. */
const textLength = (text: string): number => [...text].length;

/** Why the service refuses an insats name, or null when it is a name it takes. */
export function insatsProblem(
  name: string,
): { readonly tooLong: number } | { readonly identifying: Identifying } | null {
  const length = textLength(name);
  if (length > MAX_INSATS_LENGTH) return { tooLong: length };
  const found = identifyingIn(name);
  return found === null ? null : { identifying: found };
}

/**
 * The insats name a client shares: trimmed, cut to MAX_INSATS_LENGTH characters, and null when
 * it holds an identity (whole or cut; of a longer text, its first 4 × MAX_INSATS_LENGTH) — nothing identifying leaves, and nothing the service
 * would refuse is sent.
 */
export function shareableInsats(name: string | null): string | null {
  if (name === null) return null;
  // Only the start is read: what lies beyond it never leaves, and a cut number must not either.
  const chars = [...name.trim()].slice(0, 4 * MAX_INSATS_LENGTH);
  if (identifyingIn(chars.join("")) !== null) return null;
  const cut = chars.slice(0, MAX_INSATS_LENGTH).join("").trimEnd();
  if (cut === "" || insatsProblem(cut) !== null) return null;
  return cut;
}
