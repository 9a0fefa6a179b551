/**
 * The national follow-up (Uppföljning Finsam): the figures the förbundsadministratör enters
 * there, computed from what the workbook already holds — allocated funds, eget kapital,
 * administration, and per insats its focus, budget, outcome, budgeted and actual participants —
 * each with the cells it comes from. The association's own figures for the national system:
 * nothing is suppressed here, and nothing of it is sent anywhere.
 */
import { UNIT_FACTOR } from "./amounts";
import { type CellValue, parseA1, toA1 } from "./grid";
import { insatsKey } from "./insatslista";
import type { FollowupFigure, Issue } from "./issues";
import type { InsatsParticipants, ParticipantReading } from "./participants";
import { keyFiguresFor } from "./participants/keyFigures";
import type { Participant } from "./participants/list";
import { parsePeriod } from "./period";
import type { BudgetLine, BudgetTable, InsatserTable, InsatsFocus, Table } from "./report";

/** Where a figure stands in the workbook: cells of one sheet, and what turns their values into kronor. */
export interface Source {
  readonly sheet: string;
  /** A1 cells; a sum's every cell. */
  readonly cells: readonly string[];
  /** 1 for kr, 1 000 for tkr, 1 000 000 for mkr. */
  readonly factor: number;
  /** True when the cells hold the figure itself (an amount, a count); false when they only name its row. */
  readonly exact: boolean;
}

export interface Figure<T> {
  readonly value: T | null;
  readonly source: Source | null;
}

/** The rows a participant count was made from, for a live count over the converted list. */
export interface ParticipantSource {
  readonly sheet: string;
  /** The insats as the rows write it. */
  readonly insats: string;
  readonly participants: readonly Participant[];
}

export interface FollowupInsats {
  readonly name: Figure<string>;
  readonly focus: Figure<InsatsFocus>;
  readonly budget: Figure<number>;
  readonly outcome: Figure<number>;
  readonly budgetedParticipants: Figure<number>;
  /** Persons whose stay touches the year, by kön; null for a strukturövergripande insats. */
  readonly participants: Figure<{ readonly kvinna: number; readonly man: number }>;
  readonly participantSources: readonly ParticipantSource[];
}

export interface Followup {
  readonly year: string;
  readonly allocated: { readonly budget: Figure<number>; readonly outcome: Figure<number> };
  readonly equity: { readonly opening: Figure<number>; readonly closing: Figure<number> };
  readonly administration: { readonly budget: Figure<number>; readonly outcome: Figure<number> };
  readonly insatser: readonly FollowupInsats[];
  readonly issues: readonly Issue[];
}

/** What the follow-up is computed from: a workbook's reading (read-workbook.ts). */
export interface FollowupInput {
  readonly tables: readonly Table[];
  readonly participantReadings: readonly ParticipantReading[];
}

const none = <T>(): Figure<T> => ({ value: null, source: null });
const rowOf = (cell: string): number => (parseA1(cell)?.row ?? 0) + 1;

/**
 * The year the follow-up is for when none is asked: the first budget year that has utfall,
 * else the budget's first year, else a year the insats list's sheet or title names.
 */
export function followupYear(tables: readonly Table[]): string | null {
  const budgets = tables.filter((t): t is BudgetTable => t.kind === "budget");
  for (const t of budgets)
    for (const p of t.periods)
      if (/^\d{4}$/.test(p) && t.lines.some((l) => l.outcomes?.[p] !== undefined)) return p;
  for (const t of budgets) for (const p of t.periods) if (/^\d{4}$/.test(p)) return p;
  for (const t of tables)
    if (t.kind === "insatser") {
      const m = /(?:19|20)\d\d/.exec(`${t.sheet} ${t.title ?? ""}`);
      if (m) return m[0];
    }
  return null;
}

/** True when a workbook holds what a follow-up is made of: a budget with utfall, or an insats list. */
export function hasFollowup(tables: readonly Table[]): boolean {
  return tables.some(
    (t) =>
      t.kind === "insatser" ||
      (t.kind === "budget" && t.lines.some((l) => l.outcomes && Object.keys(l.outcomes).length > 0)),
  );
}

