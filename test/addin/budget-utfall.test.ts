/**
 * A budget with utfall written through the office.js adapter over the fake Excel: the avvikelse
 * formulas name their own table's row, so they go in once the table is there (before, Excel
 * would keep them as #REF!), in as many round trips as a budget without utfall; and which
 * utfall the pane's budget card offers (Helår, Halvår).
 */
import { describe, expect, it } from "vitest";
import { OUTPUTS_KEY, parseOutputs } from "../../addin/excel/state";
import { type WriteRequest, writeConversion } from "../../addin/excel/write";
import { outcomeYears } from "../../addin/ui/components/BudgetOutcome";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { withMissingTables } from "../../playground/fake-excel/formula";
import { budgetOutputSheets } from "../../shared/budget";
import { gridFromRows } from "../../shared/grid";
import { layoutSheet, type OutputSheet } from "../../shared/output";
import type { BudgetTable } from "../../shared/report";
import { sydostBudget } from "../support/budget-utfall";

const source = gridFromRows("Budget och utfall", [["Post", "Budget"]]);

function request(book: FakeBook, budget: BudgetTable): { sheets: OutputSheet[]; request: WriteRequest } {
  const sheets = budgetOutputSheets([budget], new Set(["Budget och utfall"]));
  return {
    sheets,
    request: {
      source: "Budget och utfall",
      sourceId: book.sheet("Budget och utfall")!.id,
      sheets,
      marks: [],
      corrections: {},
      outputs: parseOutputs(book.settings.get(OUTPUTS_KEY)),
    },
  };
}

/** The same budget as a sheet without utfall columns gives it. */
function withoutUtfall(budget: BudgetTable): BudgetTable {
  const { outcomeTotals: _, columns: __, ...rest } = budget;
  return { ...rest, lines: rest.lines.map(({ outcomes: ___, ...line }) => line) };
}

/** Every formula the plan's line tables hold, and the formula the fake sheet holds at the same cell. */
function formulasWritten(book: FakeBook, sheets: readonly OutputSheet[]) {
  const out: { planned: string; written: string | null | undefined }[] = [];
  for (const sheet of sheets) {
    const ws = book.sheet(sheet.name)!;
    for (const p of layoutSheet(sheet))
      for (const [r, row] of p.table.rows.entries())
        for (const [c, cell] of row.entries())
          if (cell !== null && typeof cell === "object")
            out.push({ planned: cell.formula, written: ws.cell(p.firstBodyRow - 1 + r, c)?.formula });
  }
  return out;
}

describe("When a formula names a table that is not there yet", () => {
  it("then the fake keeps it as #REF!, as Excel does, and leaves other text alone", () => {
    const exists = (name: string) => name === "Budget_2023";
    expect(
      withMissingTables("=Budget_2023[[#This Row],[Utfall 2023]]-Budget_2023[[#This Row],[2023]]", exists),
    ).toBeNull();
    expect(
      withMissingTables("=Annan[[#This Row],[Utfall 2023]]-Budget_2023[[#This Row],[2023]]", exists),
    ).toBe("=#REF!-Budget_2023[[#This Row],[2023]]");
    expect(withMissingTables('=SUMIFS(Budget_2023[2023],Budget_2023[Grupp],"Annan[x]")', exists)).toBeNull();
  });
});

describe("When the pane writes a budget with utfall", () => {
  it("then every avvikelse is the live formula of its row, and the round trips are those of a budget without utfall", async () => {
    const bare = FakeBook.fromGrids([source]);
    await writeConversion(fakeHost(bare), request(bare, withoutUtfall(sydostBudget())).request);

    const book = FakeBook.fromGrids([source]);
    const { sheets, request: req } = request(book, sydostBudget({ halfYear: true }));
    await writeConversion(fakeHost(book), req);
    expect(book.syncs).toBe(bare.syncs);
    const written = formulasWritten(book, sheets);
    expect(written.filter((f) => f.planned.includes("[#This Row]"))).toHaveLength(14 * 2);
    for (const f of written) expect(f.written).toBe(f.planned);
  });

  it("then a refresh that brings utfall to a budget written without it resizes the table and writes the formulas", async () => {
    const book = FakeBook.fromGrids([source]);
    const host = fakeHost(book);
    const budget = sydostBudget();
    const { outcomeTotals: _, ...rest } = budget;
    await writeConversion(
      host,
      request(book, { ...rest, lines: rest.lines.map(({ outcomes: __, ...l }) => l) }).request,
    );
    expect(book.tables.map((t) => [t.name, t.range.end.col])).toEqual([
      ["Budget_2023", 6],
      ["Budget_2023_grupper", 3],
    ]);
    const { sheets, request: req } = request(book, budget);
    await writeConversion(host, req);
    expect(book.tables.map((t) => [t.name, t.range.end.col])).toEqual([
      ["Budget_2023", 8],
      ["Budget_2023_grupper", 5],
    ]);
    for (const f of formulasWritten(book, sheets)) expect(f.written).toBe(f.planned);
  });
});

describe("When the pane's budget card asks which utfall a budget has", () => {
  it("then it offers the whole year first and jan–jun after, only what exists, and nothing without utfall", () => {
    const views = (b: BudgetTable) =>
      outcomeYears(b).map((y) => [y.year, y.views.map((v) => `${v.kind} ${v.key}`)]);
    expect(views(sydostBudget({ halfYear: true }))).toEqual([["2023", ["year 2023", "half 2023-H1"]]]);
    expect(views(sydostBudget())).toEqual([["2023", ["year 2023"]]]);
    expect(views(sydostBudget({ halfYear: true, fullYear: false }))).toEqual([["2023", ["half 2023-H1"]]]);
    expect(views(withoutUtfall(sydostBudget()))).toEqual([]);
  });
});
