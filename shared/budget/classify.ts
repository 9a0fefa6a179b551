/**
 * Gives every line of a budget table its section (income or cost), its group and the heading it
 * stands under: from the user's corrections, the line's words, its headings and section rows,
 * and where those leave it open, from the stated totals — the reading that makes them true.
 */
import type { BudgetGroup, Section, SheetCorrections } from "../report";
import type { BodyRow } from "./rows";
import { checkTotals } from "./totals";
import { defaultGroup, groupOfWords, sectionOfGroup } from "./words";

export interface LineClass {
  readonly section: Section;
  readonly group: BudgetGroup;
  readonly heading: string | null;
  /** False when nothing but a guess placed the line (→ `line-unclassified`). */
  readonly sure: boolean;
  /** Placed by its words, headings, section or the user, before any stated total was consulted. */
  readonly anchor: boolean;
}

type LineRow = BodyRow & { kind: "line" };

/** Words before "inkl."/"exkl." name the thing; "Adm. inkl styrelse" is administration. */
const wordsOf = (n: string): string => n.replace(/\b(inkl|exkl|ex)\b\.?.*$/, "");

interface Draft {
  /** A total, result or section row stands between this line and the previous one. */
  breakBefore: boolean;
  section: Section | null;
  group: BudgetGroup | null;
  heading: string | null;
  sure: boolean;
}

/** Search at most this many tentative readings × rows × periods (keeps big sheets linear). */
const SEARCH_BUDGET = 4_000_000;

export function classifyLines(
  rows: readonly BodyRow[],
  periods: readonly string[],
  tolerance: number,
  options: { readonly project: boolean; readonly corrections?: SheetCorrections["lines"] },
): LineClass[] {
  const drafts: Draft[] = [];
  const headings: { readonly label: string; readonly group: BudgetGroup | null }[] = [];
  let explicit: Section | null = null;
  let dashesUnderHeading = false;
  let previous: BodyRow["kind"] | null = null;
  let breakBefore = false;

  for (const row of rows) {
    switch (row.kind) {
      case "section":
        explicit = row.section;
        headings.length = 0;
        break;
      case "heading":
        // A heading right under a heading nests; after lines it replaces the innermost.
        if (previous !== "heading" && headings.length > 0) headings.pop();
        headings.push({ label: row.label, group: groupOfWords(wordsOf(row.n)) });
        dashesUnderHeading = false;
        break;
      case "total":
        if (row.scope === explicit) explicit = null;
        if (row.scope === "sub") headings.pop();
        else headings.length = 0;
        dashesUnderHeading = false;
        break;
      case "result":
        headings.length = 0;
        break;
      case "line": {
        // Where a heading's items are "- " items, the first plain line after them ends the heading.
        if (!row.sub && dashesUnderHeading) {
          headings.pop();
          dashesUnderHeading = false;
        }
        if (row.sub && headings.length > 0) dashesUnderHeading = true;
        drafts.push(draftOf(row, headings, explicit, options.corrections?.[row.cell], breakBefore));
        breakBefore = false;
        break;
      }
    }
    if (row.kind !== "line" && row.kind !== "heading") breakBefore = true;
    previous = row.kind;
  }

  const incomeEvidence =
    drafts.some((d) => d.sure && d.section === "income") ||
    rows.some(
      (r) => (r.kind === "section" && r.section === "income") || (r.kind === "total" && r.scope === "income"),
    );
  const hasResult = rows.some((r) => r.kind === "result");
  if (!incomeEvidence && !hasResult) {
    // A list of costs with no income anywhere (a project budget): every open line is a cost.
    for (const d of drafts) if (d.section === null) Object.assign(d, { section: "cost", sure: true });
  }
  const anchors = drafts.map((d) => d.section !== null);
  resolveOpenLines(rows, drafts, anchors, periods, tolerance);

  return drafts.map((d, i) => {
    const section = d.section ?? "cost";
    const group =
      d.group && sectionOfGroup(d.group) === section
        ? d.group
        : section === "cost" && options.project
          ? "insatser"
          : defaultGroup(section);
    return { section, group, heading: d.heading, sure: d.sure, anchor: anchors[i]! };
  });
}

function draftOf(
  row: LineRow,
  headings: readonly { readonly label: string; readonly group: BudgetGroup | null }[],
  explicit: Section | null,
  correction: { section?: Section | undefined; group?: BudgetGroup | undefined } | undefined,
  breakBefore: boolean,
): Draft {
  const heading = headings[headings.length - 1]?.label ?? null;
  if (correction && (correction.section || correction.group)) {
    const section = correction.section ?? sectionOfGroup(correction.group!);
    const group = correction.group ?? groupOfWords(wordsOf(row.n));
    return { section, group, heading, sure: true, breakBefore };
  }
  const own = groupOfWords(wordsOf(row.n));
  let fromHeading: BudgetGroup | null = null;
  for (let i = headings.length - 1; i >= 0 && !fromHeading; i--) fromHeading = headings[i]!.group;
  if (explicit) {
    const group = [own, fromHeading].find((g) => g && sectionOfGroup(g) === explicit) ?? null;
    return { section: explicit, group, heading, sure: true, breakBefore };
  }
  // A line's own words place it ("- Revision" under "Styrelsen" is revision), but a heading wins
  // over a bare "övrigt" ("- Övriga omkostnader" under "Styrelsen") and over words that would
  // move a sub-item to the other section than its heading's.
  const group =
    own &&
    fromHeading &&
    ((sectionOfGroup(own) !== sectionOfGroup(fromHeading) && row.sub) || own === "övrigt")
      ? fromHeading
      : (own ?? fromHeading);
  if (group) return { section: sectionOfGroup(group), group, heading, sure: true, breakBefore };
  return { section: null, group: null, heading, sure: false, breakBefore };
}

