/**
 * What leaves the association through free text, on both engines over HTTP: an insats name
 * is a short name without an identity, and `suppression.suppressed` is exactly the report's
 * hidden figures — whatever a client sends, the service is the last check.
 */

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergedWorkbook } from "../../service/merged-workbook";
import type { WebServer } from "../../service/server";
import { merge } from "../../shared/merge";
import { shareableReport } from "../../shared/participants/share";
import { WHOLE_HEMKOMMUN } from "../../shared/report";
import {
  ADMIN,
  bearer,
  createAssociation,
  engines,
  participantsReport,
  putReport,
  startTestServer,
} from "./helpers";

interface ErrorJson {
  error: { code: string; message: string; messageEn: string; fields?: { path: string }[] };
}

const errorOf = async (r: Response): Promise<[number, string, string[]]> => {
  const body = (await r.json()) as ErrorJson;
  return [r.status, body.error.code, (body.error.fields ?? []).map((f) => f.path)];
};

const PERSON = "19121212-1212 Anna Andersson";

describe.each(engines())("free text in a shared report on $name", (engine) => {
  let server: WebServer;
  let url: string;
  let ale: { id: string; token: string; tokenId: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    url = server.url;
    ale = await createAssociation(url, "Samordningsförbundet Ale", 1);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  const put = (period: string, body: unknown) => putReport(url, ale, "participants", period, body);

  it("When the insats holds a personnummer, samordningsnummer, e-mail address or phone number, then 422 identifying-text names insats and the text is never echoed", async () => {
    const names = [
      PERSON,
      "Sam 701272-1235",
      "Anna 1212121212",
      "anna.andersson@nora.se",
      "Ring 070-123 45 67",
    ];
    const answers = await Promise.all(
      names.map((insats) => put("2014", { ...participantsReport("2014"), insats })),
    );
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([422, 422, 422, 422, 422]);
    expect(bodies.map((b) => (JSON.parse(b) as ErrorJson).error.code)).toEqual(
      Array(5).fill("identifying-text"),
    );
    expect(bodies.map((b) => (JSON.parse(b) as ErrorJson).error.fields?.map((f) => f.path))).toEqual(
      Array(5).fill(["insats"]),
    );
    const first = JSON.parse(bodies[0]!) as ErrorJson;
    expect(first.error.message).toContain("personnummer");
    expect(first.error.messageEn).toContain("personnummer");
    for (const [i, body] of bodies.entries()) expect(body).not.toContain(names[i]!.split(" ").at(-1));
    expect(bodies.join("")).not.toContain("1212");
    // Nothing was stored.
    const stored = await fetch(`${url}/api/associations/${ale.id}/reports/participants/2014`, {
      headers: bearer(ale.token),
    });
    expect(stored.status).toBe(404);
  });

  it("When the insats is longer than 80 characters, then 400 text-too-long names insats; 80 is taken, and ordinary names with years and spans too", async () => {
    const long = "Samverkan för unga vuxna i norra länsdelen".padEnd(81, ".");
    expect(await errorOf(await put("2015", { ...participantsReport("2015"), insats: long }))).toEqual([
      400,
      "text-too-long",
      ["insats"],
    ]);
    expect((await put("2015", { ...participantsReport("2015"), insats: "å".repeat(80) })).status).toBe(201);
    for (const [i, insats] of ["Unga vuxna 2041", "Projekt 18-29", "Insats 2041-2043"].entries())
      expect((await put(`204${i}`, { ...participantsReport(`204${i}`), insats })).status).toBe(201);
  });

  it("When suppressed holds 5 000 person-shaped strings, then 400 suppressed-mismatch names entries by index, never by their text", async () => {
    const people = Array.from(
      { length: 5000 },
      (_, i) => `19${String(i % 100).padStart(2, "0")}0101-${i} Anna`,
    );
    const r = await put("2016", {
      ...participantsReport("2016"),
      suppression: { threshold: 5, suppressed: people },
    });
    const text = await r.text();
    const body = JSON.parse(text) as ErrorJson;
    expect([r.status, body.error.code]).toEqual([400, "suppressed-mismatch"]);
    expect(body.error.fields?.slice(0, 2).map((f) => f.path)).toEqual([
      "suppression.suppressed.0",
      "suppression.suppressed.1",
    ]);
    expect(text).not.toContain("Anna");
    expect(text).not.toContain("0101-");
  });

  it("When suppressed names a published count, a path of no figure, a count twice or leaves a null out, then 400 names each", async () => {
    const hidden = participantsReport("2017", { byHemkommun: {}, byKon: { kvinna: null, man: null } }, [
      WHOLE_HEMKOMMUN,
      "byKon.kvinna",
      "byKon.man",
    ]);
    const withList = (suppressed: string[]) => ({ ...hidden, suppression: { threshold: 5, suppressed } });
    const cases: [string[], string[]][] = [
      // A published count, a figure that does not exist, the breakdown of a published map.
      [[WHOLE_HEMKOMMUN, "byKon.kvinna", "byKon.man", "new"], ["suppression.suppressed.3"]],
      [[WHOLE_HEMKOMMUN, "byKon.kvinna", "byKon.man", "byHemkommun.Nora"], ["suppression.suppressed.3"]],
      [[WHOLE_HEMKOMMUN, "byKon.kvinna", "byKon.man", "averageStayDays"], ["suppression.suppressed.3"]],
      [[WHOLE_HEMKOMMUN, "byKon.kvinna", "byKon.man", "byKon.man"], ["suppression.suppressed.3"]],
      // A null left out.
      [[WHOLE_HEMKOMMUN, "byKon.kvinna"], ["keyFigures.byKon.man"]],
    ];
    for (const [suppressed, fields] of cases)
      expect(await errorOf(await put("2017", withList(suppressed))), suppressed.join()).toEqual([
        400,
        "suppressed-mismatch",
        fields,
      ]);
    // A published hemkommun map is not withheld whole.
    expect(await errorOf(await put("2017", participantsReport("2017", {}, [WHOLE_HEMKOMMUN])))).toEqual([
      400,
      "suppressed-mismatch",
      ["suppression.suppressed.0"],
    ]);
    // Exactly the hidden figures, in any order; a hidden mean listed with them.
    const mean = { ...hidden, keyFigures: { ...hidden.keyFigures, averageStayDays: null } };
    expect((await put("2017", withList(["byKon.man", WHOLE_HEMKOMMUN, "byKon.kvinna"]))).status).toBe(201);
    const listed = {
      ...mean,
      suppression: { threshold: 5, suppressed: [...hidden.suppression.suppressed, "averageStayDays"] },
    };
    expect((await put("2017", listed)).status).toBe(201);
  });

  it("When a client shares a list whose insats holds a personnummer, then the report it sends has no insats and is taken", async () => {
    const report = shareableReport([], { insats: PERSON, period: "2018", threshold: 5 });
    expect(report.insats).toBeNull();
    expect((await put("2018", report)).status).toBe(201);
    const merged = await (
      await fetch(`${url}/api/merged/participants/2018`, { headers: bearer(ADMIN) })
    ).text();
    expect(merged).not.toContain("1212");
  });
});

describe("a report stored before the rule", () => {
  it("When a stored report's insats holds a personnummer, then the merged workbook shows no insats for it; an ordinary name stays", async () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [
        { id: "a0", name: "Ale" },
        { id: "a1", name: "Nora" },
      ],
      reports: [PERSON, "Unga vuxna 2014"].map((insats, i) => ({
        associationId: `a${i}`,
        period: "2014",
        revision: 1,
        createdAt: "2015-01-01T00:00:00Z",
        report: { ...participantsReport("2014"), insats },
      })),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mergedWorkbook(view)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
    expect(texts).toContain("Unga vuxna 2014");
    expect(texts.join("\n")).not.toMatch(/1212|Andersson/);
  });
});
