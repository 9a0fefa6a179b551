/** The conversion plan for budget tables: names, columns, and live formulas that give the core's own totals. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { structuredReferenceError } from "../../playground/fake-excel/formula";
import { budgetOutputSheets, readBudgetSheet } from "../../shared/budget";
import { gridFromRows } from "../../shared/grid";
import {
  computed,
  hasResult,
  isFormula,
  type OutputCell,
  type OutputSheet,
  type OutputTable,
  thisRowRef,
} from "../../shared/output";
import type { BudgetTable } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { sydostBudget } from "../support/budget-utfall";

/**
 * Evaluates the formulas the plan writes (SUMIFS, SUBTOTAL(109), a − b, and this-row references
 * T[[#This Row],[Col]]) over the plan's own tables; a formula cell in a column is evaluated in its row.
 */
function evaluate(
  formula: string,
  tables: readonly OutputTable[],
  at?: { table: OutputTable; row: number },
): number {
  const locate = (ref: string) => {
    const m = /^([A-Za-z_][\w]*)\[(.*)\]$/.exec(ref.trim());
    if (!m) throw new Error(`not a column reference: ${ref}`);
    const table = tables.find((t) => t.name === m[1]);
    const thisRow = /^\[#This Row\],\[(.*)\]$/.exec(m[2]!);
    const header = (thisRow ? thisRow[1]! : m[2]!).replace(/'(.)/g, "$1");
    const index = table?.columns.findIndex((c) => c.header === header) ?? -1;
    if (!table || index < 0) throw new Error(`no column ${ref}`);
    return { table, index, thisRow: thisRow !== null };
  };
  const cellAt = (table: OutputTable, row: number, index: number): OutputCell => {
    const cell = table.rows[row]![index] ?? null;
    return isFormula(cell) ? evaluate(cell.formula, tables, { table, row }) : cell;
  };
  const columnOf = (ref: string): OutputCell[] => {
    const { table, index } = locate(ref);
    return table.rows.map((_, r) => cellAt(table, r, index));
  };
  const term = (text: string): number => {
    const sumifs = /^SUMIFS\(([^,]+),([^,]+),"((?:[^"]|"")*)"\)$/.exec(text);
    if (sumifs) {
      const values = columnOf(sumifs[1]!);
      const criteria = columnOf(sumifs[2]!);
      const wanted = sumifs[3]!.replace(/""/g, '"');
      return values.reduce<number>(
        (s, v, i) => s + (criteria[i] === wanted && typeof v === "number" ? v : 0),
        0,
      );
    }
    const subtotal = /^SUBTOTAL\(109,(.+)\)$/.exec(text);
    if (subtotal)
      return columnOf(subtotal[1]!).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
    if (text.includes("[#This Row]")) {
      const ref = locate(text);
      if (!at || at.table !== ref.table) throw new Error(`${text} outside its table's rows`);
      const v = cellAt(ref.table, at.row, ref.index);
      return typeof v === "number" ? v : 0;
    }
    throw new Error(`cannot evaluate ${text}`);
  };
  const body = formula.replace(/^=/, "");
  // Top-level " a-b": split at the minus between two function calls or two references.
  const parts = body.split(/(?<=\)|\]\])-(?=[A-Za-z_])/);
  if (parts.length === 2) return term(parts[0]!) - term(parts[1]!);
  return term(body);
}

const summaryByLabel = (table: OutputTable, labelIndex: number) =>
  Object.fromEntries(
    table.summaryRows.map((row) => [
      String(row[labelIndex]),
      row.slice(table.columns.length - (table.columns.length - labelIndex - 1)).filter(isFormula),
    ]),
  );

