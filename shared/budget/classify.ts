/**
 * Gives every line of a budget table its section (income or cost), its group and the heading it
 * stands under: from the user's corrections, the line's words, its headings and section rows,
 * and where those leave it open, from the stated totals — the reading that makes them true.
 */
import type { BudgetGroup, Section, SheetCorrections } from "../report";
import { sectionOfGroup } from "../vocabulary";
import type { BodyRow } from "./rows";
import { checkTotals } from "./totals";
import { combinedGroups, defaultGroup, groupNamed, groupOfWords, isBareCost, saysCost } from "./words";

export interface LineClass {
  readonly section: Section;
  readonly group: BudgetGroup;
  readonly heading: string | null;
  /** False when nothing but a guess placed the line (→ `line-unclassified`). */
  readonly sure: boolean;
  /** Placed by its words, headings, section or the user, before any stated total was consulted. */
  readonly anchor: boolean;
  /** The cost groups its words name where they name more than one (the first is its group). */
  readonly combined: readonly BudgetGroup[];
}

type LineRow = BodyRow & { kind: "line" };

/** "Övriga omkostnader" under "Styrelsen" are the board's other costs; "Reserv" is other anywhere. */
const isOtherOf = (own: BudgetGroup, words: string): boolean => own === "övrigt" && /övrig/.test(words);

/** Words before "inkl."/"exkl." name the thing; "Adm. inkl styrelse" is administration. */
const wordsOf = (n: string): string => n.replace(/\b(inkl|exkl|ex)\b\.?.*$/, "");

/** What a line's words say: the groups they combine, the group they name, and its own group (a member's name included). */
interface WordsSay {
  readonly words: string;
  readonly combined: readonly BudgetGroup[];
  readonly named: BudgetGroup | null;
  readonly own: BudgetGroup | null;
}

function wordsSay(n: string): WordsSay {
  const words = wordsOf(n);
  const combined = combinedGroups(words);
  const named = groupNamed(words, combined);
  return { words, combined, named, own: groupOfWords(words, named) };
}

interface Draft {
  /** A total, result or section row stands between this line and the previous one. */
  breakBefore: boolean;
  section: Section | null;
  group: BudgetGroup | null;
  heading: string | null;
  sure: boolean;
  /**
   * What placed it: the user or its own words (never moved by a stated total), the section row
   * or heading it stands under (the tail of such a run may be moved where the stated figures
   * say the run ended earlier), or nothing (an open line).
   */
  by: "own" | "context" | null;
  /** Which section row or heading run it belongs to (lines of one run share it). */
  context: number;
  /** Placed before any stated total was consulted, by words the total's scope may follow. */
  anchor: boolean;
  /** The group its own words name, kept for when the stated figures move it to that group's side. */
  own: BudgetGroup | null;
  /** The groups the line's words combine ("Kansli och styrelse"), in order. */
  combined: readonly BudgetGroup[];
}

/** Search at most this many tentative readings × rows × periods (keeps big sheets linear). */
const SEARCH_BUDGET = 4_000_000;

interface ClassifyOptions {
  readonly corrections?: SheetCorrections["lines"];
  /** Lines the sheet writes as negative costs (their sign already turned): costs, as words would say. */
  readonly negativeCosts?: ReadonlySet<string>;
}

export function classifyLines(
  rows: readonly BodyRow[],
  periods: readonly string[],
  tolerance: number,
  options: ClassifyOptions,
): LineClass[] {
  const drafts = draftLines(rows, options);
  const incomeEvidence =
    drafts.some((d) => d.sure && d.section === "income") ||
    rows.some(
      (r) => (r.kind === "section" && r.section === "income") || (r.kind === "total" && r.scope === "income"),
    );
  if (!incomeEvidence && !rows.some((r) => r.kind === "result")) {
    // A list of costs with no income anywhere (a project budget): every open line is a cost.
    for (const d of drafts)
      if (d.section === null) {
        d.section = "cost";
        d.sure = true;
      }
  }
  const anchors = drafts.map((d) => d.anchor);
  resolveSections(rows, drafts, anchors, periods, tolerance);
  return classesOf(drafts);
}

