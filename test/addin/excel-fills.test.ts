/**
 * The user's own fill under Samsyn's marks, as Excel reports fills: no fill and white both read
 * "#FFFFFF" (office-js#4900, #6218), tintAndShade tells them apart, and a pattern is a fill too.
 */
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { MARK_FILL, removeMarks } from "../../addin/excel/write";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { markedBudget } from "../support/marked-budget";

describe("When the fake Excel reads a fill", () => {
  it("then no fill and white both read #FFFFFF, and only tintAndShade and pattern tell them apart", async () => {
    const book = FakeBook.fromGrids([markedBudget()]);
    const sheet = book.sheets[0]!;
    sheet.patch(0, 1, { fill: "#FFFFFF" });
    sheet.patch(0, 2, { fill: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" });
    const read = await fakeHost(book).run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Budget");
      const fills = ["A1", "B1", "C1"].map((a) =>
        ws.getRange(a).format.fill.load("color,tintAndShade,pattern,patternColor"),
      );
      await context.sync();
      return fills.map((f) => [f.color, f.tintAndShade, f.pattern, f.patternColor]);
    });
    expect(read).toEqual([
      ["#FFFFFF", null, "None", null],
      ["#FFFFFF", 0, "Solid", null],
      ["#FFFF00", 0, "Gray25", "#FF0000"],
    ]);
  });
});

describe("When a cell Samsyn marks has the user's own fill", () => {
  it("then a white fill comes back white when the mark goes, not as no fill", async () => {
    const book = FakeBook.fromGrids([markedBudget()]);
    const sheet = book.sheets[0]!;
    sheet.patch(8, 1, { fill: "#FFFFFF" });
    await convert(fakeHost(book), { kind: "active" });
    expect(sheet.cell(8, 1)?.fill).toBe(MARK_FILL.error);
    sheet.patch(8, 1, { value: 700_000 });
    await convert(fakeHost(book), { kind: "active" });
    expect(sheet.cell(8, 1)?.fill).toBe("#FFFFFF");
  });

  it("then a patterned fill is marked in a plain colour and comes back with its pattern on Ta bort markeringar", async () => {
    const book = FakeBook.fromGrids([markedBudget()]);
    const sheet = book.sheets[0]!;
    sheet.patch(8, 1, { fill: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" });
    // A cell without a fill stays without one.
    await convert(fakeHost(book), { kind: "active" });
    expect(sheet.cell(8, 1)).toMatchObject({ fill: MARK_FILL.error, pattern: null });
    await removeMarks(fakeHost(book), { id: sheet.id, name: sheet.name });
    expect(sheet.cell(8, 1)).toMatchObject({ fill: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" });
    const others = [...sheet.cells.values()].filter((c) => c !== sheet.cell(8, 1) && c.fill !== null);
    expect(others).toEqual([]);
  });
});
