/** Corrections the user makes are applied, written with the workbook, and give the same result next time. */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { convert, importSource } from "../../addin/convert";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook } from "../../playground/fake-excel/xlsx";
import type { BudgetTable } from "../../shared/report";

const budgetOf = (tables: readonly { kind: string }[]) =>
  tables.find((t): t is BudgetTable => t.kind === "budget")!;

describe("corrections", () => {
  it("are remembered with the workbook, so the next import reads the sheet the same way", async () => {
    const book = await loadBook(resolve("../shared/fixtures/ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const host = fakeHost(book);
    const detected = budgetOf((await importSource(host, { kind: "active" })).reading.tables);
    const line = detected.lines.find((l) => l.section === "cost")!;
    const corrections = {
      "Budget 2008": {
        unit: "kr" as const,
        lines: { [line.cell]: { section: "income" as const, group: "övriga intäkter" as const } },
      },
    };

    const converted = await convert(host, { kind: "active" }, { corrections });
    const corrected = budgetOf(converted.reading.tables);
    expect([detected.unit, corrected.unit]).toEqual(["tkr", "kr"]);
    expect(corrected.lines.find((l) => l.cell === line.cell)).toMatchObject({
      section: "income",
      group: "övriga intäkter",
    });

    // Next month: a plain import, no corrections given, reads the sheet as corrected.
    const again = await importSource(host, { kind: "active" });
    expect(again.corrections).toEqual(corrections);
    expect(budgetOf(again.reading.tables)).toEqual(corrected);
  });
});
