/** The title of a table, for budget, participant and follow-up tables alike. */

/** A line that can be a title: short, not a footnote ("* …", "(…)"), not a sentence or a caption ending in ":". */
export function isTitleLike(text: string): boolean {
  return text.length <= 100 && !/^[*(]/.test(text) && !/[.:]$/.test(text) && !UNIT_STATEMENT.test(text);
}

/** A line that only says the unit ("Belopp i kronor", "Alla belopp i tkr"): the table's unit, not its title. */
const UNIT_STATEMENT =
  /^(alla\s+)?belopp(en)?\s+(anges\s+|är\s+)?i\s+(kr|kronor|sek|tkr|tusental\s+kronor|tusen\s+kronor|mkr|miljoner\s+kronor)$/i;

/**
 * The title-like text above a table's header, between the header and `stop` (the end of the
 * table above, or −1); else the last title-like line of the sheet's title block.
 * - "caption": the nearest line above the header. Budget sheets caption each table ("Bidrag i
 *   tkr" above the contributions), the sheet's title being further up.
 * - "heading": the first line from the top. A participant list sits under a title block whose
 *   first line is its title ("Deltagare 2015") and whose later lines are notes ("Sekretess").
 * `firstText(row)` is a row's first text cell, trimmed, or null.
 */
export function titleAbove(
  firstText: (row: number) => string | null,
  headerRow: number,
  stop: number,
  prefer: "caption" | "heading",
  titleBlock: readonly string[] = [],
): string | null {
  const rows = Array.from({ length: Math.max(0, headerRow - stop - 1) }, (_, i) => stop + 1 + i);
  if (prefer === "caption") rows.reverse();
  for (const r of rows) {
    const t = firstText(r);
    if (t && isTitleLike(t)) return t;
  }
  for (let i = titleBlock.length - 1; i >= 0; i--) if (isTitleLike(titleBlock[i]!)) return titleBlock[i]!;
  return null;
}
