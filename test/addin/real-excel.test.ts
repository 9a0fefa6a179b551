/**
 * The pane's writes as they will meet real Excel, through the fake taught Excel's documented
 * rules: text that could run as a formula, errors put into what the user can do, a selection
 * of several areas, idempotent writes, the user's own fill on the source sheet.
 */
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { AddinError, classifyFailure, type ExcelFailure } from "../../addin/excel/errors";
import { readSource } from "../../addin/excel/read";
import { en } from "../../addin/ui/strings/en";
import { sv } from "../../addin/ui/strings/sv";
import { FakeBook } from "../../playground/fake-excel/book";
import { FakeOfficeError, fakeHost } from "../../playground/fake-excel/excel";
import { gridFromRows, parseRangeA1 } from "../../shared/grid";

const budgetGrid = () =>
  gridFromRows("Budget", [
    ["- Verksamhetsplan 2015", null],
    [null, "Budget 2015"],
    ["Intäkter", null],
    ["Medlemsbidrag", 1_000_000],
    ["Summa intäkter", 1_000_000],
    ["Kostnader", null],
    ["Insatser", 600_000],
    ["+ Kansli", 100_000],
    ["Summa kostnader", 800_000],
  ]);

/** Every cell the pane wrote on its own sheets: [sheet!A1, value] for text. */
function writtenTexts(book: FakeBook): [string, string][] {
  return book.sheets
    .filter((s) => s.name.startsWith("Samsyn "))
    .flatMap((s) =>
      [...s.cells].flatMap(([k, c]): [string, string][] =>
        typeof c.value === "string" && c.formula === null ? [[`${s.name}!${k}`, c.value]] : [],
      ),
    );
}

describe("When text that could run as a formula is written", () => {
  it("then the cell holds the text as it was, with no apostrophe to see", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    await convert(fakeHost(book), { kind: "active" });
    const texts = writtenTexts(book).map(([, v]) => v);
    expect(texts).toContain("+ Kansli");
    expect(texts).toContain("- Verksamhetsplan 2015");
    expect(texts.filter((t) => t.startsWith("'"))).toEqual([]);
  });
});

describe("When Excel refuses", () => {
  it("then each of its error codes becomes something the user can do, in both languages", () => {
    const codes: [string, ExcelFailure][] = [
      ["InvalidOperationInCellEditMode", "cell-edit-mode"],
      ["InvalidSelection", "other-workbook"],
      ["InvalidOperation", "not-allowed-now"],
      ["InvalidArgument", "refused-input"],
      ["GeneralException", "excel-internal"],
    ];
    for (const [code, failure] of codes) {
      expect(classifyFailure(new FakeOfficeError(code, code)), code).toBe(failure);
      for (const strings of [sv, en]) expect(strings.failures[failure]).not.toBe(strings.failures.unknown);
    }
    // Cell-edit mode without delayForCellEdit is InvalidOperation: the words say to finish editing.
    expect(sv.failures["not-allowed-now"]).toMatch(/Avsluta redigeringen/);
  });

  it("then a selection of several areas asks for a single area", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    book.selection = { sheet: book.sheets[0]!, range: parseRangeA1("A1:B9")! };
    book.moreSelectedAreas = [parseRangeA1("D1:D3")!];
    const failure = await readSource(fakeHost(book), { kind: "selection" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AddinError);
    expect(classifyFailure(failure)).toBe("several-areas");
    expect(sv.failures["several-areas"]).toMatch(/^Markera ett enda område/);
    // One area again: it reads.
    book.moreSelectedAreas = [];
    await expect(readSource(fakeHost(book), { kind: "selection" })).resolves.toBeDefined();
  });
});
