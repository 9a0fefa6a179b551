/**
 * The network's page as its users meet it, in headless Chromium (Debian's): the real service
 * on PGlite in this process, the page built by the same build as the task pane, reports sent
 * by the real CLI. An admin registers two associations and issues a network token from the
 * page; a network token sees who has reported and the 2009 comparison, whose network totals
 * and bars are checked against figures computed here from the API's JSON; the download is
 * the merged workbook; an association's token asking for another's history sees the 403 as
 * a message. axe-core runs in every view, the way from sign-in to the comparison is walked
 * with Tab and Enter only, no request leaves the service and the CSP is never violated.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import { MergedBudget, MergedParticipants } from "../../shared/merge";
import { orgnr } from "../service/helpers";
import { axeViolations } from "../support/axe";
import { fixture, samsyn } from "../support/cli";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const ADMIN = "network-page-admin-token-0123456789abcdef";

let stack: BrowserStack;
let dir: string;
let service: WebServer;
let browser: Browser;

interface Registered {
  readonly id: string;
  readonly token: string;
  readonly name: string;
}
const registered: Record<"ale" | "info", Registered> = {} as never;
let networkToken = "";

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to anywhere but the service. */
  readonly outside: string[];
  /** Errors the page logged or threw, and CSP violations. */
  readonly problems: string[];
}