/** The budget the follow-up of `year` reads: the first with utfall for the year, else the first with the year. */
function budgetFor(tables: readonly Table[], year: string): BudgetTable | null {
  const budgets = tables.filter((t): t is BudgetTable => t.kind === "budget");
  return (
    budgets.find((t) => t.lines.some((l) => l.outcomes?.[year] !== undefined)) ??
    budgets.find((t) => t.periods.includes(year)) ??
    null
  );
}

type Kind = "budget" | "outcome";

/** The sum of `lines` in the year's budget or utfall column, with its cells; null when none of them has it. */
function sumOf(table: BudgetTable, lines: readonly BudgetLine[], kind: Kind, year: string): Figure<number> {
  const amountOf = (l: BudgetLine) => (kind === "budget" ? l.amounts[year] : l.outcomes?.[year]);
  const given = lines.filter((l) => amountOf(l) !== undefined);
  if (given.length === 0) return none();
  const value = given.reduce((s, l) => s + amountOf(l)!, 0);
  const column = table.columns?.[kind]?.[year];
  return {
    value,
    source: {
      sheet: table.sheet,
      cells: given.map((l) => (column ? `${column}${rowOf(l.cell)}` : l.cell)),
      factor: UNIT_FACTOR[table.unit],
      exact: column !== undefined,
    },
  };
}

/** Builds the issues as the figures are looked for. */
class Findings {
  readonly issues: Issue[] = [];
  constructor(private readonly year: string) {}

  missing(figure: FollowupFigure, sheet: string, cell: string | null, insats: string | null = null): void {
    this.issues.push({
      severity: "warning",
      code: "followup-missing",
      sheet,
      cell,
      figure,
      year: this.year,
      insats,
    });
  }

  /** The figure, or an issue where it was looked for when it is not there. */
  need<T>(
    f: Figure<T>,
    figure: FollowupFigure,
    sheet: string,
    cell: string | null,
    insats: string | null = null,
  ): Figure<T> {
    if (f.value === null) this.missing(figure, sheet, cell, insats);
    return f;
  }

  private readonly saidForAll = new Set<FollowupFigure>();

  /**
   * An insats's figure the workbook gives for no insats (no insats list, no utfall column, no
   * participant list with an insats column): said once, for the insatser, not once per insats.
   */
  missingForAll<T>(f: Figure<T>, figure: FollowupFigure, sheet: string): Figure<T> {
    if (f.value === null && !this.saidForAll.has(figure)) {
      this.saidForAll.add(figure);
      this.missing(figure, sheet, null, null);
    }
    return f;
  }
}

/** Persons by kön whose stay touches the year. */
function countByKon(participants: readonly Participant[], year: string) {
  const period = parsePeriod(year)!;
  return keyFiguresFor(participants, period).byKon;
}

interface Groups {
  readonly byKey: Map<string, ParticipantSource[]>;
  /** A participant list with an insats column (or one named as an insats) exists. */
  readonly any: boolean;
  readonly sheet: string | null;
}

/** Participant rows by insats, from every list with an insats column and every list named as an insats. */
function participantGroups(readings: readonly ParticipantReading[], names: ReadonlySet<string>): Groups {
  const byKey = new Map<string, ParticipantSource[]>();
  let any = false;
  let sheet: string | null = null;
  const add = (key: string, source: ParticipantSource) => {
    const list = byKey.get(key);
    if (list) list.push(source);
    else byKey.set(key, [source]);
  };
  for (const reading of readings) {
    const table = reading.tables.find((t) => t.kind === "participants");
    if (!table) continue;
    sheet ??= table.sheet;
    const groups: readonly InsatsParticipants[] | undefined = reading.participantsByInsats;
    if (groups) {
      any = true;
      for (const g of groups)
        add(insatsKey(g.insats), { sheet: table.sheet, insats: g.insats, participants: g.participants });
      continue;
    }
    // One list per insats: a sheet (or its title) named as the insats.
    for (const name of [table.sheet, table.title ?? "", reading.insats ?? ""]) {
      const key = insatsKey(name);
      if (names.has(key)) {
        any = true;
        add(key, { sheet: table.sheet, insats: name, participants: reading.participants });
        break;
      }
    }
  }
  return { byKey, any, sheet };
}