async function aleSheets(taken: Set<string>): Promise<{ sheets: OutputSheet[]; budget: BudgetTable }> {
  const [grid] = await readWorkbookFile(
    path.resolve("../shared/fixtures/ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
  );
  const reading = readBudgetSheet(grid!);
  return {
    sheets: budgetOutputSheets(reading.tables, taken),
    budget: reading.tables.find((t) => t.kind === "budget") as BudgetTable,
  };
}

describe("budgetOutputSheets on the Ale budget", () => {
  it("adds one sheet with the contributions, the lines and the groups, names reserved in `taken`", async () => {
    const taken = new Set(["Budget 2008"]);
    const { sheets } = await aleSheets(taken);
    expect(sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ["Samsyn Budget 2008", ["Bidrag_2008", "Budget_2008", "Budget_2008_grupper"]],
    ]);
    expect([...taken]).toEqual([
      "Budget 2008",
      "Samsyn Budget 2008",
      "Bidrag_2008",
      "Budget_2008",
      "Budget_2008_grupper",
    ]);
    expect(sheets[0]!.heading).toEqual([
      "Verksamhetsplan med budget 2008",
      "Källa: 'Budget 2008'!A4:C8, A13:D38",
      "Belopp i kr",
    ]);
  });

  it("writes the lines in kr with section, group, heading, label and source cell", async () => {
    const { sheets } = await aleSheets(new Set());
    const table = sheets[0]!.tables[1]!;
    expect(table.columns.map((c) => [c.header, c.numberFormat ?? null])).toEqual([
      ["Avsnitt", null],
      ["Grupp", null],
      ["Rubrik", null],
      ["Rad", null],
      ["Källcell", null],
      ["2008", "#,##0"],
      ["2009", "#,##0"],
      ["2010", "#,##0"],
    ]);
    expect(table.rows).toHaveLength(19);
    expect(table.rows[2]).toEqual([
      "Kostnad",
      "insatser",
      "Insatser",
      "projekt Utgångspunkten (bil 1)",
      "Budget 2008!A17",
      1_400_000,
      1_442_000,
      1_485_000,
    ]);
    for (const t of sheets[0]!.tables)
      for (const row of [...t.rows, ...t.summaryRows]) expect(row).toHaveLength(t.columns.length);
  });

  it("has live income, cost and surplus rows that compute the core's totals", async () => {
    const { sheets, budget } = await aleSheets(new Set());
    const tables = sheets[0]!.tables;
    const main = tables[1]!;
    const rows = summaryByLabel(main, 3);
    expect(Object.keys(rows)).toEqual(["Summa intäkter", "Summa kostnader", "Över-/underskott"]);
    const values = (label: string) => rows[label]!.map((f) => evaluate(f.formula, tables));
    expect(values("Summa intäkter")).toEqual(budget.periods.map((p) => budget.totals.income[p]));
    expect(values("Summa kostnader")).toEqual(budget.periods.map((p) => budget.totals.cost[p]));
    expect(values("Över-/underskott")).toEqual([79_000, 1_813_000, 2_878_000]);
    expect(rows["Summa intäkter"]![0]!.formula).toBe(
      '=SUMIFS(Budget_2008[2008],Budget_2008[Avsnitt],"Intäkt")',
    );
  });

  it("sums each group live, the cost groups adding up to the cost total", async () => {
    const { sheets, budget } = await aleSheets(new Set());
    const tables = sheets[0]!.tables;
    const groups = tables[2]!;
    const figures = groups.rows.map((r) => [
      r[0],
      r[1],
      evaluate((r[2] as { formula: string }).formula, tables),
    ]);
    expect(figures).toEqual([
      ["Intäkt", "finansiell ram", 5_251_000],
      ["Intäkt", "eget kapital", 1_323_000],
      ["Kostnad", "insatser", 5_565_000],
      ["Kostnad", "kansli och administration", 660_000],
      ["Kostnad", "styrelse", 60_000],
      ["Kostnad", "revision", 60_000],
      ["Kostnad", "ekonomiadministration", 50_000],
      ["Kostnad", "utvärdering", 100_000],
    ]);
    const costSum = figures.filter((f) => f[0] === "Kostnad").reduce((s, f) => s + (f[2] as number), 0);
    expect(costSum).toBe(budget.totals.cost["2008"]);
  });

  it("totals the contributions with SUBTOTAL(109)", async () => {
    const { sheets } = await aleSheets(new Set());
    const tables = sheets[0]!.tables;
    const bidrag = tables[0]!;
    expect(bidrag.rows.map((r) => r[0])).toEqual(["staten", "regionen", "kommunerna"]);
    const total = bidrag.summaryRows[0]!;
    expect(total[1]).toBe("Totalt");
    expect(total.slice(3).map((f) => evaluate((f as { formula: string }).formula, tables))).toEqual([
      5_251_000, 7_000_000,
    ]);
  });

  it("is deterministic", async () => {
    const a = await aleSheets(new Set(["Budget 2008"]));
    const b = await aleSheets(new Set(["Budget 2008"]));
    expect(a.sheets).toEqual(b.sheets);
  });
});

