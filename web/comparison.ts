/**
 * The comparison as the page shows it: the merged view read into columns and rows (one per
 * association, the network's total apart), sorting, and the series the charts draw. Pure: the
 * table, the charts and the tests read the same rows.
 */
import type { MergedBudget, MergedParticipants, MergedView, NetworkCount } from "../shared/merge";
import { COMPARED, type FigureColumn, valueAt } from "../shared/participants/catalogue";
import { periodLabel } from "../shared/period";
import { COST_GROUPS } from "../shared/report";
import type { PageStrings } from "./strings";

export type ComparisonView = MergedView;

/** What one cell holds; the table formats it by language. */
export type Cell =
  | { readonly type: "amount"; readonly value: number | null }
  | { readonly type: "share"; readonly value: number | null }
  | { readonly type: "days"; readonly value: number | null }
  /** An association's count; null where it reported but hid a small count. */
  | { readonly type: "count"; readonly value: number | null }
  /** A sum of known figures; `parts`: an association's insatser added up (hidden in parts, not associations). */
  | { readonly type: "total"; readonly value: NetworkCount; readonly parts?: boolean }
  /** An utfall the association has not reported (its budget has none for the year): "–", never 0. */
  | { readonly type: "notReported" }
  /** A network sum over the associations that reported utfall only: `reporting` of `of`. */
  | { readonly type: "partial"; readonly value: number; readonly reporting: number; readonly of: number };

export interface Column {
  readonly key: string;
  readonly label: string;
}