interface Listed {
  readonly item: InsatserTable["insatser"][number] | null;
  readonly listSheet: string | null;
  readonly line: BudgetLine | null;
}

/** The insats list's insatser matched by name to the budget's insats lines, list order first. */
function matchInsatser(
  lists: readonly InsatserTable[],
  budget: BudgetTable | null,
  found: Findings,
): Listed[] {
  const lines = budget?.lines.filter((l) => l.section === "cost" && l.group === "insatser") ?? [];
  const byKey = new Map<string, BudgetLine>();
  for (const l of lines) if (!byKey.has(insatsKey(l.label))) byKey.set(insatsKey(l.label), l);
  const used = new Set<BudgetLine>();
  const out: Listed[] = [];
  for (const list of lists)
    for (const item of list.insatser) {
      const line = byKey.get(insatsKey(item.name)) ?? null;
      if (line) used.add(line);
      else if (budget)
        found.issues.push({
          severity: "warning",
          code: "insats-unmatched",
          sheet: list.sheet,
          cell: item.cell,
          name: item.name,
          missingFrom: "budget",
          foundIn: "list",
        });
      out.push({ item, listSheet: list.sheet, line });
    }
  for (const line of lines) {
    if (used.has(line)) continue;
    if (lists.length > 0)
      found.issues.push({
        severity: "warning",
        code: "insats-unmatched",
        sheet: budget!.sheet,
        cell: line.cell,
        name: line.label,
        missingFrom: "list",
        foundIn: "budget",
      });
    out.push({ item: null, listSheet: null, line });
  }
  return out;
}

/** One insats's figures, each with its source, or null and an issue saying where it is expected. */
function insatsFigures(
  m: Listed,
  budget: BudgetTable | null,
  groups: Groups,
  year: string,
  found: Findings,
  defaultListSheet: string | null,
  /** What the workbook gives for no insats at all: said once (Findings.missingForAll). */
  absent: { readonly list: boolean; readonly outcome: boolean },
): FollowupInsats {
  const name = m.item?.name ?? m.line!.label;
  const nameCell = m.item?.cell ?? m.line!.cell;
  const nameSheet = m.item ? m.listSheet! : budget!.sheet;
  // An insats the list lacks is looked for in the list all the same, where there is one.
  const listSheet = m.listSheet ?? defaultListSheet ?? budget?.sheet ?? nameSheet;
  const exact = (sheet: string, cell: string | null): Source | null =>
    cell === null ? null : { sheet, cells: [cell], factor: 1, exact: true };

  const focusFigure: Figure<InsatsFocus> = {
    value: m.item?.focus ?? null,
    source: m.item?.focus ? exact(listSheet, m.item.focusCell ?? null) : null,
  };
  const focus = absent.list
    ? found.missingForAll(focusFigure, "insats-focus", listSheet)
    : found.need(focusFigure, "insats-focus", listSheet, m.item?.focusCell ?? m.item?.cell ?? null, name);
  const budgetSheet = budget?.sheet ?? listSheet;
  const onLine = (kind: Kind, figure: FollowupFigure) => {
    const f = m.line && budget ? sumOf(budget, [m.line], kind, year) : none<number>();
    return kind === "outcome" && absent.outcome
      ? found.missingForAll(f, figure, budgetSheet)
      : found.need(f, figure, budgetSheet, m.line?.cell ?? null, name);
  };
  const budgetFigure = onLine("budget", "insats-budget");
  const outcome = onLine("outcome", "insats-outcome");
  const structural = focus.value === "strukturövergripande";
  const countCell = m.item?.budgetedParticipantsCell ?? null;
  const planned: Figure<number> = {
    value: m.item?.budgetedParticipants ?? null,
    source: m.item?.budgetedParticipants != null ? exact(listSheet, countCell) : null,
  };
  // A strukturövergripande insats counts no individual participants: not asked, so not missing.
  if (!structural) {
    if (absent.list) found.missingForAll(planned, "insats-budgeted-participants", listSheet);
    else found.need(planned, "insats-budgeted-participants", listSheet, countCell, name);
  }

  let participants: FollowupInsats["participants"] = none();
  let participantSources: readonly ParticipantSource[] = [];
  if (!structural) {
    const sources = groups.byKey.get(insatsKey(name)) ?? [];
    participantSources = sources;
    if (groups.any) {
      const rows = sources.flatMap((s) => s.participants);
      const byKon = countByKon(rows, year);
      participants = {
        value: { kvinna: byKon.kvinna, man: byKon.man },
        source:
          sources.length === 0 ? null : { sheet: sources[0]!.sheet, cells: [], factor: 1, exact: false },
      };
    } else found.missingForAll(none(), "insats-participants", groups.sheet ?? listSheet);
  }
  return {
    name: { value: name, source: exact(nameSheet, nameCell) },
    focus,
    budget: budgetFigure,
    outcome,
    budgetedParticipants: planned,
    participants,
    participantSources,
  };
}

