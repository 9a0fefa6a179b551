/**
 * Participants reports filed per insats, on both engines: each insats of a list is its own report
 * (its own revisions, its own If-None-Match), a body must name the insats its address names, and
 * the merge gives one insats when asked, or all — each association's insatser added up, a lower
 * bound where a part is hidden, with how many associations hide it — never counting a list twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import { PublishedReports, Status } from "../../shared/api";
import { MergedParticipants } from "../../shared/merge";
import {
  ADMIN,
  bearer,
  createAssociation,
  engines,
  participantsReport,
  putReport,
  startTestServer,
} from "./helpers";

const insatsReport = (
  insats: string,
  figures: Parameters<typeof participantsReport>[1] = {},
  hidden: string[] = [],
) => ({
  ...participantsReport("2023", figures, hidden),
  insats,
});

describe.each(engines())("participants per insats on $name", (engine) => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When Sydost files two insatser for 2023 and Ale its whole list, then each is stored apart, the merge adds Sydost's up as a lower bound, and one insats can be asked for", async () => {
    const sydost = await createAssociation(server.url, "Sydost", 1);
    const ale = await createAssociation(server.url, "Ale", 2);
    const put = (a: typeof sydost, body: unknown, insats?: string, headers: Record<string, string> = {}) =>
      putReport(
        server.url,
        a,
        "participants",
        insats ? `2023?insats=${encodeURIComponent(insats)}` : "2023",
        body,
        headers,
      );

    const jobb = insatsReport("Jobbcoacher", { participants: 40 });
    const ips = insatsReport(
      "IPS – individanpassat stöd",
      { participants: 30, byKon: { kvinna: null, man: null } },
      ["byKon.kvinna", "byKon.man"],
    );
    expect((await put(sydost, jobb, "Jobbcoacher", { "If-None-Match": "*" })).status).toBe(201);
    // Another insats of the same period is a report of its own: no report-exists.
    expect((await put(sydost, ips, "IPS – individanpassat stöd", { "If-None-Match": "*" })).status).toBe(201);
    expect((await put(sydost, jobb, "Jobbcoacher")).status).toBe(201);
    // A body that names another insats than its address is refused, naming the field.
    const wrong = await put(sydost, jobb, "IPS – individanpassat stöd");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("insats-mismatch");
    // An insats address holding a personnummer is refused as the body's insats would be.
    expect((await put(sydost, insatsReport("Anna 850710-5032"), "Anna 850710-5032")).status).toBe(422);
    expect((await put(ale, participantsReport("2023", { participants: 25 }))).status).toBe(201);

    const own = async (insats?: string) =>
      fetch(
        `${server.url}/api/associations/${sydost.id}/reports/participants/2023${insats ? `?insats=${encodeURIComponent(insats)}` : ""}`,
        { headers: bearer(sydost.token) },
      );
    const got = await own("Jobbcoacher");
    expect([got.status, got.headers.get("etag")]).toEqual([200, '"2"']);
    expect(((await got.json()) as { insats: string }).insats).toBe("Jobbcoacher");
    expect((await own()).status).toBe(404);

    const published = PublishedReports.parse(
      await (
        await fetch(`${server.url}/api/associations/${sydost.id}/reports/participants`, {
          headers: bearer(sydost.token),
        })
      ).json(),
    );
    expect(published.reports.map((r) => [r.period, r.insats, r.revision]).sort()).toEqual([
      ["2023", "IPS – individanpassat stöd", 1],
      ["2023", "Jobbcoacher", 2],
    ]);
    const status = Status.parse(
      await (await fetch(`${server.url}/api/status`, { headers: bearer(ADMIN) })).json(),
    );
    expect(
      status.reports
        .filter((r) => r.associationId === sydost.id)
        .map((r) => r.insats)
        .sort(),
    ).toEqual(["IPS – individanpassat stöd", "Jobbcoacher"]);
    expect(status.reports.find((r) => r.associationId === ale.id)?.insats).toBeUndefined();

    const merged = async (insats?: string) =>
      MergedParticipants.parse(
        await (
          await fetch(
            `${server.url}/api/merged/participants/2023${insats ? `?insats=${encodeURIComponent(insats)}` : ""}`,
            { headers: bearer(ADMIN) },
          )
        ).json(),
      );
    const all = await merged();
    expect(all.insatser).toEqual(["IPS – individanpassat stöd", "Jobbcoacher", "Samverkansteamet"]);
    const s = all.associations.find((a) => a.id === sydost.id)!;
    expect(s.parts?.map((p) => p.insats)).toEqual(["IPS – individanpassat stöd", "Jobbcoacher"]);
    expect(s.keyFigures?.participants).toBe(70);
    // Kön hidden in one part: the sum is a lower bound (22 + hidden), 1 part hidden.
    expect(s.keyFigures?.byKon.kvinna).toBeNull();
    expect(s.totals?.byKon.kvinna).toEqual({ value: 22, lowerBound: true, suppressedIn: 1 });
    expect(all.network.reporting).toBe(2);
    expect(all.network.keyFigures.participants).toEqual({ value: 95, lowerBound: false, suppressedIn: 0 });
    // The network: 22 (Sydost's known part) + 22 (Ale), hidden in 1 association.
    expect(all.network.keyFigures.byKon.kvinna).toEqual({ value: 44, lowerBound: true, suppressedIn: 1 });

    const one = await merged("Jobbcoacher");
    expect(one.insats).toBe("Jobbcoacher");
    expect(one.associations.map((a) => [a.name, a.keyFigures?.participants ?? null])).toEqual([
      ["Ale", null],
      ["Sydost", 40],
    ]);
    const samverkan = await merged("Samverkansteamet");
    expect(samverkan.associations.map((a) => [a.name, a.keyFigures?.participants ?? null])).toEqual([
      ["Ale", 25],
      ["Sydost", null],
    ]);
    const xlsx = await fetch(`${server.url}/api/merged/participants/2023.xlsx?insats=Jobbcoacher`, {
      headers: bearer(ADMIN),
    });
    expect(xlsx.status).toBe(200);
  });
});
