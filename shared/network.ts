/**
 * The network's comparison as a sheet plan: one real Excel table with a row per association,
 * network totals under it as live formulas over the table's columns, and two native charts
 * over the table. Pure: the add-in renders it through office.js (charts too), the service
 * through exceljs (which cannot write charts), so both give the same cells.
 */
import { roundToOre as round } from "./amounts";
import { columnLetters, rangeToA1, toA1 } from "./grid";
import { shareableInsats } from "./insats";
import type {
  MergedBudget,
  MergedParticipants,
  MergedParticipantsAssociation,
  MergedView,
  NetworkCount,
} from "./merge";
import {
  type ComputedFormula,
  columnRef,
  computed,
  layoutSheet,
  type OutputCell,
  type OutputColumn,
  type OutputSheet,
  type OutputTable,
  uniqueSheetName,
  uniqueTableName,
} from "./output";
import {
  COMPARED,
  type FigureColumn,
  type FigureKind,
  figureOf,
  KEY_FIGURES,
  valueAt,
} from "./participants/catalogue";
import { periodLabel } from "./period";
import type { ReportKind } from "./report";
import { COST_GROUPS } from "./report";

/** What Swedish statistics prints for a count withheld as too small to publish. */
export const SUPPRESSED = "..";
/** The mark of an association that has no report for the year: never a blank row. */
export const NO_REPORT = "ingen rapport";
/** The mark of an utfall an association has not reported (its budget has none for the year): never 0. */
export const NOT_REPORTED = "–";

const AMOUNT = "#,##0";
const SHARE = "0.0%";
const COUNT = "0";
const DAYS = "0.0";

/** A native chart over the table: one series per value column, the categories from another column. */
export interface NetworkChart {
  /** Stable, so that a refresh finds the chart again (Excel's ChartCollection.getItem). */
  readonly name: string;
  readonly title: string;
  /** Excel.ChartType. */
  readonly type: "ColumnStacked" | "ColumnClustered";
  /** Header of the column holding the category labels (the associations). */
  readonly categories: string;
  /** Headers of adjacent columns, one series each, named by their header cell. */
  readonly values: readonly string[];
}

export interface NetworkSheet {
  readonly kind: ReportKind;
  readonly period: string;
  /** One sheet holding one table. */
  readonly sheet: OutputSheet;
  readonly charts: readonly NetworkChart[];
}

/** Where a chart's data and the chart itself sit on the sheet, in A1. */
export interface ChartPlacement {
  readonly chart: NetworkChart;
  /** The value columns, header row included (the series names), through the last body row. */
  readonly values: string;
  /** The category column's body rows. */
  readonly categories: string;
  /** Top-left and bottom-right cells the chart covers when it is first created. */
  readonly from: string;
  readonly to: string;
}

/** "Samsyn nätverk 2009", "Samsyn nätverk deltagare 2009". */
export function networkSheetName(kind: ReportKind, period: string): string {
  return uniqueSheetName(`Samsyn nätverk ${kind === "budget" ? "" : "deltagare "}${period}`, new Set());
}

const networkTableName = (kind: ReportKind, period: string): string =>
  uniqueTableName(`Samsyn_natverk_${kind === "budget" ? "" : "deltagare_"}${period}`, new Set());

/** The plan for a merged view: the sheet, its table with live totals, and its charts. */
export function networkSheet(view: MergedView): NetworkSheet {
  return view.kind === "budget" ? budgetSheet(view) : participantsSheet(view);
}

