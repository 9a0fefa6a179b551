/**
 * Messy budget layouts as associations write them, each with its truth known: every line's
 * section and cost group, income, cost and surplus in kr, and the [cell, code] list a reader
 * must report. One generator per layout class of issue 9; the fidelity benchmark and the
 * property tests share them, and `judge` says whether a reading got a sheet right.
 */
import fc from "fast-check";
import { formatNumber } from "../../shared/amounts";
import { type CellValue, type Grid, gridFromRows, toA1 } from "../../shared/grid";
import type { Issue } from "../../shared/issues";
import type { BudgetGroup, BudgetTable, PeriodAmounts, Section } from "../../shared/report";

export const LAYOUT_CLASSES = [
  /** A heading naming a cost area ("Insatser", "Verksamhet" …) right after the income lines, no "Kostnader". */
  "cost-heading",
  /** Income under "Finansiering"/"Medel"/"Tilldelade medel", cost lines straight after, no "Summa intäkter". */
  "finansiering",
  /** One "Summa"/"Totalt" row that closes only the costs. */
  "single-summa",
  /** Years typed as text in the header ("2023", "Budget 2020", "Plan 2021", "Prognos 2024") beside "Budgetpost". */
  "text-year-header",
  /** A result row: "+ 1 750" as text, "Årets resultat", "Resultat", "Över-/underskott +/-". */
  "result-row",
  /** Cost lines named by their insats or target group only ("Unga vuxna", "IPS"), and the other groups' words. */
  "insats-names",
  /** Costs and their totals written with a minus sign, as a resultaträkning writes them. */
  "negative-costs",
  /** Explicit INTÄKTER/KOSTNADER sections, sub-totals, totals: the clean shape. */
  "clean",
] as const;
export type LayoutClass = (typeof LAYOUT_CLASSES)[number];

type Cell = CellValue | { value: CellValue; formula?: string };

export interface TruthLine {
  readonly label: string;
  readonly cell: string;
  readonly section: Section;
  readonly group: BudgetGroup;
}

export interface LayoutTruth {
  readonly periods: readonly string[];
  readonly lines: readonly TruthLine[];
  readonly income: PeriodAmounts;
  readonly cost: PeriodAmounts;
  readonly surplus: PeriodAmounts;
  /** [cell, code], sorted. */
  readonly issues: readonly (readonly [string, string])[];
  /** The stated figure made wrong, when one was. */
  readonly corrupted: string | null;
}

export interface LayoutSheet {
  readonly layout: LayoutClass;
  readonly grid: Grid;
  readonly truth: LayoutTruth;
}

interface Item {
  readonly label: string;
  readonly group: BudgetGroup;
  /** Issue code the line's words raise on its label cell (a combined group). */
  readonly note?: string;
}

/** Income lines whose words say income. */
const INCOME_ITEMS: readonly Item[] = [
  { label: "Finansiell ram", group: "finansiell ram" },
  { label: "Medlemsbidrag Försäkringskassan", group: "medlemsbidrag" },
  { label: "Försäkringskassan", group: "medlemsbidrag" },
  { label: "Region Västra Götaland", group: "medlemsbidrag" },
  { label: "Kommunerna", group: "medlemsbidrag" },
  { label: "Bidrag från kommunerna", group: "medlemsbidrag" },
  { label: "Eget kapital", group: "eget kapital" },
  { label: "Överskott från föregående år", group: "eget kapital" },
  { label: "Ränteintäkter", group: "övriga intäkter" },
];

/** Cost lines named by an insats, a project or a target group only. */
const INSATS_NAMES = [
  "Unga vuxna",
  "Kvinnohälsa",
  "Infosamverkan",
  "Arbetslivsintroduktion stöd",
  "IPS",
  "Jobbcoacher",
  "Samverkansteamet",
  "Steget vidare",
  "Navigatorcentrum",
  "Projekt Avstampet",
];

