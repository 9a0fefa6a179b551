/**
 * The one failure model (shared/failures.ts): every failure, whatever the front end, is said in
 * Swedish and English from one template per language, naming what it is about.
 */
import { describe, expect, it } from "vitest";
import { FAILURE_CODES } from "../shared/failures";
import { describeFailure, type Lang } from "../shared/messages";
import { SAMPLES } from "./support/failure-samples";

/** Fields said in words rather than verbatim: an enum, or a threshold said as its largest hidden count. */
// Said in words: a figure by what it counts, a period as people read it ("jul–dec 2041").
const IN_WORDS = new Set([
  "code",
  "expected",
  "reason",
  "what",
  "kind",
  "threshold",
  "figure",
  "period",
  "combines",
  "problem",
]);
const OTHER_LANGUAGE: Record<Lang, string> = { sv: "en", en: "sv" };

/** The values a message must name: every string and number of the failure, as written. */
function namedValues(failure: object, lang: Lang): string[] {
  const values: string[] = [];
  for (const [field, value] of Object.entries(failure)) {
    if (IN_WORDS.has(field) || field === OTHER_LANGUAGE[lang]) continue;
    // The service's own words stand in for its status when it gave them.
    if (Object.hasOwn(failure, "sv") && field === "status") continue;
    if (Array.isArray(value)) values.push(...value.map(String));
    else if (typeof value === "string" || typeof value === "number") values.push(String(value));
  }
  return values;
}

describe("failures in words", () => {
  it("every code has a sample, and the list of codes the API documents is the same list", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...FAILURE_CODES].sort());
  });

  for (const lang of ["sv", "en"] as const)
    it(`every failure is one line in ${lang} that names each value it is about`, () => {
      const wrong: string[] = [];
      for (const failure of Object.values(SAMPLES)) {
        const text = describeFailure(failure, lang);
        const missing = namedValues(failure, lang).filter((v) => !text.includes(v));
        if (missing.length > 0 || /\n|undefined|\[object|NaN/.test(text) || text !== text.trim())
          wrong.push(`${failure.code}: ${JSON.stringify(text)} (missing ${missing.join(", ")})`);
      }
      expect(wrong).toEqual([]);
    });

  it("the two languages say different things: no failure is left in the other language", () => {
    const same = Object.values(SAMPLES)
      .filter((f) => describeFailure(f, "sv") === describeFailure(f, "en"))
      .map((f) => f.code);
    expect(same).toEqual([]);
  });

  it("a Swedish message quotes what was typed the Swedish way, an English one the English way", () => {
    const period = SAMPLES["invalid-period"];
    expect(describeFailure(period, "sv")).toContain("”våren 2014”");
    expect(describeFailure(period, "en")).toContain('"våren 2014"');
    expect(describeFailure({ code: "invalid-orgnr", text: "802000-1602", reason: "month" }, "sv")).toBe(
      "Organisationsnumret ”802000-1602” är ogiltigt (månadsdelen ska vara minst 20).",
    );
  });
});
