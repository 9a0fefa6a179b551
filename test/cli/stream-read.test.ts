/**
 * The streaming read (`inspect`, `push`, the playground) against the whole-workbook read it
 * replaced: exceljs loads the workbook, `gridsOf` makes the grids — the expected — and the
 * streaming reader must give exactly those grids, and `inspect --json` exactly the same
 * output: on the real fixtures, the bench's large workbooks, small workbooks made to hold
 * each kind of cell, XML that exceljs never writes but Excel and others do, and random
 * workbooks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largeBudgetWorkbook, largeParticipantWorkbook } from "../../bench/workbooks";
import { inspectFile } from "../../cli/inspect";
import type { Grid } from "../../shared/grid";
import { inspectResult, readWorkbook } from "../../shared/read-workbook";
import { checkPackage } from "../../xlsx/package";
import { gridsOf, readWorkbookBuffer, readWorkbookFile } from "../../xlsx/read";
import { fixture, samsyn } from "../support/cli";
import { zip } from "./hostile-workbooks";

const dir = mkdtempSync(join(tmpdir(), "samsyn-stream-"));

/** The grids of the whole-workbook read: exceljs's Workbook, then the grid conversion. */
async function wholeRead(path: string): Promise<Grid[]> {
  return gridsOf(await new ExcelJS.Workbook().xlsx.readFile(path));
}

/** `inspect --json` as the CLI prints it, computed from the given grids. */
const inspectJson = (grids: Grid[], path: string) =>
  `${JSON.stringify(inspectResult(readWorkbook(grids), path), null, 2)}\n`;

/** The streaming read gives the whole-workbook read's grids and the same `inspect --json`. */
async function expectSameAsWholeRead(path: string): Promise<Grid[]> {
  const expected = await wholeRead(path);
  const grids = await readWorkbookFile(path);
  expect(grids).toStrictEqual(expected);
  const inspected = await inspectFile(path, { json: true });
  expect(inspected.stdout).toBe(inspectJson(expected, path));
  return grids;
}

