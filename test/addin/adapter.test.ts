/** The office.js adapter through the fake: reading a sheet into a grid, writing a plan, refreshing it in place. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../addin/excel/errors";
import { readSource } from "../../addin/excel/read";
import { CORRECTIONS_KEY, OUTPUTS_KEY, parseOutputs } from "../../addin/excel/state";
import { MARK_FILL, NOTE_PREFIX, type WriteRequest, writeConversion } from "../../addin/excel/write";
import { FakeBook, type FakeSheet } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { saveBook } from "../../playground/fake-excel/xlsx";
import { gridFromRows, toA1 } from "../../shared/grid";
import type { OutputSheet } from "../../shared/output";

const source = gridFromRows(
  "Källa",
  [
    ["Budget 2008", null, null],
    [],
    ["Post", "2008", "Kommentar"],
    ["Kansli", { value: 1200, numberFormat: "#,##0" }, "=inte formel"],
    ["Summa", { value: 1200, formula: "=SUM(C5:C5)" }, null],
  ],
  { row: 1, col: 1 },
);

/** [A1, value, formula] of every non-empty cell of a fake sheet, row by row. */
function cells(sheet: FakeSheet): [string, unknown, string | null][] {
  return [...sheet.cells]
    .map(([k, c]) => ({ row: Math.floor(k / 16_384), col: k % 16_384, c }))
    .filter(({ c }) => c.value !== null || c.formula !== null)
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(({ row, col, c }) => [toA1({ row, col }), c.value, c.formula]);
}

function plan(rows: (string | number)[][]): OutputSheet[] {
  return [
    {
      name: "Samsyn ut",
      heading: ["Budget 2008", "Källa: Källa"],
      tables: [
        {
          name: "Poster",
          columns: [{ header: "Post" }, { header: "Belopp", numberFormat: "#,##0", width: 14 }],
          rows,
          summaryRows: [["Summa", { formula: "=SUM(Poster[Belopp])" }]],
        },
      ],
    },
  ];
}

function request(sheets: OutputSheet[], book: FakeBook, marks: WriteRequest["marks"] = []): WriteRequest {
  return {
    source: "Källa",
    sourceId: book.sheet("Källa")?.id ?? "Källa",
    sheets,
    marks,
    corrections: { Källa: { unit: "tkr" } },
    outputs: parseOutputs(book.settings.get(OUTPUTS_KEY)),
  };
}

describe("readSource", () => {
  it("gives back the sheet's used range as a grid in two round trips", async () => {
    const book = FakeBook.fromGrids([source]);
    book.sheets[0]!.merges = [{ start: { row: 1, col: 1 }, end: { row: 1, col: 3 } }];
    const snapshot = await readSource(fakeHost(book), { kind: "active" });
    expect(book.syncs).toBe(2);
    expect(snapshot.grid.origin).toEqual({ row: 1, col: 1 });
    expect(snapshot.grid.values).toEqual([
      ["Budget 2008", null, null],
      [null, null, null],
      ["Post", "2008", "Kommentar"],
      ["Kansli", 1200, "=inte formel"],
      ["Summa", 1200, null],
    ]);
    // Only real formulas come back as formulas; text that looks like one stays a value.
    expect(snapshot.grid.formulas?.flat().filter(Boolean)).toEqual(["=SUM(C5:C5)"]);
    expect(snapshot.grid.numberFormats?.[3]).toEqual([null, "#,##0", null]);
    expect(snapshot.grid.merges).toEqual([{ start: { row: 1, col: 1 }, end: { row: 1, col: 3 } }]);
    expect(snapshot.scope).toEqual({ kind: "sheet", sheet: "Källa" });
  });

  it("reads the selection only, and remembers it as a range", async () => {
    const book = FakeBook.fromGrids([source]);
    book.selection = {
      sheet: book.sheets[0]!,
      range: { start: { row: 3, col: 1 }, end: { row: 4, col: 2 } },
    };
    const snapshot = await readSource(fakeHost(book), { kind: "selection" });
    expect(snapshot.grid.values).toEqual([
      ["Post", "2008"],
      ["Kansli", 1200],
    ]);
    expect(snapshot.scope).toEqual({ kind: "range", sheet: "Källa", address: "B4:C5" });
  });

  it("reads an empty sheet as an empty grid", async () => {
    const book = new FakeBook();
    book.addSheet("Tom");
    const snapshot = await readSource(fakeHost(book), { kind: "active" });
    expect(snapshot.grid.values).toEqual([]);
  });

  it("splits a read that Excel on the web would refuse, and still gets every row", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`rad ${i}`, i]);
    const book = FakeBook.fromGrids([gridFromRows("Stor", rows)]);
    const snapshot = await readSource(fakeHost(book, { payloadLimit: 8_000 }), { kind: "active" });
    expect(snapshot.grid.values.length).toBe(400);
    expect(snapshot.grid.values[399]).toEqual(["rad 399", 399]);
    expect(book.syncs).toBeGreaterThan(2);
  });
});