/** Cost lines of the other groups, by their words. */
const OTHER_COSTS: readonly Item[] = [
  { label: "Förbundschef", group: "kansli och administration" },
  { label: "Kansli", group: "kansli och administration" },
  { label: "Administration", group: "kansli och administration" },
  { label: "Lokalhyra", group: "kansli och administration" },
  { label: "Styrelse", group: "styrelse" },
  { label: "Styrelsearvoden", group: "styrelse" },
  { label: "Revision", group: "revision" },
  { label: "Ekonomiadministration", group: "ekonomiadministration" },
  { label: "Utvärdering", group: "utvärdering" },
  { label: "Övriga kostnader", group: "övrigt" },
  { label: "Oförutsett", group: "övrigt" },
  { label: "Reserv", group: "övrigt" },
  { label: "Styrelse och revision", group: "styrelse", note: "group-combined" },
];

/** Headings naming a cost area, and the group a line under them takes when its own words say nothing. */
const COST_HEADINGS: readonly { readonly heading: string; readonly group: BudgetGroup }[] = [
  { heading: "Insatser", group: "insatser" },
  { heading: "Verksamhet", group: "insatser" },
  { heading: "Projekt", group: "insatser" },
  { heading: "Administration", group: "kansli och administration" },
  { heading: "Kansli", group: "kansli och administration" },
];

/** Lines under an administration heading whose own words say nothing. */
const ADMIN_NEUTRAL = ["Personal", "Hyra", "Resor", "Kontorsmaterial"];

export interface LayoutSpec {
  readonly layout: LayoutClass;
  readonly unit: "kr" | "tkr";
  readonly firstYear: number;
  readonly periods: number;
  readonly origin: { readonly row: number; readonly col: number };
  readonly headerStyle: "number" | "text" | "kind-words";
  readonly labelHeader: string | null;
  readonly incomeHeading: string | null;
  readonly income: readonly { readonly item: number; readonly amounts: readonly number[] }[];
  readonly incomeTotal: boolean;
  /** Blocks of costs: an optional heading (index into COST_HEADINGS), then lines. */
  readonly costBlocks: readonly {
    readonly heading: number | null;
    readonly lines: readonly {
      readonly kind: "insats" | "other" | "neutral";
      readonly pick: number;
      readonly amounts: readonly number[];
    }[];
  }[];
  readonly costSection: boolean;
  readonly subtotals: boolean;
  readonly costTotal: "Summa kostnader" | "Summa" | "Totalt" | "Total summa" | "SUMMA" | null;
  readonly result: string | null;
  readonly resultAsText: boolean;
  /** Lines under a cost heading written as "- " items. */
  readonly dashItems: boolean;
  /** Every so many amounts typed as text ("1 234 tkr"); 0 for none. */
  readonly textEvery: number;
  /** Cost lines and cost totals written negative. */
  readonly negativeCosts: boolean;
  /** A "varav …" row under the first income line and under this cost line (index), counted as neither. */
  readonly memo: { readonly income: boolean; readonly costLine: number | null };
  readonly blankAfterIncome: boolean;
  readonly corrupt: { readonly target: "cost" | "result" | "income" | "sub"; readonly delta: number } | null;
}

const KIND_WORDS = ["Budget", "Plan", "Prognos", "Budget"];