async function saved(name: string, workbook: ExcelJS.Workbook): Promise<string> {
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("When a real fixture is read", () => {
  it.each([
    "ale-kungalv-stenungsund-tjorn-vp2008.xlsx",
    "infosamverkan-projektbudget.xlsx",
    "infosamverkan-uppfoljning.xlsx",
    "samverkansteamet-deltagare-2014.xlsx",
  ])("then %s gives the whole-workbook read's grids, and the command prints the same JSON", async (file) => {
    const path = fixture(file);
    await expectSameAsWholeRead(path);
    const cli = await samsyn(["inspect", path, "--json"]);
    expect(cli.stdout).toBe(inspectJson(await wholeRead(path), path));
  });
});

describe("When the bench's large workbooks are read", () => {
  it("then a budget of 1 000 lines × 10 periods gives the same grids and JSON", async () => {
    await expectSameAsWholeRead(await saved("budget.xlsx", largeBudgetWorkbook(1_000, 10)));
  });

  it("then a participant list of 10 000 rows gives the same grids and JSON", async () => {
    const grids = await expectSameAsWholeRead(
      await saved("participants.xlsx", largeParticipantWorkbook(10_000)),
    );
    expect(grids[0]!.values.length).toBeGreaterThan(10_000);
  });
});

describe("When a workbook holds each kind of cell", () => {
  it("then merged ranges (over empty cells, past the data, over other rows) read the same", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Budget 2015");
    ws.getCell("A1").value = "Samordningsförbundet Väst";
    ws.mergeCells("A1:H1");
    ws.getCell("A3").value = "Insatser";
    ws.mergeCells("A3:A6");
    ws.getCell("B3").value = 1200;
    ws.getCell("B3").numFmt = '# ##0 "kr"';
    ws.mergeCells("B3:C3");
    ws.getColumn(9).numFmt = "0.0";
    ws.getCell("I10").value = 4.5;
    ws.mergeCells("I10:J12");
    ws.getCell("K20").value = "ensam";
    ws.mergeCells("K20:K20");
    const grids = await expectSameAsWholeRead(await saved("merges.xlsx", workbook));
    expect(grids[0]!.merges).toContainEqual({ start: { row: 0, col: 0 }, end: { row: 0, col: 7 } });
    expect(grids[0]!.values[0]).toHaveLength(8);
  });

  it("then formulas keep their cached results of every type, and shared formulas their own text", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Formler");
    for (let r = 2; r <= 7; r++) {
      ws.getCell(`A${r}`).value = r * 10;
      ws.getCell(`B${r}`).value = r;
    }
    ws.fillFormula(
      "C2:C7",
      "A2*B2",
      [20, 30, 40, 50, 60, 70].map((v, i) => v * (i + 2)),
    );
    ws.getCell("D2").value = { formula: "SUM(C2:C7)", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("D3").value = { formula: 'A2&" kr"', result: "20 kr" } as ExcelJS.CellFormulaValue;
    ws.getCell("D4").value = { formula: "A2>5", result: true } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("D5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("D6").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    ws.getCell("D7").value = { formula: '"Å&Ö<>"', result: "Å&Ö<>" } as ExcelJS.CellFormulaValue;
    const grids = await expectSameAsWholeRead(await saved("formulas.xlsx", workbook));
    expect(grids[0]!.formulas![6]![2]).toBe("=A7*B7");
  });

  it.each([false, true])("then dates read the same when date1904 is %s", async (date1904) => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = date1904;
    const ws = workbook.addWorksheet("Datum");
    const formats = ["yyyy-mm-dd", "d/m/yy", "[$-41D]d mmmm yyyy", "yyyy-mm-dd hh:mm", "hh:mm:ss", "mmm-yy"];
    formats.forEach((format, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = new Date(Date.UTC(2014, i, 7 + i, i * 3, 17, 31, 250));
      cell.numFmt = format;
      const formula = ws.getCell(i + 1, 2);
      formula.value = { formula: `A${i + 1}+1`, result: 41_800.25 + i } as ExcelJS.CellFormulaValue;
      formula.numFmt = format;
      const number = ws.getCell(i + 1, 3);
      number.value = 41_797 + i / 7;
      number.numFmt = format;
    });
    ws.getCell("D1").value = { formula: 'TEXT(A1;"yyyy")', result: "2014" } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("D2").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
    ws.getCell("D2").numFmt = "yyyy-mm-dd";
    const grids = await expectSameAsWholeRead(await saved(`dates-${date1904}.xlsx`, workbook));
    // 7 June 2014 is serial 41797 in the 1900 system, whichever system the workbook keeps.
    expect(Math.floor(grids[0]!.values[0]![0] as number)).toBe(41_646);
  });

  it("then number formats, texts, rich text, hyperlinks, errors and truth values read the same", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Blandat");
    const cells: [string, ExcelJS.CellValue, string?][] = [
      ["A1", 1_440_000, '# ##0 "kr"'],
      ["A2", 0.0903, "0.00%"],
      ["A3", 12.5, "0.0"],
      ["A4", 950, '#,##0 "tkr"'],
      ["A5", 7, "General"],
      ["A6", "text under @", "@"],
      ["A7", -3, "[Red]0"],
      ["B1", "Över-/underskott"],
      ["B2", "  "],
      ["B3", "R&D <budget> \"citat\" 'apostrof'"],
      ["B4", "rad\nbrytning"],
      ["B5", "literal _x000D_ escape"],
      ["B6", ""],
      ["C1", { richText: [{ text: "Över-" }, { text: "skott", font: { bold: true } }] }],
      ["C2", { richText: [{ text: "" }] }],
      ["C3", { text: "Länk", hyperlink: "https://example.se/ö" }],
      [
        "C4",
        {
          text: { richText: [{ text: "Rik " }, { text: "länk" }] },
          hyperlink: "https://example.se",
        } as never,
      ],
      ["D1", { error: "#REF!" } as ExcelJS.CellErrorValue],
      ["D2", { error: "#N/A" } as ExcelJS.CellErrorValue],
      ["D3", true],
      ["D4", false],
    ];
    for (const [address, value, format] of cells) {
      ws.getCell(address).value = value;
      if (format) ws.getCell(address).numFmt = format;
    }
    ws.getCell("E5").numFmt = "0.00";
    ws.getCell("F9").style = { font: { bold: true } };
    await expectSameAsWholeRead(await saved("mixed.xlsx", workbook));
  });

  it("then hidden, empty and title-only sheets keep their names and order", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Första");
    const hidden = workbook.addWorksheet("Dold");
    hidden.state = "hidden";
    hidden.getCell("B2").value = 5;
    const gone = workbook.addWorksheet("Borttagen");
    workbook.removeWorksheet(gone.id);
    const veryHidden = workbook.addWorksheet("Mycket dold");
    veryHidden.state = "veryHidden";
    veryHidden.getCell("A1").value = "x";
    workbook.addWorksheet("Bara titel").getCell("A1").value = "Verksamhetsplan med budget 2016";
    const styled = workbook.addWorksheet("Bara format");
    styled.getCell("C3").numFmt = "0.00";
    workbook.addWorksheet("Ett namn som är exakt 31 tecken").getCell("A1").value = 1;
    const grids = await expectSameAsWholeRead(await saved("sheets.xlsx", workbook));
    expect(grids.map((g) => g.sheet)).toEqual([
      "Första",
      "Dold",
      "Mycket dold",
      "Bara titel",
      "Bara format",
      "Ett namn som är exakt 31 tecken",
    ]);
  });

  it("then å, ä and ö cut between two chunks of the stream stay whole", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Kommuner");
    for (let r = 1; r <= 1_500; r++) {
      ws.getCell(r, 1).value = `${"ö".repeat(700 + (r % 3))} ${r}`;
      ws.getCell(r, 2).value = {
        formula: `"${"å".repeat(300)}"&A${r}`,
        result: `ä${r}`,
      } as ExcelJS.CellFormulaValue;
    }
    const path = await saved("multibyte.xlsx", workbook);
    // The test is only worth something if a chunk the reader gets ends inside a character.
    const { parts } = await checkPackage(readFileSync(path), {
      cells: 1e6,
      merges: 10,
      inflatedBytes: 1e9,
      entries: 99,
    });
    let cuts = 0;
    for (const part of parts.filter((p) => /sharedStrings|sheet1/.test(p.name)))
      for await (const chunk of part.open()) if (((chunk as Buffer)[0]! & 0xc0) === 0x80) cuts++;
    expect(cuts).toBeGreaterThan(0);
    const grids = await expectSameAsWholeRead(path);
    expect(JSON.stringify(grids)).not.toContain("\uFFFD");
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);