/** The follow-up of `year` from a workbook's reading. */
export function computeFollowup(input: FollowupInput, year: string): Followup {
  const found = new Findings(year);
  const budget = budgetFor(input.tables, year);
  const lists = input.tables.filter((t): t is InsatserTable => t.kind === "insatser");
  const where = budget?.sheet ?? lists[0]?.sheet ?? input.tables[0]?.sheet ?? "";

  const members = budget?.lines.filter((l) => l.group === "medlemsbidrag") ?? [];
  // A budget that states the members' money as one finansiell ram line has no member lines.
  const allocatedLines =
    members.length > 0 ? members : (budget?.lines.filter((l) => l.group === "finansiell ram") ?? []);
  const firstCell = allocatedLines[0]?.cell ?? null;
  const onLines = (lines: readonly BudgetLine[], kind: Kind) =>
    budget && lines.length > 0 ? sumOf(budget, lines, kind, year) : none<number>();
  const allocated = {
    budget: found.need(onLines(allocatedLines, "budget"), "allocated-budget", where, firstCell),
    outcome: found.need(onLines(allocatedLines, "outcome"), "allocated-outcome", where, firstCell),
  };

  const equity = budget?.equity?.[year];
  const equityFigure = (value: number | null | undefined, cell: string | null | undefined): Figure<number> =>
    value === null || value === undefined || !budget
      ? none()
      : {
          value,
          source: cell
            ? { sheet: budget.sheet, cells: [cell], factor: UNIT_FACTOR[budget.unit], exact: true }
            : null,
        };
  const equityFigures = {
    opening: found.need(
      equityFigure(equity?.opening, equity?.openingCell),
      "equity-opening",
      where,
      equity?.openingCell ?? null,
    ),
    closing: found.need(
      equityFigure(equity?.closing, equity?.closingCell),
      "equity-closing",
      where,
      equity?.closingCell ?? null,
    ),
  };

  const admin = budget?.lines.filter((l) => l.section === "cost" && l.group !== "insatser") ?? [];
  const adminCell = admin[0]?.cell ?? null;
  const administration = {
    budget: found.need(onLines(admin, "budget"), "administration-budget", where, adminCell),
    outcome: found.need(onLines(admin, "outcome"), "administration-outcome", where, adminCell),
  };

  const matched = matchInsatser(lists, budget, found);
  const names = new Set(matched.map((m) => insatsKey(m.item?.name ?? m.line!.label)));
  const groups = participantGroups(input.participantReadings, names);
  const absent = {
    list: lists.length === 0,
    outcome: !budget?.lines.some((l) => l.outcomes?.[year] !== undefined),
  };
  const insatser = matched.map((m) =>
    insatsFigures(m, budget, groups, year, found, lists[0]?.sheet ?? null, absent),
  );
  // Rows naming an insats nobody lists: their persons would silently count nowhere.
  if (matched.length > 0)
    for (const [key, sources] of groups.byKey)
      if (!names.has(key))
        found.issues.push({
          severity: "warning",
          code: "insats-unmatched",
          sheet: sources[0]!.sheet,
          cell: null,
          name: sources[0]!.insats,
          missingFrom: "list",
          foundIn: "participants",
        });
  return { year, allocated, equity: equityFigures, administration, insatser, issues: found.issues };
}

