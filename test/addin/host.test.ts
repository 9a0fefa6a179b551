/** The real host wraps office.js as Excel wants it: batches wait for cell edit mode to end; requirement sets are asked of Office. */
import { afterEach, describe, expect, it } from "vitest";
import { officeHost } from "../../addin/excel/host";

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };

afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe("officeHost", () => {
  it("runs every batch with delayForCellEdit and asks Office for ExcelApi sets", async () => {
    const calls: unknown[] = [];
    g.Excel = {
      run: (options: unknown, batch: (context: unknown) => Promise<unknown>) => {
        calls.push(options);
        return batch({ marker: "context" });
      },
    };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => name === "ExcelApi" && version <= "1.13",
        },
      },
    };
    const host = officeHost();
    const seen = await host.run(async (context) => (context as unknown as { marker: string }).marker);
    expect([seen, calls]).toEqual(["context", [{ delayForCellEdit: true }]]);
    expect([host.supports("1.13"), host.supports("1.18")]).toEqual([true, false]);
  });

  it("asks Excel for one undo step only where ExcelApi 1.20 has mergeUndoGroup", async () => {
    const calls: unknown[] = [];
    g.Excel = {
      run: (options: unknown, batch: (context: unknown) => Promise<unknown>) => {
        calls.push(options);
        return batch({});
      },
    };
    let api = "1.20";
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (_: string, version: string) =>
            Number(version.split(".")[1]) <= Number(api.split(".")[1]),
        },
      },
    };
    const host = officeHost();
    await host.run(async () => 0, { undoGroup: true });
    api = "1.18";
    await host.run(async () => 0, { undoGroup: true });
    await host.run(async () => 0);
    expect(calls).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
      { delayForCellEdit: true },
    ]);
  });
});
