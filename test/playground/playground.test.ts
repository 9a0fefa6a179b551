/**
 * The playground in headless Chromium (Debian's): the pane's real files in an iframe over the
 * fake Excel, a budget read and written, the sheet view following, the workbook downloaded and
 * read back with exceljs; the pane opened in a plain tab says what Samsyn is instead of going
 * blank; an error inside the App shows the error boundary; from 300 to 350 px nothing overflows.
 * office.js is always blocked, as offline; no request leaves the machine.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import type { Playground } from "../../playground/server";
import type { WebServer } from "../../service/server";
import { orgnr } from "../service/helpers";
import { fixture } from "../support/cli";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ADMIN = "playground-test-admin-token-0123456789";

let stack: BrowserStack;
let dir: string;
let service: WebServer;
let playground: Playground;
let browser: Browser;
/** An association's token, to sign in and see what would be sent. */
let token: string;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "playground", adminToken: ADMIN });
  ({ dir, service, browser } = stack);
  token = (await stack.createAssociation("Samordningsförbundet Smal", orgnr(990))).token;
  playground = await stack.startPlayground("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
});

afterAll(async () => {
  await stack?.close();
});

interface Opened {
  readonly page: Page;
  readonly outside: string[];
  readonly errors: string[];
}

/**
 * A page where only this machine answers. office.js is blocked (offline) unless `officeJs`
 * stands in for it; what else tried to leave is recorded in `outside`.
 */
async function newPage(width: number, height: number, officeJs?: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const outside: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS)
      return officeJs ? route.fulfill({ contentType: "text/javascript", body: officeJs }) : route.abort();
    if (url.startsWith(playground.url) || url.startsWith(service.url)) return route.continue();
    outside.push(`${route.request().method()} ${url}`);
    return route.abort();
  });
  return { page, outside, errors };
}

/** The pane's frame in the playground page. */
async function paneOf(page: Page): Promise<Frame> {
  const handle = await page.getByTitle("Samsyns aktivitetsfönster").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.getByRole("button", { name: "Läs in" }).waitFor();
  return frame!;
}

const bookOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __samsynFake: { json(): BookJson } }).__samsynFake.json());

/** Horizontal overflow of a document: how far its content reaches past its width. */
const overflowOf = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Serious and critical WCAG 2.1 AA findings on the playground page itself (the pane has its own test). */
async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  // Evaluated, not injected as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<Result> } }).axe;
    const result = await axe.run(
      { exclude: [["iframe"]] },
      { iframes: false, runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    );
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      // Fluent's focus manager adds aria-hidden focus redirectors on purpose (see the pane's test).
      nodes: v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => n.target.join(" ")),
    }))
    .filter((v) => v.nodes.length > 0);
}

function artifact(name: string): string {
  mkdirSync(resolve("test/artifacts"), { recursive: true });
  return resolve("test/artifacts", name);
}