/** Where each chart of a plan takes its data from, and where it goes beside the table. */
export function chartPlacements(plan: NetworkSheet): ChartPlacement[] {
  const [placement] = layoutSheet(plan.sheet);
  if (!placement) return [];
  const { table } = placement;
  const index = (header: string): number => {
    const i = table.columns.findIndex((c) => c.header === header);
    if (i < 0) throw new Error(`chart column "${header}" is not in table ${table.name}`);
    return i;
  };
  const left = table.columns.length + 1;
  return plan.charts.map((chart, n) => {
    const first = index(chart.values[0] ?? "");
    chart.values.forEach((header, i) => {
      // One range feeds the series: the value columns must sit side by side.
      if (index(header) !== first + i) throw new Error(`chart ${chart.name}: "${header}" is not adjacent`);
    });
    const cat = index(chart.categories);
    const top = placement.headerRow - 1 + n * 20;
    return {
      chart,
      values: rangeToA1({
        start: { row: placement.headerRow - 1, col: first },
        end: { row: placement.lastBodyRow - 1, col: first + chart.values.length - 1 },
      }),
      categories: rangeToA1({
        start: { row: placement.firstBodyRow - 1, col: cat },
        end: { row: placement.lastBodyRow - 1, col: cat },
      }),
      from: toA1({ row: top, col: left }),
      to: toA1({ row: top + 18, col: left + 8 }),
    };
  });
}

// —— shared pieces ——

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const formula = computed;

/** 1-based sheet row of the table's first body row for a sheet with these heading lines. */
function firstBodyRow(heading: readonly string[], columns: readonly OutputColumn[]): number {
  const skeleton: OutputTable = { name: "T", columns, rows: [], summaryRows: [] };
  return layoutSheet({ name: "S", heading, tables: [skeleton] })[0]!.firstBodyRow;
}

const reportedText = (reporting: number, of: number) =>
  `${reporting} av ${of} förbund har rapporterat för året`;

// —— budget ——

const BUDGET = {
  name: "Förbund",
  cost: "Kostnader",
  income: "Intäkter",
  surplus: "Över-/underskott",
  share: "Andel av intäkter",
  report: "Rapport",
} as const;

/** The columns the comparison grows where some association reported utfall for the year. */
const OUTCOME = {
  income: "Utfall intäkter",
  cost: "Utfall kostnader",
  surplus: "Utfall över-/underskott",
  incomeDeviation: "Avvikelse intäkter",
  costDeviation: "Avvikelse kostnader",
  surplusDeviation: "Avvikelse över-/underskott",
} as const;

const outcomeText = (reporting: number, of: number) =>
  `${reporting} av ${of} förbund har rapporterat utfall för året`;

/** (utfall − budget) of a row: "–" where the utfall is not reported, blank where there is no budget. */
const deviationFormula = (outcome: string, budget: string, r: number) =>
  `=IF(ISNUMBER(${outcome}${r}),${outcome}${r}-${budget}${r},IF(ISNUMBER(${budget}${r}),"${NOT_REPORTED}",""))`;

