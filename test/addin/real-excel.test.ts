/**
 * The pane's writes as they will meet real Excel, through the fake taught Excel's documented
 * rules: text that could run as a formula, errors put into what the user can do, a selection
 * of several areas, idempotent writes, the user's own fill on the source sheet.
 */
import { describe, expect, it } from "vitest";
import { convert, importSource, writeReading } from "../../addin/convert";
import { AddinError, classifyFailure, type ExcelFailure } from "../../addin/excel/errors";
import { readSource } from "../../addin/excel/read";
import { MARK_FILL, removeMarks } from "../../addin/excel/write";
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

/** What a workbook holds, to compare two: sheets, tables, notes, settings' outputs, fills. */
function state(book: FakeBook) {
  return {
    sheets: book.sheets.map((s) => s.name),
    tables: book.tables.map((t) => `${t.sheet.name}!${t.name}`).sort(),
    notes: book.sheets.flatMap((s) => [...s.notes].map(([a1, text]) => `${s.name}!${a1}:${text}`)).sort(),
    fills: book.sheets
      .flatMap((s) =>
        [...s.cells].filter(([, c]) => c.fill !== null).map(([k, c]) => `${s.name}!${k}:${c.fill}`),
      )
      .sort(),
    cells: book.sheets
      .filter((s) => s.name.startsWith("Samsyn "))
      .map((s) =>
        [...s.cells]
          .sort(([a], [b]) => a - b)
          .map(([k, c]) => `${k}:${String(c.value)}:${c.formula}`)
          .join("|"),
      ),
  };
}

describe("When a write stops midway", () => {
  it("then the retry finds what it wrote and finishes it: no duplicate sheet, table, note or name, at whichever sync it stopped", async () => {
    const clean = FakeBook.fromGrids([budgetGrid()]);
    const imported = await importSource(fakeHost(clean), { kind: "active" });
    const before = clean.syncs;
    await writeReading(fakeHost(clean), imported);
    const syncs = clean.syncs - before;
    expect(syncs).toBe(2);
    expect(state(clean).notes.length).toBeGreaterThan(0);

    for (let k = 1; k <= syncs; k++) {
      const book = FakeBook.fromGrids([budgetGrid()]);
      const read = await importSource(fakeHost(book), { kind: "active" });
      await expect(writeReading(fakeHost(book, { failAtSync: k }), read)).rejects.toMatchObject({
        code: "GeneralException",
      });
      // The pane retries with what it had read before the failure.
      await writeReading(fakeHost(book), read);
      expect(state(book), `stopped at sync ${k}`).toEqual(state(clean));
      // And once more, as a user pressing again would: still the same workbook.
      await writeReading(fakeHost(book), read);
      expect(state(book), `again after sync ${k}`).toEqual(state(clean));
    }
  });

  it("then lost settings, with the sheets and notes still there, give no second sheet, table or note", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const read = await importSource(fakeHost(book), { kind: "active" });
    await writeReading(fakeHost(book), read);
    const once = state(book);
    book.settings.clear();
    // Samsyn's sheets carry a tag naming their source sheet's id: found again, reused, not doubled.
    const again = await importSource(fakeHost(book), { kind: "active" });
    const before = book.syncs;
    await writeReading(fakeHost(book), again);
    expect(state(book)).toEqual(once);
    // One round trip more than a write, to ask the "Samsyn …" sheets whose they are.
    expect(book.syncs - before).toBe(3);
  });
});

describe("When a second sheet of the same workbook is converted", () => {
  it("then its write takes two round trips like the first: the first sheet's outputs are on record, nothing to ask", async () => {
    const other = gridFromRows("Budget 2016", [
      [null, "Budget 2016"],
      ["Intäkter", null],
      ["Medlemsbidrag", 900_000],
      ["Kostnader", null],
      ["Insatser", 500_000],
    ]);
    const book = FakeBook.fromGrids([budgetGrid(), other]);
    await convert(fakeHost(book), { kind: "sheet", sheet: "Budget" });
    const first = book.sheets.map((s) => s.name);
    const read = await importSource(fakeHost(book), { kind: "sheet", sheet: "Budget 2016" });
    const before = book.syncs;
    await writeReading(fakeHost(book), read);
    expect(book.syncs - before).toBe(2);
    // The first sheet's outputs are left as they were; the second's are new sheets beside them.
    expect(book.sheets.map((s) => s.name).slice(0, first.length)).toEqual(first);
    expect(book.sheets.length).toBeGreaterThan(first.length);
  });
});

describe("When the source sheet is renamed between reading and writing", () => {
  it("then the write finds it by its id: marks land on it and a refresh reuses the same outputs", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const read = await importSource(fakeHost(book), { kind: "active" });
    book.sheets[0]!.name = "Budget omdöpt";
    const written = await writeReading(fakeHost(book), read);
    expect(written.record.marks.length).toBeGreaterThan(0);
    expect([...book.sheets[0]!.notes.keys()]).toEqual(written.record.marks);
    const sheets = book.sheets.map((s) => s.name);
    await convert(fakeHost(book), { kind: "sheet", sheet: "Budget omdöpt" });
    expect(book.sheets.map((s) => s.name)).toEqual(sheets);
  });
});

