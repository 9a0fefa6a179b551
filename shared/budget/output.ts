/**
 * The conversion plan for budget tables: per source sheet one added sheet holding a real Excel
 * table of the lines (amounts in kr), live formula rows for income, cost and över-/underskott
 * under it, a table of the groups Uppföljning Finsam asks for, and the contributions table.
 * Where the sheet has utfall, each year's budget column has its utfall beside it and an
 * avvikelse (utfall − budget) that is a live formula on every line, in the sums and per group.
 */
import {
  columnRef,
  computed,
  type OutputCell,
  type OutputSheet,
  type OutputTable,
  outputSheetName,
  thisRowRef,
  uniqueTableName,
} from "../output";
import { parsePeriod, periodLabel, periodYear } from "../period";
import type { BudgetLine, BudgetTable, BudgetTotals, ContributionsTable, PeriodAmounts } from "../report";
import { BUDGET_GROUPS } from "../vocabulary";

const SECTION_SV = { income: "Intäkt", cost: "Kostnad" } as const;
const AMOUNT = { numberFormat: "#,##0", width: 14 } as const;
const FIXED_BUDGET = ["Avsnitt", "Grupp", "Rubrik", "Rad", "Källcell"] as const;
const RAD = FIXED_BUDGET.indexOf("Rad");

const sourceCell = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** What a SUM over these amounts gives in Excel: blanks and text count as nothing. */
const total = (amounts: readonly (number | null | undefined)[]): number =>
  amounts.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);

/** Names a table and reserves the name (sheet and table names share `taken`, so both stay unique). */
function tableName(wish: string, taken: Set<string>): string {
  const name = uniqueTableName(wish, taken);
  taken.add(name);
  return name;
}

function sumifs(table: string, header: string, column: string, value: string): string {
  return `SUMIFS(${columnRef(table, header)},${columnRef(table, column)},"${value.replace(/"/g, '""')}")`;
}

/**
 * One amount column of the lines table: the budget of a period, its utfall, its avvikelse
 * (utfall − budget, a live formula per line) or its prognos.
 */
interface FigureColumn {
  readonly header: string;
  /** What the line's cell shows: its amount, or for avvikelse what the formula gives. */
  readonly value: (l: BudgetLine) => number | null;
  /** The live formula of the line's cell (avvikelse), or none for an amount as read. */
  readonly formula?: (table: string) => string;
}

const amountOf = (amounts: PeriodAmounts | undefined, key: string): number | null => {
  const v = amounts?.[key];
  return typeof v === "number" ? v : null;
};

/** Keys of these amounts across the lines and the totals, the earlier end first (jan–jun before the year). */
function keysOf(t: BudgetTable, of: (l: BudgetLine) => PeriodAmounts | undefined, totals?: BudgetTotals) {
  const keys = new Set<string>();
  for (const l of t.lines) for (const k of Object.keys(of(l) ?? {})) keys.add(k);
  for (const k of Object.keys(totals?.income ?? {})) keys.add(k);
  const end = (k: string) => parsePeriod(k)?.last ?? Infinity;
  const first = (k: string) => parsePeriod(k)?.first ?? Infinity;
  return [...keys].sort((a, b) => end(a) - end(b) || first(a) - first(b) || (a < b ? -1 : 1));
}

/** The budget period an utfall or prognos is set against: the same key, or the year of a part of it. */
function budgetPeriodOf(t: BudgetTable, key: string): string | null {
  if (t.periods.includes(key)) return key;
  const year = periodYear(key);
  return parsePeriod(key) && year !== null && t.periods.includes(year) ? year : null;
}

/**
 * The amount columns in order: each budget period, then beside it its utfall (jan–jun before
 * the whole year) each followed by its avvikelse, then its prognos. Utfall or prognos of a year
 * without a budget column come last, without avvikelse. A table without utfall or prognos has
 * its budget columns only, as before.
 */