/**
 * Open lines (section null) get the section of the sure line before them (or after, or cost);
 * then runs of consecutive open lines are flipped, within a budget, to find the reading with the
 * fewest stated totals off. A run stays unsure when another reading fits the totals as well.
 */
function resolveOpenLines(
  rows: readonly BodyRow[],
  drafts: Draft[],
  anchors: readonly boolean[],
  periods: readonly string[],
  tolerance: number,
) {
  const runs: number[][] = [];
  let lastSure: Section | null = null;
  const guess: Section[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.section !== null) {
      lastSure = d.section;
      guess.push(d.section);
      continue;
    }
    guess.push(lastSure ?? nextSure(drafts, i) ?? "cost");
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1 && !d.breakBefore) run.push(i);
    else runs.push([i]);
  }
  if (runs.length === 0) return;

  const work = rows.length * Math.max(1, periods.length);
  const maxRuns = Math.min(12, Math.floor(Math.log2(Math.max(1, SEARCH_BUDGET / work))));
  const hasStated = rows.some((r) => r.kind === "total" || r.kind === "result");
  let best = guess;
  let unsureRuns = new Set(runs.map((_, j) => j));
  if (hasStated && runs.length <= maxRuns) {
    const scoreOf = (sections: Section[]) =>
      checkTotals(rows, sections, periods, tolerance, false, anchors).count;
    let bestScore = Number.POSITIVE_INFINITY;
    let bestFlips = Number.POSITIVE_INFINITY;
    const scores: { mask: number; score: number }[] = [];
    for (let mask = 0; mask < 1 << runs.length; mask++) {
      const sections = guess.slice();
      let flips = 0;
      runs.forEach((run, j) => {
        if (mask & (1 << j)) {
          flips++;
          for (const i of run) sections[i] = sections[i] === "income" ? "cost" : "income";
        }
      });
      const score = scoreOf(sections);
      scores.push({ mask, score });
      if (score < bestScore || (score === bestScore && flips < bestFlips)) {
        bestScore = score;
        bestFlips = flips;
        best = sections;
      }
    }
    const bestMask = scores.find((s) => s.score === bestScore && popcount(s.mask) === bestFlips)!.mask;
    unsureRuns = new Set();
    for (const s of scores) {
      if (s.score !== bestScore || s.mask === bestMask) continue;
      runs.forEach((_, j) => {
        if ((s.mask ^ bestMask) & (1 << j)) unsureRuns.add(j);
      });
    }
  } else if (hasStated && checkTotals(rows, guess, periods, tolerance, false, anchors).count === 0) {
    unsureRuns = unpinnedRuns(rows, runs);
  }
  runs.forEach((run, j) => {
    for (const i of run) {
      const d = drafts[i]!;
      d.section = best[i]!;
      d.sure = !unsureRuns.has(j);
    }
  });
}

/**
 * Too many open runs to search, but the guessed reading already makes every stated figure true:
 * a run is then settled when a later income, cost or plain total or a result row states a period
 * in which the run has an amount, since flipping the run would make that figure false.
 */
function unpinnedRuns(rows: readonly BodyRow[], runs: readonly (readonly number[])[]): Set<number> {
  const lastStated = new Map<number, number>();
  const linePosition: number[] = [];
  rows.forEach((row, position) => {
    if (row.kind === "line") linePosition.push(position);
    const covers = row.kind === "result" || (row.kind === "total" && row.scope !== "sub");
    if (covers) for (const a of row.amounts.values()) lastStated.set(a.period, position);
  });
  const pinned = (i: number): boolean => {
    const position = linePosition[i]!;
    const row = rows[position] as LineRow;
    for (const a of row.amounts.values())
      if (a.value !== 0 && (lastStated.get(a.period) ?? -1) > position) return true;
    return false;
  };
  const unsure = new Set<number>();
  runs.forEach((run, j) => {
    if (!run.some(pinned)) unsure.add(j);
  });
  return unsure;
}

/** The section of the first sure line within 50 lines after line i. */
function nextSure(drafts: readonly Draft[], i: number): Section | null {
  for (let k = i + 1; k < Math.min(drafts.length, i + 50); k++)
    if (drafts[k]!.section !== null) return drafts[k]!.section;
  return null;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
