/**
 * `samsyn uppfoljning` and the follow-up sheet `samsyn convert` adds, run as built: the core's
 * figures printed with their cells, usage errors in both languages, and a sheet whose formulas a
 * real spreadsheet engine (LibreOffice) recalculates to the values saved beside them.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { issueToJson, readWorkbook } from "../../shared/read-workbook";
import { computeFollowup, followupJson } from "../../shared/uppfoljning";
import { readWorkbookFile } from "../../xlsx/read";
import { fixture, samsyn } from "../support/cli";
import { recalculate, shownValue } from "../support/libreoffice";

const SYDOST = fixture("sydost-budget-utfall-2023.xlsx");

describe("samsyn uppfoljning", () => {
  it("When Sydost is followed up for 2023 with --json, then it prints the core's figures, each with its cells", async () => {
    const run = await samsyn(["uppfoljning", SYDOST, "--year", "2023", "--json"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const f = computeFollowup(readWorkbook(await readWorkbookFile(SYDOST)), "2023");
    expect(JSON.parse(run.stdout)).toEqual(followupJson(f, f.issues.map(issueToJson)));
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      "year",
      "allocated",
      "equity",
      "administration",
      "insatser",
      "issues",
    ]);
    expect(json.insatser[0]).toMatchObject({
      name: "Jobbcoacher",
      focus: "individinriktad",
      budgetedParticipants: 60,
    });
    expect(json.insatser[0].sources.budgetedParticipants).toEqual(["Insatser 2023!C2"]);
  });

  it("When it prints text, then each figure stands on its line with its cell, in Swedish or English", async () => {
    const sv = await samsyn(["uppfoljning", SYDOST, "--year", "2023"]);
    expect(sv.stdout).toMatch(/^Uppföljning Finsam 2023\n/);
    expect(sv.stdout).toMatch(/Budgeterat antal deltagare +60 +Insatser 2023!C2/);
    expect(sv.stdout).toMatch(/Deltagare 2023 +kvinnor 27, män 17/);
    const en = await samsyn(["uppfoljning", SYDOST, "--year", "2023", "--lang", "en"]);
    expect(en.stdout).toMatch(/Budgeted participants +60 +Insatser 2023!C2/);
  });

  it("When a plan has no utfall, no insats list and no participant list (Ale 2008), then each figure of its budget links to its cell, and each thing the insatser lack is said once, not once per insats", async () => {
    const run = await samsyn([
      "uppfoljning",
      fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      "--year",
      "2008",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect([out.allocated.budget, out.administration.budget, out.insatser.length]).toEqual([
      5_251_000, 930_000, 11,
    ]);
    expect(out.allocated.sources.budget).toEqual(["Budget 2008!B14"]);
    const missing = out.issues.filter((i: { code: string }) => i.code === "followup-missing");
    expect(missing.map((i: { message: string }) => i.message.split(" saknas")[0])).toEqual([
      "Tilldelade medel, utfall 2008",
      "Ingående eget kapital 2008",
      "Utgående eget kapital 2008",
      "Administration, utfall 2008",
      "Inriktning för insatserna 2008",
      "Utfall för insatserna 2008",
      "Budgeterat antal deltagare för insatserna 2008",
      "Deltagare per kön för insatserna 2008",
    ]);
  });

  it("When the year is missing or no year, then it is a usage error in the language asked, exit 2", async () => {
    const bad = await samsyn(["uppfoljning", SYDOST, "--year", "23"]);
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([
      2,
      "",
      "samsyn: Perioden ”23” är inte ett år; skriv till exempel 2009.\n",
    ]);
    const badEn = await samsyn(["uppfoljning", SYDOST, "--year", "2023-H1", "--lang", "en"]);
    expect([badEn.code, badEn.stderr]).toEqual([
      2,
      'samsyn: The period "2023-H1" is not a year; write e.g. 2009.\n',
    ]);
    const missing = await samsyn(["uppfoljning", SYDOST]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      "samsyn: Flaggan --year måste anges. Skriv samsyn uppfoljning --help för hjälp.\n",
    ]);
  });
});

describe("samsyn convert and the follow-up sheet", () => {
  it("When Sydost is converted, then it gets the sheet Samsyn uppföljning 2023, whose formulas LibreOffice recalculates to the values saved", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "samsyn-uppf-")), "sydost.xlsx");
    const run = await samsyn(["convert", SYDOST, "-o", out]);
    expect(run.stderr).toBe("");
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const ws = written.getWorksheet("Samsyn uppföljning 2023")!;
    expect(ws.getCell("A1").value).toBe("Uppföljning Finsam 2023");
    // One page, tall as well as wide: what is typed into the national system from paper.
    expect([ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([true, 1, 1]);
    const saved = new Map<string, unknown>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && "formula" in v) saved.set(cell.address, v.result);
      }),
    );
    // The insats names, budgeted counts and the kön counts over the converted list, at least.
    expect(saved.size).toBeGreaterThanOrEqual(4 + 3 + 6);
    const recalculated = (await recalculate(out)).getWorksheet("Samsyn uppföljning 2023")!;
    const got = [...saved.keys()].map((a) => [a, shownValue(recalculated.getCell(a))]);
    expect(got).toEqual([...saved].map(([a, v]) => [a, v]));
  }, 120_000);
});
