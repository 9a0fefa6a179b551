/**
 * The conversion plan for budget tables: per source sheet one added sheet holding a real Excel
 * table of the lines (amounts in kr), live formula rows for income, cost and över-/underskott
 * under it, a table of the groups Uppföljning Finsam asks for, and the contributions table.
 */
import {
  columnRef,
  computed,
  type OutputCell,
  type OutputSheet,
  type OutputTable,
  outputSheetName,
  uniqueTableName,
} from "../output";
import type { BudgetTable, ContributionsTable } from "../report";
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

function sumifs(table: string, period: string, column: string, value: string): string {
  return `SUMIFS(${columnRef(table, period)},${columnRef(table, column)},"${value.replace(/"/g, '""')}")`;
}

/**
 * What SUM gives over the lines of each section and of each group, per period: one pass over the
 * lines, each sum added up in line order as `total` adds it, not one pass per sum and period.
 */
function lineSums(t: BudgetTable): { of: (key: string, period: string) => number } {
  const sums = new Map<string, number[]>();
  const add = (key: string, amounts: BudgetTable["lines"][number]["amounts"]) => {
    const row = sums.get(key) ?? t.periods.map(() => 0);
    sums.set(key, row);
    for (let i = 0; i < t.periods.length; i++) {
      const v = amounts[t.periods[i]!];
      row[i]! += typeof v === "number" ? v : 0;
    }
  };
  // Sections and groups never share a name ("income", "cost"; "insatser", "revision" …).
  for (const l of t.lines) {
    add(l.section, l.amounts);
    add(l.group, l.amounts);
  }
  return { of: (key, period) => sums.get(key)?.[t.periods.indexOf(period)] ?? 0 };
}

function budgetOutputTable(t: BudgetTable, taken: Set<string>): OutputTable[] {
  const name = tableName(`Budget ${t.periods[0] ?? ""}`, taken);
  const rows: OutputCell[][] = t.lines.map((l) => [
    SECTION_SV[l.section],
    l.group,
    l.heading,
    l.label,
    sourceCell(t.sheet, l.cell),
    ...t.periods.map((p) => l.amounts[p] ?? null),
  ]);
  // Each formula carries the value the core computed, saved beside it by the file writer.
  const summary = (
    label: string,
    formula: (p: string) => string,
    result: (p: string) => number,
  ): OutputCell[] => [
    ...FIXED_BUDGET.map((_, i) => (i === RAD ? label : null)),
    ...t.periods.map((p) => computed(`=${formula(p)}`, result(p))),
  ];
  const sums = lineSums(t);
  const income = (p: string) => sumifs(name, p, "Avsnitt", SECTION_SV.income);
  const cost = (p: string) => sumifs(name, p, "Avsnitt", SECTION_SV.cost);
  const incomeOf = (p: string) => sums.of("income", p);
  const costOf = (p: string) => sums.of("cost", p);
  const main: OutputTable = {
    name,
    columns: [
      { header: "Avsnitt", width: 10 },
      { header: "Grupp", width: 24 },
      { header: "Rubrik", width: 24 },
      { header: "Rad", width: 48 },
      { header: "Källcell", width: 18 },
      ...t.periods.map((p) => ({ header: p, ...AMOUNT })),
    ],
    rows,
    summaryRows: [
      summary("Summa intäkter", income, incomeOf),
      summary("Summa kostnader", cost, costOf),
      summary(
        "Över-/underskott",
        (p) => `${income(p)}-${cost(p)}`,
        (p) => incomeOf(p) - costOf(p),
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
      ...t.periods.map((p) => ({ header: p, ...AMOUNT })),
    ],
    rows: groups.map((g) => {
      const section = t.lines.find((l) => l.group === g)!.section;
      return [
        SECTION_SV[section],
        g,
        ...t.periods.map((p) => computed(`=${sumifs(name, p, "Grupp", g)}`, sums.of(g, p))),
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
