/**
 * Time to first use, beside the figures before issue 22, in one run. The code of BASELINE (the
 * commit before the pane and the page were split) is taken out of git into a temporary folder
 * and built there; both builds are served by their own service (the baseline's service code
 * serves the baseline's files), and headless Chromium opens each with the CPU slowed 4× and a
 * slow network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's mobile
 * profile, the shape of a laptop on a busy office connection), a new browser context (an
 * empty cache) for each run:
 * - the pane: from loading taskpane.html (office.js answered at once by the fake Excel, as it
 *   is not ours to make smaller) to "Läs in" enabled; then the same pane opened again in the
 *   same context, as Excel opens it the next time (the cache warm);
 * - the page: from / to the sign-in field ("Nyckel").
 * Then the sizes: what each loads before it can be used (gzip, level 9, as the service sends
 * it), and the largest modules in it (esbuild's metafile); last, the first merge after the
 * service starts beside later ones (p50 over several starts), and how long a start takes.
 * Without git (a copy outside a clone) the baseline's side prints the figures measured on
 * 2026-12-07 at that commit instead.
 */
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { pino } from "pino";
import type { Browser, BrowserContext } from "playwright-core";
import type { BookJson } from "../playground/fake-excel/book";
import { loadBook } from "../playground/fake-excel/xlsx";
import type { startWebServer as StartWebServer, WebServer } from "../service/server";
import { fakeOfficeScript, launchChromium } from "../test/support/browser";
import { budget, populate } from "./page";

/** The commit before issue 22: the figures "before". */
export const BASELINE = "849baf5";
const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.SAMSYN_BENCH_RUNS ?? 5);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FIXTURE = path.resolve(ROOT, "../shared/fixtures/infosamverkan-projektbudget.xlsx");
/** Lighthouse's mobile throttling ("slow 4G"): 150 ms, 1.6 Mbit/s down, 750 kbit/s up; CPU 4×. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

/** Measured on 2026-12-07 at BASELINE on this machine (used only when git cannot give the baseline). */
const STORED_BASELINE: Figures = {
  paneMs: 8158,
  paneAgainMs: 8460,
  pageMs: 8668,
  paneBytes: 343_347,
  pageBytes: 367_718,
  firstMergeMs: 1055,
  laterMergeMs: 8,
  startMs: 479,
};

interface Figures {
  /** taskpane.html → "Läs in" enabled, p50, cold cache. */
  readonly paneMs: number;
  /** The same, the pane opened again (cache warm). */
  readonly paneAgainMs: number;
  /** / → the sign-in field, p50, cold cache. */
  readonly pageMs: number;
  /** Gzipped bytes of the pane's own scripts and styles loaded before first use. */
  readonly paneBytes: number;
  readonly pageBytes: number;
  readonly firstMergeMs: number;
  readonly laterMergeMs: number;
  /** startWebServer() → listening, on the data of 20 associations (the warm-up is in it). */
  readonly startMs: number;
}

interface Side {
  readonly name: string;
  readonly root: string;
  readonly dist: string;
}

const p50 = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** The baseline's sources out of git, beside this project's node_modules; null without git. */
function baselineSources(dir: string): string | null {
  try {
    const root = path.join(dir, "baseline");
    mkdirSync(root);
    execSync(`git -C "${ROOT}" archive ${BASELINE} | tar -x -C "${root}"`, { stdio: "pipe" });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
    return root;
  } catch {
    return null;
  }
}

function buildSide(name: string, root: string, dir: string): Side {
  const dist = path.join(dir, `${name}-dist`);
  execFileSync(
    process.execPath,
    [path.join(root, "scripts/build-addin.mjs"), "--outdir", path.join(dist, "addin")],
    { stdio: "pipe", cwd: root },
  );
  return { name, root, dist };
}

async function serve(side: Side, dataDir: string): Promise<{ server: WebServer; admin: string }> {
  const { startWebServer } = (await import(path.join(side.root, "service/server.ts"))) as {
    startWebServer: typeof StartWebServer;
  };
  const admin = `bench-admin-${side.name}-0123456789abcdef`;
  const server = await startWebServer({
    port: 0,
    dataDir,
    adminToken: admin,
    logger: pino({ level: "silent" }),
    addinDir: path.join(side.dist, "addin"),
    webDir: path.join(side.dist, "web"),
  });
  return { server, admin };
}

/** A context throttled as a slow office laptop, with office.js answered by the fake Excel. */
async function slowContext(browser: Browser, fakeHost: string, book: BookJson): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "text/javascript", body: fakeHost }),
  );
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  await context.addInitScript(`
    window.__SAMSYN_BOOK__ = ${JSON.stringify(book)};
    // The moment the thing a user came for is there: "Läs in" enabled, or the sign-in field.
    const ready = () =>
      [...document.querySelectorAll("button")].some(
        (b) => b.textContent.trim() === "Läs in" && !b.disabled,
      ) ||
      [...document.querySelectorAll("label")].some(
        (l) => l.textContent.trim().startsWith("Nyckel") && document.getElementById(l.htmlFor) !== null,
      );
    const observer = new MutationObserver(() => {
      if (window.__firstUse === undefined && ready()) {
        window.__firstUse = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  `);
  return context;
}