/**
 * A source as people read it: "Budget och utfall!B7:B11", runs down one column as a range. Where
 * only the rows are known (a budget read without its columns), whole rows: "Budget 2008!14:14, 33:36".
 */
export function sourceText(source: Source | null): string | null {
  if (!source || source.cells.length === 0) return source ? source.sheet : null;
  const at = source.cells.map((c) => parseA1(c) ?? { row: 0, col: 0 });
  const name = (a: { row: number; col: number }) => (source.exact ? toA1(a) : `${a.row + 1}`);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= at.length; i++) {
    const prev = at[i - 1]!;
    const cur = at[i];
    if (cur && cur.col === prev.col && cur.row === prev.row + 1) continue;
    const [first, last] = [name(at[start]!), name(prev)];
    parts.push(source.exact && first === last ? first : `${first}:${last}`);
    start = i;
  }
  return `${source.sheet}!${parts.join(", ")}`;
}

/** The cells a figure is read from, as the JSON gives them: one text per range or cell. */
const sourcesOf = (f: Figure<unknown>): string[] => {
  const t = sourceText(f.source);
  return t === null ? [] : [t];
};

/** The follow-up as `samsyn uppfoljning --json` writes it; `issues` are given by the caller in its own form. */
export function followupJson<I>(f: Followup, issues: readonly I[]) {
  return {
    year: f.year,
    allocated: {
      budget: f.allocated.budget.value,
      outcome: f.allocated.outcome.value,
      sources: { budget: sourcesOf(f.allocated.budget), outcome: sourcesOf(f.allocated.outcome) },
    },
    equity: {
      opening: f.equity.opening.value,
      closing: f.equity.closing.value,
      sources: { opening: sourcesOf(f.equity.opening), closing: sourcesOf(f.equity.closing) },
    },
    administration: {
      budget: f.administration.budget.value,
      outcome: f.administration.outcome.value,
      sources: { budget: sourcesOf(f.administration.budget), outcome: sourcesOf(f.administration.outcome) },
    },
    insatser: f.insatser.map((i) => ({
      name: i.name.value,
      focus: i.focus.value,
      budget: i.budget.value,
      outcome: i.outcome.value,
      budgetedParticipants: i.budgetedParticipants.value,
      participants: i.participants.value,
      sources: {
        name: sourcesOf(i.name),
        focus: sourcesOf(i.focus),
        budget: sourcesOf(i.budget),
        outcome: sourcesOf(i.outcome),
        budgetedParticipants: sourcesOf(i.budgetedParticipants),
        participants: participantSourceTexts(i.participantSources),
      },
    })),
    issues,
  };
}

/** The participant rows counted: their sheet and rows, as "Deltagare!D4:D143 (Jobbcoacher)". */
function participantSourceTexts(sources: readonly ParticipantSource[]): string[] {
  return sources.map((s) => {
    const rows = s.participants.map((p) => p.sheetRow);
    return `${s.sheet}!${Math.min(...rows)}:${Math.max(...rows)} (${s.insats})`;
  });
}

/** True when every source cell holds a number, so a formula over them gives the figure. */
export function linksHold(
  source: Source | null,
  cellValue: (sheet: string, cell: string) => CellValue | undefined,
): boolean {
  if (!source?.exact || source.cells.length === 0) return false;
  return source.cells.every((c) => typeof cellValue(source.sheet, c) === "number");
}
