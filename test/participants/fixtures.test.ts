/** The real workbooks: the Samverkansteamet list, the Infosamverkan follow-up, and budgets that are no participant sheets. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../../shared/grid";
import type { Issue } from "../../shared/issues";
import { readParticipantSheet } from "../../shared/participants";
import { shareableReports } from "../../shared/participants/share";
import { inspectResult, readWorkbook } from "../../shared/read-workbook";
import { InspectResult, ParticipantsReport } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";

const fixture = (name: string) => readWorkbookFile(path.resolve("../shared/fixtures", name));
const pairs = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code]);

/** A copy of the grid with one cell changed (A1 address, grid at A1). */
function withCell(grid: Grid, row: number, col: number, value: CellValue): Grid {
  const values = grid.values.map((r) => [...r]);
  while (values[row]!.length <= col) values[row]!.push(null);
  values[row]![col] = value;
  return { ...grid, values };
}

describe("samverkansteamet-deltagare-2014.xlsx", () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await fixture("samverkansteamet-deltagare-2014.xlsx");
  });

  it("64 participants, 40 closed, 35 to work or studies, by hemkommun and kön, no issues", () => {
    const grid = grids.find((g) => g.sheet === "Deltagare 2014")!;
    const reading = readParticipantSheet(grid)!;
    expect(pairs(reading.issues)).toEqual([]);
    const table = reading.tables[0]!;
    expect(table.kind).toBe("participants");
    if (table.kind !== "participants") return;
    expect(table).toMatchObject({ sheet: "Deltagare 2014", range: "A4:I68", rows: 64, period: "2014-2015" });
    expect(table.keyFigures).toMatchObject({
      participants: 64,
      new: 64,
      closed: 40,
      closedToWorkOrStudies: 35,
      shareClosedToWorkOrStudies: 35 / 40,
      byHemkommun: { Lindesberg: 32, Hällefors: 23, Ljusnarsberg: 7, Nora: 2 },
      byKon: { kvinna: 26, man: 38 },
      staysOverLimit: 0,
    });
    expect(Object.keys(table.keyFigures.byHemkommun)).toHaveLength(4);
    const bands = Object.values(table.keyFigures.byAgeBand).reduce((a, b) => a + b, 0);
    expect(bands).toBe(64);
  });

  it("with Samverkansteamet's target group 18–29 set, the two who were 17 at enrolment are flagged", () => {
    const grid = grids.find((g) => g.sheet === "Deltagare 2014")!;
    const reading = readParticipantSheet(grid, {
      insats: { name: "Samverkansteamet", targetAge: { min: 18, max: 29 } },
    })!;
    const young = reading.participants.filter((p) => p.ageAtStart !== null && p.ageAtStart < 18);
    expect(young).toHaveLength(2);
    expect(pairs(reading.issues)).toEqual(young.map((p) => [`B${p.sheetRow}`, "age-outside-target"]));
  });

  it("key figures for a half year and a quarter", () => {
    const grid = grids.find((g) => g.sheet === "Deltagare 2014")!;
    const h1 = readParticipantSheet(grid, { period: "2014-H1" })!.tables[0]!;
    const q1 = readParticipantSheet(grid, { period: "2015-Q1" })!.tables[0]!;
    const reading = readParticipantSheet(grid)!;
    // Recount from the rows the reader returned, by the period definitions.
    const p = reading.participants;
    const inH1 = p.filter(
      (x) =>
        x.start! <= Date.UTC(2014, 5, 30) / 864e5 &&
        (x.end === null || x.end >= Date.UTC(2014, 0, 1) / 864e5),
    );
    const newH1 = p.filter(
      (x) => x.start! >= Date.UTC(2014, 0, 1) / 864e5 && x.start! <= Date.UTC(2014, 5, 30) / 864e5,
    );
    const closedQ1 = p.filter(
      (x) =>
        x.end !== null && x.end >= Date.UTC(2015, 0, 1) / 864e5 && x.end <= Date.UTC(2015, 2, 31) / 864e5,
    );
    expect(h1.kind === "participants" && [h1.period, h1.keyFigures.participants, h1.keyFigures.new]).toEqual([
      "2014-H1",
      inH1.length,
      newH1.length,
    ]);
    expect(q1.kind === "participants" && [q1.period, q1.keyFigures.new, q1.keyFigures.closed]).toEqual([
      "2015-Q1",
      0,
      closedQ1.length,
    ]);
    expect(inH1.length).toBeGreaterThan(0);
    expect(inH1.length).toBeLessThan(64);
    expect(closedQ1.length).toBeGreaterThan(0);
  });

  it("through the facade: inspect --json has a participants table with rows and key figures", () => {
    const result = InspectResult.parse(
      inspectResult(readWorkbook(grids), "samverkansteamet-deltagare-2014.xlsx"),
    );
    const table = result.tables.find((t) => t.kind === "participants");
    expect(table?.kind === "participants" && table.rows).toBe(64);
    expect(table?.kind === "participants" && table.keyFigures.byKon.kvinna).toBe(26);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("the shareable report passes the strict schema; Nora's 2 and the two under 18 withhold their breakdowns whole", () => {
    const grid = grids.find((g) => g.sheet === "Deltagare 2014")!;
    const [report] = shareableReports(readParticipantSheet(grid, { insats: { name: "Samverkansteamet" } })!);
    expect(ParticipantsReport.parse(report)).toEqual(report);
    expect(report?.insats).toBe("Samverkansteamet");
    // Lindesberg 32, Hällefors 23, Ljusnarsberg 7, Nora 2: not even which municipalities.
    expect(report?.keyFigures.byHemkommun).toEqual({});
    // -17: 2, 18-24: 41, 25-29: 21, the rest 0: every band, zeros too.
    expect(Object.values(report?.keyFigures.byAgeBand ?? {})).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(report?.keyFigures).toMatchObject({
      participants: 64,
      new: 64,
      closed: 40,
      closedToWorkOrStudies: 35,
      shareClosedToWorkOrStudies: 0.875,
      byKon: { kvinna: 26, man: 38 },
      staysOverLimit: 0,
    });
    expect(report?.suppression.suppressed).toEqual([
      "byAgeBand.-17",
      "byAgeBand.18-24",
      "byAgeBand.25-29",
      "byAgeBand.30-39",
      "byAgeBand.40-49",
      "byAgeBand.50-64",
      "byAgeBand.65-",
      "byHemkommun",
    ]);
  });
});