/** Opens `url` in the context's next page, throttled; ms from navigation start to first use. */
async function openOnce(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (window as { __firstUse?: number }).__firstUse !== undefined, null, {
    timeout: 120_000,
    polling: 100,
  });
  const ms = await page.evaluate(() => (window as unknown as { __firstUse: number }).__firstUse);
  await page.close();
  return ms;
}

/** What a build's first load holds: the entry and the chunks it imports (all of `meta` without an entry). */
function loadedFirst(dir: string, entry: string, meta: Metafile, split: boolean): First {
  const outputs = meta.outputs;
  const key = split ? Object.keys(outputs).find((k) => k.endsWith(`/${entry}`)) : undefined;
  const seen = new Set<string>();
  const stack = key ? [key] : [];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const i of outputs[k]?.imports ?? []) if (i.kind === "import-statement") stack.push(i.path);
  }
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const files = key
    ? [...seen].map((k) => gz(path.join(dir, path.relative(path.dirname(key), k))))
    : [gz(path.join(dir, entry))];
  const byPackage = new Map<string, number>();
  for (const k of key ? seen : Object.keys(outputs))
    for (const [input, { bytesInOutput }] of Object.entries(outputs[k]?.inputs ?? {})) {
      const name =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
        input
          .replace(/^(\.\.\/)+/, "")
          .split("/")
          .slice(0, 2)
          .join("/");
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  return {
    bytes: files.reduce((sum, b) => sum + b, 0),
    files: files.length,
    modules: [...byPackage].sort((x, y) => y[1] - x[1]).slice(0, 8),
  };
}

interface First {
  readonly bytes: number;
  readonly files: number;
  readonly modules: readonly [string, number][];
}

/** The baseline wrote no metafile: esbuild tells what its single script holds. */
async function baselineMeta(root: string, entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    // Inputs named from the baseline's root, as ours are from ours.
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "safari15", "firefox100"],
    jsx: "automatic",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
    outfile: path.join(root, "meta-only.js"),
  });
  return result.metafile;
}

/** Restarts of the service, each giving one first merge (a single one is too noisy to compare). */
const STARTS = 5;

/**
 * The first merge after the service (re)starts on its data, p50 of STARTS starts; then, after
 * each start, merges after a new revision each (p50 of all of them).
 */
async function merges(side: Side, dir: string): Promise<[number, number, number]> {
  const dataDir = path.join(dir, `${side.name}-data`);
  const populated = await serve(side, dataDir);
  const network = await populate(populated.server.url, populated.admin, 20, ["2023"]);
  await populated.server.close();
  const firsts: number[] = [];
  const later: number[] = [];
  const starts: number[] = [];
  for (let start = 0; start < STARTS; start++) {
    // The first comparison asked for as soon as the service says it is listening.
    const t = performance.now();
    const { server, admin } = await serve(side, dataDir);
    starts.push(performance.now() - t);
    const merged = async () => {
      const t = performance.now();
      const r = await fetch(`${server.url}/api/merged/budget/2023`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`merge ${r.status}`);
      return performance.now() - t;
    };
    firsts.push(await merged());
    const a = network.associations[0]!;
    for (let k = 0; k < 4; k++) {
      // A new revision each time, so the merge is built anew rather than answered from what is kept.
      await fetch(`${server.url}/api/associations/${a.id}/reports/budget/2023`, {
        method: "PUT",
        headers: {
          authorization: `Bearer ${a.token}`,
          "content-type": "application/json",
          "x-samsyn-client": "api",
        },
        body: JSON.stringify(budget(100 + start * 10 + k, "2023")),
      });
      later.push(await merged());
    }
    await server.close();
  }
  return [p50(firsts), p50(later), p50(starts)];
}

/** Time to first use of both sides, their runs taken in turn so that both meet the same machine. */
async function opens(
  sides: readonly Side[],
  dir: string,
  browser: Browser,
  fakeHost: string,
  book: BookJson,
): Promise<Map<Side, { pane: number[]; again: number[]; page: number[] }>> {
  const served = await Promise.all(sides.map((side) => serve(side, path.join(dir, `${side.name}-pages`))));
  const times = new Map(
    sides.map((side) => [side, { pane: [] as number[], again: [] as number[], page: [] as number[] }]),
  );
  try {
    for (let k = 0; k < RUNS; k++)
      for (const [i, side] of sides.entries()) {
        const url = served[i]!.server.url;
        const t = times.get(side)!;
        const context = await slowContext(browser, fakeHost, book);
        t.pane.push(await openOnce(context, `${url}/addin/taskpane.html`));
        t.again.push(await openOnce(context, `${url}/addin/taskpane.html`));
        await context.close();
        const pageContext = await slowContext(browser, fakeHost, book);
        t.page.push(await openOnce(pageContext, `${url}/`));
        await pageContext.close();
      }
  } finally {
    for (const { server } of served) await server.close();
  }
  return times;
}