function figureColumns(t: BudgetTable): FigureColumn[] {
  const outcomes = keysOf(t, (l) => l.outcomes, t.outcomeTotals);
  const forecasts = keysOf(t, (l) => l.forecasts, t.forecastTotals);
  const columns: FigureColumn[] = [];
  const beside = (p: string | null) => {
    for (const o of outcomes.filter((k) => budgetPeriodOf(t, k) === p)) {
      const utfall = `Utfall ${periodLabel(o)}`;
      columns.push({ header: utfall, value: (l) => amountOf(l.outcomes, o) });
      if (p === null) continue;
      columns.push({
        header: `Avvikelse ${periodLabel(o)}`,
        // What Excel gives for U − B: a blank counts as 0.
        value: (l) => (amountOf(l.outcomes, o) ?? 0) - (amountOf(l.amounts, p) ?? 0),
        formula: (name) => `=${thisRowRef(name, utfall)}-${thisRowRef(name, p)}`,
      });
    }
    for (const f of forecasts.filter((k) => budgetPeriodOf(t, k) === p))
      columns.push({ header: `Prognos ${periodLabel(f)}`, value: (l) => amountOf(l.forecasts, f) });
  };
  for (const p of t.periods) {
    columns.push({ header: p, value: (l) => amountOf(l.amounts, p) });
    beside(p);
  }
  beside(null);
  return columns;
}

/**
 * What SUM gives over the lines of each section and of each group, per column: one pass over
 * the lines, each sum added up in line order as `total` adds it, not one pass per sum and column.
 */
function lineSums(
  t: BudgetTable,
  columns: readonly FigureColumn[],
): { of: (key: string, column: number) => number } {
  const sums = new Map<string, number[]>();
  const add = (key: string, l: BudgetLine) => {
    const row = sums.get(key) ?? columns.map(() => 0);
    sums.set(key, row);
    for (let i = 0; i < columns.length; i++) row[i]! += columns[i]!.value(l) ?? 0;
  };
  // Sections and groups never share a name ("income", "cost"; "insatser", "revision" …).
  for (const l of t.lines) {
    add(l.section, l);
    add(l.group, l);
  }
  return { of: (key, column) => sums.get(key)?.[column] ?? 0 };
}

function budgetOutputTable(t: BudgetTable, taken: Set<string>): OutputTable[] {
  const name = tableName(`Budget ${t.periods[0] ?? ""}`, taken);
  const figures = figureColumns(t);
  const rows: OutputCell[][] = t.lines.map((l) => [
    SECTION_SV[l.section],
    l.group,
    l.heading,
    l.label,
    sourceCell(t.sheet, l.cell),
    ...figures.map((f) => (f.formula ? computed(f.formula(name), f.value(l) ?? 0) : f.value(l))),
  ]);
  // Each formula carries the value the core computed, saved beside it by the file writer.
  const summary = (
    label: string,
    formula: (header: string) => string,
    result: (column: number) => number,
  ): OutputCell[] => [
    ...FIXED_BUDGET.map((_, i) => (i === RAD ? label : null)),
    ...figures.map((f, i) => computed(`=${formula(f.header)}`, result(i))),
  ];
  const sums = lineSums(t, figures);
  const income = (h: string) => sumifs(name, h, "Avsnitt", SECTION_SV.income);
  const cost = (h: string) => sumifs(name, h, "Avsnitt", SECTION_SV.cost);
  const incomeOf = (i: number) => sums.of("income", i);
  const costOf = (i: number) => sums.of("cost", i);
  const amountColumn = (header: string) => ({
    header,
    ...AMOUNT,
    // Wide enough for "Avvikelse jan–jun 2023" and its filter button; a year keeps 14.
    width: Math.max(AMOUNT.width, header.length + 3),
  });
  const main: OutputTable = {
    name,
    columns: [
      { header: "Avsnitt", width: 10 },
      { header: "Grupp", width: 24 },
      { header: "Rubrik", width: 24 },
      { header: "Rad", width: 48 },
      { header: "Källcell", width: 18 },
      ...figures.map((f) => amountColumn(f.header)),
    ],
    rows,
    summaryRows: [
      summary("Summa intäkter", income, incomeOf),
      summary("Summa kostnader", cost, costOf),
      summary(
        "Över-/underskott",
        (h) => `${income(h)}-${cost(h)}`,
        (i) => incomeOf(i) - costOf(i),
      ),
    ],
  };
  // The groups present, in the schema's order (income groups first), each a live sum over the lines.
  const present = new Set(t.lines.map((l) => l.group));
  const groups = BUDGET_GROUPS.filter((g) => present.has(g));
  const groupName = tableName(`${name}_grupper`, taken);
  const byGroup: OutputTable = {
    name: groupName,
    columns: [
      { header: "Avsnitt", width: 10 },
      { header: "Grupp", width: 24 },
      ...figures.map((f) => amountColumn(f.header)),
    ],
    rows: groups.map((g) => {
      const section = t.lines.find((l) => l.group === g)!.section;
      return [
        SECTION_SV[section],
        g,
        ...figures.map((f, i) => computed(`=${sumifs(name, f.header, "Grupp", g)}`, sums.of(g, i))),
      ];
    }),
    summaryRows: [],
  };
  return [main, byGroup];
}

