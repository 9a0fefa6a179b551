/**
 * Helpers for the service tests: valid reports built directly against the schema, the two
 * store engines (a PGlite folder, a fresh PostgreSQL database per test file) and a real
 * HTTP server on port 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import { startWebServer, type WebServer } from "../../service/server";
import { luhnValid } from "../../shared/identity";
import {
  type BudgetGroup,
  BudgetReport,
  ParticipantsReport,
  type PeriodAmounts,
  type Section,
} from "../../shared/report";

export const PG_ADMIN_URL = process.env.SAMSYN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const ADMIN = "test-admin-token-0123456789abcdef";

/** Valid organisationsnummer (Luhn, month part ≥ 20), one per index. */
export function orgnr(i: number): string {
  const head = `8020${String(i).padStart(5, "0")}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(head + d)) return `${head.slice(0, 6)}-${head.slice(6)}${d}`;
  throw new Error("unreachable");
}

export interface BudgetSpec {
  readonly years: readonly string[];
  /** [section, group, label, amount per year (same for every year unless a function)] */
  readonly lines: readonly (readonly [
    "income" | "cost",
    BudgetReport["lines"][number]["group"],
    string,
    number | ((year: string) => number),
  ])[];
  readonly sheet?: string;
}

export function budgetReport(spec: BudgetSpec): BudgetReport {
  const at = (v: number | ((y: string) => number), y: string) => (typeof v === "function" ? v(y) : v);
  const lines = spec.lines.map(([section, group, label, amount], i) => ({
    section,
    group,
    label,
    cell: `A${i + 5}`,
    heading: null,
    amounts: Object.fromEntries(spec.years.map((y) => [y, at(amount, y)])),
  }));
  const sum = (section: "income" | "cost") =>
    Object.fromEntries(
      spec.years.map((y) => [
        y,
        lines.filter((l) => l.section === section).reduce((s, l) => s + (l.amounts[y] ?? 0), 0),
      ]),
    );
  const income = sum("income");
  const cost = sum("cost");
  return BudgetReport.parse({
    kind: "budget",
    sheet: spec.sheet ?? "Budget",
    title: `Verksamhetsplan med budget ${spec.years[0]}`,
    range: `A4:D${lines.length + 4}`,
    unit: "tkr",
    periods: spec.years,
    periodLabels: spec.years.map((y) => `${y} (tkr)`),
    lines,
    totals: {
      income,
      cost,
      surplus: Object.fromEntries(spec.years.map((y) => [y, (income[y] ?? 0) - (cost[y] ?? 0)])),
    },
  });
}

export const simpleBudget = (years: readonly string[], scale = 1): BudgetReport =>
  budgetReport({
    years,
    lines: [
      ["income", "medlemsbidrag", "Medlemsbidrag", 1_440_000 * scale],
      ["income", "eget kapital", "Överskott från föregående år", 100_000 * scale],
      ["cost", "insatser", "Samverkansteamet", 900_000 * scale],
      ["cost", "kansli och administration", "Kansli", 400_000 * scale],
      ["cost", "styrelse", "Styrelsen", 60_000 * scale],
      ["cost", "revision", "Revision", 30_000 * scale],
    ],
  });

export function participantsReport(
  period: string,
  figures: Partial<ParticipantsReport["keyFigures"]> = {},
  suppressed: string[] = [],
): ParticipantsReport {
  return ParticipantsReport.parse({
    kind: "participants",
    period,
    insats: "Samverkansteamet",
    suppression: { threshold: 5, suppressed },
    keyFigures: {
      participants: 40,
      new: 20,
      closed: 15,
      closedToWorkOrStudies: 9,
      shareClosedToWorkOrStudies: 0.6,
      byHemkommun: { Ale: 25, Kungälv: 15 },
      byKon: { kvinna: 22, man: 18 },
      byAgeBand: { "18-24": 30, "25-29": 10 },
      averageStayDays: 210,
      staysOverLimit: 0,
      ...figures,
    },
  });
}

export interface EngineUnderTest {
  readonly name: "pglite" | "postgres";
  /** Options for startWebServer/openStore, fresh for each call. */
  storeOptions(): Promise<{ dataDir: string } | { databaseUrl: string }>;
  /** Drops what storeOptions created. */
  cleanup(): Promise<void>;
}

export function pgliteEngine(): EngineUnderTest {
  const dirs: string[] = [];
  return {
    name: "pglite",
    storeOptions: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "samsyn-test-"));
      dirs.push(dir);
      return { dataDir: dir };
    },
    cleanup: async () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export function postgresEngine(): EngineUnderTest {
  const databases: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    storeOptions: async () => {
      const name = `samsyn_test_${randomBytes(6).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      databases.push(name);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      return { databaseUrl: url.href };
    },
    cleanup: async () => {
      await admin(async (c) => {
        for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

export const engines = (): EngineUnderTest[] => [pgliteEngine(), postgresEngine()];

export async function startTestServer(
  engine: EngineUnderTest,
  extra: { bodyLimit?: string; authFailureLimit?: number } = {},
): Promise<WebServer> {
  return startWebServer({
    port: 0,
    adminToken: ADMIN,
    logger: pino({ level: "silent" }),
    authFailureLimit: extra.authFailureLimit ?? 10_000,
    ...(extra.bodyLimit ? { bodyLimit: extra.bodyLimit } : {}),
    ...(await engine.storeOptions()),
  });
}

export const bearer = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
  ...extra,
});

export async function createAssociation(
  url: string,
  name: string,
  i: number,
): Promise<{ id: string; token: string; tokenId: string }> {
  const r = await fetch(`${url}/api/associations`, {
    method: "POST",
    headers: bearer(ADMIN),
    body: JSON.stringify({ name, orgnr: orgnr(i) }),
  });
  if (r.status !== 201) throw new Error(`create association: ${r.status} ${await r.text()}`);
  return (await r.json()) as { id: string; token: string; tokenId: string };
}

export async function putReport(
  url: string,
  a: { id: string; token: string },
  kind: string,
  period: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/associations/${a.id}/reports/${kind}/${period}`, {
    method: "PUT",
    headers: bearer(a.token, headers),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The CLI's `serve` as a child process on port 0, as an operator runs it. */
export interface Running {
  readonly child: ChildProcess;
  readonly url: string;
}

export function startService(
  store: { dataDir: string } | { databaseUrl: string },
  env: NodeJS.ProcessEnv = {},
  /** A command the service runs under, e.g. unshare into a PID namespace of its own. */
  wrapper: readonly string[] = [],
): Promise<Running> {
  // The built command, as `npm start` and a deployment run it (vitest builds it first).
  const args = ["bin/samsyn.js", "serve", "--port", "0"];
  if ("dataDir" in store) args.push("--data", store.dataDir);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    SAMSYN_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: "warn",
    ...env,
  };
  delete childEnv.DATABASE_URL;
  if ("databaseUrl" in store) childEnv.DATABASE_URL = store.databaseUrl;
  const [command, ...prefix] = [...wrapper, process.execPath];
  const child = spawn(command!, [...prefix, ...args], {
    cwd: process.cwd(),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`service did not start: ${out} ${err}`)), 90_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Samsyn (?:lyssnar på|listening on) (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}: ${out} ${err}`));
    });
  });
}