/** Styles: 1 yyyy-mm-dd, 2 # ##0 "kr", 3 built-in 14 (a date), 4 built-in 10 (0.00%), 5 General. */
const STYLES = xml(
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>` +
    `<numFmt numFmtId="165" formatCode="# ##0 &quot;kr&quot;"/></numFmts>` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6">` +
    [0, 164, 165, 14, 10, 0]
      .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join("") +
    `</cellXfs></styleSheet>`,
);

/** A package of two sheets whose XML the test writes, listed in workbook.xml in the given order. */
function handWritten(
  sheet1: string,
  sheet2: string,
  options: { date1904?: boolean; strings?: string },
): Buffer {
  const sheet = (body: string) => xml(`<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`);
  return zip([
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>` +
          `<sheet name="Andra &amp; sista" sheetId="7" r:id="rId2"/><sheet name="Budget" sheetId="3" r:id="rId1"/>` +
          `<sheet name="Diagram" sheetId="9" r:id="rId9"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
          `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
          `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet(sheet1) },
    {
      name: "xl/worksheets/_rels/sheet1.xml.rels",
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.se" TargetMode="External"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet2.xml", data: sheet(sheet2) },
    { name: "xl/styles.xml", data: STYLES },
    {
      name: "xl/sharedStrings.xml",
      data: xml(`<sst xmlns="${MAIN}">${options.strings ?? "<si><t>Budget</t></si>"}</sst>`),
    },
  ]);
}

