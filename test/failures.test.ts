/**
 * The one failure model (shared/failures.ts): every failure, whatever the front end, is said in
 * Swedish and English from one template per language, naming what it is about.
 */
import { describe, expect, it } from "vitest";
import { FAILURE_CODES, type FailureCode, type FailureOf } from "../shared/failures";
import { describeFailure, type Lang } from "../shared/messages";

/** One failure of every code: a code without a sample does not compile. */
const SAMPLES: { readonly [C in FailureCode]: FailureOf<C> } = {
  "file-unreadable": { code: "file-unreadable", path: "budget-2015.xlsx" },
  "file-too-large": { code: "file-too-large", megabytes: 140, limitMegabytes: 100 },
  "not-a-workbook": { code: "not-a-workbook" },
  "workbook-damaged": { code: "workbook-damaged", detail: "Corrupted zip: missing 412 bytes" },
  "too-many-parts": { code: "too-many-parts", count: 20, limit: 10 },
  "too-much-xml": { code: "too-much-xml", limitMegabytes: 160 },
  "too-many-cells": { code: "too-many-cells", cells: 900, limit: 500 },
  "merge-too-large": { code: "merge-too-large", range: "A1:XFD1048576", limit: 500 },
  "too-many-merges": { code: "too-many-merges", count: 700, limit: 600 },
  "too-many-strings": { code: "too-many-strings", count: 800, limit: 500 },
  "no-sheets": { code: "no-sheets" },
  "no-tables": { code: "no-tables" },
  "invalid-period": { code: "invalid-period", text: "våren 2014", expected: "period" },
  "invalid-orgnr": { code: "invalid-orgnr", text: "802000-1602", reason: "checksum" },
  "orgnr-taken": { code: "orgnr-taken", orgnr: "802000-1601" },
  "invalid-name": { code: "invalid-name" },
  "invalid-url": { code: "invalid-url", url: "samsyn.example" },
  "url-not-https": { code: "url-not-https", url: "http://samsyn.example" },
  "url-has-extras": { code: "url-has-extras", url: "https://samsyn.example/?x=1" },
  "invalid-guid": { code: "invalid-guid", id: "not-a-guid" },
  "invalid-port": { code: "invalid-port", port: "tre" },
  "invalid-usage": {
    code: "invalid-usage",
    problem: "unknown-option",
    command: "inspect",
    name: "--perod",
    allowed: "--period",
  },
  "admin-token-too-short": { code: "admin-token-too-short", length: 12, min: 32 },
  "invalid-suppression-threshold": { code: "invalid-suppression-threshold", value: "2", min: 3 },
  "invalid-pane-origin": { code: "invalid-pane-origin", origin: "https://excel.example.se/" },
  "invalid-service-url": { code: "invalid-service-url", url: "ftp://x" },
  "cannot-listen": { code: "cannot-listen", host: "127.0.0.1", port: 3000, reason: "EADDRINUSE" },
  "data-folder-locked": { code: "data-folder-locked", dataDir: "./data", pid: 4711 },
  "database-unavailable": { code: "database-unavailable", which: "DATABASE_URL", detail: "ECONNREFUSED" },
  "service-unreachable": {
    code: "service-unreachable",
    origin: "http://127.0.0.1:9",
    detail: "fetch failed",
  },
  "nothing-to-push": { code: "nothing-to-push", file: "anteckningar.xlsx" },
  "service-refused": {
    code: "service-refused",
    kind: "budget",
    period: "2015",
    status: 422,
    sv: "Rapporten är fel.",
    en: "The report is wrong.",
  },
  "build-failed": { code: "build-failed" },
  "not-built": { code: "not-built", what: "page" },
  unauthenticated: { code: "unauthenticated" },
  forbidden: { code: "forbidden" },
  "too-many-failed-logins": { code: "too-many-failed-logins" },
  "not-found": { code: "not-found", what: "resource", method: "PATCH" },
  "unknown-kind": { code: "unknown-kind", text: "kassabok" },
  "invalid-revision": { code: "invalid-revision", name: "from" },
  "invalid-if-match": { code: "invalid-if-match" },
  "invalid-if-none-match": { code: "invalid-if-none-match" },
  "conflicting-preconditions": { code: "conflicting-preconditions" },
  "invalid-idempotency-key": { code: "invalid-idempotency-key" },
  "idempotency-key-reused": { code: "idempotency-key-reused" },
  "json-required": { code: "json-required" },
  "invalid-json": { code: "invalid-json" },
  "body-too-large": { code: "body-too-large", limit: 512 },
  "unsupported-encoding": { code: "unsupported-encoding" },
  "bad-request": { code: "bad-request" },
  "invalid-body": { code: "invalid-body", what: "report", paths: ["lines.3.amounts.2008", "unit"] },
  "invalid-text": { code: "invalid-text", field: "label" },
  "label-required": { code: "label-required" },
  "kind-mismatch": { code: "kind-mismatch", sent: "participants", address: "budget" },
  "period-mismatch": { code: "period-mismatch", sent: "2014-H1", address: "2014" },
  "report-exists": { code: "report-exists", current: 7 },
  "stale-revision": { code: "stale-revision", current: 7, base: 5 },
  "unsuppressed-count": { code: "unsuppressed-count", threshold: 5, paths: ["keyFigures.closed"] },
  "unprotected-count": { code: "unprotected-count", threshold: 5, paths: ["keyFigures.byKon.man"] },
  "exposed-across-periods": {
    code: "exposed-across-periods",
    threshold: 5,
    figure: "new",
    period: "2041-H2",
    combines: ["2041", "2041-H1"],
    more: 1,
  },
  "suppressed-mismatch": {
    code: "suppressed-mismatch",
    paths: ["suppression.suppressed.2", "keyFigures.byKon.man"],
  },
  "text-too-long": { code: "text-too-long", field: "insats", length: 95, max: 80 },
  "identifying-text": { code: "identifying-text", field: "insats", what: "personnummer" },
  "data-folder-open": { code: "data-folder-open", dataDir: "/srv/samsyn", mode: "777" },
  "database-interrupted": { code: "database-interrupted" },
  "too-many-connections": { code: "too-many-connections", limit: 50 },
  "no-file": { code: "no-file" },
  "invalid-book": { code: "invalid-book" },
  "book-not-saved": { code: "book-not-saved", detail: "sheet name too long" },
  internal: { code: "internal", detail: "Cannot read properties of null" },
};

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
