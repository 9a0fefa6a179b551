/** The service's commands as an operator runs them: association add offline, serve, push of the real fixtures. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Me, RevisionList } from "../../shared/api";
import { shareableReports } from "../../shared/participants/share";
import { readWorkbook } from "../../shared/read-workbook";
import { readWorkbookFile } from "../../xlsx/read";
import {
  ADMIN,
  bearer,
  killed,
  orgnr,
  pgliteEngine,
  putReport,
  type Running,
  runCli,
  startService,
} from "./helpers";

const fixture = (name: string) => path.resolve("../shared/fixtures", name);

describe("samsyn association add, serve and push", () => {
  const engine = pgliteEngine();
  let dataDir: string;
  let ale: { id: string; token: string };
  let service: Running;

  beforeAll(async () => {
    dataDir = ((await engine.storeOptions()) as { dataDir: string }).dataDir;
    const added = await runCli([
      "association",
      "add",
      "Samordningsförbundet Ale",
      "--orgnr",
      orgnr(1),
      "--data",
      dataDir,
    ]);
    const m = /^id: (\S+)\ntoken: (\S+)\n$/.exec(added.stdout);
    expect([added.code, added.stderr, m !== null]).toEqual([0, "", true]);
    ale = { id: m![1]!, token: m![2]! };
    service = await startService({ dataDir });
  }, 120_000);
  afterAll(async () => {
    if (service) await killed(service.child);
    await engine.cleanup();
  });

  it("When an association is added with a bad orgnr or while the service holds the folder, then one line on stderr and a non-zero exit", async () => {
    const bad = await runCli(["association", "add", "X", "--orgnr", "802000-1602", "--data", dataDir]);
    const busy = await runCli(["association", "add", "Y", "--orgnr", orgnr(2), "--data", dataDir]);
    expect([
      bad.code,
      bad.stderr.trim().split("\n").length,
      busy.code,
      busy.stderr.trim().split("\n").length,
    ]).toEqual([2, 1, 2, 1]);
    expect(bad.stderr).toBe("samsyn: Organisationsnumret ”802000-1602” är ogiltigt (fel kontrollsiffra).\n");
    expect(busy.stderr).toMatch(/används av en annan process/);
  });

  it("When the Ale plan is pushed, then the service holds it and the merge answers for 2009 with it", async () => {
    const pushed = await runCli([
      "push",
      fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      "--to",
      service.url,
      "--association",
      ale.id,
      "--token",
      ale.token,
    ]);
    expect([pushed.code, pushed.stderr]).toEqual([0, ""]);
    expect(pushed.stdout).toMatch(/^budget 2008: version 1$/m);
    const merged = await fetch(`${service.url}/api/merged/budget/2009`, { headers: bearer(ADMIN) });
    const view = (await merged.json()) as {
      associations: { id: string; revision: number | null; income: number | null }[];
    };
    const row = view.associations.find((a) => a.id === ale.id)!;
    expect(row.revision).toBe(1);
    expect(row.income).toBeGreaterThan(0);
    // The history says the CLI sent it, with Ale's token.
    const me = Me.parse(await (await fetch(`${service.url}/api/me`, { headers: bearer(ale.token) })).json());
    const history = await fetch(`${service.url}/api/associations/${ale.id}/reports/budget/2008/revisions`, {
      headers: bearer(ADMIN),
    });
    const [first] = RevisionList.parse(await history.json()).revisions;
    expect([first?.client, first?.override, first?.token?.id]).toEqual([
      "cli",
      false,
      me.kind === "association" ? me.token.id : "not an association",
    ]);
  });

  it("When the participant list is pushed, then only aggregates arrive, filed per year", async () => {
    const pushed = await runCli([
      "push",
      fixture("samverkansteamet-deltagare-2014.xlsx"),
      "--to",
      service.url,
      "--association",
      ale.id,
      "--token",
      ale.token,
      "--period",
      "2014",
    ]);
    expect([pushed.code, pushed.stderr, pushed.stdout]).toEqual([0, "", "deltagare 2014: version 1\n"]);
    const got = await fetch(`${service.url}/api/associations/${ale.id}/reports/participants/2014`, {
      headers: bearer(ale.token),
    });
    const text = await got.text();
    expect(got.status).toBe(200);
    // No identity number of any form reached the service.
    expect(text).not.toMatch(/\d{6}[-+]?\d{4}/);
  });

  it("When the second half of 2014 is pushed after the year, then its closed is hidden: 20 − 17 would give the first half's 3", async () => {
    const file = fixture("samverkansteamet-deltagare-2014.xlsx");
    // As a client that ignores the published year would send it: refused, naming the months.
    const reading = readWorkbook(await readWorkbookFile(file), { participants: { period: "2014-H2" } });
    const careless = shareableReports(reading.participantReadings[0]!, { period: "2014-H2" })[0]!;
    expect(careless.keyFigures.closed).toBe(17);
    const refused = await putReport(service.url, ale, "participants", "2014-H2", careless);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "antalet avslutade jan–jun 2014 är 1–4",
    );
    const pushed = await runCli([
      "push",
      file,
      "--to",
      service.url,
      "--association",
      ale.id,
      "--token",
      ale.token,
      "--period",
      "2014-H2",
    ]);
    expect([pushed.code, pushed.stderr, pushed.stdout]).toEqual([0, "", "deltagare 2014-H2: version 1\n"]);
    const got = await fetch(`${service.url}/api/associations/${ale.id}/reports/participants/2014-H2`, {
      headers: bearer(ale.token),
    });
    const sent = (await got.json()) as { keyFigures: { closed: number | null; new: number | null } };
    expect(sent.keyFigures).toMatchObject({ closed: null, new: 24 });
  });

  it("When SAMSYN_PANE_ORIGINS is not a list of origins, then serve does not start: one line naming the setting, exit 2", async () => {
    const { dataDir: fresh } = (await engine.storeOptions()) as { dataDir: string };
    const served = await runCli(["serve", "--port", "0", "--data", fresh], { SAMSYN_PANE_ORIGINS: "*" });
    expect([served.code, served.stderr.trim().split("\n").length, served.stdout]).toEqual([2, 1, ""]);
    expect(served.stderr).toMatch(/^samsyn: SAMSYN_PANE_ORIGINS: ”\*” är inget ursprung/);
  });

  it("When push cannot read the file, is refused, or cannot connect, then exit 2, 1 and 2 with one line each", async () => {
    const unreadable = await runCli([
      "push",
      "package.json",
      "--to",
      service.url,
      "--association",
      ale.id,
      "--token",
      ale.token,
    ]);
    const refused = await runCli([
      "push",
      fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      "--to",
      service.url,
      "--association",
      ale.id,
      "--token",
      "samsyn_wrong_token",
    ]);
    const offline = await runCli([
      "push",
      fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      "--to",
      "http://127.0.0.1:9",
      "--association",
      ale.id,
      "--token",
      ale.token,
    ]);
    expect(
      [unreadable, refused, offline].map((r) => [
        r.code,
        r.stderr.trim().split("\n").length,
        r.stderr.includes("    at "),
      ]),
    ).toEqual([
      [2, 1, false],
      [1, 1, false],
      [2, 1, false],
    ]);
    expect(refused.stderr).toMatch(/Inloggning krävs/);
  });
});