/** What each side loads before first use, printed with its largest modules; the gzipped bytes. */
async function sizes(side: Side): Promise<{ pane: number; page: number }> {
  const meta = (file: string) => {
    try {
      return JSON.parse(readFileSync(path.join(side.dist, file), "utf8")) as Metafile;
    } catch {
      return null;
    }
  };
  const paneSplit = meta("addin.meta.json");
  const pageSplit = meta("web.meta.json");
  let paneFirst = loadedFirst(
    path.join(side.dist, "addin"),
    "taskpane.js",
    paneSplit ?? (await baselineMeta(side.root, "addin/ui/index.tsx")),
    paneSplit !== null,
  );
  // The feature check runs before the pane's entry (addin/taskpane.html): it counts too.
  const check = path.join(side.dist, "addin", "feature-check.js");
  if (existsSync(check)) {
    const bytes = gzipSync(readFileSync(check), { level: 9 }).length;
    paneFirst = { ...paneFirst, bytes: paneFirst.bytes + bytes, files: paneFirst.files + 1 };
  }
  const pageFirst = loadedFirst(
    path.join(side.dist, "web"),
    "web.js",
    pageSplit ?? (await baselineMeta(side.root, "web/main.tsx")),
    pageSplit !== null,
  );
  console.log(`\n${side.name}: what loads before first use (gzip -9), and its largest modules (minified)`);
  for (const [what, first] of [
    ["pane", paneFirst],
    ["page", pageFirst],
  ] as const)
    console.log(
      `  ${what}: ${kb(first.bytes)} in ${first.files} file(s); largest: ${first.modules.map(([n, b]) => `${n} ${kb(b)}`).join(", ")}`,
    );
  return { pane: paneFirst.bytes, page: pageFirst.bytes };
}

async function figures(
  side: Side,
  times: { pane: number[]; again: number[]; page: number[] },
  [firstMergeMs, laterMergeMs, startMs]: readonly [number, number, number],
): Promise<Figures> {
  const bytes = await sizes(side);
  return {
    paneMs: p50(times.pane),
    paneAgainMs: p50(times.again),
    pageMs: p50(times.page),
    paneBytes: bytes.pane,
    pageBytes: bytes.page,
    firstMergeMs,
    laterMergeMs,
    startMs,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "samsyn-bench-firstuse-"));
  const browser = await launchChromium();
  try {
    const fakeHost = await fakeOfficeScript();
    const book = (await loadBook(FIXTURE)).toJSON();
    const baseRoot = baselineSources(dir);
    const mine = buildSide("ours", ROOT, dir);
    const base = baseRoot ? buildSide("baseline", baseRoot, dir) : null;
    // The merges first, in a process that has done nothing else yet.
    const mergedMine = await merges(mine, dir);
    const mergedBase = base ? await merges(base, dir) : null;
    const times = await opens(base ? [mine, base] : [mine], dir, browser, fakeHost, book);
    const ours = await figures(mine, times.get(mine)!, mergedMine);
    const before = base && mergedBase ? await figures(base, times.get(base)!, mergedBase) : STORED_BASELINE;
    const source = baseRoot
      ? `built from ${BASELINE} in this run`
      : `stored, measured 2026-12-07 at ${BASELINE}`;
    console.log(
      `\nCPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms, 1.6 Mbit/s down; p50 of ${RUNS} cold opens each; before: ${source}`,
    );
    const row = (label: string, mine: number, theirs: number, unit: (v: number) => string, aim = "") =>
      console.log(
        `  ${label.padEnd(46)} ${unit(mine).padStart(10)}   before ${unit(theirs).padStart(10)}   ratio ${(mine / theirs).toFixed(2)}×${aim}`,
      );
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    row('pane: taskpane.html → "Läs in" enabled', ours.paneMs, before.paneMs, ms, "   (aim ≤ 0.50×)");
    row("pane opened again (cache warm)", ours.paneAgainMs, before.paneAgainMs, ms);
    row("page: / → the sign-in field", ours.pageMs, before.pageMs, ms, "   (aim ≤ 0.50×)");
    row("pane: loaded before first use (gzip)", ours.paneBytes, before.paneBytes, kb, "   (aim ≤ 150 KiB)");
    row("page: loaded before first use (gzip)", ours.pageBytes, before.pageBytes, kb, "   (aim ≤ 200 KiB)");
    row("first merge after a start (budget, 20 assoc.)", ours.firstMergeMs, before.firstMergeMs, ms);
    row("later merges, p50 (each after a new revision)", ours.laterMergeMs, before.laterMergeMs, ms);
    row("service start → listening (20 assoc.)", ours.startMs, before.startMs, ms);
    console.log(
      `  first merge / later merge: ours ${(ours.firstMergeMs / ours.laterMergeMs).toFixed(1)}×, before ${(before.firstMergeMs / before.laterMergeMs).toFixed(1)}×`,
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