/** One walk down the rows: each line placed by what the words around it say, before any total is consulted. */
function draftLines(rows: readonly BodyRow[], options: ClassifyOptions): Draft[] {
  const drafts: Draft[] = [];
  const headings: { readonly label: string; readonly group: BudgetGroup | null }[] = [];
  let explicit: Section | null = null;
  let dashesUnderHeading = false;
  let previous: BodyRow["kind"] | null = null;
  let breakBefore = false;
  let context = 0;
  // After "Summa intäkter" the income is closed: a line nothing else places is a cost.
  let incomeClosed = false;

  for (const row of rows) {
    // A memo row ("varav …") stands outside the reading: it neither places nor breaks anything.
    if (row.kind === "memo") continue;
    if (row.kind !== "line") context++;
    switch (row.kind) {
      case "section":
        explicit = row.section;
        incomeClosed = false;
        headings.length = 0;
        break;
      case "heading":
        // A heading right under a heading nests; after lines it replaces the innermost.
        if (previous !== "heading" && headings.length > 0) headings.pop();
        headings.push({ label: row.label, group: groupOfWords(wordsOf(row.n)) });
        // "Insatser" after the lines under "INTÄKTER": a cost area, so the income section has ended.
        if (explicit && headings[headings.length - 1]!.group) {
          if (sectionOfGroup(headings[headings.length - 1]!.group!) !== explicit) explicit = null;
        }
        dashesUnderHeading = false;
        break;
      case "total":
        if (row.scope === explicit) explicit = null;
        if (row.scope === "income") incomeClosed = true;
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
        // Words that name the other side end a section row's reach ("Förbundschef" after the lines
        // under "Finansiering"): the section was never closed by a total.
        // What the line's words say, read once: the same words decide the section, the group and the combination.
        const said = wordsSay(row.n);
        const named = said.named;
        const names = named && (named !== "övrigt" || saysCost(said.words));
        if (explicit && names && sectionOfGroup(named) !== explicit && headings.length === 0) {
          explicit = null;
          context++;
        }
        // Every draft built whole in one shape: a spread or Object.assign here makes 10 000
        // lines' drafts slow objects, read again by every later pass.
        const placed = placementOf(row, said, headings, explicit, options.corrections?.[row.cell]);
        const draft: Draft = {
          breakBefore,
          section: placed.section,
          group: placed.group,
          heading: headings[headings.length - 1]?.label ?? null,
          sure: placed.sure,
          by: placed.by,
          context,
          anchor: true,
          own: said.own,
          combined: said.combined,
        };
        if (options.negativeCosts?.has(row.cell) && draft.section !== "cost" && draft.by !== "own") {
          draft.section = "cost";
          draft.group = null;
          draft.sure = true;
          draft.by = "own";
        }
        // Not an anchor: a line placed so cannot move a plain total's scope, as an open line cannot.
        if (draft.section === null && incomeClosed) {
          draft.section = "cost";
          draft.sure = true;
          draft.by = "context";
          draft.anchor = false;
        } else draft.anchor = draft.section !== null;
        drafts.push(draft);
        breakBefore = false;
        break;
      }
    }
    if (row.kind !== "line" && row.kind !== "heading") breakBefore = true;
    previous = row.kind;
  }
  return drafts;
}

/** The settled drafts as line classes: a group on the side the line ended on, and any combined groups. */
function classesOf(drafts: readonly Draft[]): LineClass[] {
  return drafts.map((d) => {
    const section = d.section ?? "cost";
    const group =
      d.group && sectionOfGroup(d.group) === section
        ? d.group
        : d.own && sectionOfGroup(d.own) === section
          ? d.own
          : defaultGroup(section);
    const combined = d.section === "cost" && d.group === d.combined[0] ? d.combined : [];
    return { section, group, heading: d.heading, sure: d.sure, anchor: d.anchor, combined };
  });
}

/** Where a line's words, its headings and its section row place it. */
interface Placement {
  readonly section: Section | null;
  readonly group: BudgetGroup | null;
  readonly sure: boolean;
  readonly by: Draft["by"];
}

const OPEN: Placement = { section: null, group: null, sure: false, by: null };