describe("When the XML holds what exceljs does not write but Excel and others do", () => {
  const strings =
    `<si><t>Budget</t></si>` +
    `<si><r><rPr><b/><sz val="11"/></rPr><t>Över-</t></r><r><t xml:space="preserve">skott _x000D_</t></r></si>` +
    `<si><t>ソウ</t><rPh sb="0" eb="2"><t>ソウ</t></rPh><phoneticPr fontId="1"/></si>` +
    `<si><t/></si><si></si><si><t>rad_x000A_två</t></si>`;
  const sheet1 =
    `<cols><col min="1" max="3" width="9" style="2"/><col min="2" max="6" width="9" style="1"/></cols>` +
    `<sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
    `<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="H1"/><c r="K1" s="2"/></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>inline _x000D_</t></is></c>` +
    `<c r="B2" t="inlineStr"><is><r><t>rik</t></r><r><rPr><i/></rPr><t xml:space="preserve"> inline_x0009_</t></r></is></c>` +
    `<c r="C2" t="str"><v>A&amp;amp;B</v></c><c r="D2" t="d"><v>2014-06-07T00:00:00</v></c>` +
    `<c r="E2" t="n"><v>1e3</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#VALUE!</v></c></row>` +
    `<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><f t="shared" ref="C3:C5" si="0">A3*2</f><v>6</v></c>` +
    `<c r="D3"><f>C3&amp;"x"</f><v>6x</v></c><c r="E3" s="1"><v>41797.5</v></c><c r="F3" s="3"><v>41797</v></c></row>` +
    `<row r="4"><c r="A4"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="C4"><f t="shared" si="0"/><v>8</v></c></row>` +
    `<row r="5"><c r="A5"><v>7</v></c></row>` +
    `<row r="5"><c r="A5"><v>9</v></c><c r="C5"><f t="shared" si="0"/><v>10</v></c></row>` +
    `<row r="6" s="4" customFormat="1"><c r="A6" t="s"><v>0</v></c><c r="C6" s="2"/><c r="D6" s="1"><v>5</v></c>` +
    `<c r="E6"/><c r="F6" t="str"><f>"a"</f><v>a</v></c></row>` +
    `<row r="9"><c r="B9" s="1"><f>A9</f><v>41797</v></c><c r="C9" s="1" t="str"><f>"x"</f><v>x</v></c>` +
    `<c r="D9" s="1" t="b"><f>TRUE</f><v>1</v></c><c r="E9" s="1" t="e"><f>NA()</f><v>#N/A</v></c>` +
    `<c r="F9" s="1" t="str"><f>"12"</f><v>12</v></c><c r="G9" s="1"><f>G8</f></c></row>` +
    `<row r="12" s="2"/><row r="14"/>` +
    `</sheetData>` +
    `<mergeCells count="5"><mergeCell ref="A6:B8"/><mergeCell ref="C6:E7"/><mergeCell ref="H10:I13"/>` +
    `<mergeCell ref="K1"/><mergeCell ref="F6:G6"/></mergeCells>` +
    `<hyperlinks><hyperlink ref="D3" r:id="rId1"/><hyperlink ref="K1" r:id="rId1"/><hyperlink ref="H1" r:id="rId1"/>` +
    `<hyperlink ref="A2" location="'Andra &amp; sista'!A1"/><hyperlink ref="E3" r:id="rId1"/></hyperlinks>`;
  const sheet2 = `<sheetData><row r="2"><c r="B2" s="1"><v>100</v></c><c r="C2" s="3" t="s"><v>0</v></c></row></sheetData>`;

  it.each([false, true])(
    "then cells, merges, hyperlinks and sheet order read the same (date1904 %s)",
    async (date1904) => {
      const path = join(dir, `hand-written-${date1904}.xlsx`);
      writeFileSync(path, handWritten(sheet1, sheet2, { date1904, strings }));
      const grids = await expectSameAsWholeRead(path);
      expect(grids.map((g) => g.sheet)).toEqual(["Andra & sista", "Budget"]);
      expect(grids[1]!.values[1]!.slice(0, 2)).toEqual(["inline _x000D_", "rik inline\t"]);
    },
  );

  it("then a workbook without shared strings or styles reads the same", async () => {
    const bytes = zip([
      {
        name: "xl/workbook.xml",
        data: xml(
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: xml(
          `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: xml(
          `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" s="1"><v>41797</v></c></row></sheetData></worksheet>`,
        ),
      },
    ]);
    const path = join(dir, "bare.xlsx");
    writeFileSync(path, bytes);
    expect(await readWorkbookFile(path)).toStrictEqual(await wholeRead(path));
  });
});

describe("When random small workbooks are read", () => {
  const formats = [undefined, "0.00", '# ##0 "kr"', "yyyy-mm-dd", "0%", "d mmm yyyy hh:mm", "@", "General"];
  const value = fc.oneof(
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.integer({ min: -50_000, max: 100_000 }),
    fc.constantFrom("", " ", "Kansli", "Över-/underskott", "R&D <x>", "ö".repeat(40), "_x000D_"),
    fc.boolean(),
    fc.date({
      min: new Date(Date.UTC(1905, 0, 1)),
      max: new Date(Date.UTC(2090, 0, 1)),
      noInvalidDate: true,
    }),
    fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
    fc.constantFrom({ richText: [{ text: "rik " }, { text: "text", font: { italic: true } }] }),
    fc.constantFrom({ text: "länk", hyperlink: "https://example.se" }),
    fc.record({
      formula: fc.constantFrom("A1+1", "SUM(A1:B2)", 'IF(A1>0;"ja";"nej")'),
      result: fc.option(fc.oneof(fc.integer(), fc.constantFrom("ja", "", { error: "#REF!" }), fc.boolean()), {
        nil: undefined,
      }),
    }),
  );
  const cell = fc.record({
    row: fc.integer({ min: 1, max: 9 }),
    col: fc.integer({ min: 1, max: 7 }),
    value,
    format: fc.constantFrom(...formats),
  });
  const merge = fc.record({
    row: fc.integer({ min: 1, max: 9 }),
    col: fc.integer({ min: 1, max: 7 }),
    rows: fc.integer({ min: 0, max: 2 }),
    cols: fc.integer({ min: 0, max: 3 }),
  });
  const sheet = fc.record({
    cells: fc.array(cell, { maxLength: 25 }),
    merges: fc.array(merge, { maxLength: 3 }),
    state: fc.constantFrom("visible", "hidden", "veryHidden"),
    rowFormat: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    columnFormat: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    shared: fc.boolean(),
  });
  const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }), date1904: fc.boolean() });

  it("then each gives the whole-workbook read's grids", async () => {
    await fc.assert(
      fc.asyncProperty(book, async ({ sheets, date1904 }) => {
        const workbook = new ExcelJS.Workbook();
        workbook.properties.date1904 = date1904;
        sheets.forEach((spec, i) => {
          const ws = workbook.addWorksheet(`Blad ${i + 1} – åäö`);
          ws.state = spec.state as ExcelJS.WorksheetState;
          if (spec.rowFormat) ws.getRow(spec.rowFormat).numFmt = "0.000";
          if (spec.columnFormat) ws.getColumn(spec.columnFormat).numFmt = "yyyy-mm-dd";
          for (const c of spec.cells) {
            const target = ws.getCell(c.row, c.col);
            target.value = c.value as ExcelJS.CellValue;
            if (c.format) target.numFmt = c.format;
          }
          if (spec.shared) ws.fillFormula("L1:L4", "K1*2", [2, 4, 6, 8]);
          const taken: { top: number; left: number; bottom: number; right: number }[] = [];
          for (const m of spec.merges) {
            const range = { top: m.row, left: m.col, bottom: m.row + m.rows, right: m.col + m.cols };
            if (
              taken.some(
                (t) =>
                  !(
                    range.bottom < t.top ||
                    range.top > t.bottom ||
                    range.right < t.left ||
                    range.left > t.right
                  ),
              )
            )
              continue;
            taken.push(range);
            ws.mergeCells(range.top, range.left, range.bottom, range.right);
          }
        });
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
        const expected = gridsOf(await new ExcelJS.Workbook().xlsx.load(buffer as unknown as ArrayBuffer));
        expect(await readWorkbookBuffer(buffer)).toStrictEqual(expected);
      }),
      { numRuns: 80 },
    );
  });
});