export interface Row {
  readonly id: string;
  readonly name: string;
  /** False when the association has no report covering the year. */
  readonly reported: boolean;
  /**
   * The period of the participants report that answers for the year, as people read it
   * ("jan–jun 2041"), when it is not the year itself: a part of the year is never shown as the year.
   */
  readonly period?: string;
  /** Under the name: what the row adds up ("2 insatser"), where it adds up an association's insatser. */
  readonly note?: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface Comparison {
  readonly kind: "budget" | "participants";
  /** The table's caption, when it is not "Jämförelse <kind> <year>"; and its data-comparison mark. */
  readonly caption?: string;
  readonly mark?: string;
  readonly year: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  readonly network: Row;
  readonly reporting: number;
}

const amount = (value: number | null): Cell => ({ type: "amount", value });
const share = (value: number | null): Cell => ({ type: "share", value });

function budgetComparison(view: MergedBudget, s: PageStrings): Comparison {
  const c = s.comparison;
  const columns: Column[] = [
    { key: "income", label: c.income },
    ...COST_GROUPS.map((g) => ({ key: `cost:${g}`, label: s.groups[g] })),
    { key: "cost", label: c.cost },
    { key: "surplus", label: c.surplus },
    { key: "surplusShare", label: c.surplusShare },
  ];
  const rows = view.associations.map((a) => ({
    id: a.id,
    name: a.name,
    reported: a.revision !== null,
    cells: {
      income: amount(a.income),
      ...Object.fromEntries(
        COST_GROUPS.map((g) => [`cost:${g}`, amount(a.revision === null ? null : (a.costByGroup[g] ?? 0))]),
      ),
      cost: amount(a.cost),
      surplus: amount(a.surplus),
      surplusShare: share(a.surplusShare),
    },
  }));
  const n = view.network;
  return {
    kind: "budget",
    year: view.period,
    columns,
    rows,
    reporting: n.reporting,
    network: {
      id: "network",
      name: c.network,
      reported: true,
      cells: {
        income: amount(n.income),
        ...Object.fromEntries(COST_GROUPS.map((g) => [`cost:${g}`, amount(n.costByGroup[g] ?? 0)])),
        cost: amount(n.cost),
        surplus: amount(n.surplus),
        surplusShare: share(n.surplusShare),
      },
    },
  };
}

/**
 * Budget against utfall, where some association reported utfall for the year: per association
 * income, costs and surplus as budget, utfall and avvikelse, then the avvikelse of each cost
 * group. An association without utfall shows its budget and "–"; the network's row sums the
 * associations that reported utfall only — their budget too, so that utfall − budget holds.
 * Null when no association reported utfall.
 */
export function outcomeComparisonOf(view: ComparisonView, s: PageStrings): Comparison | null {
  if (view.kind !== "budget" || !view.network.outcome) return null;
  const c = s.comparison;
  const o = view.network.outcome;
  const of = view.associations.length;
  const posts = [
    { key: "income", label: c.income },
    { key: "cost", label: c.cost },
    { key: "surplus", label: c.surplus.replace("\u00ad", "") },
  ] as const;
  const columns: Column[] = [
    ...posts.flatMap(({ key, label }) => [
      { key: `${key}:budget`, label: c.budgetOf(label) },
      { key: `${key}:outcome`, label: c.outcomeOf(label) },
      { key: `${key}:deviation`, label: c.deviationOf(label) },
    ]),
    ...COST_GROUPS.map((g) => ({ key: `deviation:${g}`, label: c.deviationOf(s.groups[g]) })),
  ];
  const missing: Cell = { type: "notReported" };
  const rows: Row[] = view.associations.map((a) => {
    const u = a.outcome;
    const cells: Record<string, Cell> = {};
    for (const { key } of posts) {
      const budget = a[key];
      cells[`${key}:budget`] = amount(budget);
      cells[`${key}:outcome`] = u ? amount(u[key]) : missing;
      cells[`${key}:deviation`] = u && budget !== null ? amount(u[key] - budget) : missing;
    }
    for (const g of COST_GROUPS)
      cells[`deviation:${g}`] = u ? amount((u.costByGroup[g] ?? 0) - (a.costByGroup[g] ?? 0)) : missing;
    return { id: a.id, name: a.name, reported: a.revision !== null, cells };
  });
  const partial = (value: number): Cell => ({ type: "partial", value, reporting: o.reporting, of });
  const network: Record<string, Cell> = {};
  for (const { key } of posts) {
    network[`${key}:budget`] = partial(o[key] - o.deviation[key]);
    network[`${key}:outcome`] = partial(o[key]);
    network[`${key}:deviation`] = partial(o.deviation[key]);
  }
  for (const g of COST_GROUPS) network[`deviation:${g}`] = partial(o.deviation.costByGroup[g] ?? 0);
  return {
    kind: "budget",
    caption: c.outcomeTableName(view.period),
    mark: "outcome",
    year: view.period,
    columns,
    rows,
    reporting: o.reporting,
    network: {
      id: "network",
      name: c.network,
      period: c.outcomeFrom(o.reporting, of),
      reported: true,
      cells: network,
    },
  };
}

/** A figure's cell, as its kind shows it: a count (null where hidden), a share, a mean in days. */
function figureCell(column: FigureColumn, value: number | null): Cell {
  if (column.kind === "share") return share(value);
  return column.kind === "days" ? { type: "days", value } : { type: "count", value };
}

/** The catalogue's figures compared side by side, a column each, under their one name. */
function participantsComparison(view: MergedParticipants, s: PageStrings): Comparison {
  const c = s.comparison;
  const columns: Column[] = COMPARED.map((column) => ({ key: column.path, label: column.label[s.lang] }));
  const rows = view.associations.map((a) => {
    const k = a.keyFigures;
    const totals = a.totals;
    return {
      id: a.id,
      name: a.name,
      reported: a.revision !== null && k !== null,
      ...(a.reportPeriod !== null && a.reportPeriod !== view.period
        ? { period: periodLabel(a.reportPeriod, s.lang) }
        : {}),
      ...(a.parts ? { note: c.insatserAdded(a.parts.length) } : {}),
      cells: Object.fromEntries(
        COMPARED.map((column): [string, Cell] => [
          column.path,
          // An association's insatser added up: the sum of the known parts, a lower bound where one is hidden.
          totals && column.kind === "count"
            ? { type: "total", value: valueAt<NetworkCount>(totals, column), parts: true }
            : figureCell(column, k ? valueAt<number | null>(k, column) : null),
        ]),
      ),
    };
  });
  const n = view.network.keyFigures;
  return {
    kind: "participants",
    year: view.period,
    columns,
    rows,
    reporting: view.network.reporting,
    network: {
      id: "network",
      name: c.network,
      reported: true,
      cells: Object.fromEntries(
        COMPARED.map((column): [string, Cell] => [
          column.path,
          column.kind === "count"
            ? { type: "total", value: valueAt<NetworkCount>(n, column) }
            : figureCell(column, valueAt<number | null>(n, column)),
        ]),
      ),
    },
  };
}

export function comparisonOf(view: ComparisonView, strings: PageStrings): Comparison {
  return view.kind === "budget" ? budgetComparison(view, strings) : participantsComparison(view, strings);
}

export type SortDirection = "ascending" | "descending";
export interface Sort {
  /** "name" or a column's key. */
  readonly key: string;
  readonly direction: SortDirection;
}

const numberOf = (cell: Cell | undefined): number | null =>
  cell === undefined || cell.type === "notReported"
    ? null
    : cell.type === "total"
      ? cell.value.value
      : cell.value;

/**
 * The rows in the chosen order: by name (Swedish collation) or by a column's figure; rows
 * without a figure (not reported, hidden) go last whichever the direction, in name order.
 */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, "sv");
  return [...rows].sort((a, b) => {
    if (sort.key === "name") return sign * byName(a, b) || a.id.localeCompare(b.id);
    const x = a.reported ? numberOf(a.cells[sort.key]) : null;
    const y = b.reported ? numberOf(b.cells[sort.key]) : null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Names as an axis shows them: without the common "Samordningsförbundet", and never two alike. */
export function shortNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const short = name.replace(/^samordningsförbundet\s+/i, "").trim() || name;
    const n = (seen.get(short) ?? 0) + 1;
    seen.set(short, n);
    return n === 1 ? short : `${short} (${n})`;
  });
}

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export interface Stack {
  readonly label: string;
  readonly parts: readonly { readonly group: (typeof COST_GROUPS)[number]; readonly value: number }[];
}

/** What the charts draw: one bar (or stack) per association that has the figure. */
export interface ChartSeries {
  readonly costs: readonly Stack[];
  readonly surplus: readonly Bar[];
  readonly share: readonly Bar[];
  readonly participants: readonly Bar[];
}

export function chartSeries(comparison: Comparison): ChartSeries {
  const labels = shortNames(comparison.rows.map((r) => r.name));
  const reported = comparison.rows
    .map((row, i) => ({ row, label: labels[i]! }))
    .filter((r) => r.row.reported);
  const bars = (key: string, scale = 1): Bar[] =>
    reported.flatMap(({ row, label }) => {
      const value = numberOf(row.cells[key]);
      return value === null ? [] : [{ label, value: value * scale }];
    });
  if (comparison.kind === "budget")
    return {
      costs: reported.map(({ row, label }) => ({
        label,
        parts: COST_GROUPS.map((group) => ({ group, value: numberOf(row.cells[`cost:${group}`]) ?? 0 })),
      })),
      surplus: bars("surplus"),
      share: [],
      participants: [],
    };
  return {
    costs: [],
    surplus: [],
    share: bars("shareClosedToWorkOrStudies", 100),
    participants: bars("participants"),
  };
}