describe("budgetOutputSheets on small sheets", () => {
  // Since dc03166 the plan keeps text as written and each writer neutralises it once
  // (test/cli/convert-special-columns.test.ts): a formula-like label is not escaped twice.
  it("keeps labels Excel would run as formulas as written, for the writers to neutralise", () => {
    const reading = readBudgetSheet(
      gridFromRows("Blad1", [
        [null, "2020 (kr)"],
        ['=HYPERLINK("http://x")', 5],
        ["@kansli", 10],
      ]),
    );
    const [sheet] = budgetOutputSheets(reading.tables, new Set());
    expect(sheet!.tables[0]!.rows.map((r) => r[3])).toEqual(['=HYPERLINK("http://x")', "@kansli"]);
  });

  it("gives two source sheets with the same periods distinct sheet and table names", () => {
    const rows = [
      [null, "2020 (kr)"],
      ["Kansli", 5],
    ];
    const taken = new Set(["Budget", "Budget 2020"]);
    const first = budgetOutputSheets(readBudgetSheet(gridFromRows("Budget", rows)).tables, taken);
    const second = budgetOutputSheets(readBudgetSheet(gridFromRows("Prognos", rows)).tables, taken);
    expect([...first, ...second].map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ["Samsyn Budget 2020", ["Budget_2020", "Budget_2020_grupper"]],
      ["Samsyn Budget 2020 (2)", ["Budget_2020_2", "Budget_2020_2_grupper"]],
    ]);
  });

  it("gives each budget table of a sheet its own sheet, the contributions beside the first", () => {
    const reading = readBudgetSheet(
      gridFromRows("Plan", [
        ["Bidrag i tkr", 2020],
        ["Försäkringskassan", 200],
        ["Regionen", 100],
        ["Kommunerna", 100],
        [null, null],
        [null, "2020 (tkr)"],
        ["Kansli", 300],
        [null, null],
        [null, "2021 (tkr)"],
        ["Kansli", 320],
      ]),
    );
    expect(reading.tables.map((t) => [t.kind, t.range])).toEqual([
      ["contributions", "A1:B4"],
      ["budget", "A6:B7"],
      ["budget", "A9:B10"],
    ]);
    const sheets = budgetOutputSheets(reading.tables, new Set(["Plan"]));
    expect(sheets.map((s) => [s.name, s.tables.map((t) => t.name), s.heading[1]])).toEqual([
      [
        "Samsyn Budget 2020",
        ["Bidrag_2020", "Budget_2020", "Budget_2020_grupper"],
        "Källa: 'Plan'!A1:B4, A6:B7",
      ],
      ["Samsyn Budget 2021", ["Budget_2021", "Budget_2021_grupper"], "Källa: 'Plan'!A9:B10"],
    ]);
  });

  it("writes nothing for no tables", () => {
    expect(budgetOutputSheets([], new Set())).toEqual([]);
  });
});

