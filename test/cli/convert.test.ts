/**
 * `samsyn convert` on the real fixtures: the originals kept, real Excel tables added, and the
 * live formulas — recalculated by LibreOffice Calc — showing the totals inspect computed.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { BudgetTable, InspectResult } from "../../shared/report";
import { fixture, samsyn } from "../support/cli";
import { recalculate, shownValue } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "samsyn-convert-"));

async function inspectJson(file: string): Promise<InspectResult> {
  const result = await samsyn(["inspect", file, "--json"]);
  return JSON.parse(result.stdout) as InspectResult;
}

/** Row of a sheet whose cells include `label`, with the values shown under each header of `headers`. */
function summaryRow(ws: ExcelJS.Worksheet, label: string, headerRow: ExcelJS.Row): Record<string, unknown> {
  const headers = new Map<number, string>();
  headerRow.eachCell((cell, col) => {
    headers.set(col, String(cell.value));
  });
  let found: Record<string, unknown> | null = null;
  ws.eachRow((row) => {
    if (found) return;
    const cells = (row.values as unknown[]).slice(1);
    if (!cells.includes(label)) return;
    const out: Record<string, unknown> = {};
    for (const [col, header] of headers) out[header] = shownValue(row.getCell(col));
    found = out;
  });
  if (!found) throw new Error(`no row labelled ${label}`);
  return found;
}

describe.each([
  ["ale-kungalv-stenungsund-tjorn-vp2008.xlsx", "Budget 2008"],
  ["infosamverkan-projektbudget.xlsx", "Planerad budget"],
])("When %s is converted", (name, sourceSheet) => {
  const input = fixture(name);
  const output = join(dir, name);

  it("then the originals are untouched, each budget is a real Excel table and its formulas give inspect's totals", async () => {
    const converted = await samsyn(["convert", input, "-o", output]);
    expect(converted.code).toBe(0);

    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(output);
    const original = before.getWorksheet(sourceSheet)!;
    const kept = after.getWorksheet(sourceSheet)!;
    original.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(kept.getCell(r, c).value).toEqual(cell.value);
      });
    });

    const inspected = await inspectJson(input);
    const budgets = inspected.tables.filter((t): t is BudgetTable => t.kind === "budget");
    expect(budgets.length).toBeGreaterThan(0);

    const recalculated = await recalculate(output);
    for (const budget of budgets) {
      const holder = after.worksheets.find(
        (ws) =>
          Object.values((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}).length > 0 &&
          ws.name !== sourceSheet &&
          ws.getSheetValues().some((row) => Array.isArray(row) && row.includes("Summa kostnader")),
      );
      expect(holder, "a sheet with the budget table").toBeDefined();
      const tables = Object.keys((holder as unknown as { tables: Record<string, unknown> }).tables);
      expect(tables.length).toBeGreaterThan(0);

      const ws = recalculated.getWorksheet(holder!.name)!;
      let headerRow: ExcelJS.Row | null = null;
      ws.eachRow((row) => {
        if (!headerRow && (row.values as unknown[]).includes("Avsnitt")) headerRow = row;
      });
      expect(headerRow).not.toBeNull();
      const income = summaryRow(ws, "Summa intäkter", headerRow!);
      const cost = summaryRow(ws, "Summa kostnader", headerRow!);
      const surplus = summaryRow(ws, "Över-/underskott", headerRow!);
      for (const period of budget.periods) {
        expect([period, income[period], cost[period], surplus[period]]).toEqual([
          period,
          budget.totals.income[period],
          budget.totals.cost[period],
          budget.totals.surplus[period],
        ]);
      }
    }
  });
});

describe("When the Ale budget is inspected", () => {
  it("then the figures are those of the plan", async () => {
    const result = await inspectJson(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const budget = result.tables.find((t): t is BudgetTable => t.kind === "budget")!;
    expect(budget.periods).toEqual(["2008", "2009", "2010"]);
    expect(budget.lines.filter((l) => l.section === "income")).toHaveLength(2);
    expect(budget.lines.filter((l) => l.section === "cost")).toHaveLength(17);
    expect(budget.totals.cost).toEqual({ "2008": 6_495_000, "2009": 6_509_000, "2010": 5_444_000 });
    expect(budget.totals.surplus).toEqual({ "2008": 79_000, "2009": 1_813_000, "2010": 2_878_000 });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.tables.map((t) => t.kind)).toEqual(["contributions", "budget"]);
  });
});

describe("When a converted workbook is inspected again", () => {
  it.each([
    "ale-kungalv-stenungsund-tjorn-vp2008.xlsx",
    "infosamverkan-projektbudget.xlsx",
    "infosamverkan-uppfoljning.xlsx",
    "samverkansteamet-deltagare-2014.xlsx",
  ])("then %s gives the same tables and issues, Samsyn's own sheets skipped", async (name) => {
    const output = join(dir, `again-${name}`);
    expect((await samsyn(["convert", fixture(name), "-o", output])).code).toBe(0);
    const first = await inspectJson(fixture(name));
    const again = await inspectJson(output);
    expect(again.tables).toEqual(first.tables);
    expect(again.issues).toEqual(first.issues);
  });
});

describe("When a converted workbook is opened by something that does not calculate", () => {
  it.each([
    "ale-kungalv-stenungsund-tjorn-vp2008.xlsx",
    "infosamverkan-projektbudget.xlsx",
    "samverkansteamet-deltagare-2014.xlsx",
  ])(
    "then every formula Samsyn added in %s has its value saved, the value LibreOffice calculates",
    async (name) => {
      const output = join(dir, `values-${name}`);
      expect((await samsyn(["convert", fixture(name), "-o", output])).code).toBe(0);
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.readFile(output);
      const recalculated = await recalculate(output);
      const formulas: [string, unknown, unknown][] = [];
      for (const ws of saved.worksheets.filter((w) => w.name.startsWith("Samsyn "))) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type !== ExcelJS.ValueType.Formula) return;
            const computed = shownValue(recalculated.getWorksheet(ws.name)!.getCell(cell.address));
            formulas.push([`${ws.name}!${cell.address}`, cell.result, computed]);
          }),
        );
      }
      expect(formulas.length).toBeGreaterThanOrEqual(5);
      // What pandas, a mail preview or Power BI's import show is what Excel would calculate.
      expect(formulas.filter(([, result, computed]) => result !== computed)).toEqual([]);
    },
  );
});
