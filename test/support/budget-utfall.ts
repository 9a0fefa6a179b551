/**
 * A budget table with utfall as the reader gives it for a Sydost-shaped sheet ("Budget och
 * utfall": 2023 merged over Budget / Utfall / Avvikelse, then Budget 2024), made by hand so the
 * output can be tested before the reader fills `outcomes`. The full-year figures are the
 * fixture's (../shared/fixtures/sydost-budget-utfall-2023.xlsx); the jan–jun utfall is made up
 * for the board's half-year report.
 */
import type { BudgetGroup, BudgetLine, BudgetTable, BudgetTotals, PeriodAmounts } from "../../shared/report";

type Row = readonly [
  label: string,
  group: BudgetGroup,
  budget2023: number,
  utfall2023: number,
  h1: number,
  budget2024: number,
];

const INCOME: readonly Row[] = [
  ["Försäkringskassan", "medlemsbidrag", 4_000_000, 4_000_000, 2_000_000, 4_080_000],
  ["Region Kalmar län", "medlemsbidrag", 2_000_000, 2_000_000, 1_000_000, 2_040_000],
  ["Kalmar kommun", "medlemsbidrag", 900_000, 900_000, 450_000, 918_000],
  ["Nybro kommun", "medlemsbidrag", 550_000, 550_000, 275_000, 561_000],
  ["Torsås kommun", "medlemsbidrag", 550_000, 550_000, 275_000, 561_000],
  ["Ränteintäkter", "övriga intäkter", 0, 12_345, 5_120, 0],
];
const ADMINISTRATION: readonly Row[] = [
  ["Förbundschef och kansli", "kansli och administration", 1_150_000, 1_098_400, 560_300, 1_184_500],
  ["Styrelse", "styrelse", 180_000, 152_300, 71_200, 185_400],
  ["Revision", "revision", 90_000, 88_750, 30_000, 92_700],
  ["Ekonomitjänster", "ekonomiadministration", 120_000, 118_200, 58_900, 123_600],
];
const INSATSER: readonly Row[] = [
  ["Jobbcoacher", "insatser", 2_600_000, 2_540_100, 1_240_500, 2_626_000],
  ["IPS – individanpassat stöd till arbete", "insatser", 1_800_000, 1_912_400, 905_700, 1_818_000],
  ["Unga till arbete", "insatser", 1_500_000, 1_320_000, 612_000, 1_515_000],
  ["Kompetensutveckling i samverkan", "insatser", 400_000, 298_000, 96_400, 404_000],
];

function totalsOf(
  lines: readonly BudgetLine[],
  of: (l: BudgetLine) => PeriodAmounts | undefined,
): BudgetTotals {
  const sum = (section: BudgetLine["section"]) => {
    const out: Record<string, number> = {};
    for (const l of lines.filter((x) => x.section === section))
      for (const [k, v] of Object.entries(of(l) ?? {})) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const income = sum("income");
  const cost = sum("cost");
  const surplus = Object.fromEntries(Object.keys(income).map((k) => [k, income[k]! - (cost[k] ?? 0)]));
  return { income, cost, surplus };
}

/** The Sydost budget with utfall 2023, and with utfall jan–jun 2023 too when `halfYear`. */
export function sydostBudget({ halfYear = false, fullYear = true } = {}): BudgetTable {
  const line = (row: Row, r: number, section: BudgetLine["section"], heading: string | null): BudgetLine => {
    const [label, group, b23, u23, h1, b24] = row;
    const outcomes: Record<string, number> = {};
    if (halfYear) outcomes["2023-H1"] = h1;
    if (fullYear) outcomes["2023"] = u23;
    return { section, group, label, cell: `A${r}`, heading, amounts: { "2023": b23, "2024": b24 }, outcomes };
  };
  const lines = [
    ...INCOME.map((row, i) => line(row, 7 + i, "income", "Intäkter")),
    ...ADMINISTRATION.map((row, i) => line(row, 17 + i, "cost", "Förbundets administration")),
    ...INSATSER.map((row, i) => line(row, 22 + i, "cost", "Insatser")),
  ];
  return {
    kind: "budget",
    sheet: "Budget och utfall",
    title: "Samordningsförbundet Sydost – budget och utfall 2023, budget 2024",
    range: "A4:E31",
    unit: "kr",
    periods: ["2023", "2024"],
    periodLabels: ["Budget 2023", "Budget 2024"],
    lines,
    totals: totalsOf(lines, (l) => l.amounts),
    outcomeTotals: totalsOf(lines, (l) => l.outcomes),
    equity: {
      "2023": {
        opening: 2_310_000,
        result: 484_195,
        closing: 2_794_195,
        openingCell: "C29",
        resultCell: "C30",
        closingCell: "C31",
      },
    },
    columns: { budget: { "2023": "B", "2024": "E" }, outcome: { "2023": "C" }, forecast: {} },
  };
}