function budgetSheet(view: MergedBudget): NetworkSheet {
  const name = networkTableName("budget", view.period);
  const outcome = view.network.outcome;
  const groups = COST_GROUPS.map((g) => ({ group: g, header: cap(g) }));
  const columns: OutputColumn[] = [
    { header: BUDGET.name, width: 36 },
    // The cost groups beside the names: one contiguous range feeds the stacked chart.
    ...groups.map(({ header }) => ({ header, numberFormat: AMOUNT, width: 14 })),
    { header: BUDGET.cost, numberFormat: AMOUNT, width: 14 },
    { header: BUDGET.income, numberFormat: AMOUNT, width: 14 },
    { header: BUDGET.surplus, numberFormat: AMOUNT, width: 16 },
    { header: BUDGET.share, numberFormat: SHARE, width: 12 },
    // Utfall beside the budget, only where some association reported it: a plan alone stays as it was.
    ...(outcome
      ? Object.values(OUTCOME).map((header) => ({
          header,
          numberFormat: AMOUNT,
          width: header.length > 20 ? 24 : 18,
        }))
      : []),
    { header: BUDGET.report, width: 30 },
  ];
  const heading = [
    `Samsyn – nätverkets sammanställning, budget ${view.period}`,
    `En rad per förbund, belopp i kronor. ${reportedText(view.network.reporting, view.associations.length)}.`,
    "Summorna under tabellen och över-/underskottet är formler: de räknas om när du ändrar i tabellen.",
    ...(outcome
      ? [
          `Utfall och avvikelse (utfall − budget): ${outcomeText(outcome.reporting, view.associations.length)}. "${NOT_REPORTED}" = utfall inte rapporterat. Summorna av utfall och avvikelse gäller bara de förbund som rapporterat utfall.`,
        ]
      : []),
  ];
  const col = (header: string) => columnLetters(columns.findIndex((c) => c.header === header));
  const [inc, cost, surplus] = [col(BUDGET.income), col(BUDGET.cost), col(BUDGET.surplus)];
  const top = firstBodyRow(heading, columns);

  /** Utfall (a value, or "–" not reported) and avvikelse (live formulas) of one association's row. */
  const outcomeCells = (a: MergedBudget["associations"][number], r: number): OutputCell[] => {
    const o = a.outcome;
    const reported = a.revision !== null;
    const value = (v: number | undefined): OutputCell =>
      v !== undefined ? v : reported ? NOT_REPORTED : null;
    const [uInc, uCost, uSurplus] = [col(OUTCOME.income), col(OUTCOME.cost), col(OUTCOME.surplus)];
    const deviation = (u: string, b: string, result: number | undefined) =>
      formula(deviationFormula(u, b, r), result ?? (reported ? NOT_REPORTED : ""));
    return [
      value(o?.income),
      value(o?.cost),
      formula(
        `=IF(ISNUMBER(${uInc}${r}),${uInc}${r}-${uCost}${r},IF(ISNUMBER(${inc}${r}),"${NOT_REPORTED}",""))`,
        o?.surplus ?? (reported ? NOT_REPORTED : ""),
      ),
      deviation(uInc, inc, o && a.income !== null ? round(o.income - a.income) : undefined),
      deviation(uCost, cost, o && a.cost !== null ? round(o.cost - a.cost) : undefined),
      deviation(uSurplus, surplus, o && a.surplus !== null ? round(o.surplus - a.surplus) : undefined),
    ];
  };

  const rows: OutputCell[][] = view.associations.map((a, i) => {
    const r = top + i;
    const reported = a.revision !== null;
    // The same formula on every row (a calculated column); a row without a report shows none.
    const surplusCell = formula(`=IF(ISNUMBER(${inc}${r}),${inc}${r}-${cost}${r},"")`, a.surplus ?? "");
    const shareCell = formula(`=IF(N(${inc}${r})=0,"",${surplus}${r}/${inc}${r})`, a.surplusShare ?? "");
    const period = a.periodKey !== null && a.periodKey !== a.reportPeriod ? ` (kolumn ${a.periodKey})` : "";
    return [
      a.name,
      ...groups.map(({ group }) => (reported ? (a.costByGroup[group] ?? 0) : null)),
      a.cost,
      a.income,
      surplusCell,
      shareCell,
      ...(outcome ? outcomeCells(a, r) : []),
      reported ? `version ${a.revision}, budget ${periodLabel(a.reportPeriod ?? "")}${period}` : NO_REPORT,
    ];
  });

  const total = (header: string, result: number): ComputedFormula =>
    formula(`=SUM(${columnRef(name, header)})`, result);
  const n = view.network;
  const incomeRef = columnRef(name, BUDGET.income);
  const surplusRef = columnRef(name, BUDGET.surplus);
  const summaryRows: OutputCell[][] = [
    [
      "Nätverket totalt",
      ...groups.map(({ group, header }) => total(header, n.costByGroup[group] ?? 0)),
      total(BUDGET.cost, n.cost),
      total(BUDGET.income, n.income),
      total(BUDGET.surplus, n.surplus),
      formula(`=IF(SUM(${incomeRef})=0,"",SUM(${surplusRef})/SUM(${incomeRef}))`, n.surplusShare ?? ""),
      ...(outcome
        ? [
            total(OUTCOME.income, outcome.income),
            total(OUTCOME.cost, outcome.cost),
            total(OUTCOME.surplus, outcome.surplus),
            total(OUTCOME.incomeDeviation, outcome.deviation.income),
            total(OUTCOME.costDeviation, outcome.deviation.cost),
            total(OUTCOME.surplusDeviation, outcome.deviation.surplus),
          ]
        : []),
      reportedText(n.reporting, view.associations.length),
    ],
    // How many associations the utfall sums cover: counted live, as the sums are.
    ...(outcome
      ? [
          [
            "Förbund med utfall",
            ...columns.slice(1, -7).map(() => null),
            ...Object.values(OUTCOME).map((header) =>
              formula(`=COUNT(${columnRef(name, header)})`, outcome.reporting),
            ),
            outcomeText(outcome.reporting, view.associations.length),
          ],
        ]
      : []),
  ];

  return {
    kind: "budget",
    period: view.period,
    sheet: {
      name: networkSheetName("budget", view.period),
      heading,
      tables: [{ name, columns, rows, summaryRows }],
    },
    charts: [
      {
        name: "Samsyn_kostnader",
        title: `Kostnader per grupp och förbund ${view.period}`,
        type: "ColumnStacked",
        categories: BUDGET.name,
        values: groups.map((g) => g.header),
      },
      {
        name: "Samsyn_overskott",
        title: `Över-/underskott per förbund ${view.period}`,
        type: "ColumnClustered",
        categories: BUDGET.name,
        values: [BUDGET.surplus],
      },
    ],
  };
}