function placementOf(
  row: LineRow,
  said: WordsSay,
  headings: readonly { readonly label: string; readonly group: BudgetGroup | null }[],
  explicit: Section | null,
  correction: { section?: Section | undefined; group?: BudgetGroup | undefined } | undefined,
): Placement {
  const { words, own } = said;
  if (correction && (correction.section || correction.group)) {
    const section = correction.section ?? sectionOfGroup(correction.group!);
    const group = correction.group ?? own;
    return { section, group, sure: true, by: "own" };
  }
  let fromHeading: BudgetGroup | null = null;
  for (let i = headings.length - 1; i >= 0 && !fromHeading; i--) fromHeading = headings[i]!.group;
  // A line's own words place it ("- Revision" under "Styrelsen" is revision), but a heading wins
  // over a bare "övrigt" or "kostnader" ("- Övriga omkostnader" under "Styrelsen") and over words
  // that would move a sub-item to the other section than its heading's.
  const headingWins =
    own &&
    fromHeading &&
    ((sectionOfGroup(own) !== sectionOfGroup(fromHeading) && row.sub) ||
      isOtherOf(own, words) ||
      isBareCost(words));
  const group = headingWins ? fromHeading : (own ?? fromHeading);
  if (explicit) {
    const inSection = [group, own, fromHeading].find((g) => g && sectionOfGroup(g) === explicit) ?? null;
    const by = own && sectionOfGroup(own) === explicit ? "own" : "context";
    return { section: explicit, group: inSection, sure: true, by };
  }
  if (group)
    return { section: sectionOfGroup(group), group, sure: true, by: own && !headingWins ? "own" : "context" };
  return OPEN;
}

/** A reading of every line, and which runs of open lines in it are unsure. */
interface Reading {
  readonly sections: Section[];
  readonly count: number;
  readonly runs: readonly (readonly number[])[];
  readonly unsureRuns: ReadonlySet<number>;
}

/** How many tentative readings the search may still check, shared by its two stages. */
class Budget {
  left: number;
  constructor(readonly work: number) {
    this.left = Math.floor(SEARCH_BUDGET / work);
  }
}

/**
 * Open lines (section null) get the section of the sure line before them (or after, or cost);
 * then runs of consecutive open lines are flipped, within a budget, to find the reading with the
 * fewest stated totals off. A run stays unsure when another reading fits the totals as well.
 */
function bestOpenReading(
  rows: readonly BodyRow[],
  drafts: readonly Draft[],
  fixed: readonly (Section | null)[],
  anchors: readonly boolean[],
  periods: readonly string[],
  tolerance: number,
  budget: Budget,
): Reading {
  const runs: number[][] = [];
  const guess: Section[] = fixed.map((section) => section ?? "cost");
  for (let i = 0; i < drafts.length; i++) {
    if (fixed[i] !== null) continue;
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1 && !drafts[i]!.breakBefore) run.push(i);
    else runs.push([i]);
  }
  // A run between two lines of one side is on that side ("Steget vidare" among costs); any other
  // run is a cost, since a line whose words say nothing is most often an insats ("Unga vuxna").
  const settled = new Set<number>();
  runs.forEach((run, j) => {
    const before = placedNear(fixed, run[0]!, -1);
    const after = placedNear(fixed, run[run.length - 1]!, 1);
    if (before === null || before !== after) return;
    settled.add(j);
    for (const i of run) guess[i] = before;
  });
  const hasStated = rows.some((r) => r.kind === "total" || r.kind === "result");
  const countOf = (sections: Section[]) => {
    budget.left--;
    return checkTotals(rows, sections, periods, tolerance, false, anchors).count;
  };
  const allUnsure = new Set(runs.map((_, j) => j).filter((j) => !settled.has(j)));
  if (!hasStated) return { sections: guess, count: 0, runs, unsureRuns: allUnsure };
  const maxRuns = Math.min(12, Math.floor(Math.log2(Math.max(1, budget.left))));
  if (runs.length === 0 || runs.length > maxRuns) {
    const count = countOf(guess);
    return { sections: guess, count, runs, unsureRuns: count === 0 ? unpinnedRuns(rows, runs) : allUnsure };
  }
  let best = guess;
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
    const score = countOf(sections);
    scores.push({ mask, score });
    if (score < bestScore || (score === bestScore && flips < bestFlips)) {
      bestScore = score;
      bestFlips = flips;
      best = sections;
    }
  }
  const bestMask = scores.find((s) => s.score === bestScore && popcount(s.mask) === bestFlips)!.mask;
  // Where no reading makes every figure true, a figure is wrong anyway: the guess stands, and
  // the wrong figure is reported at its cell.
  const unsureRuns = new Set<number>();
  for (const s of scores) {
    if (bestScore > 0 || s.score !== bestScore || s.mask === bestMask) continue;
    runs.forEach((_, j) => {
      // A settled run kept where its neighbours put it stays sure, whatever else fits as well.
      if (settled.has(j) && !(bestMask & (1 << j))) return;
      if ((s.mask ^ bestMask) & (1 << j)) unsureRuns.add(j);
    });
  }
  return { sections: best, count: bestScore, runs, unsureRuns };
}

