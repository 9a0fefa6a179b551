/**
 * Names as Excel has them: table names and defined names are one namespace, and no name may
 * read as a cell (A1, or beginning with R1C1). The fake refuses what Excel refuses; the pane's
 * writes pick names that pass.
 */
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { isCellLike } from "../../playground/fake-excel/names";
import { gridFromRows } from "../../shared/grid";
import { uniqueTableName } from "../../shared/output";

const budgetGrid = () =>
  gridFromRows("Budget", [
    [null, "Budget 2015"],
    ["Intäkter", null],
    ["Medlemsbidrag", 1_000_000],
    ["Kostnader", null],
    ["Insatser", 600_000],
    ["Kansli", 100_000],
  ]);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );

describe("When a name is given in the fake Excel", () => {
  it("then a table may not take a defined name's name, nor a defined name a table's, whatever the case", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const host = fakeHost(book);
    await host.run(async (context) => {
      context.workbook.names.add("Budget_2009", "=Budget!$B$3");
      await context.sync();
    });
    const table = host.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Budget").tables.add("Budget!A2:B3", true);
      t.name = "BUDGET_2009";
      await context.sync();
    });
    expect(await codeOf(table)).toBe("ItemAlreadyExists");
    const name = host.run(async (context) => {
      context.workbook.names.add("table1", "=Budget!$A$1");
      await context.sync();
    });
    // The table made above is Table1 (its rename failed with the sync): the name is taken.
    expect(await codeOf(name)).toBe("ItemAlreadyExists");
  });

  it("then names that read as cells are refused: A1 up to XFD1048576, and anything beginning with an R1C1 reference", async () => {
    const refused = [
      "A1",
      "XFD1048576",
      "Z100",
      "Col2",
      "Rad1",
      "R1C1",
      "r2c3",
      "R",
      "c",
      "C2_Kostnader",
      "R10Budget",
      "TRUE",
    ];
    const taken = ["XFE1", "A1048577", "Budget_2009", "RCA", "Radnr", "_2009", "Kol_2"];
    const codes = async (names: readonly string[]) => {
      const out: string[] = [];
      for (const n of names) {
        const book = FakeBook.fromGrids([budgetGrid()]);
        out.push(
          await codeOf(
            fakeHost(book).run(async (context) => {
              context.workbook.names.add(n, "=Budget!$A$1");
              await context.sync();
            }),
          ),
        );
      }
      return out;
    };
    expect(await codes(refused)).toEqual(refused.map(() => "InvalidArgument"));
    expect(await codes(taken)).toEqual(taken.map(() => "ok"));
  });
});

describe("When Samsyn names a table", () => {
  it("then it never picks a name that reads as a cell, R1C1 included", () => {
    for (const wish of ["R1C1", "C2 Kostnader", "r12", "RC", "A1", "c", "2009"]) {
      const name = uniqueTableName(wish, new Set());
      expect(isCellLike(name), `${wish} → ${name}`).toBe(false);
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    }
  });

  it("then a user's defined name with the table's wished name does not fail the write: the table takes another, formulas follow it", async () => {
    const plain = FakeBook.fromGrids([budgetGrid()]);
    await convert(fakeHost(plain), { kind: "active" });
    const wished = plain.tables.map((t) => t.name);
    expect(wished.length).toBeGreaterThan(0);

    const book = FakeBook.fromGrids([budgetGrid()]);
    book.names.push({ name: wished[0]!, formula: "=Budget!$B$3" });
    const before = book.syncs;
    await convert(fakeHost(book), { kind: "active" });
    const names = book.tables.map((t) => t.name);
    expect(names).not.toContain(wished[0]);
    expect(names.length).toBe(wished.length);
    // The user's name is left as it was, and no formula points at it as if it were the table.
    expect(book.names).toEqual([{ name: wished[0]!, formula: "=Budget!$B$3" }]);
    const formulas = book.sheets.flatMap((s) =>
      [...s.cells.values()].flatMap((c) => (c.formula ? [c.formula] : [])),
    );
    expect(formulas.some((f) => f.includes(`${wished[0]}[`))).toBe(false);
    expect(formulas.some((f) => f.includes(`${names[0]}[`))).toBe(true);
    // As many round trips as a write into a workbook without names.
    const plainSyncs = (() => {
      const b = FakeBook.fromGrids([budgetGrid()]);
      return convert(fakeHost(b), { kind: "active" }).then(() => b.syncs);
    })();
    expect(book.syncs - before).toBe(await plainSyncs);
  });
});