describe("infosamverkan-uppfoljning.xlsx", () => {
  let grid: Grid;
  beforeAll(async () => {
    grid = (await fixture("infosamverkan-uppfoljning.xlsx"))[0]!;
  });

  it("reads the period table and the outcome breakdown; both agree with their totals", () => {
    const reading = readParticipantSheet(grid)!;
    expect(pairs(reading.issues)).toEqual([]);
    expect(reading.participants).toEqual([]);
    expect(reading.tables.map((t) => [t.kind, t.range])).toEqual([
      ["followup", "A3:D6"],
      ["followup", "A9:B14"],
    ]);
    const [periods, breakdown] = reading.tables;
    expect(periods?.kind === "followup" && periods).toMatchObject({
      columns: ["Erbjudna", "Deltagit", "Nöjdhet (1-10)"],
      meanColumns: ["Nöjdhet (1-10)"],
      total: { Erbjudna: 433, Deltagit: 170, "Nöjdhet (1-10)": null },
    });
    expect(periods?.kind === "followup" && periods.rows[0]?.values["Nöjdhet (1-10)"]).toBe(9.03);
    expect(breakdown?.kind === "followup" && breakdown.rows.map((r) => r.values.Antal)).toEqual([
      68, 15, 3, 1,
    ]);
    expect(breakdown?.kind === "followup" && breakdown.total).toEqual({ Antal: 87 });
    expect(shareableReports(reading)).toEqual([]);
    expect(reading.outputSheets(new Set())).toEqual([]);
  });

  it("through the facade: inspect --json holds both follow-up tables and passes the schema", () => {
    const result = InspectResult.parse(inspectResult(readWorkbook([grid]), "infosamverkan-uppfoljning.xlsx"));
    expect(result.tables.map((t) => t.kind)).toEqual(["followup", "followup"]);
    expect(result.issues).toEqual([]);
  });

  it("a corrupted total is reported at exactly its cell", () => {
    const reading = readParticipantSheet(withCell(grid, 13, 1, 88))!;
    expect(pairs(reading.issues)).toEqual([["B14", "breakdown-mismatch"]]);
    expect(reading.issues[0]).toMatchObject({ stated: 88, computed: 87 });
    const periods = readParticipantSheet(withCell(grid, 5, 2, 171))!;
    expect(pairs(periods.issues)).toEqual([["C6", "breakdown-mismatch"]]);
  });

  it("a satisfaction mean outside 1–10 is an error at its cell, and is never summed", () => {
    const reading = readParticipantSheet(withCell(grid, 3, 3, 12))!;
    expect(pairs(reading.issues)).toEqual([["D4", "value-out-of-range"]]);
  });
});

describe("budget workbooks are no participant sheets", () => {
  for (const name of ["ale-kungalv-stenungsund-tjorn-vp2008.xlsx", "infosamverkan-projektbudget.xlsx"]) {
    it(`${name}: null on every sheet`, async () => {
      const grids = await fixture(name);
      expect(grids.length).toBeGreaterThan(0);
      for (const grid of grids) expect(readParticipantSheet(grid), grid.sheet).toBeNull();
    });
  }
});
