/**
 * Member contributions ("Bidrag i tkr"): which member each line is, and the check of the
 * law's split (Lag 2003:1210, 9 §): the state one half, the region one quarter, the
 * municipalities together one quarter, within the sheet's rounding.
 */
import { roundToOre } from "../amounts";
import type { Issue } from "../issues";
import type { Member } from "../report";
import { sectionOfGroup } from "../vocabulary";
import type { Amount, BodyRow, RowAmounts } from "./rows";
import { groupOfWords, memberOf } from "./words";

/**
 * True when the lines of a table are member contributions: at least two of the three members
 * named, every other line either named too or the caption says contributions, and no line a cost.
 */
export function looksLikeContributions(rows: readonly BodyRow[], captionSaysContributions: boolean): boolean {
  const named = new Set<Member>();
  let lines = 0;
  for (const row of rows) {
    if (row.kind !== "line") continue;
    lines++;
    const member = memberOf(row.n);
    // A line naming no member ends it here, unless the caption says contributions; a cost, always.
    if (member === null && !captionSaysContributions) return false;
    const group = groupOfWords(row.n);
    if (group && sectionOfGroup(group) === "cost") return false;
    if (member && member !== "övriga") named.add(member);
  }
  return lines >= 2 && named.size >= 2;
}

/**
 * The member of a contributions line. Finsam's members are only the state, the region and
 * municipalities, so in a contributions table a line naming none of them ("Ale", "Tjörn")
 * is a municipality.
 */
export function memberOfLine(n: string): Member {
  return memberOf(n) ?? "kommunerna";
}

const LAW_SHARE: Readonly<Record<"staten" | "regionen" | "kommunerna", number>> = {
  staten: 1 / 2,
  regionen: 1 / 4,
  kommunerna: 1 / 4,
};

export interface MemberLine {
  readonly member: Member;
  readonly amounts: RowAmounts;
}

/**
 * Checks the split per period over the members' lines. `tolerance` in kr is one unit of the
 * sheet (1 tkr in a tkr sheet): shares of a rounded total cannot be closer than that.
 * `periodCell(key)` names a cell for a member with no line at all.
 */
export function checkSplit(
  lines: readonly MemberLine[],
  periods: readonly string[],
  tolerance: number,
  sheet: string,
  periodCell: (key: string) => string | null,
): Issue[] {
  const issues: Issue[] = [];
  for (let index = 0; index < periods.length; index++) {
    const key = periods[index]!;
    const by: Record<keyof typeof LAW_SHARE, { sum: number; first: Amount | null; lines: number }> = {
      staten: { sum: 0, first: null, lines: 0 },
      regionen: { sum: 0, first: null, lines: 0 },
      kommunerna: { sum: 0, first: null, lines: 0 },
    };
    let any = false;
    for (const line of lines) {
      if (line.member === "övriga") continue;
      const a = line.amounts[index];
      const slot = by[line.member];
      slot.lines++;
      if (!a) continue;
      any = true;
      slot.sum += a.value;
      slot.first ??= a;
    }
    if (!any) continue;
    const total = by.staten.sum + by.regionen.sum + by.kommunerna.sum;
    for (const member of ["staten", "regionen", "kommunerna"] as const) {
      const slot = by[member];
      const expected = roundToOre(total * LAW_SHARE[member]);
      if (Math.abs(slot.sum - expected) <= tolerance) continue;
      issues.push({
        severity: "error",
        code: "contribution-split",
        sheet,
        cell: slot.first?.cell ?? periodCell(key),
        member,
        period: key,
        amount: roundToOre(slot.sum),
        expected,
      });
    }
  }
  return issues;
}

/** Whether a budget's member lines name enough members for the split to be checked. */
export function splitApplies(lines: readonly MemberLine[]): boolean {
  const named = new Set(lines.map((l) => l.member));
  return named.has("staten") && (named.has("regionen") || named.has("kommunerna"));
}