export function buildLayout(spec: LayoutSpec): LayoutSheet {
  const n = spec.periods;
  const years = Array.from({ length: n }, (_, i) => String(spec.firstYear + i));
  const labelCol = 0;
  const width = 1 + n;
  const rows: Cell[][] = [];
  const truthLines: TruthLine[] = [];
  const issues: [string, string][] = [];
  let corrupted: string | null = null;
  const at = (r: number, c: number) => toA1({ row: spec.origin.row + r, col: spec.origin.col + c });
  const blank = (): Cell[] => Array.from({ length: width }, () => null);
  const push = (row: Cell[]) => rows.push(row) - 1;
  const textRow = (label: string) => {
    const row = blank();
    row[labelCol] = label;
    push(row);
  };
  let amountsWritten = 0;
  const lineRow = (
    label: string,
    amounts: readonly number[],
    section: Section,
    group: BudgetGroup,
    dash = false,
  ) => {
    const row = blank();
    row[labelCol] = dash ? `- ${label}` : label;
    const r = rows.length;
    const sign = spec.negativeCosts && section === "cost" ? -1 : 1;
    amounts.forEach((v, p) => {
      const asText = spec.textEvery > 0 && ++amountsWritten % spec.textEvery === 0;
      if (asText) issues.push([at(r, 1 + p), "amount-as-text"]);
      row[1 + p] = asText ? `${formatNumber(sign * v)} ${spec.unit}` : sign * v;
    });
    if (sign < 0 && !truthLines.some((l) => l.section === "cost"))
      issues.push([at(r, labelCol), "costs-negative"]);
    push(row);
    truthLines.push({ label, cell: at(r, labelCol), section, group });
    return r;
  };
  const memoRow = (label: string, of: readonly number[]) => {
    const row = blank();
    row[labelCol] = label;
    of.forEach((v, p) => {
      row[1 + p] = Math.floor(v / 2);
    });
    issues.push([at(push(row), labelCol), "line-not-counted"]);
  };
  const sum = (xs: readonly (readonly number[])[]) =>
    Array.from({ length: n }, (_, p) => xs.reduce((s, x) => s + (x[p] ?? 0), 0));
  const statedRow = (label: string, values: readonly number[], target: string, asText = false) => {
    const row = blank();
    row[labelCol] = label;
    const r = rows.length;
    const sign = spec.negativeCosts && target !== "income" && target !== "result" ? -1 : 1;
    values.forEach((v, p) => {
      let value = sign * v;
      if (spec.corrupt?.target === target && p === n - 1) {
        value += sign * unexplainable(spec, spec.corrupt.delta);
        corrupted = at(r, 1 + p);
        issues.push([corrupted, target === "result" ? "surplus-mismatch" : "total-mismatch"]);
      }
      if (asText) {
        issues.push([at(r, 1 + p), "amount-as-text"]);
        row[1 + p] = `${value < 0 ? "−" : "+"} ${formatNumber(Math.abs(value))}`;
      } else row[1 + p] = value;
    });
    push(row);
  };

  // Title block: the unit always stated, so the truth has no unit-assumed.
  textRow("Samordningsförbundet Väst");
  textRow(`Budget ${years[0]}, belopp i ${spec.unit}`);
  push(blank());

  const header = blank();
  header[labelCol] = spec.labelHeader;
  years.forEach((y, p) => {
    header[1 + p] =
      spec.headerStyle === "number"
        ? Number(y)
        : spec.headerStyle === "text"
          ? y
          : `${KIND_WORDS[(p + spec.firstYear) % KIND_WORDS.length]} ${y}`;
  });
  push(header);

  // Income.
  if (spec.incomeHeading) textRow(spec.incomeHeading);
  const incomeAmounts = spec.income.map((i) => i.amounts);
  spec.income.forEach((i, k) => {
    const item = INCOME_ITEMS[i.item % INCOME_ITEMS.length]!;
    lineRow(item.label, i.amounts, "income", item.group);
    if (k === 0 && spec.memo.income) memoRow("varav ESF-medel", i.amounts);
  });
  if (spec.incomeTotal) statedRow("Summa intäkter", sum(incomeAmounts), "income");
  if (spec.blankAfterIncome) push(blank());

  // Costs.
  if (spec.costSection) textRow("KOSTNADER");
  const costAmounts: (readonly number[])[] = [];
  // Lines without a heading of their own read as under the heading above them, until a sub-total.
  let above: (typeof COST_HEADINGS)[number] | null = null;
  for (const block of spec.costBlocks) {
    const own = block.heading === null ? null : COST_HEADINGS[block.heading % COST_HEADINGS.length]!;
    if (own) textRow(own.heading);
    // Under "- " items, the first plain line ends the heading.
    const heading: (typeof COST_HEADINGS)[number] | null = own ?? (spec.dashItems ? null : above);
    above = heading;
    for (const line of block.lines) {
      let item: Item;
      // An insats name under an administration heading is no sheet a person writes: it is an admin line there.
      const insats = line.kind === "insats" && (heading === null || heading.group === "insatser");
      if (insats) item = { label: INSATS_NAMES[line.pick % INSATS_NAMES.length]!, group: "insatser" };
      else if (line.kind === "other") item = OTHER_COSTS[line.pick % OTHER_COSTS.length]!;
      else if (heading && heading.group !== "insatser")
        item = { label: ADMIN_NEUTRAL[line.pick % ADMIN_NEUTRAL.length]!, group: heading.group };
      else item = { label: INSATS_NAMES[line.pick % INSATS_NAMES.length]!, group: "insatser" };
      // "Övriga kostnader" under a heading are that heading's other costs.
      const group = heading && /^Övriga/.test(item.label) ? heading.group : item.group;
      const r = lineRow(item.label, line.amounts, "cost", group, spec.dashItems && own !== null);
      if (item.note) issues.push([at(r, labelCol), item.note]);
      if (spec.memo.costLine === costAmounts.length) memoRow("Antal deltagare", [40, 40, 40, 40].slice(0, n));
      costAmounts.push(line.amounts);
    }
    if (spec.subtotals && own && block.lines.length > 0) above = null;
    if (spec.subtotals && own && block.lines.length > 0)
      statedRow(
        `Summa ${own.heading.toLowerCase()}`,
        sum(block.lines.map((l) => l.amounts)),
        block === spec.costBlocks[0] ? "sub" : "sub-other",
      );
  }
  const incomeTruth = sum(incomeAmounts);
  const costTruth = sum(costAmounts);
  if (spec.costTotal) statedRow(spec.costTotal, costTruth, "cost");
  const surplusTruth = incomeTruth.map((v, p) => v - costTruth[p]!);
  if (spec.result) statedRow(spec.result, surplusTruth, "result", spec.resultAsText);

  const factor = spec.unit === "tkr" ? 1000 : 1;
  const kr = (xs: readonly number[]): PeriodAmounts =>
    Object.fromEntries(years.map((y, p) => [y, xs[p]! * factor]));
  issues.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  return {
    layout: spec.layout,
    grid: gridFromRows("Budget", rows, spec.origin),
    truth: {
      periods: years,
      lines: truthLines,
      income: kr(incomeTruth),
      cost: kr(costTruth),
      surplus: kr(surplusTruth),
      issues,
      corrupted,
    },
  };
}

