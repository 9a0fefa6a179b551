/**
 * The glossary's forbidden words (docs/ordlista.md) as patterns, for the test of the string
 * tables and the browser tests of the rendered views: what a Swedish user must not read.
 */

/** Each forbidden use, named as the glossary names it. */
export const FORBIDDEN: readonly (readonly [string, RegExp])[] = [
  // "Revision" alone is a cost group; a version is never a revision.
  ["revision (say version)", /\brev\.|\brevision(en|er|erna|snummer)\b|\brevision \d/i],
  ["token (say nyckel)", /\btokens?\b/i],
  ["anmärkning (say kontroll)", /anmärkning/i],
  ["checks (say kontroller)", /\bchecks\b/i],
  ["a key by its hex id", /nyckel [0-9a-f]{6,}/i],
  [
    "HTTP words",
    /\b(Bearer|Authorization|If-Match|If-None-Match|Idempotency-Key|Content-Type|HTTP|JSON|API(:t)?)\b/,
  ],
  ["null", /\bnull\b/],
  [
    "schema field names",
    /\bsuppression\.|\bbyHemkommun\b|\baverageStayDays\b|\bshareClosedToWorkOrStudies\b/,
  ],
  ["command names", /\bnpm\b|\bsamsyn (push|serve|inspect|convert|association|playground|manifest)\b/],
  ["option flags", /(^|[\s(])--[a-z]/],
  ["library names", /\b(exceljs|zod|commander|React|Fluent)\b/i],
];

/** The forbidden uses in a text, as "what: …the text around it…". */
export function forbiddenIn(text: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of FORBIDDEN) {
    const m = pattern.exec(text);
    if (m) found.push(`${what}: …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}…`);
  }
  return found;
}
