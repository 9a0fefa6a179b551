/**
 * Random requests against the real server on loopback — bodies, paths, headers (If-Match,
 * If-None-Match, the client and override headers), mutated reports — bounded in count and
 * time: never a 500, every error a JSON error body.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import { CLIENT_HEADER, OVERRIDE_HEADER } from "../../shared/api";
import {
  ADMIN,
  bearer,
  createAssociation,
  participantsReport,
  pgliteEngine,
  putReport,
  simpleBudget,
  startTestServer,
} from "./helpers";

const engine = pgliteEngine();
let server: WebServer;
let ale: { id: string; token: string };
let nora: { id: string; token: string };

beforeAll(async () => {
  server = await startTestServer(engine, { bodyLimit: "64kb" });
  ale = await createAssociation(server.url, "Ale", 1);
  nora = await createAssociation(server.url, "Nora", 2);
  await putReport(server.url, ale, "budget", "2009", simpleBudget(["2009", "2010"]));
  await putReport(server.url, ale, "participants", "2014", participantsReport("2014"));
});
afterAll(async () => {
  await server?.close();
  await engine.cleanup();
});

const visibleAscii = fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));

const segment = fc.oneof(
  fc.constantFrom(
    "api",
    "associations",
    "reports",
    "budget",
    "participants",
    "merged",
    "2009",
    "2014",
    "2014-H1",
  ),
  fc.constantFrom(
    "revisions",
    "diff",
    "tokens",
    "group-overrides",
    "network-tokens",
    "2009.xlsx",
    "openapi.json",
    "me",
    "status",
  ),
  fc.constantFrom(
    "%",
    "%zz",
    "%E0%A4%A",
    "..",
    ".",
    "%00",
    "%2F",
    "ÅÄÖ",
    "x".repeat(300),
    "a%00b",
    "%ED%A0%80",
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const path = fc.oneof(
  fc.array(segment, { maxLength: 8 }).map((s) => `/${s.join("/")}`),
  fc
    .tuple(
      fc.constantFrom("ale", "nora", "x"),
      fc.constantFrom("budget", "participants", "nope"),
      segment,
      fc.option(segment),
    )
    .map(
      ([who, kind, period, rest]) =>
        `/api/associations/${who}/reports/${kind}/${period}${rest ? `/${rest}` : ""}`,
    ),
  fc.tuple(fc.constantFrom("budget", "participants", "x"), segment).map(([k, p]) => `/api/merged/${k}/${p}`),
  fc.constantFrom("ale", "nora", "x").map((who) => `/api/associations/${who}/tokens`),
);

const reportKeys = [
  ...Object.keys(simpleBudget(["2009"])),
  "lines.0.label",
  "lines.0.amounts",
  "totals.income",
  "insats",
  "keyFigures.byHemkommun",
  "keyFigures.byAgeBand",
  "keyFigures.participants",
  "keyFigures.averageStayDays",
];

/** Text PostgreSQL cannot store: NUL and surrogates without their other half. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udc00", "\udbff\u0000"))
  .map(([s, bad]) => `${s}${bad}${s}`);

/** Numbers past every bound: the largest doubles, 10^13 kr and its neighbours, unsafe integers. */
const hugeNumber = fc.constantFrom(
  1.7e308,
  -1.7e308,
  1e13,
  -1e13,
  9.999_999_999_999e12,
  2 ** 53 + 2,
  1e300,
  5e-324,
  -0,
);

