/** The merge thread's work: stored bodies parsed once per revision, and what is kept within its bound. */
import { describe, expect, it } from "vitest";
import { parsedReport } from "../../service/merge-job";
import { keptByRevision } from "../../service/store/kept";
import { simpleBudget } from "./helpers";

const head = {
  associationId: "ale",
  kind: "budget" as const,
  period: "2009",
  revision: 1,
  createdAt: "2009-11-30T00:00:00.000Z",
};

describe("merge job", () => {
  it("When a revision comes again with the same text, then the report parsed before serves, frozen", () => {
    const body = JSON.stringify(simpleBudget(["2009"]));
    const first = parsedReport(head, body);
    expect(parsedReport(head, body)).toBe(first);
    expect(Object.isFrozen(first) && first.kind === "budget" && Object.isFrozen(first.lines[0])).toBe(true);
  });

  it("When a revision's key comes with another text (another database), then that text is parsed", () => {
    const ours = parsedReport({ ...head, associationId: "nora" }, JSON.stringify(simpleBudget(["2009"])));
    const theirs = parsedReport(
      { ...head, associationId: "nora" },
      JSON.stringify(simpleBudget(["2009"], 2)),
    );
    expect(theirs).not.toBe(ours);
    expect(theirs.kind === "budget" && theirs.lines[0]?.amounts["2009"]).toBe(2_880_000);
  });

  it("When a stored body does not pass the report schema, then the merge fails rather than trust it", () => {
    expect(() => parsedReport({ ...head, revision: 9 }, JSON.stringify({ kind: "budget" }))).toThrow();
  });

  it("When the bodies kept pass the limit, then the least recently used go first, and one too large is not kept", () => {
    const kept = keptByRevision<{ body: string }>(10);
    kept.set("a", { body: "aaaa" });
    kept.set("b", { body: "bbbb" });
    expect(kept.get("a")?.body).toBe("aaaa");
    kept.set("c", { body: "cccc" });
    expect([kept.get("a")?.body, kept.get("b"), kept.get("c")?.body, kept.size]).toEqual([
      "aaaa",
      undefined,
      "cccc",
      2,
    ]);
    kept.set("huge", { body: "x".repeat(11) });
    expect([kept.get("huge"), kept.size]).toEqual([undefined, 2]);
  });
});
