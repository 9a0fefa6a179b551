/**
 * The service checks a participants report together with everything the association already
 * published (the latest of every other period and insats): a count of 1 … threshold − 1 that
 * would follow by subtraction — over time, or as the whole list less its insatser — is refused
 * with 422, naming the count and the periods it combines; two periods sent at once are checked
 * one after the other. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import { ErrorBody, PublishedReports } from "../../shared/api";
import type { ParticipantsReport } from "../../shared/report";
import {
  bearer,
  createAssociation,
  engines,
  participantsReport,
  putReport,
  startTestServer,
} from "./helpers";

/** A report whose only difference from the helper's is its flow counts. */
const withNew = (period: string, n: number | null, insats = "Samverkansteamet"): ParticipantsReport => ({
  ...participantsReport(period, { new: n }, n === null ? ["new"] : []),
  insats,
});

describe.each(engines())("reports across periods on $name", (engine) => {
  let server: WebServer;
  let url: string;
  let a: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    url = server.url;
    a = await createAssociation(url, "Samordningsförbundet Sydost", 31);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When H1 shows 6 new and the year 10, then the year is refused with 422 naming jul–dec's 4; hidden, it is taken", async () => {
    expect((await putReport(url, a, "participants", "2041-H1", withNew("2041-H1", 6))).status).toBe(201);
    const refused = await putReport(url, a, "participants", "2041", withNew("2041", 10));
    expect(refused.status).toBe(422);
    const { error } = ErrorBody.parse(await refused.json());
    expect(error.code).toBe("exposed-across-periods");
    expect(error.message).toContain("antalet nya jul–dec 2041 är 1–4");
    expect(error.message).toContain("jan–jun 2041");
    expect(error.fields).toEqual([
      { path: "keyFigures.new", message: "new 2041-H2 follows from 2041, 2041-H1" },
    ]);
    // The year with its new hidden exposes nothing: stored.
    expect((await putReport(url, a, "participants", "2041", withNew("2041", null))).status).toBe(201);
    // H2 with its 4 hidden, after both: nothing new follows from it.
    expect((await putReport(url, a, "participants", "2041-H2", withNew("2041-H2", null))).status).toBe(201);
  });

  it("When another insats's reports are published, then they are not combined with these", async () => {
    expect(
      (await putReport(url, a, "participants", "2042-H1", withNew("2042-H1", 6, "Unga vuxna"))).status,
    ).toBe(201);
    expect((await putReport(url, a, "participants", "2042", withNew("2042", 10))).status).toBe(201);
  });

  it("When H1 and the year are sent at the same moment, then one is stored and the other refused, whichever came second", async () => {
    const [h1, year] = await Promise.all([
      putReport(url, a, "participants", "2043-H1", withNew("2043-H1", 6)),
      putReport(url, a, "participants", "2043", withNew("2043", 10)),
    ]);
    expect([h1.status, year.status].sort()).toEqual([201, 422]);
  });

  it("When the whole list of 2044 is published and then the list per insats, then an insats that leaves 3 new outside the insatser is refused naming them; hidden, it is taken", async () => {
    const filed = (insats: string, n: number | null) =>
      fetch(
        `${url}/api/associations/${a.id}/reports/participants/2044?insats=${encodeURIComponent(insats)}`,
        {
          method: "PUT",
          headers: bearer(a.token),
          body: JSON.stringify(withNew("2044", n, insats)),
        },
      );
    // Before the list had an insats column: the whole list, naming no insats.
    const whole = { ...participantsReport("2044", { new: 20 }), insats: null };
    expect((await putReport(url, a, "participants", "2044", whole)).status).toBe(201);
    expect((await filed("Jobbcoacher", 10)).status).toBe(201);
    const refused = await filed("IPS", 7);
    expect(refused.status).toBe(422);
    const { error } = ErrorBody.parse(await refused.json());
    expect(error.code).toBe("exposed-across-periods");
    expect(error.message).toBe(
      "Rapporten kan inte tas emot: tillsammans med det som redan delats för hela listan och för insatserna IPS och Jobbcoacher visar den att antalet nya 2044 utanför de insatserna är 1–4. Dölj ytterligare en siffra i rapporten.",
    );
    expect((await filed("IPS", null)).status).toBe(201);
  });

  it("When the association asks what it has published, then it gets the latest of every period; a network key gets 403", async () => {
    const res = await fetch(`${url}/api/associations/${a.id}/reports/participants`, {
      headers: bearer(a.token),
    });
    expect(res.status).toBe(200);
    const list = PublishedReports.parse(await res.json());
    const periods = list.reports.map((r) => r.period).sort();
    expect(periods).toContain("2041");
    expect(periods).toContain("2041-H1");
    expect(list.reports.find((r) => r.period === "2041")?.report).toMatchObject({
      keyFigures: { new: null },
    });
    const other = await createAssociation(url, "Samordningsförbundet Nora", 32);
    const foreign = await fetch(`${url}/api/associations/${a.id}/reports/participants`, {
      headers: bearer(other.token),
    });
    expect(foreign.status).toBe(403);
  });
});
