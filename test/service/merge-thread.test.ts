/** The merge thread starts with the service: loaded and warmed up before the first merge is asked. */
import { describe, expect, it } from "vitest";
import { mergeThread } from "../../service/merge-thread";

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
});
