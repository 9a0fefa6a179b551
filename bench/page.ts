/**
 * Benchmark of the network's page: 80 associations × 5 years of budget and participant reports
 * in a service on PGlite, then the page's comparison in headless Chromium — from the API
 * request to the table and the charts drawn, measured in the browser with the page's own
 * performance marks — printed beside the API's own time for the same request (from Node, and
 * as the browser's resource timing saw it), with the ratio. Aim: under 1 s.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import type { Page } from "playwright-core";
import { startWebServer } from "../service/server";
import { MUNICIPALITIES } from "../shared/participants/municipalities";
import { type BudgetReport, COST_GROUPS, ParticipantsReport } from "../shared/report";
import { budgetReport, orgnr } from "../test/service/helpers";
import { launchChromium } from "../test/support/browser";

const ASSOCIATIONS = 80;
const YEARS = ["2020", "2021", "2022", "2023", "2024"];
const YEAR = "2023";
const RUNS = 12;
const ROOT = path.resolve(import.meta.dirname, "..");

/** Deterministic figures: the same network every run. */
const spread = (a: number, k: number, base: number): number =>
  Math.round((base * (0.6 + (((a * 7919 + k * 104_729) % 1000) / 1000) * 0.8)) / 1000) * 1000;

/** A plan filed for `year` with columns year..year+2: income lines and a line per cost group. */
export function budget(a: number, year: string): BudgetReport {
  const bases = [6_000_000, 400_000, 4_200_000, 900_000, 120_000, 60_000, 80_000, 150_000, 100_000];
  const named = [
    ["income", "finansiell ram", "Finansiell ram"],
    ["income", "medlemsbidrag", "Medlemsbidrag"],
    ...COST_GROUPS.map(
      (group) =>
        [
          "cost",
          group,
          group === "insatser" ? "Unga vuxna" : `${group[0]!.toUpperCase()}${group.slice(1)}`,
        ] as const,
    ),
  ] as const;
  return budgetReport({
    years: [0, 1, 2].map((k) => String(Number(year) + k)),
    lines: named.map(([section, group, label], i) => [
      section,
      group,
      label,
      (p: string) => spread(a, i * 3 + (Number(p) - Number(year)) + Number(p), bases[i]!),
    ]),
  });
}

/** A year's participant aggregate; every seventh association hides its small counts of closed. */
export function participants(a: number, year: string): ParticipantsReport {
  const n = 30 + ((a * 13 + Number(year)) % 90);
  const small = a % 7 === 3;
  const closed = small ? null : Math.max(5, Math.floor(n / 3));
  // At most closed − 5: the service refuses a remainder of 1–4 beside published counts.
  const toWork =
    closed === null ? null : Math.min(closed - 5, Math.max(5, Math.floor((n / 3) * (0.3 + (a % 5) / 10))));
  const kvinna = Math.floor(n / 2);
  return ParticipantsReport.parse({
    kind: "participants",
    period: year,
    insats: "Samverkansteamet",
    suppression: {
      threshold: 5,
      suppressed: small
        ? ["averageStayDays", "closed", "closedToWorkOrStudies", "shareClosedToWorkOrStudies"]
        : [],
    },
    keyFigures: {
      participants: n,
      new: Math.floor(n / 2),
      closed,
      closedToWorkOrStudies: toWork,
      shareClosedToWorkOrStudies: closed && toWork !== null ? toWork / closed : null,
      byHemkommun: { [MUNICIPALITIES[a % MUNICIPALITIES.length]!]: n },
      byKon: { kvinna, man: n - kvinna },
      byAgeBand: { "18-24": Math.floor(n / 2), "25-29": n - Math.floor(n / 2) },
      averageStayDays: small ? null : 150 + (a % 90),
      staysOverLimit: 0,
    },
  });
}

export interface Network {
  readonly associations: readonly { readonly id: string; readonly token: string; readonly name: string }[];
}