describe("When a zip's local headers tell another story than its central directory", () => {
  it("then only the parts the package check read from the central directory are read", async () => {
    const real = readFileSync(fixture("infosamverkan-projektbudget.xlsx"));
    const hidden = zip([
      { name: "xl/sharedStrings.xml", data: xml(`<sst xmlns="${MAIN}"><si><t>smuggel</t></si></sst>`) },
    ]);
    const hiddenEntry = hidden.subarray(0, hidden.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    // The hidden entry goes in front; every central record's offset moves by its length.
    const eocd = real.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directoryAt = real.readUInt32LE(eocd + 16);
    const shifted = Buffer.from(real);
    for (let p = directoryAt; p < eocd; ) {
      shifted.writeUInt32LE(shifted.readUInt32LE(p + 42) + hiddenEntry.length, p + 42);
      p += 46 + shifted.readUInt16LE(p + 28) + shifted.readUInt16LE(p + 30) + shifted.readUInt16LE(p + 32);
    }
    shifted.writeUInt32LE(directoryAt + hiddenEntry.length, eocd + 16);
    const grids = await readWorkbookBuffer(Buffer.concat([hiddenEntry, shifted]));
    expect(grids).toStrictEqual(await readWorkbookBuffer(real));
    expect(JSON.stringify(grids)).not.toContain("smuggel");
  });
});
