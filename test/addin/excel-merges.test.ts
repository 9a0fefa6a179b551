/**
 * Merged cells as Excel answers for them: Range.getMergedAreasOrNullObject fails for more than
 * 512 merged areas (its reference text), so a sheet with more is read in parts, never not at all.
 */
import { describe, expect, it } from "vitest";
import { readSource } from "../../addin/excel/read";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { gridFromRows, rangeToA1 } from "../../shared/grid";

/** A budget whose every label is merged over two columns, as hand-made sheets often are. */
function mergedBudget(lines: number) {
  const rows: (string | number | null)[][] = [[null, null, "Budget 2015"]];
  for (let i = 0; i < lines; i++) rows.push([`Insats ${i + 1}`, null, 1000 + i]);
  const grid = gridFromRows("Budget", rows);
  return {
    ...grid,
    merges: Array.from({ length: lines }, (_, i) => ({
      start: { row: i + 1, col: 0 },
      end: { row: i + 1, col: 1 },
    })),
  };
}

describe("When a sheet has more than 512 merged areas", () => {
  it("then the fake refuses to list them in one answer, as Excel does", async () => {
    const book = FakeBook.fromGrids([mergedBudget(513)]);
    const failure = fakeHost(book)
      .run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("Budget")
          .getRange("A1:C600")
          .getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      })
      .catch((e: unknown) => (e as { code: string }).code);
    expect(await failure).toBe("GeneralException");
    // 512 still answer.
    const fine = FakeBook.fromGrids([mergedBudget(512)]);
    const address = await fakeHost(fine).run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem("Budget")
        .getRange("A1:C600")
        .getMergedAreasOrNullObject();
      areas.load("address");
      await context.sync();
      return areas.address;
    });
    expect(address.split(", ")).toHaveLength(512);
  });

  it("then the sheet is read whole, every merge found once, in a few more round trips only for it", async () => {
    const grid = mergedBudget(1300);
    const book = FakeBook.fromGrids([grid]);
    const snapshot = await readSource(fakeHost(book), { kind: "active" });
    expect(snapshot.grid.values).toEqual(grid.values);
    expect(snapshot.grid.merges.map(rangeToA1).sort()).toEqual(grid.merges.map(rangeToA1).sort());
    const small = FakeBook.fromGrids([mergedBudget(20)]);
    await readSource(fakeHost(small), { kind: "active" });
    expect(small.syncs).toBe(2);
    // The failed first try, the cells again, then bands of rows (1300 merges: at least three bands).
    expect(book.syncs).toBeGreaterThanOrEqual(2 + 1 + 3);
    expect(book.syncs).toBeLessThanOrEqual(2 + 1 + 8);
  });
});
