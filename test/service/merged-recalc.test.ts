/** The merged workbook recalculated in LibreOffice: the live network formulas give the merge's figures. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergedWorkbook } from "../../service/merged-workbook";
import { merge } from "../../shared/merge";
import { SUPPRESSED } from "../../shared/network";
import { recalculate, shownValue } from "../support/libreoffice";
import { budgetReport, participantsReport, simpleBudget } from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "samsyn-merged-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const associations = [
  { id: "ale", name: "Samordningsförbundet Ale Kungälv Stenungsund Tjörn" },
  { id: "nora", name: "Samordningsförbundet Nora" },
  { id: "lerum", name: "Finsam Lerum" },
];

describe("merged workbook in a real spreadsheet engine", () => {
  it("When LibreOffice recalculates the merged budgets and participants, then the network rows equal the merge's totals", async () => {
    const budget = merge({
      kind: "budget",
      period: "2009",
      associations,
      reports: [
        {
          associationId: "ale",
          period: "2008",
          revision: 2,
          createdAt: "2008-11-20T00:00:00Z",
          report: simpleBudget(["2008", "2009", "2010"]),
        },
        {
          associationId: "nora",
          period: "2009",
          revision: 1,
          createdAt: "2009-11-20T00:00:00Z",
          report: budgetReport({
            years: ["2009"],
            lines: [
              ["income", "finansiell ram", "Finansiell ram", 900_000],
              ["cost", "insatser", "Projekt", 950_000],
              ["cost", "utvärdering", "Utvärdering", 25_500],
            ],
          }),
        },
      ],
    });
    const participants = merge({
      kind: "participants",
      period: "2014",
      associations,
      reports: [
        {
          associationId: "ale",
          period: "2014",
          revision: 1,
          createdAt: "2015-01-01T00:00:00Z",
          report: participantsReport("2014"),
        },
        {
          associationId: "lerum",
          period: "2014",
          revision: 3,
          createdAt: "2015-01-02T00:00:00Z",
          report: participantsReport("2014", { byKon: { kvinna: null, man: 9 } }, ["byKon.kvinna"]),
        },
      ],
    });
    const budgetFile = path.join(dir, "budget.xlsx");
    const participantsFile = path.join(dir, "participants.xlsx");
    writeFileSync(budgetFile, await mergedWorkbook(budget));
    writeFileSync(participantsFile, await mergedWorkbook(participants));

    const b = (await recalculate(budgetFile)).getWorksheet("Jämförelse")!;
    // The comparison table: header row 5, the three associations in rows 6–8, the network row 10.
    // B Insatser, G Utvärdering, I Kostnader, J Intäkter, K Över-/underskott, L Andel av intäkter.
    const shown = (ws: typeof b, a1: string) => shownValue(ws.getCell(a1));
    expect(["J10", "I10", "B10", "G10", "K10"].map((a) => shown(b, a))).toEqual([
      budget.network.income,
      budget.network.cost,
      budget.network.costByGroup.insatser,
      budget.network.costByGroup.utvärdering,
      budget.network.surplus,
    ]);
    expect(shown(b, "L10") as number).toBeCloseTo(budget.network.surplusShare!, 10);
    expect(shown(b, "K7")).toBe(-75_500);

    const p = (await recalculate(participantsFile)).getWorksheet("Jämförelse")!;
    // B Deltagare, G Kvinnor, H Män; row 10 the known sum, 11 "minst"/"exakt", 12 how many hidden.
    expect(["B10", "B11", "B12"].map((a) => shown(p, a))).toEqual([80, "exakt", 0]);
    expect(["G10", "G11", "G12"].map((a) => shown(p, a))).toEqual([22, "minst", 1]);
    expect(["H10", "H11"].map((a) => shown(p, a))).toEqual([27, "exakt"]);
    expect(shown(p, "G8")).toBe(SUPPRESSED);
    expect(participants.network.keyFigures.byKon).toEqual({
      kvinna: { value: 22, lowerBound: true, suppressedIn: 1 },
      man: { value: 27, lowerBound: false, suppressedIn: 0 },
    });
  }, 240_000);
});
