/**
 * The merged view and workbook are kept by what decides them: asked again with nothing
 * changed, the same answer comes without a second build; a new revision, a new association
 * or a correction of a group gives a new one. Requests arriving together share one build.
 */
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MergeJob } from "../../service/merge-job";
import { type MergeThread, mergeThread } from "../../service/merge-thread";
import { createApp } from "../../service/server";
import { openStore } from "../../service/store/engines";
import type { Store } from "../../service/store/types";
import { ADMIN, bearer, budgetReport, createAssociation, engines, putReport } from "./helpers";

const plan = (income: number) =>
  budgetReport({
    years: ["2012"],
    lines: [
      ["income", "medlemsbidrag", "Medlemsbidrag", income],
      ["cost", "insatser", "Samverkansteamet", 700],
      ["cost", "styrelse", "Styrelsen", 50],
    ],
  });

describe.each(engines())("merge answers on $name", (engine) => {
  let store: Store;
  let url: string;
  let close: () => Promise<void>;
  const built: string[] = [];

  beforeAll(async () => {
    store = await openStore(await engine.storeOptions());
    const thread = mergeThread();
    // The real merge thread, counted: every build that is not answered from what is kept.
    const run = (job: MergeJob & { as: "json" | "xlsx" }) => {
      built.push(job.as);
      return thread.run(job as MergeJob & { as: "json" });
    };
    const merges: MergeThread = {
      run: run as unknown as MergeThread["run"],
      start: () => thread.start(),
      close: () => thread.close(),
    };
    const app = createApp({ store, adminToken: ADMIN, logger: pino({ level: "silent" }), merges });
    const http = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => http.once("listening", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise((resolve) => http.close(resolve));
      await merges.close();
      await store.close();
      await engine.cleanup();
    };
  });
  afterAll(() => close());

  const json = async () => (await fetch(`${url}/api/merged/budget/2012`, { headers: bearer(ADMIN) })).text();
  const xlsx = async () =>
    Buffer.from(
      await (await fetch(`${url}/api/merged/budget/2012.xlsx`, { headers: bearer(ADMIN) })).arrayBuffer(),
    );

  it("When nothing changed, then the same answer comes without a second build; a change builds anew", async () => {
    const nora = await createAssociation(url, "Samordningsförbundet Nora", 1);
    await putReport(url, nora, "budget", "2012", plan(1000));

    const first = await json();
    expect([await json(), built]).toEqual([first, ["json"]]);
    const workbook = await xlsx();
    expect([(await xlsx()).equals(workbook), built]).toEqual([true, ["json", "xlsx"]]);

    // A new revision: its income is in the next answer.
    await putReport(url, nora, "budget", "2012", plan(1200), { "if-match": '"1"' });
    const revised = JSON.parse(await json()) as { network: { income: number } };
    expect([revised.network.income, built]).toEqual([1200, ["json", "xlsx", "json"]]);

    // A new association, even without a report, is a new row.
    await createAssociation(url, "Samordningsförbundet Ale", 2);
    const withAle = JSON.parse(await json()) as { associations: { name: string }[] };
    expect(withAle.associations.map((a) => a.name).sort()).toEqual([
      "Samordningsförbundet Ale",
      "Samordningsförbundet Nora",
    ]);
    expect(built).toHaveLength(4);

    // A correction of a line's group moves its amount.
    const corrected = await fetch(`${url}/api/associations/${nora.id}/group-overrides`, {
      method: "PUT",
      headers: bearer(ADMIN),
      body: JSON.stringify({ label: "Styrelsen", group: "revision" }),
    });
    expect(corrected.status).toBe(200);
    const moved = JSON.parse(await json()) as { network: { costByGroup: Record<string, number> } };
    expect([moved.network.costByGroup.revision, moved.network.costByGroup.styrelse, built]).toEqual([
      50,
      0,
      ["json", "xlsx", "json", "json", "json"],
    ]);
  });

  it("When a meeting asks for the workbook all at once, then it is built once", async () => {
    const before = built.length;
    const nora = (await store.listAssociations()).find((a) => a.name.endsWith("Nora"))!;
    const token = await fetch(`${url}/api/associations/${nora.id}/tokens`, {
      method: "POST",
      headers: bearer(ADMIN),
    });
    const { token: secret } = (await token.json()) as { token: string };
    await putReport(url, { id: nora.id, token: secret }, "budget", "2012", plan(1300), { "if-match": '"2"' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => xlsx()));
    expect(answers.every((a) => a.equals(answers[0]!))).toBe(true);
    expect(built.slice(before)).toEqual(["xlsx"]);
  });
});