/**
 * The error made no smaller than asked, and no amount that moving a run of lines to the other
 * side would also explain (a run's sum, or twice it, in the period made wrong): then two readings
 * would fit the sheet equally, each with one wrong figure, and no reader could tell which.
 */
function unexplainable(spec: LayoutSpec, delta: number): number {
  const last = spec.periods - 1;
  const amounts = [
    ...spec.income.map((i) => i.amounts[last] ?? 0),
    ...spec.costBlocks.flatMap((b) => b.lines.map((l) => l.amounts[last] ?? 0)),
  ];
  const explained = new Set<number>();
  for (let i = 0; i < amounts.length; i++) {
    let sum = 0;
    for (let j = i; j < amounts.length; j++) {
      sum += amounts[j]!;
      explained.add(sum);
      explained.add(2 * sum);
    }
  }
  let d = delta;
  while (explained.has(d)) d++;
  return d;
}

const amountsArb = (n: number) => fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: n, maxLength: n });

/** Sheets of one layout class; `corrupt` makes one stated figure wrong. */
export function layoutArb(layout: LayoutClass, corrupt = false): fc.Arbitrary<LayoutSheet> {
  return fc
    .record({
      unit: fc.constantFrom<"kr" | "tkr">("kr", "tkr"),
      firstYear: fc.integer({ min: 2012, max: 2030 }),
      periods: fc.integer({ min: 1, max: 4 }),
      origin: fc.record({ row: fc.integer({ min: 0, max: 3 }), col: fc.integer({ min: 0, max: 2 }) }),
      headerStyle: fc.constantFrom<LayoutSpec["headerStyle"]>("number", "text", "kind-words"),
      labelHeader: fc.constantFrom<string | null>(null, "Budgetpost", "Post", "Verksamhet"),
      incomeItems: fc.uniqueArray(fc.integer({ min: 0, max: INCOME_ITEMS.length - 1 }), {
        minLength: 1,
        maxLength: 4,
      }),
      incomeHeading: fc.constantFrom<string | null>(
        null,
        "Finansiering",
        "Medel",
        "Tilldelade medel",
        "INTÄKTER",
      ),
      incomeTotal: fc.boolean(),
      blocks: fc.array(
        fc.record({
          heading: fc.option(fc.integer({ min: 0, max: COST_HEADINGS.length - 1 })),
          lines: fc.array(
            fc.record({
              kind: fc.constantFrom<"insats" | "other" | "neutral">("insats", "other", "neutral"),
              pick: fc.nat(40),
            }),
            { minLength: 1, maxLength: 5 },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      costSection: fc.boolean(),
      subtotals: fc.boolean(),
      costTotal: fc.constantFrom<LayoutSpec["costTotal"]>(
        "Summa kostnader",
        "Summa",
        "Totalt",
        "Total summa",
        "SUMMA",
        null,
      ),
      result: fc.constantFrom<LayoutSpec["result"]>(
        "Över-/underskott +/-",
        "Årets resultat",
        "Resultat",
        "Över-/underskott",
        "Överskott (+) / underskott (-)",
        "Saldo",
        "Differens",
        "Intäkter minus kostnader",
        null,
      ),
      resultAsText: fc.boolean(),
      dashItems: fc.boolean(),
      textEvery: fc.constantFrom(0, 0, 3, 7),
      memo: fc.record({ income: fc.boolean(), costLine: fc.option(fc.nat(6), { freq: 3 }) }),
      blankAfterIncome: fc.boolean(),
      seedAmounts: fc.array(amountsArb(4), { minLength: 30, maxLength: 30 }),
      corruptTarget: fc.constantFrom<"cost" | "result" | "income" | "sub">("cost", "result", "income", "sub"),
      delta: fc.integer({ min: 1, max: 900 }),
    })
    .map((r): LayoutSheet => {
      let k = 0;
      // A corrupted sheet has two periods at least, the error in the last: in a one-period sheet of
      // small amounts a wrong figure can equal what another reading gives, and no reader can tell which.
      const periods = corrupt ? Math.max(2, r.periods) : r.periods;
      const take = () => r.seedAmounts[k++ % r.seedAmounts.length]!.slice(0, periods);
      let spec: LayoutSpec = {
        layout,
        unit: r.unit,
        firstYear: r.firstYear,
        periods,
        origin: r.origin,
        headerStyle: r.headerStyle,
        labelHeader: r.labelHeader,
        incomeHeading: r.incomeHeading,
        income: membersSplit(r.incomeItems.map((item) => ({ item, amounts: take() }))),
        incomeTotal: r.incomeTotal,
        costBlocks: r.blocks.map((b) => ({
          heading: b.heading,
          lines: b.lines.map((l) => ({ ...l, amounts: take() })),
        })),
        costSection: r.costSection,
        subtotals: r.subtotals,
        costTotal: r.costTotal,
        result: r.result,
        resultAsText: r.resultAsText,
        dashItems: r.dashItems,
        textEvery: r.textEvery,
        memo: r.memo,
        negativeCosts: false,
        blankAfterIncome: r.blankAfterIncome,
        corrupt: null,
      };
      // Lines without a heading after a headed block read as under that heading: they come first,
      // as one block.
      const unheaded = spec.costBlocks.filter((b) => b.heading === null).flatMap((b) => b.lines);
      spec = {
        ...spec,
        costBlocks: [
          ...(unheaded.length > 0 ? [{ heading: null, lines: unheaded }] : []),
          ...spec.costBlocks.filter((b) => b.heading !== null),
        ],
      };
      spec = shapeFor(layout, spec);
      // Lines under an income heading with nothing but their names to say they are costs: a
      // person needs a stated figure to see where the costs begin, and so does the reader.
      const unmarked = !spec.incomeTotal && !spec.costSection && spec.costBlocks[0]?.heading === null;
      if (unmarked && spec.result === null && spec.costTotal === null) spec = { ...spec, result: "Resultat" };
      if (corrupt) {
        const can = {
          cost: spec.costTotal !== null,
          result: spec.result !== null,
          income: spec.incomeTotal,
          sub: spec.subtotals && spec.costBlocks[0]?.heading !== null,
        };
        const target = can[r.corruptTarget]
          ? r.corruptTarget
          : (["cost", "result", "income"] as const).find((t) => can[t]);
        if (target) spec = { ...spec, corrupt: { target, delta: r.delta } };
      }
      return buildLayout(spec);
    });
}

const STATEN = [1, 2];
const REGION_OR_KOMMUN = [3, 4, 5];

/** Where the state and a region or municipality both fund the budget, they follow the law's split (½, ¼, ¼). */
function membersSplit(income: LayoutSpec["income"]): LayoutSpec["income"] {
  const staten = income.find((i) => STATEN.includes(i.item));
  if (!staten || !income.some((i) => REGION_OR_KOMMUN.includes(i.item))) return income;
  const k = staten.amounts.map((v) => Math.max(1, Math.round(v / 2)));
  const rest = income.filter((i) => !STATEN.includes(i.item) && !REGION_OR_KOMMUN.includes(i.item));
  return [
    ...rest,
    { item: staten.item, amounts: k.map((v) => 2 * v) },
    { item: 3, amounts: k },
    { item: 4, amounts: k },
  ];
}

/** Bends a random spec into the shape its class names, keeping it readable to a person. */
function shapeFor(layout: LayoutClass, s: LayoutSpec): LayoutSpec {
  // A neutral line needs a heading to say what it is; without one it is an insats name.
  const neutralOk = (b: LayoutSpec["costBlocks"][number]) => ({
    ...b,
    lines: b.lines.map((l) =>
      l.kind === "neutral" && b.heading === null ? { ...l, kind: "insats" as const } : l,
    ),
  });
  const plain = { resultAsText: false };
  switch (layout) {
    case "cost-heading": {
      const blocks = s.costBlocks
        .map((b, i) => (i === 0 ? { ...b, heading: b.heading ?? 0 } : b))
        .map(neutralOk);
      return { ...s, ...plain, incomeHeading: null, costSection: false, costBlocks: blocks };
    }
    case "finansiering": {
      // The first cost lines follow the income with no heading; a stated figure pins where they start.
      const blocks = s.costBlocks.map((b, i) => (i === 0 ? { ...b, heading: null } : b)).map(neutralOk);
      return {
        ...s,
        ...plain,
        incomeHeading:
          s.incomeHeading === null || s.incomeHeading === "INTÄKTER" ? "Finansiering" : s.incomeHeading,
        incomeTotal: false,
        costSection: false,
        subtotals: false,
        costBlocks: blocks,
        result: s.result ?? (s.costTotal === null ? "Resultat" : null),
      };
    }
    case "single-summa":
      return {
        ...s,
        ...plain,
        incomeTotal: false,
        subtotals: false,
        costTotal: (["Summa", "Totalt", "Total summa", "SUMMA"] as const)[s.firstYear % 4]!,
        costBlocks: s.costBlocks.map(neutralOk),
      };
    case "text-year-header":
      return {
        ...s,
        headerStyle: s.headerStyle === "number" ? "text" : s.headerStyle,
        labelHeader: s.labelHeader ?? "Budgetpost",
        resultAsText: false,
        costBlocks: s.costBlocks.map(neutralOk),
      };
    case "result-row":
      return {
        ...s,
        ...plain,
        resultAsText: s.unit === "tkr" || s.resultAsText,
        result: s.result ?? "Över-/underskott +/-",
        costBlocks: s.costBlocks.map(neutralOk),
      };
    case "insats-names":
      return {
        ...s,
        ...plain,
        costSection: true,
        incomeHeading: "INTÄKTER",
        costBlocks: s.costBlocks.map((b) => ({ ...b, heading: null })).map(neutralOk),
      };
    case "negative-costs":
      return {
        ...s,
        ...plain,
        negativeCosts: true,
        costBlocks: s.costBlocks.map(neutralOk),
        // One negative line alone could be anything: a stated cost total says what the sign means.
        ...(s.costBlocks.flatMap((b) => b.lines).length < 2 ? { costTotal: "Summa kostnader" as const } : {}),
      };
    case "clean":
      return {
        ...s,
        ...plain,
        incomeHeading: "INTÄKTER",
        costSection: true,
        incomeTotal: true,
        costTotal: "Summa kostnader",
        result: "Över-/underskott +/-",
        costBlocks: s.costBlocks.map(neutralOk),
      };
  }
}

export interface Verdict {
  /** Income, cost and surplus to the krona, every line on its side, and exactly the truth's issues. */
  readonly right: boolean;
  readonly totals: boolean;
  readonly sections: boolean;
  readonly groups: boolean;
  readonly issues: boolean;
  /** The first thing found wrong, for a failing test's message. */
  readonly why: string | null;
}

export const cellsAndCodes = (issues: readonly Pick<Issue, "cell" | "code">[]) =>
  issues.map((i) => [i.cell ?? "", i.code] as const).sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

export function judge(
  sheet: LayoutSheet,
  reading: { readonly tables: readonly { kind: string }[]; readonly issues: readonly Issue[] },
): Verdict {
  const { truth } = sheet;
  const budget = reading.tables.find((t): t is BudgetTable => t.kind === "budget");
  const gotIssues = JSON.stringify(cellsAndCodes(reading.issues));
  const issues = gotIssues === JSON.stringify(truth.issues);
  if (!budget)
    return { right: false, totals: false, sections: false, groups: false, issues, why: "no budget table" };
  const totals =
    JSON.stringify(budget.periods) === JSON.stringify(truth.periods) &&
    same(budget.totals.income, truth.income) &&
    same(budget.totals.cost, truth.cost) &&
    same(budget.totals.surplus, truth.surplus);
  const lines = budget.lines.map((l) => `${l.cell} ${l.label} ${l.section}`);
  const want = truth.lines.map((l) => `${l.cell} ${l.label} ${l.section}`);
  const sections = JSON.stringify(lines) === JSON.stringify(want);
  const groups =
    sections &&
    JSON.stringify(budget.lines.map((l) => l.group)) === JSON.stringify(truth.lines.map((l) => l.group));
  const why = !totals
    ? `totals ${JSON.stringify(budget.totals)} ≠ ${JSON.stringify({ income: truth.income, cost: truth.cost, surplus: truth.surplus })}`
    : !sections
      ? `lines ${JSON.stringify(lines)} ≠ ${JSON.stringify(want)}`
      : !issues
        ? `issues ${gotIssues} ≠ ${JSON.stringify(truth.issues)}`
        : !groups
          ? `groups ${JSON.stringify(budget.lines.map((l) => [l.label, l.group]))}`
          : null;
  return { right: totals && sections && issues, totals, sections, groups, issues, why };
}

function same(a: PeriodAmounts, b: PeriodAmounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (Math.round((a[k] ?? 0) * 100) !== Math.round((b[k] ?? 0) * 100)) return false;
  return true;
}