/** Registers `count` associations and sends each `years` of budgets and participant reports, 8 at a time. */
export async function populate(
  url: string,
  admin: string,
  count: number,
  years: readonly string[],
): Promise<Network> {
  const headers = (token: string) => ({
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
  });
  const associations: { id: string; token: string; name: string; i: number }[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Samordningsförbundet ${MUNICIPALITIES[(i * 37) % MUNICIPALITIES.length]}`;
    const r = await fetch(`${url}/api/associations`, {
      method: "POST",
      headers: headers(admin),
      body: JSON.stringify({ name, orgnr: orgnr(i) }),
    });
    if (r.status !== 201) throw new Error(`register ${r.status}: ${await r.text()}`);
    associations.push({ ...((await r.json()) as { id: string; token: string }), name, i });
  }
  const writes = associations.flatMap((a) =>
    years.flatMap((y) => [
      { a, kind: "budget", body: JSON.stringify(budget(a.i, y)), period: y },
      { a, kind: "participants", body: JSON.stringify(participants(a.i, y)), period: y },
    ]),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < writes.length) {
        const w = writes[next++]!;
        const r = await fetch(`${url}/api/associations/${w.a.id}/reports/${w.kind}/${w.period}`, {
          method: "PUT",
          headers: { ...headers(w.a.token), "x-samsyn-client": "api" },
          body: w.body,
        });
        if (r.status !== 201) throw new Error(`write ${r.status}: ${await r.text()}`);
      }
    }),
  );
  return { associations };
}

/** Builds the page into a folder of its own, as `npm run build` does. */
export function buildPage(dir: string): { addinDir: string; webDir: string } {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "scripts/build-addin.mjs"), "--outdir", path.join(dir, "addin")],
    {
      stdio: "pipe",
    },
  );
  return { addinDir: path.join(dir, "addin"), webDir: path.join(dir, "web") };
}

const p50 = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** One comparison in the page: its measure (request → drawn) and the request's own resource timing. */
async function showComparison(page: Page, kind: "budget" | "participants"): Promise<[number, number]> {
  await page.getByRole("radio", { name: kind === "budget" ? "Budget" : "Deltagare" }).check();
  await page.evaluate(() => performance.clearResourceTimings());
  await page.getByRole("button", { name: "Visa" }).click();
  await page.locator("section[data-drawn=true]").waitFor({ timeout: 60_000 });
  return page.evaluate((k) => {
    const measure = performance.getEntriesByName("samsyn:comparison")[0];
    const request = performance
      .getEntriesByType("resource")
      .find((e) => e.name.endsWith(`/api/merged/${k}/2023`)) as PerformanceResourceTiming | undefined;
    return [measure?.duration ?? Number.NaN, request ? request.responseEnd - request.startTime : Number.NaN];
  }, kind);
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "samsyn-bench-page-"));
  const admin = randomBytes(20).toString("hex");
  const server = await startWebServer({
    port: 0,
    dataDir: path.join(dir, "data"),
    adminToken: admin,
    logger: pino({ level: "silent" }),
    ...buildPage(dir),
  });
  const browser = await launchChromium();
  try {
    await populate(server.url, admin, ASSOCIATIONS, YEARS);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.getByLabel("Nyckel").fill(admin);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("navigation").getByRole("button", { name: "Jämförelse" }).click();
    await page.getByRole("textbox", { name: "År" }).fill(YEAR);
    const f = (n: number) => n.toFixed(0).padStart(5);
    console.log(
      `${ASSOCIATIONS} associations × ${YEARS.length} years (PGlite), the comparison for ${YEAR}, p50 of ${RUNS} runs after one warm-up`,
    );
    for (const kind of ["budget", "participants"] as const) {
      const [first, firstRequest] = await showComparison(page, kind);
      const drawn: number[] = [];
      const seen: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        const [ms, request] = await showComparison(page, kind);
        drawn.push(ms);
        seen.push(request);
      }
      const api: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        const r = await fetch(`${server.url}/api/merged/${kind}/${YEAR}`, {
          headers: { authorization: `Bearer ${admin}` },
        });
        await r.arrayBuffer();
        api.push(performance.now() - t);
      }
      const bars = await page.locator("[data-chart] svg rect").count();
      console.log(
        `  ${kind.padEnd(12)} page (request → table and ${bars} bars drawn) ${f(p50(drawn))} ms   API GET /api/merged/${kind}/${YEAR} ${f(p50(api))} ms (in the browser ${f(p50(seen))} ms)   ratio ${(p50(drawn) / p50(api)).toFixed(1)}×   (first, cold: ${f(first)} ms, its request ${f(firstRequest)} ms)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
