/**
 * The playground's calculation (playground/fake-excel/calculate.ts): what the task pane wrote
 * into the fake workbook, calculated, equals what `samsyn convert` saved as each formula's
 * value for the same workbook, cell by cell; and the operators, references and errors follow
 * Excel on tiny grids.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { importSource, writeReading } from "../../addin/convert";
import { convertFile } from "../../cli/inspect";
import { FakeBook } from "../../playground/fake-excel/book";
import { Calculator, isCalcError } from "../../playground/fake-excel/calculate";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { EXCEL_COLUMNS, toA1 } from "../../shared/grid";
import { fixture } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "samsyn-calculate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every formula cell of the pane's "Samsyn …" sheets, calculated: sheet!A1 → value. */
async function paneValues(file: string, sheetName: string): Promise<Map<string, unknown>> {
  const book = await loadBook(fixture(file));
  book.active = book.sheet(sheetName);
  const host = fakeHost(book);
  await writeReading(host, await importSource(host, { kind: "active" }));
  const calc = new Calculator(book);
  const out = new Map<string, unknown>();
  for (const sheet of book.sheets.filter((s) => s.name.startsWith("Samsyn ")))
    for (const [k, cell] of sheet.cells) {
      if (!cell.formula) continue;
      const row = Math.floor(k / EXCEL_COLUMNS);
      const col = k % EXCEL_COLUMNS;
      out.set(`${sheet.name}!${toA1({ row, col })}`, calc.value(sheet, row, col));
    }
  return out;
}

/** The values convert saved with each formula, for the same cells. */
async function convertValues(file: string): Promise<Map<string, unknown>> {
  const out = join(dir, `${file}.converted.xlsx`);
  await convertFile(fixture(file), out, {});
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const values = new Map<string, unknown>();
  for (const ws of workbook.worksheets.filter((w) => w.name.startsWith("Samsyn ")))
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
          values.set(`${ws.name}!${cell.address}`, v.result ?? null);
      }),
    );
  return values;
}

describe("the playground's calculation", () => {
  it.each([
    ["ale-kungalv-stenungsund-tjorn-vp2008.xlsx", "Budget 2008"],
    ["infosamverkan-projektbudget.xlsx", null],
  ])(
    "When the pane has written %s, then every formula it wrote calculates to convert's value",
    async (file, sheet) => {
      const book = await loadBook(fixture(file));
      const name = sheet ?? book.sheets[0]!.name;
      const [pane, saved] = await Promise.all([paneValues(file, name), convertValues(file)]);
      expect(pane.size).toBeGreaterThan(5);
      const errors = [...pane].filter(([, v]) => isCalcError(v));
      expect(errors).toEqual([]);
      let compared = 0;
      for (const [address, value] of pane) {
        if (!saved.has(address)) continue;
        const expected = saved.get(address);
        if (typeof expected === "number")
          expect([address, value]).toEqual([address, expect.closeTo(expected, 6)]);
        else if (expected !== null && expected !== undefined)
          expect([address, value]).toEqual([address, expected]);
        compared++;
      }
      expect(compared).toBeGreaterThan(pane.size / 2);
    },
  );

  it("When formulas use operators, ranges, tables and errors, then they calculate as Excel does", () => {
    const book = new FakeBook();
    const s = book.addSheet("Blad1");
    const put = (a1: [number, number], value: string | number | null, formula: string | null = null) =>
      s.patch(a1[0], a1[1], { value, formula });
    put([0, 0], "Grupp");
    put([0, 1], "Belopp");
    put([1, 0], "insatser");
    put([1, 1], 100);
    put([2, 0], "kansli");
    put([2, 1], 40);
    put([3, 0], "insatser");
    put([3, 1], 60);
    book.tables.push({
      name: "T",
      sheet: s,
      range: { start: { row: 0, col: 0 }, end: { row: 3, col: 1 } },
      style: "",
    });
    put([5, 1], null, '=SUMIFS(T[Belopp],T[Grupp],"insatser")');
    put([6, 1], null, "=SUBTOTAL(109,T[Belopp])");
    put([7, 1], null, '=COUNTIFS(T[Grupp],"insatser")');
    put([8, 1], null, "=B6/B8-1");
    put([9, 1], null, "=B2/0");
    put([10, 1], null, '=IF(B7>0,"ja","nej")&"!"');
    put([11, 1], null, "=SUM(B2:B4)*10%");
    put([12, 1], null, "=NOSUCHFUNCTION(1)");
    put([13, 1], null, "=ROWS(T[Belopp])+B99");
    const calc = new Calculator(book);
    const at = (row: number) => calc.value(s, row, 1);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 13].map(at)).toEqual([
      160,
      200,
      2,
      79,
      { error: "#DIV/0!" },
      "ja!",
      20,
      { error: "#NAME?" },
      3,
    ]);
  });
});
