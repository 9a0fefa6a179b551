/**
 * The task pane in headless Chromium (Debian's, never a downloaded one), served by the Samsyn
 * service as `npm start` serves it, with the fake Excel standing in for office.js at its CDN
 * address: import a fixture, see the issues, click one (the cell gets selected), write, edit,
 * refresh; axe-core finds nothing serious (WCAG 2.1 AA); no request leaves the machine.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { loadBook } from "../../playground/fake-excel/xlsx";
import type { WebServer } from "../../service/server";
import { axeViolations } from "../support/axe";
import { fakeOfficeScript } from "../support/browser";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FIXTURES = resolve("../shared/fixtures");

let stack: BrowserStack;
let server: WebServer;
let browser: Browser;
let fakeHost: string;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "pane" });
  ({ service: server, browser } = stack);
  fakeHost = await fakeOfficeScript();
});

afterAll(async () => {
  await stack?.close();
});

interface Opened {
  readonly page: Page;
  /** Every request the page made that was not to the local service (office.js excepted). */
  readonly outside: string[];
  readonly errors: string[];
}

async function openPane(fixture: string): Promise<Opened> {
  const book = (await loadBook(join(FIXTURES, fixture))).toJSON();
  const page = await browser.newPage({ viewport: { width: 360, height: 1100 } });
  const outside: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: fakeHost });
    if (url.startsWith(server.url)) return route.continue();
    outside.push(`${route.request().method()} ${url}`);
    return route.abort();
  });
  await page.addInitScript((json: BookJson) => {
    (window as unknown as { __SAMSYN_BOOK__: BookJson }).__SAMSYN_BOOK__ = json;
  }, book);
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.getByRole("button", { name: "Läs in" }).waitFor();
  return { page, outside, errors };
}

const bookOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __samsynFake: { json(): BookJson } }).__samsynFake.json());

const selectedOf = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __samsynFake: { book: { selected: unknown } } }).__samsynFake.book.selected,
  );