export const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/** Runs the CLI to its end. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!("DATABASE_URL" in env)) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["bin/samsyn.js", ...args], {
    cwd: process.cwd(),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/**
 * Samordningsförbundet Sydost's budget 2023 with its utfall and budget 2024, as the sheet "Budget
 * och utfall" of ../shared/fixtures/sydost-budget-utfall-2023.xlsx states them (rows 7–31): what
 * a budget report carries where the workbook has utfall. `scale` multiplies every amount.
 */
export function sydostBudget(scale = 1): BudgetReport {
  const rows: [Section, BudgetGroup, string, number, number, number][] = [
    ["income", "medlemsbidrag", "Försäkringskassan", 4_000_000, 4_000_000, 4_080_000],
    ["income", "medlemsbidrag", "Region Kalmar län", 2_000_000, 2_000_000, 2_040_000],
    ["income", "medlemsbidrag", "Kalmar kommun", 900_000, 900_000, 918_000],
    ["income", "medlemsbidrag", "Nybro kommun", 550_000, 550_000, 561_000],
    ["income", "medlemsbidrag", "Torsås kommun", 550_000, 550_000, 561_000],
    ["income", "övriga intäkter", "Ränteintäkter", 0, 12_345, 0],
    ["cost", "kansli och administration", "Förbundschef och kansli", 1_150_000, 1_098_400, 1_184_500],
    ["cost", "styrelse", "Styrelse", 180_000, 152_300, 185_400],
    ["cost", "revision", "Revision", 90_000, 88_750, 92_700],
    ["cost", "ekonomiadministration", "Ekonomitjänster", 120_000, 118_200, 123_600],
    ["cost", "insatser", "Jobbcoacher", 2_600_000, 2_540_100, 2_626_000],
    ["cost", "insatser", "IPS – individanpassat stöd till arbete", 1_800_000, 1_912_400, 1_818_000],
    ["cost", "insatser", "Unga till arbete", 1_500_000, 1_320_000, 1_515_000],
    ["cost", "insatser", "Kompetensutveckling i samverkan", 400_000, 298_000, 404_000],
  ];
  const cellRows = [7, 8, 9, 10, 11, 12, 17, 18, 19, 20, 22, 23, 24, 25];
  const lines = rows.map(([section, group, label, budget, outcome, next], i) => ({
    section,
    group,
    label,
    cell: `A${cellRows[i]}`,
    heading:
      section === "income" ? "Intäkter" : group === "insatser" ? "Insatser" : "Förbundets administration",
    amounts: { "2023": budget * scale, "2024": next * scale },
    outcomes: { "2023": outcome * scale },
  }));
  const totals = (pick: (l: (typeof lines)[number]) => PeriodAmounts) => {
    const sum = (section: Section) => {
      const out: Record<string, number> = {};
      for (const l of lines.filter((x) => x.section === section))
        for (const [k, v] of Object.entries(pick(l))) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    const income = sum("income");
    const cost = sum("cost");
    const surplus = Object.fromEntries(
      Object.keys(income).map((k) => [k, (income[k] ?? 0) - (cost[k] ?? 0)]),
    );
    return { income, cost, surplus };
  };
  return BudgetReport.parse({
    kind: "budget",
    sheet: "Budget och utfall",
    title: "Samordningsförbundet Sydost – budget och utfall 2023, budget 2024",
    range: "A4:E31",
    unit: "kr",
    periods: ["2023", "2024"],
    periodLabels: ["Budget", "Budget"],
    lines,
    totals: totals((l) => l.amounts),
    outcomeTotals: totals((l) => l.outcomes),
    equity: {
      "2023": {
        opening: 2_310_000 * scale,
        result: 484_195 * scale,
        closing: 2_794_195 * scale,
        openingCell: "C29",
        resultCell: "C30",
        closingCell: "C31",
      },
    },
    columns: { budget: { "2023": "B", "2024": "E" }, outcome: { "2023": "C" }, forecast: {} },
  });
}