describe("When the source sheet has the user's own fill", () => {
  it("then a mark keeps it aside and puts it back when the issue is gone; cells Samsyn never marked keep theirs", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const sheet = book.sheets[0]!;
    // The stated total B9 is wrong (800 000 against 700 000): it will be marked. A1 is the user's too.
    sheet.patch(8, 1, { fill: "#00B050" });
    sheet.patch(0, 0, { fill: "#FFFF00" });
    await convert(fakeHost(book), { kind: "active" });
    expect(sheet.cell(8, 1)?.fill).toBe(MARK_FILL.error);
    // Fixed: the mark goes, the user's green comes back; the yellow was never touched.
    sheet.patch(8, 1, { value: 700_000 });
    await convert(fakeHost(book), { kind: "active" });
    expect([sheet.cell(8, 1)?.fill, sheet.cell(0, 0)?.fill]).toEqual(["#00B050", "#FFFF00"]);
  });
});

describe("When Skriv tabellerna is pressed", () => {
  it("then what is written is the reading on screen, not the sheet read again", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const read = await importSource(fakeHost(book), { kind: "active" });
    // Edited after the reading the user reviewed: not what they asked to write.
    book.sheets[0]!.patch(6, 1, { value: 999 });
    const written = await writeReading(fakeHost(book), read);
    const texts = book.sheets.find((s) => s.name.startsWith("Samsyn Budget"))!;
    const values = [...texts.cells.values()].map((c) => c.value);
    expect(values).toContain(600_000);
    expect(values).not.toContain(999);
    expect(written.reading).toBe(read.reading);
  });
});

describe("When Excel can group a write into one undo step", () => {
  it("then a write is one step with ExcelApi 1.20, several before it, and one deleting a sheet falls back to several", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const read = await importSource(fakeHost(book, { apiVersion: "1.20" }), { kind: "active" });
    const grouped = await writeReading(fakeHost(book, { apiVersion: "1.20" }), read);
    expect([grouped.undo, book.undoSteps.at(-1)]).toEqual(["one-step", 1]);

    const older = FakeBook.fromGrids([budgetGrid()]);
    const steps = await writeReading(
      fakeHost(older),
      await importSource(fakeHost(older), { kind: "active" }),
    );
    expect([steps.undo, older.undoSteps.at(-1)]).toEqual(["steps", 2]);

    // Fixed: the checks sheet goes, and Worksheet.delete has no undo. Written again ungrouped, once.
    book.sheets[0]!.patch(8, 1, { value: 700_000 });
    const sheetsBefore = book.sheets.length;
    const fixed = await convert(
      fakeHost(book, { apiVersion: "1.20" }),
      { kind: "active" },
      { corrections: { Budget: { unit: "kr" } } },
    );
    expect(fixed.undo).toBe("steps");
    expect(book.sheets.map((s) => s.name)).not.toContain("Samsyn kontroller");
    expect(book.sheets.length).toBe(sheetsBefore - 1);
  });
});

describe("When Ta bort markeringar is pressed", () => {
  it("then Samsyn's fills and notes go, the user's fill and notes stay, and the workbook forgets the marks", async () => {
    const book = FakeBook.fromGrids([budgetGrid()]);
    const sheet = book.sheets[0]!;
    sheet.patch(8, 1, { fill: "#00B050" });
    sheet.notes.set("A1", "Min egen anteckning");
    const converted = await convert(fakeHost(book), { kind: "active" });
    expect(converted.record.marks.length).toBeGreaterThan(0);
    await removeMarks(fakeHost(book), { id: sheet.id, name: sheet.name });
    expect(sheet.cell(8, 1)?.fill).toBe("#00B050");
    expect([...sheet.cells.values()].filter((c) => c.fill !== null && c.fill !== "#00B050")).toEqual([]);
    expect([...sheet.notes]).toEqual([["A1", "Min egen anteckning"]]);
    // A refresh marks again, and the user's colour is still known.
    await convert(fakeHost(book), { kind: "active" });
    expect(sheet.cell(8, 1)?.fill).toBe(MARK_FILL.error);
  });
});

describe("When a table is made while another sheet is active", () => {
  it("then the fake puts a string address on the active sheet, as Excel does, and the pane's tables still land on its own sheets", async () => {
    const book = FakeBook.fromGrids([budgetGrid(), gridFromRows("Annat", [["x"]])]);
    book.sheets[0]!.patch(20, 0, { value: "Rubrik" });
    book.sheets[0]!.patch(21, 0, { value: 1 });
    book.active = book.sheet("Annat");
    await fakeHost(book).run(async (context) => {
      context.workbook.worksheets.getItem("Budget").tables.add("A21:A22", true);
      await context.sync();
    });
    expect(book.tables.map((t) => t.sheet.name)).toEqual(["Annat"]);
    book.tables.length = 0;

    const read = await importSource(fakeHost(book), { kind: "sheet", sheet: "Budget" });
    book.active = book.sheet("Annat");
    const written = await writeReading(fakeHost(book), read);
    const own = new Set(written.record.sheets.map((s) => s.name));
    expect(book.tables.every((t) => own.has(t.sheet.name))).toBe(true);
  });
});
