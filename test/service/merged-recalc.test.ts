/** The merged workbook recalculated in LibreOffice: the live network formulas give the merge's figures. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergedWorkbook, SUPPRESSED } from "../../service/merged-workbook";
import { merge } from "../../shared/merge";
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
    // Row 8: the network row under three association rows (5–7). D income, E cost, M surplus, N share.
    const shown = (ws: typeof b, a1: string) => shownValue(ws.getCell(a1));
    expect(["D8", "E8", "F8", "K8", "M8"].map((a) => shown(b, a))).toEqual([
      budget.network.income,
      budget.network.cost,
      budget.network.costByGroup.insatser,
      budget.network.costByGroup.utvärdering,
      budget.network.surplus,
    ]);
    expect(shown(b, "N8") as number).toBeCloseTo(budget.network.surplusShare!, 10);
    expect(shown(b, "M6")).toBe(-75_500);

    const p = (await recalculate(participantsFile)).getWorksheet("Jämförelse")!;
    // E participants, I kvinnor, J män; row 8 the network.
    expect(["E8", "I8", "J8"].map((a) => shown(p, a))).toEqual([80, SUPPRESSED, 27]);
    expect(participants.network.keyFigures.byKon).toEqual({ kvinna: null, man: 27 });
  }, 240_000);
});
