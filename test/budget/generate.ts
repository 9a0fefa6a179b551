/**
 * Generates messy budget sheets with a known truth: shuffled period columns, kr/tkr/mkr, text
 * and formula amounts, blank rows, merged titles, a contributions table above, comment and
 * account columns, sections, headings with "- " items, sub-totals, and at most one corrupted
 * stated figure. The truth says what the reader must find: totals in kr and the [cell, code] list.
 */
import fc from "fast-check";
import { formatNumber, UNIT_FACTOR, type Unit } from "../../shared/amounts";
import { type CellValue, type Grid, gridFromRows, toA1 } from "../../shared/grid";
import type { PeriodAmounts } from "../../shared/report";

type Cell = CellValue | { value: CellValue; formula?: string; numberFormat?: string };

export interface CostGroupSpec {
  readonly heading: string;
  readonly items: readonly string[];
}

/** Cost groups whose words (or heading) place every item surely. */
export const COST_GROUPS: readonly (CostGroupSpec & { group: string })[] = [
  {
    heading: "Insatser",
    group: "insatser",
    items: ["projekt Utgångspunkten", "information", "föreläsningar", "Jobbcoacher"],
  },
  {
    heading: "Kansli",
    group: "kansli och administration",
    items: ["Förbundschef lön", "Lokalhyra", "Telefon och IT"],
  },
  { heading: "Styrelsen", group: "styrelse", items: ["Arvoden", "Övriga omkostnader"] },
  { heading: "Revision", group: "revision", items: ["Revision"] },
  {
    heading: "Ekonomiadministration",
    group: "ekonomiadministration",
    items: ["Köp av ekonomiadministration"],
  },
  { heading: "Utvärdering", group: "utvärdering", items: ["Utvärdering"] },
];

/** Without a heading, only items whose own words name the group. */
const PLAIN_ITEMS: Readonly<Record<string, readonly string[]>> = {
  insatser: ["Projekt Avstampet", "Kartläggning", "Arbetsträning"],
  "kansli och administration": ["Förbundschef lön", "Lokalhyra"],
  styrelse: ["Styrelsearvoden"],
  revision: ["Revision"],
  ekonomiadministration: ["Ekonomiadministration"],
  utvärdering: ["Utvärdering"],
};

export const INCOME_LINES = [
  { label: "Finansiell ram", group: "finansiell ram" },
  { label: "Överskott från 2007", group: "eget kapital" },
  { label: "Ränteintäkter", group: "övriga intäkter" },
] as const;

export interface BudgetSpec {
  readonly unit: Unit;
  /** Where the sheet states its unit; "none" only for kr (→ unit-assumed). */
  readonly unitWhere: "header" | "caption" | "title" | "none";
  readonly headerStyle: "year-unit" | "budget-word" | "number" | "text-year";
  readonly firstYear: number;
  /** Column order of the periods: a permutation of 0..n-1. */
  readonly order: readonly number[];
  readonly labelCol: number;
  readonly accountCol: boolean;
  readonly origin: { row: number; col: number };
  readonly mergedTitle: boolean;
  readonly contributions: boolean;
  readonly memberLines: boolean;
  readonly explicitSections: boolean;
  readonly incomeTotal: boolean;
  readonly dashItems: boolean;
  readonly subtotals: boolean;
  readonly finalTotal: "Summa kostnader" | "Total summa" | "Totalt" | "SUMMA" | null;
  readonly result: "Över-/underskott +/-" | "Årets resultat" | "Resultat" | null;
  readonly commentCol: "none" | "right" | "between";
  readonly formulaTotals: boolean;
  /** Income amounts per line, cost amounts per group and item, in the sheet's unit, one per period. */
  readonly income: readonly (readonly number[])[];
  readonly costs: readonly (readonly (readonly number[])[])[];
  /** Which groups of COST_GROUPS appear (indexes), same length as costs. */
  readonly groups: readonly number[];
  readonly textAmounts: readonly boolean[];
  readonly blankAfter: readonly boolean[];
  /**
   * Amounts of an income line whose words name nothing ("Enligt bilaga"), placed after the costs where
   * the reader first guesses cost: the stated figures must bring it back to income.
   */
  readonly openLine: readonly number[] | null;
  readonly corrupt: {
    readonly target: "final" | "result" | "income" | "contributions";
    readonly delta: number;
    readonly period: number;
  } | null;
}