describe("task pane in Chromium", () => {
  it("imports a budget, shows the issues, selects an issue's cell, writes and refreshes in place", async () => {
    const { page, outside, errors } = await openPane("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
    await page.getByRole("button", { name: "Läs in" }).click();
    const issuesTab = page.getByRole("tab", { name: /Kontroller \(\d+\)/ });
    await issuesTab.waitFor();
    await expect(page.getByRole("tab", { name: "Tabeller (2)" }).isVisible()).resolves.toBe(true);
    // What the pane shows in Swedish holds none of the glossary's forbidden words (docs/ordlista.md).
    expect(forbiddenIn(await page.locator("body").innerText())).toEqual([]);

    // A correction applies at once (the core runs again in the pane) and is saved with the workbook.
    const surplus = page.getByText(/^Över-\/underskott 2008$/).locator("xpath=following-sibling::dd[1]");
    const before = await surplus.textContent();
    await page.getByRole("combobox", { name: "Enhet" }).selectOption("kr");
    await expect.poll(() => surplus.textContent()).not.toBe(before);
    await page.screenshot({ path: artifact("taskpane-tables.png"), fullPage: true });
    await page.getByRole("combobox", { name: "Enhet" }).selectOption("tkr");

    await page.getByRole("button", { name: "Skriv tabellerna" }).click();
    await page.getByText(/^Klart:/).waitFor();
    const written = await bookOf(page);
    expect(written.settings.find(([key]) => key === "samsyn.corrections")?.[1]).toBe(
      JSON.stringify({ "Budget 2008": { unit: "tkr" } }),
    );
    const tables = written.tables.map((t) => `${t.sheet}:${t.name}`);
    expect(tables).toEqual([
      "Samsyn Budget 2008:Bidrag_2008",
      "Samsyn Budget 2008:Budget_2008",
      "Samsyn Budget 2008:Budget_2008_grupper",
      "Samsyn kontroller:Samsyn_kontroller",
    ]);

    await issuesTab.click();
    const cellButtons = page.getByRole("button", { name: /^Visa cell / });
    const first = (await cellButtons.first().getAttribute("aria-label"))!;
    await cellButtons.first().click();
    await expect
      .poll(() => selectedOf(page))
      .toEqual({
        sheet: "Budget 2008",
        address: first.replace(/^Visa cell Budget 2008!/, ""),
      });
    await page.screenshot({ path: artifact("taskpane.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(forbiddenIn(await page.locator("body").innerText())).toEqual([]);

    // The user edits an amount on the source sheet; refresh updates the same tables.
    await page.evaluate(() => {
      const fake = (
        window as unknown as {
          __samsynFake: { book: { sheet(n: string): { patch(r: number, c: number, v: object): void } } };
        }
      ).__samsynFake;
      fake.book.sheet("Budget 2008").patch(14, 1, { value: 555 });
    });
    const refresh = page.getByRole("button", { name: "Uppdatera tabellerna" });
    await refresh.click();
    await page.getByText(/^Klart:/).waitFor();
    const refreshed = await bookOf(page);
    expect(refreshed.sheets.map((s) => s.name)).toEqual(written.sheets.map((s) => s.name));
    expect(refreshed.tables.map((t) => `${t.sheet}:${t.name}`)).toEqual(tables);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows participant key figures in English, writes them, and sends no participant row anywhere", async () => {
    const { page, outside, errors } = await openPane("samverkansteamet-deltagare-2014.xlsx");
    await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("tab", { name: "Key figures" }).click();
    // The figures under the catalogue's English names.
    await page
      .getByRole("term")
      .filter({ hasText: /^Average length of stay \(days\)$/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Write the tables" }).click();
    await page.getByText(/^Done:/).waitFor();
    const book = await bookOf(page);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Deltagare 2014",
      "Samsyn deltagare",
      "Samsyn nyckeltal",
    ]);
    await page.screenshot({ path: artifact("taskpane-participants.png"), fullPage: true });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("remembers the language chosen, and follows a dark Office theme", async () => {
    const book = (await loadBook(join(FIXTURES, "infosamverkan-projektbudget.xlsx"))).toJSON();
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeHost }));
    await page.addInitScript((json: BookJson) => {
      const w = window as unknown as { __SAMSYN_BOOK__: BookJson; __SAMSYN_OFFICE_THEME__: object };
      w.__SAMSYN_BOOK__ = json;
      // Excel's Black theme, as Office.context.officeTheme reports it.
      w.__SAMSYN_OFFICE_THEME__ = { isDarkTheme: true, bodyBackgroundColor: "#262626" };
    }, book);
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
    await page.getByRole("button", { name: "Import" }).waitFor();
    await page.reload();
    // Office still says sv-SE; the pane opens in the language the user chose.
    await page.getByRole("button", { name: "Import" }).waitFor();
    const background = await page
      .locator("main")
      .evaluate((main) => getComputedStyle(main.parentElement!).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, background).toBeLessThan(3 * 80);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("puts a failure into words: cell edit mode", async () => {
    const book = (await loadBook(join(FIXTURES, "infosamverkan-projektbudget.xlsx"))).toJSON();
    const page = await browser.newPage({ viewport: { width: 360, height: 700 } });
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeHost }));
    await page.addInitScript((json: BookJson) => {
      const w = window as unknown as { __SAMSYN_BOOK__: BookJson; __SAMSYN_FAKE_OPTIONS__: object };
      w.__SAMSYN_BOOK__ = json;
      w.__SAMSYN_FAKE_OPTIONS__ = { failWith: "InvalidOperationInCellEditMode" };
    }, book);
    await page.goto(`${server.url}/addin/taskpane.html`);
    await page.getByRole("button", { name: "Läs in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Avsluta redigeringen av cellen först",
    );
    await page.close();
  });
});

function artifact(name: string): string {
  mkdirSync(resolve("test/artifacts"), { recursive: true });
  return resolve("test/artifacts", name);
}
