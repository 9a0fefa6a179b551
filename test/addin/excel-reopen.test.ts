/**
 * A workbook e-mailed and opened again: Worksheet.id is valid within a session only
 * (office-js#38, #1390; office-js-docs-pr#297), so the fake gives new ids on reopening, and the
 * pane finds its outputs by the key it tagged on the source sheet.
 */
import { describe, expect, it } from "vitest";
import { convert, importSource } from "../../addin/convert";
import { MARK_FILL, removeMarks } from "../../addin/excel/write";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { markedBudget } from "../support/marked-budget";

const reopen = (book: FakeBook) => FakeBook.fromJSON(JSON.parse(JSON.stringify(book.toJSON())));

describe("When a workbook is opened again", () => {
  it("then the fake gives its sheets new ids, as Excel may", () => {
    const book = FakeBook.fromGrids([markedBudget()]);
    const again = reopen(book);
    expect(again.sheets[0]!.name).toBe("Budget");
    expect(again.sheets[0]!.id).not.toBe(book.sheets[0]!.id);
  });

  it("then a refresh updates the same sheets and tables in place: no 'Samsyn … (2)', no mark left behind", async () => {
    const first = FakeBook.fromGrids([markedBudget()]);
    await convert(fakeHost(first), { kind: "active" });
    const sheets = first.sheets.map((s) => s.name);
    const tables = first.tables.map((t) => t.name);

    const book = reopen(first);
    // Fixed meanwhile: the mark must go, and the refresh must find the same outputs.
    book.sheets[0]!.patch(8, 1, { value: 700_000 });
    const before = book.syncs;
    const refreshed = await convert(fakeHost(book), { kind: "active" });
    expect(book.syncs - before).toBe(4);
    expect(book.sheets.map((s) => s.name).filter((n) => / \(\d\)$/.test(n))).toEqual([]);
    expect(book.tables.map((t) => t.name)).toEqual(tables);
    expect(book.sheets.map((s) => s.name).every((n) => sheets.includes(n))).toBe(true);
    expect(book.sheets[0]!.cell(8, 1)?.fill ?? null).toBe(null);
    // The notes are this run's only: none of last session's stays behind.
    expect([...book.sheets[0]!.notes.keys()].sort()).toEqual([...refreshed.record.marks].sort());
    expect(refreshed.record.marks).not.toContain("B9");
  });

  it("then Ta bort markeringar after reopening takes the marks off the source sheet", async () => {
    const first = FakeBook.fromGrids([markedBudget()]);
    await convert(fakeHost(first), { kind: "active" });
    expect(first.sheets[0]!.cell(8, 1)?.fill).toBe(MARK_FILL.error);
    const book = reopen(first);
    const imported = await importSource(fakeHost(book), { kind: "active" });
    await removeMarks(fakeHost(book), {
      id: imported.snapshot.sourceId,
      name: imported.snapshot.grid.sheet,
      sheetId: imported.snapshot.sheetId,
    });
    expect(book.sheets[0]!.cell(8, 1)?.fill ?? null).toBe(null);
  });

  it("then, with its settings lost as well, the outputs are found by their tags and reused", async () => {
    const first = FakeBook.fromGrids([markedBudget()]);
    await convert(fakeHost(first), { kind: "active" });
    const names = first.sheets.map((s) => s.name);
    const book = reopen(first);
    book.settings.clear();
    await convert(fakeHost(book), { kind: "active" });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
  });
});