describe("writeConversion", () => {
  it("writes heading, a real table, a blank row and live summary rows; text never becomes a formula", async () => {
    const book = FakeBook.fromGrids([source]);
    const host = fakeHost(book);
    await writeConversion(
      host,
      request(
        plan([
          ["Kansli", 1200],
          ['=HYPERLINK("http://x","klick")', 5],
          ["0701", 7],
        ]),
        book,
      ),
    );
    const out = book.sheet("Samsyn ut")!;
    expect(cells(out)).toEqual([
      ["A1", "Budget 2008", null],
      ["A2", "Källa: Källa", null],
      ["A4", "Post", null],
      ["B4", "Belopp", null],
      ["A5", "Kansli", null],
      ["B5", 1200, null],
      ["A6", '=HYPERLINK("http://x","klick")', null],
      ["B6", 5, null],
      ["A7", "0701", null],
      ["B7", 7, null],
      ["A9", "Summa", null],
      ["B9", null, "=SUM(Poster[Belopp])"],
    ]);
    expect(book.tables.map((t) => [t.name, t.sheet.name, t.range])).toEqual([
      ["Poster", "Samsyn ut", { start: { row: 3, col: 0 }, end: { row: 6, col: 1 } }],
    ]);
    expect([4, 5, 6, 8].map((r) => out.cell(r, 1)?.numberFormat)).toEqual([
      "#,##0",
      "#,##0",
      "#,##0",
      "#,##0",
    ]);
    expect(book.syncs).toBe(2);
  });

  it("saves as .xlsx with the table and the formula, as exceljs reads them", async () => {
    const book = FakeBook.fromGrids([source]);
    await writeConversion(fakeHost(book), request(plan([["Kansli", 1200]]), book));
    const file = join(mkdtempSync(join(tmpdir(), "samsyn-addin-")), "ut.xlsx");
    await saveBook(book, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Samsyn ut")!;
    const table = ws.getTable("Poster") as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    expect([table.table.tableRef, table.table.columns.map((c) => c.name)]).toEqual([
      "A4:B5",
      ["Post", "Belopp"],
    ]);
    expect(ws.getCell("B7").formula).toBe("SUM(Poster[Belopp])");
  });

  it("refreshes in place: same sheet and table, resized, the user's formatting kept, nothing stale left", async () => {
    const book = FakeBook.fromGrids([source]);
    const host = fakeHost(book);
    await writeConversion(
      host,
      request(
        plan([
          ["a", 1],
          ["b", 2],
          ["c", 3],
        ]),
        book,
      ),
    );
    // The user formats a cell of the output, and adds a table of their own elsewhere.
    book.sheet("Samsyn ut")!.patch(4, 0, { fill: "#00FF00" });
    book.syncs = 0;
    await writeConversion(host, request(plan([["a", 10]]), book));
    const out = book.sheet("Samsyn ut")!;
    expect(book.sheets.map((s) => s.name)).toEqual(["Källa", "Samsyn ut"]);
    expect(book.tables.map((t) => [t.name, t.range])).toEqual([
      ["Poster", { start: { row: 3, col: 0 }, end: { row: 4, col: 1 } }],
    ]);
    expect(cells(out).slice(4)).toEqual([
      ["A5", "a", null],
      ["B5", 10, null],
      ["A7", "Summa", null],
      ["B7", null, "=SUM(Poster[Belopp])"],
    ]);
    expect(out.cell(4, 0)?.fill).toBe("#00FF00");
    expect(book.syncs).toBe(2);

    await writeConversion(
      host,
      request(
        plan([
          ["a", 1],
          ["b", 2],
          ["c", 3],
          ["d", 4],
        ]),
        book,
      ),
    );
    expect(book.tables.map((t) => [t.name, t.range.end.row])).toEqual([["Poster", 7]]);
    expect(cells(out).slice(-2)).toEqual([
      ["A10", "Summa", null],
      ["B10", null, "=SUM(Poster[Belopp])"],
    ]);
  });

  it("gives a plan table a free name when a table of the user's holds it, and formulas follow", async () => {
    const book = FakeBook.fromGrids([source]);
    const theirs = book.addSheet("Egen");
    theirs.patch(0, 0, { value: "x" });
    theirs.patch(1, 0, { value: 1 });
    book.tables.push({
      name: "Poster",
      sheet: theirs,
      range: { start: { row: 0, col: 0 }, end: { row: 1, col: 0 } },
      style: "",
    });
    await writeConversion(fakeHost(book), request(plan([["a", 1]]), book));
    expect(book.tables.map((t) => `${t.sheet.name}:${t.name}`)).toEqual([
      "Egen:Poster",
      "Samsyn ut:Poster_2",
    ]);
    expect(book.sheet("Samsyn ut")!.cell(6, 1)?.formula).toBe("=SUM(Poster_2[Belopp])");
  });

  it("marks issue cells with a fill and a note, and a refresh removes marks that are gone", async () => {
    const book = FakeBook.fromGrids([source]);
    const src = book.sheet("Källa")!;
    src.notes.set("D4", "Användarens egen anteckning");
    const host = fakeHost(book);
    await writeConversion(
      host,
      request(plan([["a", 1]]), book, [
        { cell: "C5", severity: "warning", text: "Beloppet är text" },
        { cell: "C6", severity: "error", text: "Summan stämmer inte" },
        { cell: "D4", severity: "error", text: "Fel här med" },
      ]),
    );
    expect([src.cell(4, 2)?.fill, src.cell(5, 2)?.fill, src.cell(3, 3)?.fill]).toEqual([
      MARK_FILL.warning,
      MARK_FILL.error,
      MARK_FILL.error,
    ]);
    expect([...src.notes]).toEqual([
      ["D4", "Användarens egen anteckning"],
      ["C5", `${NOTE_PREFIX}Beloppet är text`],
      ["C6", `${NOTE_PREFIX}Summan stämmer inte`],
    ]);
    await writeConversion(
      host,
      request(plan([["a", 1]]), book, [{ cell: "C6", severity: "error", text: "Fortfarande fel" }]),
    );
    expect([src.cell(4, 2)?.fill ?? null, src.cell(5, 2)?.fill]).toEqual([null, MARK_FILL.error]);
    expect([...src.notes]).toEqual([
      ["D4", "Användarens egen anteckning"],
      ["C6", `${NOTE_PREFIX}Fortfarande fel`],
    ]);
  });

  it("marks with a fill only where notes are not supported (below ExcelApi 1.18)", async () => {
    const book = FakeBook.fromGrids([source]);
    await writeConversion(
      fakeHost(book, { apiVersion: "1.13" }),
      request(plan([["a", 1]]), book, [{ cell: "C5", severity: "warning", text: "x" }]),
    );
    expect([book.sheet("Källa")!.cell(4, 2)?.fill, book.sheet("Källa")!.notes.size]).toEqual([
      MARK_FILL.warning,
      0,
    ]);
  });

  it("remembers corrections and which outputs belong to the source, by the source sheet's id, in the workbook's settings", async () => {
    const book = FakeBook.fromGrids([source]);
    await writeConversion(fakeHost(book), request(plan([["a", 1]]), book));
    expect(JSON.parse(String(book.settings.get(CORRECTIONS_KEY)))).toEqual({ Källa: { unit: "tkr" } });
    expect(parseOutputs(book.settings.get(OUTPUTS_KEY))).toEqual({
      [book.sheet("Källa")!.id]: {
        sheets: [{ name: "Samsyn ut", area: "A1:B7", tables: [{ name: "Poster", headerRow: 4 }] }],
        marks: [],
        notes: true,
        fills: {},
      },
    });
  });
});

describe("failures", () => {
  it("names cell edit mode and payload limits, never a stack trace", async () => {
    const book = FakeBook.fromGrids([source]);
    const editing = await readSource(fakeHost(book, { failWith: "InvalidOperationInCellEditMode" }), {
      kind: "active",
    }).catch(classifyFailure);
    const tooBig = await readSource(fakeHost(book, { failWith: "RequestPayloadSizeLimitExceeded" }), {
      kind: "active",
    }).catch(classifyFailure);
    const gone = await readSource(fakeHost(book), { kind: "sheet", sheet: "Borta" }).catch(classifyFailure);
    expect([editing, tooBig, gone]).toEqual(["cell-edit-mode", "too-large", "not-found"]);
  });
});

describe("writeConversion when the user renamed the output sheet", () => {
  it("leaves the renamed sheet and its table alone and writes a fresh output beside it", async () => {
    const book = FakeBook.fromGrids([source]);
    const host = fakeHost(book);
    await writeConversion(host, request(plan([["a", 1]]), book));
    book.sheet("Samsyn ut")!.name = "Samsyn ut januari";
    await writeConversion(host, request(plan([["a", 2]]), book));
    expect(book.tables.map((t) => `${t.sheet.name}:${t.name}`)).toEqual([
      "Samsyn ut januari:Poster",
      "Samsyn ut:Poster_2",
    ]);
    expect([
      book.sheet("Samsyn ut januari")!.cell(4, 1)?.value,
      book.sheet("Samsyn ut")!.cell(4, 1)?.value,
    ]).toEqual([1, 2]);
    expect(book.sheet("Samsyn ut")!.cell(6, 1)?.formula).toBe("=SUM(Poster_2[Belopp])");
  });
});