/**
 * The open line's amounts, unlike every cost line's: with the very amounts of a cost line it fits
 * the stated figures as income as well as that line does, and the reader rightly says it cannot
 * tell which of the two is the income (line-unclassified on both).
 */
function apartFrom(lines: readonly (readonly number[])[], open: readonly number[]): number[] {
  let amounts = [...open];
  while (lines.some((line) => line.every((v, i) => v === amounts[i]))) amounts = amounts.map((v) => v + 1);
  return amounts;
}

export interface Truth {
  readonly periods: readonly string[];
  readonly income: PeriodAmounts;
  readonly cost: PeriodAmounts;
  readonly surplus: PeriodAmounts;
  readonly incomeLines: number;
  readonly costLines: number;
  /** [cell, code], sorted. */
  readonly issues: readonly (readonly [string, string])[];
  readonly hasContributions: boolean;
}

/** Amounts as the sheet's unit writes them: whole tkr and kr, mkr with one decimal. */
const writtenOf = (unit: Unit, n: number): number => (unit === "mkr" ? n / 10 : n);

export function buildBudget(spec: BudgetSpec): { grid: Grid; truth: Truth } {
  const n = spec.order.length;
  const years = Array.from({ length: n }, (_, i) => String(spec.firstYear + i));
  const unitWord = `(${spec.unit})`;
  const rows: Cell[][] = [];
  const issues: [string, string][] = [];
  const merges: { start: { row: number; col: number }; end: { row: number; col: number } }[] = [];
  let textCounter = 0;
  const nextText = () => spec.textAmounts[textCounter++ % Math.max(1, spec.textAmounts.length)] ?? false;

  // Physical columns: [account] label, periods in `order` with an optional comment column between, comment right.
  const labelCol = spec.labelCol + (spec.accountCol ? 1 : 0);
  const periodCol: number[] = [];
  let col = labelCol + 1;
  let betweenCol: number | null = null;
  spec.order.forEach((p, i) => {
    if (spec.commentCol === "between" && i === 1) betweenCol = col++;
    periodCol[p] = col++;
  });
  const rightCol = spec.commentCol === "right" ? col++ : null;
  const width = col;
  const at = (r: number, c: number) => toA1({ row: spec.origin.row + r, col: spec.origin.col + c });
  const blank = (): Cell[] => Array.from({ length: width }, () => null);
  const push = (row: Cell[]) => rows.push(row) - 1;
  const unitInWords = spec.unitWhere === "none" ? "" : ` i ${spec.unit}`;

  // Title block.
  const title = `Verksamhetsplan med budget ${years[0]}${spec.unitWhere === "title" ? `, belopp i ${spec.unit}` : ""}`;
  const t0 = blank();
  t0[0] = "Samordningsförbundet Väst";
  if (spec.mergedTitle) {
    // exceljs-style copies in the merged cells: the reader must see only the top-left one.
    for (let c = 1; c < width; c++) t0[c] = "Samordningsförbundet Väst";
    merges.push({ start: spec.origin, end: { row: spec.origin.row, col: spec.origin.col + width - 1 } });
  }
  push(t0);
  const t1 = blank();
  t1[0] = title;
  push(t1);
  push(blank());

  const amountCell = (value: number, r: number, c: number, forceText = false): Cell => {
    const written = writtenOf(spec.unit, value);
    if (forceText || nextText()) {
      issues.push([at(r, c), "amount-as-text"]);
      return formatNumber(written);
    }
    return written;
  };

  const stated = (
    kind: "final" | "sub" | "result" | "income" | "contributions",
    truth: readonly number[],
    r: number,
    textResult: boolean,
    cellsBelow: readonly number[],
  ): Cell[] => {
    const row = blank();
    truth.forEach((v, p) => {
      let value = v;
      const c = periodCol[p]!;
      if (spec.corrupt && spec.corrupt.target === kind && spec.corrupt.period % n === p) {
        value += spec.corrupt.delta * (spec.unit === "mkr" ? 10 : 1);
        issues.push([at(r, c), kind === "result" ? "surplus-mismatch" : "total-mismatch"]);
      }
      const written = writtenOf(spec.unit, value);
      if (textResult) {
        issues.push([at(r, c), "amount-as-text"]);
        row[c] = `${written < 0 ? "−" : "+"} ${formatNumber(Math.abs(written))}`;
      } else if (spec.formulaTotals && cellsBelow.length > 0) {
        const letters = toA1({ row: 0, col: spec.origin.col + c }).replace(/\d+$/, "");
        const refs = cellsBelow.map((rr) => `${letters}${spec.origin.row + rr + 1}`).join(",");
        row[c] = { value: written, formula: `=SUM(${refs})` };
      } else row[c] = written;
    });
    return row;
  };

  // Contributions table: staten 2k, regionen k, kommunerna k, stated total 4k.
  const hasContributions = spec.contributions;
  if (hasContributions) {
    const hr = blank();
    hr[labelCol] = `Bidrag${unitInWords}`;
    spec.order.forEach((p) => {
      hr[periodCol[p]!] = Number(years[p]);
    });
    const hrIndex = push(hr);
    if (spec.unitWhere === "none") issues.push([at(hrIndex, Math.min(...periodCol)), "unit-assumed"]);
    const base = spec.income[0] ?? Array.from({ length: n }, () => 100);
    const k = base.map((v) => Math.max(1, Math.round(v / 4)));
    const members: [string, number][] = [
      ["Försäkringskassan/Arbetsförmedlingen", 2],
      ["Region Väst", 1],
      ["Kommunerna", 1],
    ];
    const rowsOfMembers: number[] = [];
    for (const [label, share] of members) {
      const r = rows.length;
      const row = blank();
      row[labelCol] = label;
      k.forEach((v, p) => {
        row[periodCol[p]!] = amountCell(v * share, r, periodCol[p]!);
      });
      rowsOfMembers.push(push(row));
    }
    const r = rows.length;
    const total = stated(
      "contributions",
      k.map((v) => v * 4),
      r,
      false,
      rowsOfMembers,
    );
    total[labelCol] = "Totalt";
    push(total);
    const note = blank();
    note[labelCol] = "* Fördelningen mellan kommunerna följer avsiktsförklaringen.";
    push(blank());
    push(note);
    push(blank());
  }

  // Main header.
  const header = blank();
  if (spec.unitWhere === "caption") header[labelCol] = `Belopp${unitInWords}`;
  if (spec.accountCol) header[labelCol - 1] = "Konto";
  spec.order.forEach((p) => {
    const y = years[p]!;
    const c = periodCol[p]!;
    header[c] =
      spec.headerStyle === "number"
        ? Number(y)
        : spec.headerStyle === "text-year"
          ? y
          : spec.headerStyle === "budget-word"
            ? `Budget ${y}${spec.unitWhere === "header" ? ` ${unitWord}` : ""}`
            : `${y}${spec.unitWhere === "header" ? ` ${unitWord}` : ""}`;
  });
  if (betweenCol !== null) header[betweenCol] = "Kommentar";
  if (rightCol !== null) header[rightCol] = "Kommentar";
  const headerIndex = push(header);
  if (spec.unitWhere === "none") issues.push([at(headerIndex, Math.min(...periodCol)), "unit-assumed"]);

  let account = 4000;
  let blanks = 0;
  const maybeBlank = () => {
    if (spec.blankAfter[blanks++ % Math.max(1, spec.blankAfter.length)]) push(blank());
  };
  const lineRow = (label: string, amounts: readonly number[], comment: boolean): number => {
    const r = rows.length;
    const row = blank();
    row[labelCol] = label;
    if (spec.accountCol) row[labelCol - 1] = account++;
    amounts.forEach((v, p) => {
      row[periodCol[p]!] = amountCell(v, r, periodCol[p]!);
    });
    if (comment && rightCol !== null) row[rightCol] = "Enligt beslut i styrelsen";
    if (comment && betweenCol !== null) row[betweenCol] = "Preliminärt";
    return push(row);
  };
  const textRow = (label: string) => {
    const row = blank();
    row[labelCol] = label;
    push(row);
  };
  const sum = (xs: readonly (readonly number[])[]): number[] =>
    Array.from({ length: n }, (_, p) => xs.reduce((s, x) => s + (x[p] ?? 0), 0));

  // Income.
  if (spec.explicitSections) textRow("INTÄKTER");
  const incomeAmounts: number[][] = [];
  const incomeRows: number[] = [];
  spec.income.forEach((amounts, i) => {
    incomeRows.push(lineRow(INCOME_LINES[i % INCOME_LINES.length]!.label, amounts, i === 0));
    incomeAmounts.push([...amounts]);
    maybeBlank();
  });
  if (spec.memberLines) {
    const k = Array.from({ length: n }, (_, p) => 10 + p);
    for (const [label, share] of [
      ["Bidrag Försäkringskassan", 2],
      ["Bidrag Regionen", 1],
      ["Bidrag kommunerna", 1],
    ] as const) {
      const amounts = k.map((v) => v * share);
      incomeRows.push(lineRow(label, amounts, false));
      incomeAmounts.push(amounts);
    }
  }
  const incomeTruth = sum(incomeAmounts);
  if (spec.incomeTotal && incomeAmounts.length > 0) {
    const r = rows.length;
    const row = stated("income", incomeTruth, r, false, incomeRows);
    row[labelCol] = "Summa intäkter";
    push(row);
    maybeBlank();
  }

  // Costs.
  if (spec.explicitSections) textRow("KOSTNADER");
  const costAmounts: number[][] = [];
  const costRows: number[] = [];
  spec.costs.forEach((items, g) => {
    const group = COST_GROUPS[spec.groups[g]! % COST_GROUPS.length]!;
    const withHeading = spec.dashItems;
    if (withHeading) textRow(group.heading);
    const names = withHeading ? group.items : PLAIN_ITEMS[group.group]!;
    const groupRows: number[] = [];
    const groupAmounts: number[][] = [];
    items.forEach((amounts, i) => {
      const name = names[i % names.length]!;
      const r = lineRow(withHeading ? `- ${name}` : name, amounts, i === 1);
      groupRows.push(r);
      costRows.push(r);
      groupAmounts.push([...amounts]);
      costAmounts.push([...amounts]);
    });
    if (spec.subtotals && items.length > 0) {
      const r = rows.length;
      const row = stated("sub", sum(groupAmounts), r, false, groupRows);
      row[labelCol] = `Summa ${group.heading.toLowerCase()}`;
      push(row);
    }
    maybeBlank();
  });
  // The open line: under KOSTNADER a cost; else income when a later stated figure pins it, else a
  // guessed cost with a warning.
  let openIncome: number[] = Array.from({ length: n }, () => 0);
  if (spec.openLine) {
    const r = lineRow("Enligt bilaga", spec.openLine, false);
    const pinned = (spec.finalTotal !== null || spec.result !== null) && spec.openLine.some((v) => v !== 0);
    if (spec.explicitSections) costAmounts.push([...spec.openLine]);
    else if (pinned) openIncome = [...spec.openLine];
    else {
      costAmounts.push([...spec.openLine]);
      // After "Summa intäkter" the income is closed: the line is a cost, surely.
      if (!(spec.incomeTotal && incomeAmounts.length > 0))
        issues.push([at(r, labelCol), "line-unclassified"]);
    }
  }
  const incomeLines = incomeAmounts.length + (openIncome.some((v) => v !== 0) ? 1 : 0);
  const costTruth = sum(costAmounts);
  if (spec.finalTotal && costAmounts.length > 0) {
    const r = rows.length;
    const row = stated("final", costTruth, r, false, costRows);
    row[labelCol] = spec.finalTotal;
    push(row);
  }
  const surplusTruth = incomeTruth.map((v, p) => v + openIncome[p]! - costTruth[p]!);
  if (spec.result) {
    const r = rows.length;
    const textResult = spec.unit !== "mkr" && (spec.textAmounts[0] ?? false);
    const row = stated("result", surplusTruth, r, textResult, []);
    row[labelCol] = spec.result;
    push(row);
  }
  const end = blank();
  end[labelCol] = "Budgeten är preliminär.";
  push(blank());
  push(end);

  const factor = UNIT_FACTOR[spec.unit] / (spec.unit === "mkr" ? 10 : 1);
  const kr = (xs: number[]): PeriodAmounts =>
    Object.fromEntries(years.map((y, p) => [y, Math.round(xs[p]! * factor * 100) / 100]));
  const grid = { ...gridFromRows("Budget", rows, spec.origin), merges };
  issues.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  return {
    grid,
    truth: {
      periods: years,
      income: kr(incomeTruth.map((v, p) => v + openIncome[p]!)),
      cost: kr(costTruth),
      surplus: kr(surplusTruth),
      incomeLines,
      costLines: costAmounts.length,
      issues,
      hasContributions,
    },
  };
}