async function open(): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: service.url });
  const page = await context.newPage();
  const outside: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${service.url}/`) || url.startsWith("blob:")) return route.continue();
    outside.push(`${route.request().method()} ${url}`);
    return route.abort();
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/the server responded with a status of 4\d\d/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  // Every CSP violation the page meets is reported here, with where it came from.
  await page.exposeFunction("__samsynCspViolation", (text: string) =>
    problems.push(`CSP violation: ${text}`),
  );
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __samsynCspViolation(t: string): void }).__samsynCspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    ),
  );
  await page.goto(`${service.url}/`);
  await page.getByRole("heading", { name: "Logga in" }).waitFor();
  return { context, page, outside, problems };
}

async function close(o: Opened): Promise<void> {
  expect(o.outside).toEqual([]);
  expect(o.problems).toEqual([]);
  await o.context.close();
}

async function signIn(page: Page, token: string, who: string): Promise<void> {
  await page.getByLabel("Nyckel").fill(token);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByText(`Inloggad som ${who}`).waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Vyer" }).getByRole("button", { name });

/** A figure as the page writes it ("1 234 567", "−82 000", "12,5 %") read back as a number. */
function figure(text: string): number {
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace("−", "-")
    .replace(",", ".");
  expect(plain, text).toMatch(/^-?\d+(\.\d+)?%?$/);
  return Number(plain.replace("%", ""));
}

async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  expect([view, await axeViolations(page)]).toEqual([view, []]);
  // A view in Swedish holds none of the glossary's forbidden words (docs/ordlista.md).
  if ((await page.evaluate(() => document.documentElement.lang)) === "sv")
    expect([view, forbiddenIn(await page.locator("body").innerText())]).toEqual([view, []]);
}

/** Presses Tab until the focused element is the one named, as a keyboard user does; fails after 40 presses. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

beforeAll(async () => {
  stack = await startBrowserStack({ name: "web-page", adminToken: ADMIN, web: true });
  ({ dir, service, browser } = stack);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

async function api<T>(path: string, token = ADMIN): Promise<T> {
  const res = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe("the network's page", () => {
  it("lets the admin register two associations, issue and revoke tokens, with the secret shown once and copied", async () => {
    const o = await open();
    const { page } = o;
    await expectNoAxeViolations(page, "sign-in");
    await page.getByLabel("Nyckel").fill("samsyn_not_a_token");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page
      .getByRole("alert")
      .getByText("Nyckeln gäller inte (fel eller återkallad). Be nätverkets samordnare om en ny nyckel.")
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await signIn(page, ADMIN, "administratör");
    await nav(page, "Administration").click();
    await page.getByRole("heading", { name: "Registrera ett förbund" }).waitFor();

    // A bad organisationsnummer: the service's Swedish message, under the field it names.
    const register = page.getByRole("form", { name: "Registrera ett förbund" });
    await register.getByLabel("Namn").fill("Samordningsförbundet Fel");
    await register.getByLabel("Organisationsnummer").fill("802000-1602");
    await register.getByRole("button", { name: "Registrera" }).click();
    await register.getByText("Organisationsnumret ”802000-1602” är ogiltigt (fel kontrollsiffra).").waitFor();
    await expect(register.getByLabel("Organisationsnummer").getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );

    const names = {
      ale: "Samordningsförbundet Ale Kungälv Stenungsund Tjörn",
      info: "Samordningsförbundet Infosamverkan",
    };
    for (const [key, n] of [
      ["ale", 911],
      ["info", 912],
    ] as const) {
      await register.getByLabel("Namn").fill(names[key]);
      await register.getByLabel("Organisationsnummer").fill(orgnr(n));
      await register.getByRole("button", { name: "Registrera" }).click();
      await page.getByText(`${names[key]} är registrerat.`).waitFor();
      const token = await page.getByLabel("Ny nyckel").inputValue();
      const id = await page.getByLabel("Förbundets id (för att skicka från kommandoraden)").inputValue();
      registered[key] = { id, token, name: names[key] };
    }
    // The same orgnr twice: 409 with the service's message naming the number.
    await register.getByLabel("Namn").fill("Dubbletten");
    await register.getByLabel("Organisationsnummer").fill(orgnr(911));
    await register.getByRole("button", { name: "Registrera" }).click();
    await register.getByText(/Det finns redan ett förbund med organisationsnummer/).waitFor();

    const listed = await api<{ id: string; name: string }[]>("/api/associations");
    expect(listed.map((a) => a.name).sort()).toEqual([names.ale, names.info]);
    expect(registered.ale.token).toMatch(/^samsyn_/);
    expect(registered.ale.id).toBe(listed.find((a) => a.name === names.ale)?.id);

    // A network token with a label, copied with the button.
    const network = page.getByRole("form", { name: "Ge ut en nätverksnyckel" });
    await network.getByLabel("Namn på nyckeln").fill("Regionala nätverket");
    await network.getByRole("button", { name: "Ge ut nyckel" }).click();
    await page.getByText(/Nyckel för nätverket \(Regionala nätverket\)/).waitFor();
    networkToken = await page.getByLabel("Ny nyckel").inputValue();
    await page.getByRole("button", { name: "Kopiera" }).click();
    await page.getByRole("button", { name: "Kopierad" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(networkToken);
    const me = await api<{ kind: string; token: { label: string } }>("/api/me", networkToken);
    expect([me.kind, me.token.label]).toEqual(["network", "Regionala nätverket"]);
    await expectNoAxeViolations(page, "administration");

    // An association token issued and revoked from the page; the service refuses it afterwards.
    const issue = page.getByRole("form", { name: "Ge ut en nyckel till ett förbund" });
    await issue.getByLabel("Förbund").selectOption({ label: names.info });
    await issue.getByLabel("Namn på nyckeln").fill("Gammal dator");
    await issue.getByRole("button", { name: "Ge ut nyckel" }).click();
    await page.getByText(/Nyckel för Samordningsförbundet Infosamverkan \(Gammal dator\)/).waitFor();
    const old = await page.getByLabel("Ny nyckel").inputValue();
    expect(
      (await fetch(`${service.url}/api/me`, { headers: { authorization: `Bearer ${old}` } })).status,
    ).toBe(200);
    await page.getByRole("button", { name: "Återkalla Gammal dator" }).click();
    await page.getByText("Gammal dator är återkallad.").waitFor();
    const tokens = page.getByRole("table", { name: "Alla nycklar" });
    await expect(tokens.getByRole("row", { name: /Gammal dator/ }).innerText()).resolves.toMatch(
      /återkallad/,
    );
    expect(
      (await fetch(`${service.url}/api/me`, { headers: { authorization: `Bearer ${old}` } })).status,
    ).toBe(401);
    // It was used once (by the check above), the network token too; the others never yet.
    const used = await tokens
      .getByRole("row", { name: /Regionala nätverket/ })
      .locator('[data-column="lastUsed"]');
    expect(await used.innerText()).not.toBe("aldrig");

    // Every view the admin has passes axe in English too, the administration included.
    await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
    const views = page.getByRole("navigation", { name: "Views" });
    const viewNames = await views.getByRole("button").allInnerTexts();
    expect(viewNames).toEqual(["Who has reported", "Comparison", "History", "Administration"]);
    for (const name of viewNames) {
      await views.getByRole("button", { name }).click();
      await page.getByRole("heading", { name, level: 2 }).waitFor();
      await expectNoAxeViolations(page, `${name} (en, admin)`);
    }
    await close(o);
  });

  it("receives the associations' reports from the CLI", async () => {
    const push = (key: "ale" | "info", file: string, period?: string) =>
      samsyn([
        "push",
        fixture(file),
        "--to",
        service.url,
        "--association",
        registered[key].id,
        "--token",
        registered[key].token,
        ...(period ? ["--period", period] : []),
      ]);
    const results = [
      await push("ale", "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      await push("info", "infosamverkan-projektbudget.xlsx"),
      await push("ale", "samverkansteamet-deltagare-2014.xlsx", "2014"),
      // Info's list for the first half only: its small counts arrive hidden.
      await push("info", "samverkansteamet-deltagare-2014.xlsx", "2014-H1"),
    ];
    expect(results.map((r) => [r.code, r.stderr])).toEqual(results.map(() => [0, ""]));
    expect(results.map((r) => r.stdout.trim())).toEqual([
      expect.stringMatching(/^budget 2008: version 1$/m),
      expect.stringMatching(/^budget \d{4}: version 1$/m),
      expect.stringMatching(/^\S+ 2014: version 1$/),
      expect.stringMatching(/^\S+ 2014-H1: version 1$/),
    ]);
  }, 180_000);

  it("takes a keyboard user from sign-in to the comparison with Tab and Enter only", async () => {
    const o = await open();
    const { page } = o;
    await tabTo(page, page.getByLabel("Nyckel"), "Nyckel");
    await page.keyboard.type(networkToken);
    await page.keyboard.press("Enter");
    await page.getByText("Inloggad som nätverket (Regionala nätverket)").waitFor();
    await tabTo(page, nav(page, "Jämförelse"), "Jämförelse");
    await page.keyboard.press("Enter");
    const year = page.getByRole("textbox", { name: "År" });
    await tabTo(page, year, "År");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("2009");
    await tabTo(page, page.getByRole("button", { name: "Visa" }), "Visa");
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Jämförelse budget 2009" }).waitFor();
    await close(o);
  });

  it("When the user signs in, then focus moves to the result: to the failure, then to who is signed in", async () => {
    const o = await open();
    const { page } = o;
    const focused = () =>
      page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim() ?? "",
        // The message itself, not the page around it (focus lost falls back to the body).
        alert:
          document.activeElement !== document.body &&
          document.activeElement?.querySelector('[role="alert"]') !== null,
      }));
    await page.getByLabel("Nyckel").fill("inte-en-nyckel-som-finns-0123456789");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("alert").waitFor();
    await expect.poll(async () => (await focused()).alert).toBe(true);

    await page.getByLabel("Nyckel").fill(ADMIN);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText("Inloggad som administratör").waitFor();
    await expect.poll(async () => (await focused()).text).toBe("Inloggad som administratör");
    await close(o);
  });

  it("shows a network token who has reported, and the 2009 comparison with the right totals, sorting and charts", async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, networkToken, "nätverket (Regionala nätverket)");

    // Who has reported: each association × year as the status says, gaps as "saknas".
    const status = await api<{
      reports: { associationId: string; kind: string; years: string[]; revision: number }[];
    }>("/api/status", networkToken);
    const grid = page.getByRole("table", { name: "Budget: rapporterat per förbund och år" });
    await grid.waitFor();
    const years = (await grid.locator("thead th").allInnerTexts()).slice(1);
    expect(years).toEqual(
      [...new Set(status.reports.filter((r) => r.kind === "budget").flatMap((r) => r.years))].sort(),
    );
    for (const a of Object.values(registered)) {
      const row = grid.getByRole("row", { name: new RegExp(`^${a.name}`) });
      const cells = await row.locator("td").allInnerTexts();
      const expected = years.map((y) =>
        status.reports.some((r) => r.associationId === a.id && r.kind === "budget" && r.years.includes(y))
          ? "version 1"
          : "saknas",
      );
      expect([a.name, cells.map((c) => (c.startsWith("version 1") ? "version 1" : c))]).toEqual([
        a.name,
        expected,
      ]);
    }
    expect(await grid.getByText("saknas").count()).toBeGreaterThan(0);
    await page
      .getByRole("table", { name: "Deltagare: rapporterat per förbund och år" })
      .getByRole("columnheader", { name: "2014" })
      .waitFor();
    await expectNoAxeViolations(page, "status");

    // The comparison for 2009.
    await nav(page, "Jämförelse").click();
    await page.getByRole("textbox", { name: "År" }).fill("2009");
    await page.getByRole("radio", { name: "Budget" }).check();
    await page.getByRole("button", { name: "Visa" }).click();
    const table = page.getByRole("table", { name: "Jämförelse budget 2009" });
    await table.waitFor();
    const view = MergedBudget.parse(await api("/api/merged/budget/2009", networkToken));
    const reporting = view.associations.filter((a) => a.revision !== null);
    expect(reporting.length).toBe(2);
    await page.getByText("2 av 2 förbund har rapporterat för 2009.").waitFor();

    // The network row, against sums computed here from the associations' own figures.
    const sum = (f: (a: (typeof reporting)[number]) => number) => reporting.reduce((s, a) => s + f(a), 0);
    const total = async (column: string) =>
      figure(await table.locator(`tfoot [data-column="${column}"]`).innerText());
    expect(await total("income")).toBeCloseTo(
      sum((a) => a.income!),
      2,
    );
    expect(await total("cost")).toBeCloseTo(
      sum((a) => a.cost!),
      2,
    );
    expect(await total("surplus")).toBeCloseTo(
      sum((a) => a.surplus!),
      2,
    );
    expect(await total("cost:insatser")).toBeCloseTo(
      sum((a) => a.costByGroup.insatser ?? 0),
      2,
    );
    expect(await total("surplusShare")).toBeCloseTo(
      Math.round((sum((a) => a.surplus!) / sum((a) => a.income!)) * 1000) / 10,
      1,
    );
    // And against the service's own total.
    expect(await total("income")).toBeCloseTo(view.network.income, 2);

    // Sorting by surplus, largest first, then smallest first.
    const surplusHeader = table.locator('thead th[data-column="surplus"]');
    await surplusHeader.getByRole("button").click();
    await expect(surplusHeader.getAttribute("aria-sort")).resolves.toBe("descending");
    const bySurplus = [...reporting].sort((a, b) => b.surplus! - a.surplus!).map((a) => a.name);
    expect(await table.locator("tbody th").allInnerTexts()).toEqual(bySurplus);
    await surplusHeader.getByRole("button").click();
    await expect(surplusHeader.getAttribute("aria-sort")).resolves.toBe("ascending");
    expect(await table.locator("tbody th").allInnerTexts()).toEqual([...bySurplus].reverse());
    expect(await table.getByRole("columnheader", { name: "Förbund" }).getAttribute("aria-sort")).toBe("none");

    // The charts: one stacked bar per association split by its cost groups, one surplus bar each.
    const costs = page.getByRole("figure", { name: "Kostnader per grupp och förbund" });
    const surplus = page.getByRole("figure", { name: "Över-/underskott per förbund" });
    await page.locator("section[data-drawn=true]").waitFor();
    const parts = sum((a) => Object.values(a.costByGroup).filter((v) => v !== 0).length);
    expect(await costs.locator("svg rect").count()).toBe(parts);
    expect(await surplus.locator("svg rect").count()).toBe(reporting.length);
    await expect(costs.locator("svg").first().getAttribute("aria-label")).resolves.toMatch(
      /^Kostnader per grupp och förbund\. Staplat stapeldiagram: 2 förbund/,
    );
    const measured = await page.evaluate(() => performance.getEntriesByName("samsyn:comparison").length);
    expect(measured).toBe(1);
    await expectNoAxeViolations(page, "comparison budget");
    mkdirSync(resolve("test/artifacts"), { recursive: true });
    await page.screenshot({ path: resolve("test/artifacts/web-comparison.png"), fullPage: true });

    // The download is the merged workbook: its network total is the service's.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned arbetsboken" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("samsyn-budget-2009.xlsx");
    expect(download.url()).toMatch(/^blob:/);
    const file = join(dir, "merged.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    let networkIncome: number | null = null;
    for (const ws of book.worksheets)
      ws.eachRow((row, r) => {
        if (networkIncome !== null || !String(row.getCell(1).value ?? "").startsWith("Nätverket")) return;
        for (let h = r - 1; h >= 1; h--) {
          let col = 0;
          ws.getRow(h).eachCell((cell, c) => {
            if (cell.value === "Intäkter") col = c;
          });
          if (col === 0) continue;
          const v = row.getCell(col).value as number | { result?: number } | null;
          networkIncome = typeof v === "number" ? v : (v?.result ?? null);
          return;
        }
      });
    expect(networkIncome).toBeCloseTo(view.network.income, 2);
    await close(o);
  });

  it("shows the participants' network totals as lower bounds where an association's count is hidden", async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, networkToken, "nätverket (Regionala nätverket)");
    // Who has reported: Info's 2014-H1 list is filed under 2014 as its own period, not as the year.
    const filed = page.getByRole("table", { name: "Deltagare: rapporterat per förbund och år" });
    const infoFiled = filed.getByRole("row", { name: new RegExp(`^${registered.info.name}`) });
    await infoFiled.waitFor();
    expect((await infoFiled.innerText()).replace(/\s+/g, " ")).toContain("(från jan–jun 2014)");
    expect(await filed.getByText("2014-H1").count()).toBe(0);
    await nav(page, "Jämförelse").click();
    await page.getByRole("textbox", { name: "År" }).fill("2014");
    await page.getByRole("radio", { name: "Deltagare" }).check();
    await page.getByRole("button", { name: "Visa" }).click();
    const table = page.getByRole("table", { name: "Jämförelse deltagare 2014" });
    await table.waitFor();
    const view = MergedParticipants.parse(await api("/api/merged/participants/2014", networkToken));
    const reporting = view.associations.filter((a) => a.revision !== null && a.keyFigures !== null);
    expect(reporting.length).toBe(2);
    // Info's answer for 2014 is its first half: shown as "jan–jun 2014", never as the year.
    const info = view.associations.find((a) => a.id === registered.info.id)!;
    expect(info.reportPeriod).toBe("2014-H1");
    const infoRow = table.locator(`tbody tr[data-association="${info.id}"] th`);
    expect((await infoRow.innerText()).replace(/\s+/g, " ")).toBe(`${info.name} rapport för jan–jun 2014`);
    const aleRow = table.locator(`tbody tr[data-association="${registered.ale.id}"] th`);
    expect((await aleRow.innerText()).trim()).toBe(registered.ale.name);
    let lowerBounds = 0;
    for (const key of ["participants", "new", "closed", "closedToWorkOrStudies", "staysOverLimit"] as const) {
      // Computed here from the associations' own rows: the known sum, and how many hide theirs.
      const counts = reporting.map((a) => a.keyFigures![key]);
      const known = counts.reduce<number>((s, v) => s + (v ?? 0), 0);
      const hidden = counts.filter((v) => v === null).length;
      expect([key, view.network.keyFigures[key]]).toEqual([
        key,
        { value: known, lowerBound: hidden > 0, suppressedIn: hidden },
      ]);
      const text = (await table.locator(`tfoot [data-column="${key}"]`).innerText()).replace(/\s+/g, " ");
      if (hidden === 0) expect([key, figure(text)]).toEqual([key, known]);
      else {
        lowerBounds++;
        const m = /^minst (.+) \(dolt hos (\d+) förbund\)$/.exec(text);
        expect([key, m && figure(m[1]!), m && Number(m[2])]).toEqual([key, known, hidden]);
      }
    }
    expect(lowerBounds).toBeGreaterThan(0);
    // An association's hidden count shows "..", never a blank or a zero.
    expect(await table.locator("tbody td", { hasText: ".." }).count()).toBeGreaterThan(0);
    const share = page.getByRole("figure", { name: "Andel avslutade deltagare till arbete eller studier" });
    await page.locator("section[data-drawn=true]").waitFor();
    const shares = reporting.filter((a) => a.keyFigures!.shareClosedToWorkOrStudies !== null).length;
    expect(await share.locator("svg rect").count()).toBe(shares);
    await expectNoAxeViolations(page, "comparison participants");
    await close(o);
  });

  it("shows an association its own history and the difference between revisions, and another's refusal as a message", async () => {
    // A second revision of Info's budget, sent through the API with one amount changed.
    const info = registered.info;
    const status = await api<{ reports: { associationId: string; kind: string; period: string }[] }>(
      "/api/status",
      info.token,
    );
    const period = status.reports.find((r) => r.associationId === info.id && r.kind === "budget")!.period;
    const path = `/api/associations/${info.id}/reports/budget/${period}`;
    const report = await api<{ lines: { label: string; amounts: Record<string, number> }[] }>(
      path,
      info.token,
    );
    const line = report.lines.find((l) => Object.keys(l.amounts).length > 0)!;
    const key = Object.keys(line.amounts)[0]!;
    line.amounts[key] = line.amounts[key]! + 1000;
    const put = await fetch(`${service.url}${path}`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${info.token}`,
        "content-type": "application/json",
        "if-match": '"1"',
      },
      body: JSON.stringify(report),
    });
    expect(put.status).toBe(201);

    const o = await open();
    const { page } = o;
    await signIn(page, info.token, info.name);
    await nav(page, "Historik").click();
    await page.getByLabel("Rapport").selectOption({ label: `Budget ${period}` });
    await page.getByRole("button", { name: "Visa historiken" }).click();
    const revisions = page.getByRole("table", { name: `Versioner av Budget ${period}` });
    await revisions.waitFor();
    expect(await revisions.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(/^2\t.*\tett annat program$/),
      expect.stringMatching(/^1\t.*\tkommandoraden$/),
    ]);
    await page.getByRole("button", { name: "Jämför", exact: true }).click();
    const diff = page.getByRole("table", { name: "Skillnader från version 1 till 2" });
    await diff.waitFor();
    const rows = await diff.locator("tbody tr").allInnerTexts();
    expect(rows).toEqual([expect.stringContaining(`ändrad\t`)]);
    expect(rows[0]).toContain(line.label);
    await expectNoAxeViolations(page, "history");

    // Another association's history: the service's 403, in words.
    await page.getByLabel("Förbund").selectOption({ label: registered.ale.name });
    await page.getByLabel("Rapport").selectOption({ label: "Budget 2008" });
    await page.getByRole("button", { name: "Visa historiken" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    // The page's sentence, then the service's own; a button closes it.
    expect(await alert.innerText()).toMatch(
      /^Nyckeln ger inte rätt till det här\. Din nyckel ger inte tillgång till det här\.\s+Stäng$/,
    );
    await expectNoAxeViolations(page, "history refused");

    // In English on request, remembered; signing out forgets the token.
    await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
    await page.getByText(`Signed in as ${info.name}`).waitFor();
    // Every view this token has passes axe in English too (lang="en", the English names).
    const views = page.getByRole("navigation", { name: "Views" });
    const names = await views.getByRole("button").allInnerTexts();
    expect(names).toEqual(["Who has reported", "Comparison", "History"]);
    for (const name of names) {
      await views.getByRole("button", { name }).click();
      await page.getByRole("heading", { name, level: 2 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await expectNoAxeViolations(page, `${name} (en)`);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectNoAxeViolations(page, "sign in (en)");
    expect(
      await page.evaluate(() => [sessionStorage.length, localStorage.getItem("samsyn.page.lang")]),
    ).toEqual([0, "en"]);
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await close(o);
  });
});