/** Each row's figures under these headers: the value as read, or what its formula gives. */
function figuresOf(tables: readonly OutputTable[], table: OutputTable, headers: readonly string[]) {
  const index = headers.map((h) => table.columns.findIndex((c) => c.header === h));
  const cell = (row: readonly OutputCell[], i: number, at?: number) => {
    const v = row[i] ?? null;
    return isFormula(v) ? evaluate(v.formula, tables, at === undefined ? undefined : { table, row: at }) : v;
  };
  return {
    rows: table.rows.map((row, r) => index.map((i) => cell(row, i, r))),
    summary: table.summaryRows.map((row) => index.map((i) => cell(row, i))),
  };
}

describe("When a budget has utfall beside it (the Sydost shape)", () => {
  const plan = (budget: BudgetTable) => budgetOutputSheets([budget], new Set([budget.sheet]))[0]!;

  it("then each year with utfall gets Utfall and Avvikelse columns beside its budget, next year's budget after", () => {
    const sheet = plan(sydostBudget());
    expect(sheet.name).toBe("Samsyn Budget 2023");
    const [main, groups] = sheet.tables;
    expect(main!.columns.slice(5).map((c) => [c.header, c.numberFormat])).toEqual([
      ["2023", "#,##0"],
      ["Utfall 2023", "#,##0"],
      ["Avvikelse 2023", "#,##0"],
      ["2024", "#,##0"],
    ]);
    expect(groups!.columns.map((c) => c.header)).toEqual([
      "Avsnitt",
      "Grupp",
      "2023",
      "Utfall 2023",
      "Avvikelse 2023",
      "2024",
    ]);
    for (const t of sheet.tables)
      for (const row of [...t.rows, ...t.summaryRows]) expect(row).toHaveLength(t.columns.length);
  });

  it("then avvikelse is a live utfall − budget on every line, carrying the value it gives", () => {
    const sheet = plan(sydostBudget());
    const main = sheet.tables[0]!;
    const ips = main.rows.find((r) => r[3] === "IPS – individanpassat stöd till arbete")!;
    expect(ips.slice(5)).toEqual([
      1_800_000,
      1_912_400,
      computed("=Budget_2023[[#This Row],[Utfall 2023]]-Budget_2023[[#This Row],[2023]]", 112_400),
      1_818_000,
    ]);
    const { rows } = figuresOf(sheet.tables, main, ["Rad", "2023", "Utfall 2023", "Avvikelse 2023"]);
    for (const [label, budget, utfall, avvikelse] of rows)
      expect([label, avvikelse]).toEqual([label, (utfall as number) - (budget as number)]);
    expect(rows.find((r) => r[0] === "Ränteintäkter")).toEqual(["Ränteintäkter", 0, 12_345, 12_345]);
  });

  it("then the sums show utfall beside the budget and their avvikelse, as the sheet states them", () => {
    const sheet = plan(sydostBudget());
    const { summary } = figuresOf(sheet.tables, sheet.tables[0]!, [
      "Rad",
      "2023",
      "Utfall 2023",
      "Avvikelse 2023",
      "2024",
    ]);
    // Rows 13, 26 and 27 of the fixture: Summa intäkter, Summa kostnader, Årets resultat.
    expect(summary).toEqual([
      ["Summa intäkter", 8_000_000, 8_012_345, 12_345, 8_160_000],
      ["Summa kostnader", 7_840_000, 7_528_150, -311_850, 7_949_200],
      ["Över-/underskott", 160_000, 484_195, 324_195, 210_800],
    ]);
    expect(sheet.tables[0]!.summaryRows[2]![7]).toEqual(
      computed(
        '=SUMIFS(Budget_2023[Avvikelse 2023],Budget_2023[Avsnitt],"Intäkt")-SUMIFS(Budget_2023[Avvikelse 2023],Budget_2023[Avsnitt],"Kostnad")',
        324_195,
      ),
    );
  });

  it("then each cost group has its utfall and avvikelse as live sums", () => {
    const sheet = plan(sydostBudget());
    const { rows } = figuresOf(sheet.tables, sheet.tables[1]!, [
      "Grupp",
      "2023",
      "Utfall 2023",
      "Avvikelse 2023",
    ]);
    expect(rows).toEqual([
      ["medlemsbidrag", 8_000_000, 8_000_000, 0],
      ["övriga intäkter", 0, 12_345, 12_345],
      ["insatser", 6_300_000, 6_070_500, -229_500],
      ["kansli och administration", 1_150_000, 1_098_400, -51_600],
      ["styrelse", 180_000, 152_300, -27_700],
      ["revision", 90_000, 88_750, -1_250],
      ["ekonomiadministration", 120_000, 118_200, -1_800],
    ]);
  });

  it("then a half-year utfall is headed jan–jun and set against the whole year's budget", () => {
    const sheet = plan(sydostBudget({ halfYear: true }));
    const main = sheet.tables[0]!;
    expect(main.columns.slice(5).map((c) => c.header)).toEqual([
      "2023",
      "Utfall jan–jun 2023",
      "Avvikelse jan–jun 2023",
      "Utfall 2023",
      "Avvikelse 2023",
      "2024",
    ]);
    const { rows, summary } = figuresOf(sheet.tables, main, [
      "Rad",
      "2023",
      "Utfall jan–jun 2023",
      "Avvikelse jan–jun 2023",
    ]);
    expect(rows[0]).toEqual(["Försäkringskassan", 4_000_000, 2_000_000, -2_000_000]);
    expect(summary.map((r) => r.slice(1))).toEqual([
      [8_000_000, 4_005_120, -3_994_880],
      [7_840_000, 3_575_000, -4_265_000],
      [160_000, 430_120, 270_120],
    ]);
  });

  it("then a half-year utfall alone has its columns, and no whole-year ones", () => {
    const main = plan(sydostBudget({ halfYear: true, fullYear: false })).tables[0]!;
    expect(main.columns.slice(5).map((c) => c.header)).toEqual([
      "2023",
      "Utfall jan–jun 2023",
      "Avvikelse jan–jun 2023",
      "2024",
    ]);
  });

  it("then every formula carries what it gives, and Excel's rules for structured references take it", () => {
    const sheet = plan(sydostBudget({ halfYear: true }));
    let checked = 0;
    for (const table of sheet.tables) {
      const all = [
        ...table.rows.map((row, r) => ({ row, at: r as number | undefined })),
        ...table.summaryRows.map((row) => ({ row, at: undefined })),
      ];
      for (const { row, at } of all)
        for (const cell of row) {
          if (!isFormula(cell)) continue;
          expect(structuredReferenceError(cell.formula)).toBeNull();
          expect(hasResult(cell) ? cell.result : "no value").toBe(
            evaluate(cell.formula, sheet.tables, at === undefined ? undefined : { table, row: at }),
          );
          checked++;
        }
    }
    // 14 lines × 2 avvikelse, 3 sums × 6 columns, 7 groups × 6 columns.
    expect(checked).toBe(14 * 2 + 3 * 6 + 7 * 6);
  });

  it("then a column wide enough for its header", () => {
    const main = plan(sydostBudget({ halfYear: true })).tables[0]!;
    for (const c of main.columns.slice(5)) expect(c.width!).toBeGreaterThanOrEqual(c.header.length + 3);
    expect(main.columns[5]!.width).toBe(14);
  });
});

describe("thisRowRef", () => {
  it("When a column name holds characters Excel escapes, then the reference escapes them and Excel's rules take it", () => {
    expect(thisRowRef("Budget_2023", "Avvikelse jan–jun 2023")).toBe(
      "Budget_2023[[#This Row],[Avvikelse jan–jun 2023]]",
    );
    const odd = thisRowRef("T", "#Antal [st] o'k");
    expect(odd).toBe("T[[#This Row],['#Antal '[st'] o''k]]");
    expect(structuredReferenceError(`=${odd}-${thisRowRef("T", "2023-2024")}`)).toBeNull();
  });
});
