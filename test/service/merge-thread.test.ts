/**
 * The merge thread starts with the service: loaded and warmed up before the first merge is
 * asked, and the newest years' reports parsed in it, so the first merge costs what a later one does.
 */
import { describe, expect, it } from "vitest";
import type { MergeJob } from "../../service/merge-job";
import { type MergeThread, mergeThread } from "../../service/merge-thread";
import { warmMerges } from "../../service/routes/merged";
import { openStore } from "../../service/store/engines";
import { participantsReport, pgliteEngine, simpleBudget } from "./helpers";

describe("the merge thread", () => {
  it("When it is started, then it says it is ready once loaded, and a merge asked after that is answered", async () => {
    const thread = mergeThread();
    try {
      let ready = false;
      await thread.start().then(() => {
        ready = true;
      });
      // Starting again is the same thread, already ready.
      await thread.start();
      const text = await thread.run({
        kind: "budget",
        period: "2009",
        associations: [{ id: "a1", name: "Samordningsförbundet Ale" }],
        revisions: [],
        as: "json",
      });
      expect([ready, (JSON.parse(text) as { kind: string }).kind]).toEqual([true, "budget"]);
    } finally {
      await thread.close();
    }
  });

  it("When the service starts on reports of several years, then the newest two years of each kind are merged once, with every association's latest report", async () => {
    const engine = pgliteEngine();
    const store = await openStore(await engine.storeOptions());
    const thread = mergeThread();
    const jobs: string[] = [];
    const merges: MergeThread = {
      run: ((job: MergeJob & { as: "json" }) => {
        jobs.push(
          `${job.kind} ${job.period} ${job.as}: ${job.revisions.map((r) => `${r.associationId}#${r.revision}`).join(" ")}`,
        );
        return thread.run(job);
      }) as MergeThread["run"],
      start: () => thread.start(),
      close: () => thread.close(),
    };
    try {
      await store.createAssociation({ id: "ale", name: "Ale", orgnr: "802000-0001" });
      await store.createAssociation({ id: "nora", name: "Nora", orgnr: "802000-0002" });
      await store.addToken({ id: "t", hash: "h", scope: "network", associationId: null, label: null });
      const source = { tokenId: "t", client: "api", override: false } as const;
      const put = (associationId: string, kind: "budget" | "participants", period: string) =>
        store.putReport({
          associationId,
          kind,
          period,
          report: kind === "budget" ? simpleBudget([period]) : participantsReport(period),
          source,
        });
      for (const year of ["2021", "2022", "2023"]) await put("ale", "budget", year);
      await put("nora", "budget", "2023");
      await put("nora", "budget", "2023");
      await put("nora", "participants", "2023");
      await warmMerges(store, merges);
      expect(jobs).toEqual([
        "budget 2022 json: ale#1",
        "budget 2023 json: ale#1 nora#2",
        "participants 2023 json: nora#1",
      ]);
    } finally {
      await thread.close();
      await store.close();
      await engine.cleanup();
    }
  });

  it("When the service starts on no reports, then nothing is merged", async () => {
    const engine = pgliteEngine();
    const store = await openStore(await engine.storeOptions());
    const jobs: MergeJob[] = [];
    const merges = {
      run: (job: MergeJob) => {
        jobs.push(job);
        return Promise.resolve("");
      },
    } as unknown as MergeThread;
    try {
      await warmMerges(store, merges);
      expect(jobs).toEqual([]);
    } finally {
      await store.close();
      await engine.cleanup();
    }
  });
});