/**
 * Settles every line's section. First the words' reading, its open lines searched as above. Where
 * that leaves a stated figure false, a section row or heading may reach less far than it seems
 * ("Finansiering", its lines, then costs with no heading of their own): each run of lines placed
 * only by such a row is tried ending earlier — its last lines moved to the other side — and the
 * shortest move that makes every stated figure true is kept; where two moves of that length fit,
 * the lines they disagree on are unsure. Lines placed by their own words never move, and a figure
 * that no move makes true stays as it was, to be reported at its cell.
 */
function resolveSections(
  rows: readonly BodyRow[],
  drafts: Draft[],
  anchors: readonly boolean[],
  periods: readonly string[],
  tolerance: number,
) {
  const budget = new Budget(rows.length * Math.max(1, periods.length));
  const words = drafts.map((d) => d.section);
  const search = (fixed: readonly (Section | null)[]) =>
    bestOpenReading(rows, drafts, fixed, anchors, periods, tolerance, budget);
  let reading = search(words);
  const moved = new Set<number>();
  let movesFit = 0;
  const unsureMoved = new Set<number>();
  if (reading.count > 0) {
    const runs: number[][] = [];
    drafts.forEach((d, i) => {
      if (d.by !== "context") return;
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === i - 1 && drafts[i - 1]!.context === d.context) run.push(i);
      else runs.push([i]);
    });
    // The move that leaves fewest figures false, the shortest of those; a figure no move makes
    // true is wrong whatever the reading, and is reported where it stands.
    let fits: { tail: number[]; reading: Reading }[] = [];
    let fewest = reading.count;
    for (let length = 1; fewest > 0 && budget.left > 0; length++) {
      let longer = false;
      for (const run of runs) {
        if (run.length < length || budget.left <= 0) continue;
        longer = true;
        const tail = run.slice(run.length - length);
        const fixed = words.slice();
        for (const i of tail) fixed[i] = fixed[i] === "income" ? "cost" : "income";
        const r = search(fixed);
        if (r.count < fewest) [fits, fewest] = [[{ tail, reading: r }], r.count];
        else if (r.count === fewest && fits.length > 0 && fits[0]!.tail.length === length)
          fits.push({ tail, reading: r });
      }
      if (!longer) break;
    }
    if (fits.length > 0) {
      reading = fits[0]!.reading;
      movesFit = fits.length;
      for (const i of fits[0]!.tail) moved.add(i);
      for (const f of fits.slice(1)) for (const i of [...f.tail, ...fits[0]!.tail]) unsureMoved.add(i);
    }
  }
  drafts.forEach((d, i) => {
    d.section = reading.sections[i]!;
    if (moved.has(i)) d.sure = movesFit === 1;
    if (unsureMoved.has(i)) d.sure = false;
  });
  reading.runs.forEach((run, j) => {
    for (const i of run) drafts[i]!.sure = !reading.unsureRuns.has(j);
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
    if (covers) for (const a of row.amounts) if (a !== undefined) lastStated.set(a.period, position);
  });
  const pinned = (i: number): boolean => {
    const position = linePosition[i]!;
    const row = rows[position] as LineRow;
    for (const a of row.amounts)
      if (a !== undefined && a.value !== 0 && (lastStated.get(a.period) ?? -1) > position) return true;
    return false;
  };
  const unsure = new Set<number>();
  runs.forEach((run, j) => {
    if (!run.some(pinned)) unsure.add(j);
  });
  return unsure;
}

/** The section of the nearest placed line from i in a direction, within 50 lines. */
function placedNear(fixed: readonly (Section | null)[], i: number, step: 1 | -1): Section | null {
  for (let k = i + step, n = 0; k >= 0 && k < fixed.length && n < 50; k += step, n++)
    if (fixed[k] !== null) return fixed[k]!;
  return null;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