function contributionsOutputTable(t: ContributionsTable, taken: Set<string>): OutputTable {
  const name = tableName(`Bidrag ${t.periods[0] ?? ""}`, taken);
  return {
    name,
    columns: [
      { header: "Medlem", width: 12 },
      { header: "Rad", width: 40 },
      { header: "Källcell", width: 18 },
      ...t.periods.map((p) => ({ header: p, ...AMOUNT })),
    ],
    rows: t.lines.map((l) => [
      l.member,
      l.label,
      sourceCell(t.sheet, l.cell),
      ...t.periods.map((p) => l.amounts[p] ?? null),
    ]),
    summaryRows: [
      [
        null,
        "Totalt",
        null,
        ...t.periods.map((p) =>
          computed(`=SUBTOTAL(109,${columnRef(name, p)})`, total(t.lines.map((l) => l.amounts[p]))),
        ),
      ],
    ],
  };
}

/**
 * The sheets a conversion adds for these tables: one per budget table, with the contributions
 * tables of its source sheet beside it on the first (or on a sheet of their own where the source
 * sheet has no budget), tables in the order they stand on the source sheet. Adds every sheet and
 * table name it uses to `taken`.
 */
export function budgetOutputSheets(
  tables: readonly (BudgetTable | ContributionsTable)[],
  taken: Set<string>,
): OutputSheet[] {
  // Group per output sheet: each budget opens one; contributions join the first of their source sheet.
  const groups: (BudgetTable | ContributionsTable)[][] = [];
  const firstOfSheet = new Map<string, (BudgetTable | ContributionsTable)[]>();
  const waiting = new Map<string, ContributionsTable[]>();
  for (const t of tables) {
    if (t.kind === "budget") {
      const group: (BudgetTable | ContributionsTable)[] = [...(waiting.get(t.sheet) ?? []), t];
      waiting.delete(t.sheet);
      groups.push(group);
      if (!firstOfSheet.has(t.sheet)) firstOfSheet.set(t.sheet, group);
    } else if (firstOfSheet.has(t.sheet)) firstOfSheet.get(t.sheet)!.push(t);
    else waiting.set(t.sheet, [...(waiting.get(t.sheet) ?? []), t]);
  }
  for (const rest of waiting.values()) groups.push(rest);

  return groups.map((group) => {
    const source = group[0]!.sheet;
    const budget = group.find((t): t is BudgetTable => t.kind === "budget");
    const lead = budget ?? group[0]!;
    const name = outputSheetName(`${budget ? "Budget" : "Bidrag"} ${lead.periods[0] ?? source}`, taken);
    const outputTables: OutputTable[] = [];
    for (const t of group) {
      if (t.kind === "budget") outputTables.push(...budgetOutputTable(t, taken));
      else outputTables.push(contributionsOutputTable(t, taken));
    }
    return {
      name,
      heading: [
        lead.title ?? source,
        `Källa: '${source}'!${group.map((t) => t.range).join(", ")}`,
        "Belopp i kr",
      ],
      tables: outputTables,
    };
  });
}
