/**
 * A part-year report that answers for a year is shown with its own period, never as the year:
 * the merged workbook, fetched over HTTP and read back with exceljs, names "jan–jun 2041".
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import {
  ADMIN,
  bearer,
  createAssociation,
  participantsReport,
  pgliteEngine,
  putReport,
  startTestServer,
} from "./helpers";

describe("a part-year report in the merged workbook", () => {
  const engine = pgliteEngine();
  let server: WebServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When an association's answer for 2041 is its 2041-H1 report, then its row and its sheet say 'jan–jun 2041', and the year's own report says 2041", async () => {
    const ale = await createAssociation(server.url, "Ale", 1);
    const nora = await createAssociation(server.url, "Nora", 2);
    expect(
      (await putReport(server.url, ale, "participants", "2041-H1", participantsReport("2041-H1"))).status,
    ).toBe(201);
    expect(
      (await putReport(server.url, nora, "participants", "2041", participantsReport("2041"))).status,
    ).toBe(201);

    const r = await fetch(`${server.url}/api/merged/participants/2041.xlsx`, { headers: bearer(ADMIN) });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const texts = (sheet: string) => {
      const out: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") out.push(cell.value);
        }),
      );
      return out;
    };
    const comparison = texts("Jämförelse");
    expect(comparison).toContain("version 1, period jan–jun 2041");
    expect(comparison).toContain("version 1, period 2041");
    expect(comparison.join("\n")).not.toContain("2041-H1");
    expect(texts("Ale")).toContain("Version 1, period jan–jun 2041");
    expect(texts("Nora")).toContain("Version 1, period 2041");
  });
});