// —— participants ——

const PARTICIPANTS = {
  name: "Förbund",
  insats: "Insats",
  report: "Rapport",
} as const;

/** The figures side by side, as the catalogue orders and names them: a column each. */
const header = (c: FigureColumn) => c.label.sv;
const FORMAT: Readonly<Record<FigureKind, string>> = { count: COUNT, share: SHARE, days: DAYS };
const WIDTH: Readonly<Record<FigureKind, number>> = { count: 12, share: 14, days: 14 };
const columnOf = (path: string) => COMPARED.find((c) => c.path === path)!;

/** A ratio or mean an association withheld is "..", one it could not compute (no one closed) blank. */
function withheld(a: MergedParticipantsAssociation, path: string, value: number | null): OutputCell {
  if (value !== null) return value;
  return a.suppressed.includes(path) ? SUPPRESSED : null;
}

/**
 * The counts as columns: an association's figure (a suppressed one is ".."), and the network
 * total the merge computed for it (a lower bound where some figure is suppressed).
 */
function participantsSheet(view: MergedParticipants): NetworkSheet {
  const name = networkTableName("participants", view.period);
  const columns: OutputColumn[] = [
    { header: PARTICIPANTS.name, width: 36 },
    ...COMPARED.map((c) => ({ header: header(c), numberFormat: FORMAT[c.kind], width: WIDTH[c.kind] })),
    { header: PARTICIPANTS.insats, width: 24 },
    { header: PARTICIPANTS.report, width: 28 },
  ];
  const heading = [
    `Samsyn – nätverkets sammanställning, deltagare ${view.period}${view.insats ? `, insats ${shareableInsats(view.insats) ?? ""}` : ""}`,
    `En rad per förbund. ${reportedText(view.network.reporting, view.associations.length)}. "${SUPPRESSED}" = för litet antal för att visas.${view.associations.some((a) => a.parts) ? ` Ett förbund med flera insatser visar summan av dem; en deltagare i två insatser räknas i båda, och ett antal som är dolt i någon insats visas som "${SUPPRESSED}".` : ""}`,
    `Summorna under tabellen är formler över tabellens kolumner. Där ett förbunds antal är dolt ("${SUPPRESSED}") är summan de kända antalens summa: minst så många, aldrig exakt.`,
  ];

  const rows: OutputCell[][] = view.associations.map((a) => {
    const kf = a.keyFigures;
    return [
      a.name,
      ...COMPARED.map((c): OutputCell => {
        if (!kf) return null;
        const v = valueAt<number | null>(kf, c);
        return c.kind === "count" ? (v === null ? SUPPRESSED : v) : withheld(a, c.path, v);
      }),
      // A report stored before the service refused identities in free text shows none either.
      a.parts ? `${a.parts.length} insatser` : shareableInsats(a.insats),
      // The report's own period: a half-year answering for the year reads "jan–jun 2041", never "2041".
      kf ? `version ${a.revision}, period ${periodLabel(a.reportPeriod ?? "")}` : NO_REPORT,
    ];
  });

  // The totals are the merge's (one computation, in merge.ts); the formulas recompute the same
  // from the table when someone edits it, and the merge's figures are their cached results.
  const n = view.network.keyFigures;
  const ref = (c: FigureColumn) => columnRef(name, header(c));
  const hiddenIn = (c: FigureColumn) => `COUNTIF(${ref(c)},"${SUPPRESSED}")`;
  const total = (c: FigureColumn) => valueAt<NetworkCount>(n, c);

  // A ratio over a lower bound is withheld (".."); with nobody closed there is nothing to divide.
  // A mean weighted by counts that may be hidden is not a total: the merge's value, withheld as it withholds.
  const ratioCell = (c: FigureColumn): OutputCell => {
    const figure = figureOf(c.field);
    const value = valueAt<number | null>(n, c);
    if (figure.kind === "share") {
      const of = columnOf(figure.of);
      const over = columnOf(figure.over);
      const hidden = total(over).lowerBound || total(of).lowerBound;
      return formula(
        `=IF(${hiddenIn(over)}+${hiddenIn(of)}>0,"${SUPPRESSED}",IF(SUM(${ref(over)})=0,"",SUM(${ref(of)})/SUM(${ref(over)})))`,
        value ?? (hidden ? SUPPRESSED : ""),
      );
    }
    if (figure.kind === "days") {
      const over = total(columnOf(figure.over));
      return value ?? (over.value > 0 || over.lowerBound ? SUPPRESSED : null);
    }
    return null;
  };

  // Three rows per count column: the sum of what is known, whether that is the exact total or
  // only a lower bound, and how many associations' figures are hidden. All live.
  const byColumn = (
    each: (c: FigureColumn) => OutputCell,
    ratio: (c: FigureColumn) => OutputCell,
  ): OutputCell[] => COMPARED.map((c) => (c.kind === "count" ? each(c) : ratio(c)));

  // What the formula sums: the figures the table shows. Where an association adds up insatser and
  // one is hidden its cell is "..", so its known part is not in the sheet's sum (the merge's is larger).
  const shownSum = (c: FigureColumn): number => {
    const i = 1 + COMPARED.indexOf(c);
    return rows.reduce((sum, r) => sum + (typeof r[i] === "number" ? (r[i] as number) : 0), 0);
  };
  const summaryRows: OutputCell[][] = [
    [
      "Nätverket totalt (kända antal)",
      ...byColumn((c) => formula(`=SUM(${ref(c)})`, shownSum(c)), ratioCell),
      null,
      reportedText(view.network.reporting, view.associations.length),
    ],
    [
      "Summan är",
      ...byColumn(
        (c) => formula(`=IF(${hiddenIn(c)}>0,"minst","exakt")`, total(c).lowerBound ? "minst" : "exakt"),
        () => null,
      ),
    ],
    [
      `Förbund med dolt antal ("${SUPPRESSED}")`,
      ...byColumn(
        (c) => formula(`=${hiddenIn(c)}`, total(c).suppressedIn),
        () => null,
      ),
    ],
  ];

  return {
    kind: "participants",
    period: view.period,
    sheet: {
      name: networkSheetName("participants", view.period),
      heading,
      tables: [{ name, columns, rows, summaryRows }],
    },
    charts: [
      {
        name: "Samsyn_deltagare",
        title: `${KEY_FIGURES.participants.label.sv} per förbund ${view.period}`,
        type: "ColumnClustered",
        categories: PARTICIPANTS.name,
        values: [header(columnOf("participants"))],
      },
      {
        name: "Samsyn_arbete_studier",
        title: `${KEY_FIGURES.shareClosedToWorkOrStudies.label.sv} ${view.period}`,
        type: "ColumnClustered",
        categories: PARTICIPANTS.name,
        values: [header(columnOf("shareClosedToWorkOrStudies"))],
      },
    ],
  };
}