describe("the playground", () => {
  it("reads and writes the budget in the pane, shows the new sheets, and downloads the workbook as it stands", async () => {
    const { page, outside, errors } = await newPage(1400, 1000);
    await page.goto(playground.url);
    const pane = await paneOf(page);
    expect(await pane.evaluate(() => window.innerWidth)).toBe(320);

    await pane.getByRole("button", { name: "Läs in" }).click();
    await pane.getByRole("tab", { name: "Tabeller (2)" }).waitFor();
    await pane.getByRole("button", { name: "Skriv tabellerna" }).click();
    await pane.getByText(/^Klart:/).waitFor();

    // The sheet view follows what the pane wrote.
    const tabs = page.getByRole("tablist", { name: "Blad i arbetsboken" });
    await tabs.getByRole("tab", { name: "Samsyn Budget 2008" }).waitFor();
    const sheetNames = ["Budget 2008", "Samsyn Budget 2008", "Samsyn kontroller"];
    expect(await tabs.getByRole("tab").count()).toBe(sheetNames.length);
    for (const name of sheetNames) await tabs.getByRole("tab", { name, exact: true }).waitFor();
    await tabs.getByRole("tab", { name: "Samsyn Budget 2008" }).click();
    const grid = page.getByRole("table", { name: "Bladet Samsyn Budget 2008" });
    await grid.waitFor();
    await expect(page.getByText("Budget_2008 (", { exact: false }).first().isVisible()).resolves.toBe(true);
    await page.getByRole("switch", { name: "Visa formler" }).check();
    await expect(
      grid
        .getByText(/^=SUM|^=SUBTOTAL/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: artifact("playground.png"), animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);

    const inPage = await bookOf(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned arbetsboken" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ale-kungalv-stenungsund-tjorn-vp2008 (Samsyn).xlsx");
    const file = join(dir, "downloaded.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(inPage.sheets.map((s) => s.name));
    const tablesOf = (ws: ExcelJS.Worksheet) =>
      Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).sort();
    expect(workbook.worksheets.flatMap((ws) => tablesOf(ws).map((t) => `${ws.name}:${t}`))).toEqual(
      inPage.tables.map((t) => `${t.sheet}:${t.name}`).sort(),
    );
    // Every cell as the fake holds it: values, and formulas with their values.
    for (const sheet of inPage.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      for (const [row, col, value, formula] of sheet.cells) {
        const cell = ws.getCell(row + 1, col + 1).value;
        if (formula) expect(cell, `${sheet.name}!${row}:${col}`).toMatchObject({ formula: formula.slice(1) });
        else expect(cell, `${sheet.name}!${row}:${col}`).toEqual(value);
      }
    }
    const formulas = inPage.sheets.flatMap((s) => s.cells.filter((c) => c[3] !== null));
    expect(formulas.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Task panes are about 320 px wide on Windows and 350 px in Excel on the web; users rarely widen them.
  it.each([300, 320, 335, 350])(
    "at %i px the pane has no horizontal overflow: read, each tab, written, marks removed",
    async (width) => {
      const { page } = await newPage(1200, 900);
      await page.goto(playground.url);
      await page.getByTitle("Samsyns aktivitetsfönster").evaluate((frame, w) => {
        (frame as HTMLIFrameElement).style.width = `${w}px`;
      }, width);
      const pane = await paneOf(page);
      await expect(pane.evaluate(() => window.innerWidth)).resolves.toBe(width);
      const overflow: [string, number][] = [["start", await overflowOf(pane)]];
      // Signed in, so that what would be sent shows too (the token is remembered in this page).
      await pane.getByRole("textbox", { name: "Nyckel" }).fill(token);
      await pane.getByRole("button", { name: "Logga in" }).click();
      await pane.getByText("Inloggad som Samordningsförbundet Smal").waitFor();
      await pane.getByRole("button", { name: "Läs in" }).click();
      await pane.getByRole("tab", { name: "Tabeller (2)" }).waitFor();
      overflow.push(["read", await overflowOf(pane)]);
      const budgetPreview = pane.getByRole("region", { name: "Det här skickas" });
      await budgetPreview
        .getByRole("button", { name: /^Visa siffrorna/ })
        .first()
        .click();
      await budgetPreview.getByRole("table").first().waitFor();
      overflow.push(["budget preview", await overflowOf(pane)]);
      await pane.getByRole("tab", { name: /Kontroller/ }).click();
      overflow.push(["checks", await overflowOf(pane)]);
      await pane.getByRole("button", { name: "Skriv tabellerna" }).click();
      await pane.getByText(/^Klart:/).waitFor();
      overflow.push(["written", await overflowOf(pane)]);
      await pane.getByRole("button", { name: "Ta bort markeringar" }).click();
      await pane.getByRole("button", { name: "Ta bort markeringar" }).waitFor({ state: "detached" });
      overflow.push(["unmarked", await overflowOf(pane)]);
      // A participant list brings a third tab, the key figures.
      await page
        .getByLabel("Arbetsbok att öppna (.xlsx)")
        .setInputFiles(fixture("samverkansteamet-deltagare-2014.xlsx"));
      await page
        .getByRole("tablist", { name: "Blad i arbetsboken" })
        .getByRole("tab", { name: "Deltagare 2014" })
        .waitFor();
      const list = await paneOf(page);
      await list.getByRole("button", { name: "Läs in" }).click();
      await list.getByRole("tab", { name: "Nyckeltal" }).click();
      await list.getByText("Ålder vid start").waitFor();
      await list
        .getByRole("region", { name: "Nyckeltal för 2014" })
        .getByRole("combobox", { name: "Period" })
        .selectOption({ label: "jan–jun 2014" });
      await list.getByRole("heading", { name: "Nyckeltal för jan–jun 2014" }).waitFor();
      overflow.push(["key figures", await overflowOf(list)]);
      // What would be sent for that period, its figures open.
      const preview = list.getByRole("region", { name: "Det här skickas" });
      await preview.getByRole("checkbox", { name: "Deltagare jan–jun 2014" }).waitFor();
      await preview.getByRole("button", { name: /^Visa siffrorna/ }).click();
      await preview.getByRole("table", { name: "Deltagare jan–jun 2014" }).waitFor();
      overflow.push(["preview", await overflowOf(list)]);
      if (width === 320) await page.screenshot({ path: artifact("pane-preview-320.png"), fullPage: true });
      await page.close();
      expect(overflow.filter(([, px]) => px !== 0)).toEqual([]);
    },
  );

  it("opens an uploaded workbook, and a file that is no workbook gets a message", async () => {
    const { page, errors } = await newPage(1200, 900);
    await page.goto(playground.url);
    await paneOf(page);
    await page
      .getByLabel("Arbetsbok att öppna (.xlsx)")
      .setInputFiles(fixture("samverkansteamet-deltagare-2014.xlsx"));
    const tabs = page.getByRole("tablist", { name: "Blad i arbetsboken" });
    await tabs.getByRole("tab", { name: "Deltagare 2014" }).waitFor();
    await page.getByText("samverkansteamet-deltagare-2014.xlsx", { exact: true }).waitFor();
    const pane = await paneOf(page);
    await pane.getByRole("button", { name: "Läs in" }).click();
    await pane.getByRole("tab", { name: "Nyckeltal" }).waitFor();

    await page
      .getByLabel("Arbetsbok att öppna (.xlsx)")
      .setInputFiles({ name: "inte.xlsx", mimeType: "text/plain", buffer: Buffer.from("ingen arbetsbok") });
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Filen är ingen Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.",
    );
    expect(await tabs.getByRole("tab").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the pane outside Excel", () => {
  it("says what Samsyn is and how to get it into Excel when office.js cannot load, with no playground link from the service", async () => {
    const { page, errors } = await newPage(360, 900);
    await page.goto(`${service.url}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor();
    await expect(page.getByText(/Ladda upp mitt tillägg/).isVisible()).resolves.toBe(true);
    expect(await page.getByRole("link", { name: "Öppna Samsyns lekplats" }).count()).toBe(0);
    await page.screenshot({ path: artifact("taskpane-outside-excel.png"), fullPage: true });
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Samsyn runs in Excel" }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("links to the playground when the playground's server sent the pane", async () => {
    const { page } = await newPage(360, 900);
    await page.goto(`${playground.url}addin/taskpane.html`);
    await page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor();
    const link = page.getByRole("link", { name: "Öppna Samsyns lekplats" });
    expect(await link.getAttribute("href")).toBe(playground.url);
    await page.close();
  });

  it("says the same when office.js loads but finds no Office host, or never answers", async () => {
    const noHost = `window.Office = { HostType: { Excel: "Excel" }, context: {},
      onReady: () => Promise.resolve({ host: null, platform: null }) };`;
    const { page } = await newPage(360, 900, noHost);
    await page.goto(`${service.url}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor();
    await page.close();

    const silentOffice = `window.Office = { HostType: { Excel: "Excel" }, context: {},
      onReady: () => new Promise(() => {}) };`;
    const hanging = await newPage(360, 900, silentOffice);
    await hanging.page.goto(`${service.url}/addin/taskpane.html`);
    await hanging.page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor({ timeout: 10_000 });
    await hanging.page.close();
  });

  it("turns into the pane when Excel answers after the pane stopped waiting", async () => {
    const slowExcel = `window.Office = { HostType: { Excel: "Excel" },
      context: { displayLanguage: "sv-SE", requirements: { isSetSupported: () => true } },
      onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), 5500)) };
      window.Excel = { run: () => new Promise(() => {}) };`;
    const { page, errors } = await newPage(360, 900, slowExcel);
    await page.goto(`${service.url}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Läs in" }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the error boundary's message with a code when the App throws", async () => {
    const { page } = await newPage(360, 900);
    // A parent page on the pane's origin that lends a host whose every answer is an error.
    const parent = `${playground.url}test/broken-parent.html`;
    await page.route(parent, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><script>
          window.samsynPlayground = {
            displayLanguage: "sv-SE",
            run: () => Promise.reject(new Error("trasig")),
            supports: () => { throw new Error("Testfel: värden är trasig"); },
          };
        </script><iframe title="rutan" src="/addin/taskpane.html" width="320" height="800"></iframe>`,
      }),
    );
    await page.goto(parent);
    const frame = page.frameLocator("iframe[title=rutan]");
    await frame.getByRole("heading", { name: "Något gick fel i Samsyn" }).waitFor();
    await expect(frame.getByRole("alert").textContent()).resolves.toMatch(/Felkod: UI-[0-9A-F]{4}/);
    await frame.getByRole("button", { name: "Ladda om fönstret" }).waitFor();
    await page.screenshot({ path: artifact("taskpane-error.png") });
    await page.close();
  });
});
