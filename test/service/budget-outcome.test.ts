/**
 * Budget reports that carry utfall: stored and returned whole on both engines, older reports
 * without it still read and merged beside them, and the merged view and workbook put utfall and
 * avvikelse beside the budget — "–" where an association reported none, never 0 — with live
 * formulas that LibreOffice recalculates to the merge's figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import { MergedBudget } from "../../shared/merge";
import { BudgetReport } from "../../shared/report";
import { recalculate, shownValue } from "../support/libreoffice";
import {
  ADMIN,
  bearer,
  createAssociation,
  engines,
  putReport,
  simpleBudget,
  startTestServer,
  sydostBudget,
} from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "samsyn-outcome-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every cell of a sheet as [A1, the value shown]. */
function cells(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      out.set(cell.address, shownValue(cell));
    }),
  );
  return out;
}

describe.each(engines())("budget and utfall on $name", (engine) => {
  let server: WebServer;
  let xlsx: Buffer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When Sydost sends budget with utfall and Ale a plan without, then both come back as sent and the merge puts utfall beside Sydost's budget only", async () => {
    const sydost = await createAssociation(server.url, "Samordningsförbundet Sydost", 1);
    const ale = await createAssociation(server.url, "Samordningsförbundet Ale", 2);
    const nora = await createAssociation(server.url, "Samordningsförbundet Nora", 3);
    expect((await putReport(server.url, sydost, "budget", "2023", sydostBudget())).status).toBe(201);
    expect((await putReport(server.url, ale, "budget", "2023", simpleBudget(["2023"]))).status).toBe(201);

    const back = await fetch(`${server.url}/api/associations/${sydost.id}/reports/budget/2023`, {
      headers: bearer(sydost.token),
    });
    expect(back.status).toBe(200);
    const report = BudgetReport.parse(await back.json());
    expect(report).toEqual(sydostBudget());
    expect(report.lines.find((l) => l.label === "Unga till arbete")?.outcomes).toEqual({ "2023": 1_320_000 });
    expect(report.equity?.["2023"]?.closing).toBe(2_794_195);
    const old = await fetch(`${server.url}/api/associations/${ale.id}/reports/budget/2023`, {
      headers: bearer(ale.token),
    });
    const plan = BudgetReport.parse(await old.json());
    expect(plan.outcomeTotals).toBeUndefined();
    expect(plan.lines.every((l) => l.outcomes === undefined)).toBe(true);

    const r = await fetch(`${server.url}/api/merged/budget/2023`, { headers: bearer(ADMIN) });
    const view = MergedBudget.parse(await r.json());
    const byName = new Map(view.associations.map((a) => [a.name, a]));
    expect(byName.get("Samordningsförbundet Sydost")?.outcome).toMatchObject({
      income: 8_012_345,
      cost: 7_528_150,
      surplus: 484_195,
    });
    expect(byName.get("Samordningsförbundet Ale")?.outcome).toBeUndefined();
    expect(byName.get("Samordningsförbundet Nora")?.revision).toBeNull();
    expect(view.network.outcome).toMatchObject({ reporting: 1, cost: 7_528_150 });
    expect(view.network.outcome?.deviation.cost).toBe(-311_850);
    expect(nora.id).toBeTruthy();

    const w = await fetch(`${server.url}/api/merged/budget/2023.xlsx`, { headers: bearer(ADMIN) });
    expect(w.status).toBe(200);
    xlsx = Buffer.from(await w.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(
      ["Jämförelse", "Budget och utfall 2023", "Ale", "Nora", "Sydost"].filter((n) => n !== "Nora"),
    );
  });

  it("When LibreOffice recalculates that merged workbook, then utfall, avvikelse and the network's sums over those with utfall are the merge's, and Ale's utfall reads – not 0", async () => {
    const file = path.join(dir, `${engine.name}.xlsx`);
    writeFileSync(file, xlsx);
    const wb = await recalculate(file);
    const comparison = cells(wb.getWorksheet("Jämförelse")!);
    const headerRow = [...comparison].find(([, v]) => v === "Förbund")![0].replace(/\D/g, "");
    const column = (header: string) =>
      [...comparison]
        .find(([a, v]) => v === header && a.replace(/\D/g, "") === headerRow)![0]
        .replace(/\d/g, "");
    const rowOf = (name: string) =>
      [...comparison].find(([a, v]) => v === name && a.startsWith("A"))![0].slice(1);
    const at = (name: string, header: string) => comparison.get(`${column(header)}${rowOf(name)}`);
    expect(at("Samordningsförbundet Sydost", "Utfall kostnader")).toBe(7_528_150);
    expect(at("Samordningsförbundet Sydost", "Avvikelse kostnader")).toBe(-311_850);
    expect(at("Samordningsförbundet Sydost", "Avvikelse över-/underskott")).toBe(324_195);
    expect(at("Samordningsförbundet Ale", "Utfall kostnader")).toBe("–");
    expect(at("Samordningsförbundet Ale", "Avvikelse kostnader")).toBe("–");
    expect(at("Samordningsförbundet Ale", "Kostnader")).toBe(1_390_000);
    // No report at all: blank, as its budget is.
    expect([undefined, ""]).toContain(at("Samordningsförbundet Nora", "Avvikelse kostnader"));
    expect(at("Nätverket totalt", "Kostnader")).toBe(1_390_000 + 7_840_000);
    expect(at("Nätverket totalt", "Utfall kostnader")).toBe(7_528_150);
    expect(at("Nätverket totalt", "Avvikelse kostnader")).toBe(-311_850);
    expect(at("Förbund med utfall", "Utfall kostnader")).toBe(1);

    const posts = cells(wb.getWorksheet("Budget och utfall 2023")!);
    const row = (who: string, post: string) => {
      const a = [...posts]
        .find(([addr, v]) => addr.startsWith("B") && v === post && posts.get(`A${addr.slice(1)}`) === who)![0]
        .slice(1);
      return [posts.get(`C${a}`), posts.get(`D${a}`), posts.get(`E${a}`)];
    };
    expect(row("Samordningsförbundet Sydost", "Insatser")).toEqual([6_300_000, 6_070_500, -229_500]);
    expect(row("Samordningsförbundet Sydost", "Styrelse")).toEqual([180_000, 152_300, -27_700]);
    expect(row("Samordningsförbundet Ale", "Insatser")).toEqual([900_000, "–", "–"]);
    // The network beside its utfall: Sydost's budget only, not Ale's.
    expect(row("Nätverket (1 av 3 förbund med utfall)", "Insatser")).toEqual([
      6_300_000, 6_070_500, -229_500,
    ]);
    expect(row("Nätverket (1 av 3 förbund med utfall)", "Över-/underskott")).toEqual([
      160_000, 484_195, 324_195,
    ]);

    const own = cells(wb.getWorksheet("Sydost")!);
    const line = [...own].find(([, v]) => v === "IPS – individanpassat stöd till arbete")![0].slice(1);
    expect([own.get(`H${line}`), own.get(`I${line}`), own.get(`J${line}`)]).toEqual([
      1_800_000, 1_912_400, 112_400,
    ]);
    const surplusRow = [...own].find(([a, v]) => a.startsWith("A") && v === "Över-/underskott")![0].slice(1);
    expect([own.get(`H${surplusRow}`), own.get(`I${surplusRow}`), own.get(`J${surplusRow}`)]).toEqual([
      160_000, 484_195, 324_195,
    ]);
  }, 120_000);
});