// —— budget and utfall by cost group ——

const POSTS = {
  name: "Förbund",
  post: "Post",
  budget: "Budget",
  outcome: "Utfall",
  deviation: "Avvikelse",
} as const;

/**
 * Budget against utfall per association and post (income, each cost group, all costs, surplus),
 * avvikelse a live formula; under it the network per post over the associations that reported
 * utfall — their budget, their utfall, their avvikelse — never over one that did not. Null when
 * no association reported utfall for the year.
 */
export function budgetOutcomeSheet(view: MergedBudget): OutputSheet | null {
  const outcome = view.network.outcome;
  if (!outcome) return null;
  const name = uniqueTableName(`Samsyn_budget_utfall_${view.period}`, new Set());
  const columns: OutputColumn[] = [
    { header: POSTS.name, width: 40 },
    { header: POSTS.post, width: 26 },
    { header: POSTS.budget, numberFormat: AMOUNT, width: 14 },
    { header: POSTS.outcome, numberFormat: AMOUNT, width: 14 },
    { header: POSTS.deviation, numberFormat: AMOUNT, width: 14 },
  ];
  const of = view.associations.length;
  const heading = [
    `Samsyn – budget och utfall ${view.period}`,
    `Belopp i kronor. Avvikelse = utfall − budget. ${outcomeText(outcome.reporting, of)}; "${NOT_REPORTED}" = utfall inte rapporterat.`,
    "Nätverkets rader under tabellen gäller bara de förbund som rapporterat utfall: deras budget, deras utfall.",
  ];
  type Post = { label: string; budget: (a: Sums) => number | null; outcome: (a: Sums) => number | null };
  interface Sums {
    income: number | null;
    cost: number | null;
    surplus: number | null;
    costByGroup: Record<string, number>;
  }
  const posts: Post[] = [
    { label: "Intäkter", budget: (x) => x.income, outcome: (x) => x.income },
    ...COST_GROUPS.map(
      (g): Post => ({
        label: cap(g),
        budget: (x) => x.costByGroup[g] ?? 0,
        outcome: (x) => x.costByGroup[g] ?? 0,
      }),
    ),
    { label: "Kostnader totalt", budget: (x) => x.cost, outcome: (x) => x.cost },
    { label: "Över-/underskott", budget: (x) => x.surplus, outcome: (x) => x.surplus },
  ];
  const top = firstBodyRow(heading, columns);
  const rows: OutputCell[][] = [];
  const reporting = view.associations.filter((a) => a.revision !== null);
  for (const a of reporting)
    for (const post of posts) {
      const r = top + rows.length;
      const b = post.budget(a);
      const u = a.outcome ? post.outcome(a.outcome) : null;
      rows.push([
        a.name,
        post.label,
        b,
        u ?? NOT_REPORTED,
        formula(deviationFormula("D", "C", r), u !== null && b !== null ? round(u - b) : NOT_REPORTED),
      ]);
    }
  // The network's budget beside its utfall: of the same associations, or the avvikelse lies.
  const withOutcome = reporting.filter((a) => a.outcome);
  const ref = (header: string) => columnRef(name, header);
  const sumIfs = (header: string, post: string, result: number) =>
    formula(
      `=SUMIFS(${ref(header)},${ref(POSTS.post)},"${post}",${ref(POSTS.outcome)},"<>${NOT_REPORTED}")`,
      result,
    );
  const summaryRows: OutputCell[][] = posts.map((post) => {
    const b = round(withOutcome.reduce((s, a) => s + (post.budget(a) ?? 0), 0));
    const u = round(withOutcome.reduce((s, a) => s + (a.outcome ? (post.outcome(a.outcome) ?? 0) : 0), 0));
    return [
      `Nätverket (${outcome.reporting} av ${of} förbund med utfall)`,
      post.label,
      sumIfs(POSTS.budget, post.label, b),
      sumIfs(POSTS.outcome, post.label, u),
      sumIfs(POSTS.deviation, post.label, round(u - b)),
    ];
  });
  return {
    name: uniqueSheetName(`Budget och utfall ${view.period}`, new Set()),
    heading,
    tables: [{ name, columns, rows, summaryRows }],
  };
}