/** Arbitrary budget specs; `corrupt` decides whether one stated figure is made wrong. */
export function budgetSpecArb(corrupt: boolean): fc.Arbitrary<BudgetSpec> {
  return fc
    .record({
      unit: fc.constantFrom<Unit>("kr", "tkr", "mkr"),
      unitWhereRaw: fc.constantFrom("header", "caption", "title", "none"),
      headerStyle: fc.constantFrom("year-unit", "budget-word", "number", "text-year"),
      firstYear: fc.integer({ min: 2005, max: 2030 }),
      n: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      labelCol: fc.integer({ min: 0, max: 2 }),
      accountCol: fc.boolean(),
      origin: fc.record({ row: fc.integer({ min: 0, max: 4 }), col: fc.integer({ min: 0, max: 3 }) }),
      mergedTitle: fc.boolean(),
      contributions: fc.boolean(),
      memberLines: fc.boolean(),
      explicitSections: fc.boolean(),
      incomeTotal: fc.boolean(),
      dashItems: fc.boolean(),
      subtotals: fc.boolean(),
      finalTotal: fc.constantFrom("Summa kostnader", "Total summa", "Totalt", "SUMMA", null),
      result: fc.constantFrom("Över-/underskott +/-", "Årets resultat", "Resultat", null),
      commentCol: fc.constantFrom("none", "right", "between"),
      formulaTotals: fc.boolean(),
      incomeCount: fc.integer({ min: 1, max: 3 }),
      groups: fc.uniqueArray(fc.integer({ min: 0, max: COST_GROUPS.length - 1 }), {
        minLength: 1,
        maxLength: 6,
      }),
      itemCounts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
      amounts: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 120, maxLength: 120 }),
      textAmounts: fc.array(
        fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
        { minLength: 1, maxLength: 20 },
      ),
      blankAfter: fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
      openLine: fc.option(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 4 })),
      corruptTarget: fc.constantFrom("final", "result", "income", "contributions"),
      delta: fc.integer({ min: 1, max: 500 }),
      corruptPeriod: fc.nat(),
    })
    .map((r): BudgetSpec => {
      const n = r.n;
      const order = Array.from({ length: n }, (_, i) => i);
      // A deterministic shuffle from the seed (fast-check shrinks the seed towards the plain order).
      for (let i = n - 1; i > 0; i--) {
        const j = (r.seed * (i + 7)) % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let k = 0;
      const take = () => Array.from({ length: n }, () => r.amounts[k++ % r.amounts.length]!);
      const income = Array.from({ length: r.incomeCount }, take);
      const costs = r.groups.map((g, i) =>
        Array.from({ length: Math.min(r.itemCounts[i]!, COST_GROUPS[g]!.items.length) }, take),
      );
      const unitWhere = r.unitWhereRaw === "none" && r.unit !== "kr" ? "caption" : r.unitWhereRaw;
      // A bare year header carries no unit.
      const headerStyle =
        unitWhere === "header" && (r.headerStyle === "number" || r.headerStyle === "text-year")
          ? "year-unit"
          : r.headerStyle;
      const targets = {
        final: r.finalTotal !== null,
        result: r.result !== null,
        income: r.incomeTotal,
        contributions: r.contributions,
      } as const;
      return {
        unit: r.unit,
        unitWhere: unitWhere as BudgetSpec["unitWhere"],
        headerStyle: headerStyle as BudgetSpec["headerStyle"],
        firstYear: r.firstYear,
        order,
        labelCol: r.labelCol,
        accountCol: r.accountCol,
        origin: r.origin,
        mergedTitle: r.mergedTitle,
        contributions: r.contributions,
        memberLines: r.memberLines,
        explicitSections: r.explicitSections,
        incomeTotal: r.incomeTotal,
        dashItems: r.dashItems,
        subtotals: r.subtotals,
        finalTotal: r.finalTotal as BudgetSpec["finalTotal"],
        result: r.result as BudgetSpec["result"],
        commentCol: r.commentCol as BudgetSpec["commentCol"],
        formulaTotals: r.formulaTotals,
        income,
        costs,
        groups: r.groups,
        textAmounts: r.textAmounts,
        blankAfter: r.blankAfter,
        // A guessed line and a corrupted figure together can fit the totals two ways: kept apart.
        openLine: corrupt || r.openLine === null ? null : apartFrom(costs.flat(), r.openLine.slice(0, n)),
        corrupt:
          corrupt && targets[r.corruptTarget as keyof typeof targets]
            ? { target: r.corruptTarget as "final", delta: r.delta, period: r.corruptPeriod }
            : null,
      };
    });
}