/** Key sets far past the 292 hemkommun keys, with values small enough to need suppression too. */
const hugeKeys = fc
  .tuple(fc.integer({ min: 293, max: 3000 }), fc.constantFrom<number | null>(1, 5, null))
  .map(([n, v]) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Kommun ${i}`, v])));

const hostileValue = fc.oneof(
  unstorable,
  hugeNumber,
  hugeKeys,
  fc.dictionary(unstorable, fc.oneof(hugeNumber, fc.integer({ min: 0, max: 6 })), { maxKeys: 3 }),
  fc.record({ Nora: fc.integer({ min: 1, max: 4 }), Ale: fc.constant(36) }),
);

const mutated = fc
  .tuple(
    fc.constantFrom(simpleBudget(["2009", "2010"]), participantsReport("2014")),
    fc.constantFrom(...reportKeys),
    fc.oneof(fc.anything(), hostileValue),
  )
  .map(([report, key, value]) => {
    const copy = structuredClone(report) as Record<string, unknown>;
    const [head, index, field] = key.split(".");
    if (index === undefined) copy[head!] = value;
    else {
      const inner = (copy[head!] as Record<string, unknown>[] | Record<string, unknown> | undefined) ?? {};
      const target = Array.isArray(inner) ? inner[Number(index)] : inner;
      if (target && typeof target === "object") (target as Record<string, unknown>)[field ?? index] = value;
    }
    return JSON.stringify(copy);
  });

const body = fc.oneof(
  fc.constant(undefined),
  // A whole report with an unstorable label, heading or sheet name.
  fc
    .tuple(unstorable, fc.constantFrom("label", "heading", "sheet", "title"))
    .map(([text, where]) =>
      JSON.stringify(
        where === "label" || where === "heading"
          ? { ...simpleBudget(["2009"]), lines: [{ ...simpleBudget(["2009"]).lines[0]!, [where]: text }] }
          : { ...simpleBudget(["2009"]), [where]: text },
      ),
    ),
  fc.json().map(String),
  fc.string({ maxLength: 200 }),
  mutated,
  fc.constant(`{"kind":"budget","lines":[${'{"a":1},'.repeat(10_000)}{}]}`),
  fc.constant("{".repeat(5000)),
);

const request = fc.record({
  method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"),
  path,
  query: fc.option(
    fc.constantFrom(
      "?from=1&to=2",
      "?from=x",
      "?label=Kansli",
      "?to=99999999999",
      "?a[b]=1&a[c]=2",
      "?label=%00",
      "?label=a%ED%A0%80",
      "?%00=1",
    ),
  ),
  token: fc.constantFrom<"none" | "admin" | "ale" | "nora" | "junk">("none", "admin", "ale", "nora", "junk"),
  contentType: fc.constantFrom(
    "application/json",
    "application/json; charset=utf-16",
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/merge-patch+json",
    "",
  ),
  ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', "*", 'W/"2"', "-1", '"99999999999"'), visibleAscii)),
  ifNoneMatch: fc.option(fc.oneof(fc.constantFrom("*", " * ", '"1"', 'W/"1"', "*, *"), visibleAscii)),
  idempotencyKey: fc.option(visibleAscii),
  client: fc.option(fc.oneof(fc.constantFrom("addin", "cli", "api", "ADDIN"), visibleAscii)),
  override: fc.option(fc.oneof(fc.constantFrom("1", "0", "true"), visibleAscii)),
  contentEncoding: fc.option(fc.constantFrom("gzip", "br", "identity", "x-nope")),
  body,
});

describe("fuzzing the service", () => {
  it("When a few thousand random requests arrive, then none gets a 500 and every error is a JSON error body", async () => {
    const failures: string[] = [];
    let count = 0;
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        count++;
        const tokens = { none: null, admin: ADMIN, ale: ale.token, nora: nora.token, junk: "samsyn_00_junk" };
        const token = tokens[req.token];
        const path = req.path.replace("/ale/", `/${ale.id}/`).replace("/nora/", `/${nora.id}/`);
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (req.contentType) headers["content-type"] = req.contentType;
        if (req.ifMatch !== null) headers["if-match"] = req.ifMatch;
        if (req.ifNoneMatch !== null) headers["if-none-match"] = req.ifNoneMatch;
        if (req.idempotencyKey) headers["idempotency-key"] = req.idempotencyKey;
        if (req.client !== null) headers[CLIENT_HEADER] = req.client;
        if (req.override !== null) headers[OVERRIDE_HEADER] = req.override;
        if (req.contentEncoding) headers["content-encoding"] = req.contentEncoding;
        const withBody = req.body !== undefined && req.method !== "GET" && req.method !== "HEAD";
        const r = await fetch(`${server.url}${path}${req.query ?? ""}`, {
          method: req.method,
          headers,
          ...(withBody && req.body !== undefined ? { body: req.body } : {}),
        });
        const text = await r.text();
        if (r.status >= 500) failures.push(`${r.status} ${req.method} ${path} ${text.slice(0, 200)}`);
        else if (r.status >= 400 && req.method !== "HEAD") {
          const parsed = JSON.parse(text) as {
            error?: { code?: unknown; message?: unknown; messageEn?: unknown };
          };
          if (typeof parsed.error?.code !== "string" || typeof parsed.error.message !== "string")
            failures.push(`no error body: ${r.status} ${req.method} ${path} ${text.slice(0, 200)}`);
        }
        return true;
      }),
      {
        numRuns: 3000,
        interruptAfterTimeLimit: 90_000,
        seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1e9),
      },
    );
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(500);
  }, 180_000);

  it("When authentication fails again and again from one address, then the service answers 429", async () => {
    const own = pgliteEngine();
    const limited = await startTestServer(own, { authFailureLimit: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await fetch(`${limited.url}/api/merged/budget/2009`, { headers: bearer(`samsyn_x_${i}`) })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
      await own.cleanup();
    }
  });
});
