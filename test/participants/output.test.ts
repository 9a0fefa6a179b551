/** The conversion plan of a participant sheet: the normalised list as a real table, and the key figures. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { gridFromRows } from "../../shared/grid";
import type { OutputTable } from "../../shared/output";
import { readParticipantSheet } from "../../shared/participants";
import { readWorkbook } from "../../shared/read-workbook";
import { readWorkbookBuffer } from "../../xlsx/read";
import { writeOutputSheets } from "../../xlsx/write";
import { FIXED_LAYOUT, generateRows, gridOf, rngFrom, sheetOf, TODAY } from "./generate";

const DATE = "yyyy-mm-dd";
const d = (iso: string) => ({ value: Date.parse(iso) / 86_400_000 + 25_569, numberFormat: DATE });

const grid = gridFromRows("Deltagare", [
  ["Pnr", "Kön", "Kommun", "Remittent", "Kontakt med", "Startdatum", "Slutdatum", "Orsak till avslut"],
  [
    "8712279028",
    "K",
    "lindesbergs kommun",
    '=HYPERLINK("http://x")',
    "+46 70",
    d("2014-06-07"),
    d("2015-03-03"),
    "studier",
  ],
  ["19891113-6169", "kvinna", "Nora", "Försäkringskassan", "-", "2014-04-11", null, null],
  ["19891113-61", "M", null, "@attack", null, "2014-04-11", null, null],
]);

describe("participant output sheets", () => {
  const reading = readParticipantSheet(grid, { today: TODAY })!;
  const sheets = reading.outputSheets(new Set(["Deltagare", "Samsyn deltagare"]));

  it("adds a list sheet and a key-figures sheet, with names that clash with nothing taken", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Samsyn deltagare (2)", "Samsyn nyckeltal"]);
    expect(sheets.map((s) => s.tables.map((t) => t.name))).toEqual([
      ["Samsyn_deltagare_2"],
      ["Samsyn_nyckeltal", "Samsyn_nyckeltal_hemkommun", "Samsyn_nyckeltal_kon", "Samsyn_nyckeltal_alder"],
    ]);
  });

  it("normalises the list: identity number, kön, hemkommun, dates as Excel dates, codes, age, days", () => {
    const table = sheets[0]!.tables[0] as OutputTable;
    expect(table.columns.map((c) => c.header)).toEqual([
      "Personnummer",
      "Kön",
      "Hemkommun",
      "Remittent",
      "Kontakt med",
      "Inskriven",
      "Avslutad",
      "Avslutsorsak",
      "Ålder vid start",
      "Dagar i insats",
    ]);
    expect(table.columns[5]?.numberFormat).toBe(DATE);
    expect(table.columns[6]?.numberFormat).toBe(DATE);
    expect(table.rows[0]).toEqual([
      "19871227-9028",
      "Kvinna",
      "Lindesberg",
      // Text as written: the writers neutralise it (test/cli/convert-special-columns.test.ts).
      '=HYPERLINK("http://x")',
      "+46 70",
      d("2014-06-07").value,
      d("2015-03-03").value,
      "Studier",
      26,
      269,
    ]);
    // User text is kept as written (the writers neutralise what Excel would run); so is an
    // invalid identity number.
    expect(table.rows[1]?.[4]).toBe("-");
    expect(table.rows[2]?.slice(0, 4)).toEqual(["19891113-61", "Man", null, "@attack"]);
  });

  it("writes the key figures of the period beside it", () => {
    const [figures, hemkommun, kon, alder] = sheets[1]!.tables as OutputTable[];
    expect(figures?.rows.slice(0, 4)).toEqual([
      ["Deltagare", 3],
      ["Nya", 3],
      ["Avslutade", 1],
      ["Till arbete eller studier", 1],
    ]);
    // One of one closed went to work or studies: 100 %, written as per cent.
    expect(figures?.rows[4]).toEqual(["Andel avslutade till arbete eller studier (%)", 100]);
    expect(hemkommun?.rows).toEqual([
      ["Lindesberg", 1],
      ["Nora", 1],
      ["Uppgift saknas", 1],
    ]);
    expect(kon?.rows).toEqual([
      ["Kvinnor", 2],
      ["Män", 1],
    ]);
    expect(alder?.rows.map((r) => r[0])).toEqual([
      "0–17",
      "18–24",
      "25–29",
      "30–39",
      "40–49",
      "50–64",
      "65–",
    ]);
  });

  it("through exceljs: a real Excel table that reads back to the same key figures", async () => {
    const rng = rngFrom(9);
    const rows = generateRows(rng, { rows: 60, strayHemkommun: 0.1 });
    const source = gridOf(sheetOf(rng, rows, FIXED_LAYOUT));
    const original = readWorkbook([source], { participants: { today: TODAY } });
    const workbook = new ExcelJS.Workbook();
    writeOutputSheets(workbook, original.outputSheets([source.sheet]));
    const listSheet = workbook.getWorksheet("Samsyn deltagare")!;
    expect(Object.keys((listSheet as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "Samsyn_deltagare",
    ]);
    const buffer = await workbook.xlsx.writeBuffer();
    const grids = await readWorkbookBuffer(buffer as ArrayBuffer);
    const reread = readParticipantSheet(grids.find((g) => g.sheet === "Samsyn deltagare")!, {
      today: TODAY,
    })!;
    expect(reread.issues).toEqual([]);
    const [before] = original.tables;
    const [after] = reread.tables;
    expect(after?.kind === "participants" && after.keyFigures).toEqual(
      before?.kind === "participants" && before.keyFigures,
    );
  });
});
