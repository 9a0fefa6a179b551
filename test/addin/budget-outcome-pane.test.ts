/**
 * The pane in Chromium at 320 px over budgets with utfall: the budget card shows budget, utfall
 * and avvikelse of income, costs and över-/underskott for the year, and for jan–jun where the
 * sheet has it, with a Helår/Halvår switch; no horizontal scroll; axe finds nothing serious.
 * Needs the reader that reads utfall columns (helper A's part of issue 20).
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { loadBook } from "../../playground/fake-excel/xlsx";
import type { WebServer } from "../../service/server";
import { axeViolations } from "../support/axe";
import { fakeOfficeScript } from "../support/browser";
import { writeSydostHalfYear } from "../support/budget-utfall-workbook";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let stack: BrowserStack;
let server: WebServer;
let browser: Browser;
let fakeHost: string;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "pane-utfall" });
  ({ service: server, browser } = stack);
  fakeHost = await fakeOfficeScript();
});

afterAll(async () => {
  await stack?.close();
});

/** The pane at 320 px over a workbook, read in ("Läs in"), the tables tab showing. */
async function readIn(file: string): Promise<{ page: Page; errors: string[] }> {
  const book = (await loadBook(file)).toJSON();
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: fakeHost });
    if (url.startsWith(server.url)) return route.continue();
    return route.abort();
  });
  await page.addInitScript((json: BookJson) => {
    (window as unknown as { __SAMSYN_BOOK__: BookJson }).__SAMSYN_BOOK__ = json;
  }, book);
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.getByRole("button", { name: "Läs in" }).click();
  await page.getByRole("tab", { name: /Tabeller/ }).waitFor();
  return { page, errors };
}

/** The card's figures: each measure's [label, budget, utfall, avvikelse], as shown. */
const figures = (page: Page, year: string) =>
  page
    .getByRole("region", { name: `Budget och utfall ${year}` })
    .evaluate((section) =>
      [...section.querySelectorAll("tbody")].map((body) =>
        [...body.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").replace(/\s/g, " ")),
      ),
    );

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("When the pane reads a budget with utfall for the year (the Sydost fixture)", () => {
  it("then its card shows budget, utfall and avvikelse of the year, without a switch, at 320 px", async () => {
    const { page, errors } = await readIn(resolve("../shared/fixtures/sydost-budget-utfall-2023.xlsx"));
    const region = page.getByRole("region", { name: "Budget och utfall 2023" });
    await region.waitFor();
    await region.scrollIntoViewIfNeeded();
    expect(await figures(page, "2023")).toEqual([
      ["Summa intäkter", "8 000 000", "8 012 345", "+12 345"],
      ["Summa kostnader", "7 840 000", "7 528 150", "−311 850"],
      ["Över-/underskott", "160 000", "484 195", "+324 195"],
    ]);
    expect(await region.getByRole("tablist").count()).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await region.screenshot({ path: artifact("budget-utfall-helar.png") });
    expect(await axeViolations(page)).toEqual([]);
    expect(forbiddenIn((await page.locator("body").textContent()) ?? "")).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("When the pane reads a budget with utfall to 30 June and for the year", () => {
  it("then a Helår/Halvår switch shows the year's budget against either, at 320 px", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "samsyn-utfall-")), "sydost-halvar.xlsx");
    await writeSydostHalfYear(file);
    const { page, errors } = await readIn(file);
    const region = page.getByRole("region", { name: "Budget och utfall 2023" });
    await region.waitFor();
    await region.scrollIntoViewIfNeeded();
    const tabs = region.getByRole("tab");
    expect(await tabs.count()).toBe(2);
    expect(await region.getByRole("tab", { name: "Helår", selected: true }).count()).toBe(1);
    expect((await figures(page, "2023"))[2]).toEqual(["Över-/underskott", "160 000", "484 195", "+324 195"]);
    await region.getByRole("tab", { name: "Halvår" }).click();
    await expect(region.getByText("Budget för 2023 mot utfall jan–jun 2023.").isVisible()).resolves.toBe(
      true,
    );
    expect(await figures(page, "2023")).toEqual([
      ["Summa intäkter", "8 000 000", "4 005 120", "−3 994 880"],
      ["Summa kostnader", "7 840 000", "3 575 000", "−4 265 000"],
      ["Över-/underskott", "160 000", "430 120", "+270 120"],
    ]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await region.screenshot({ path: artifact("budget-utfall-halvar.png") });
    await page.screenshot({ path: artifact("budget-utfall-pane.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

function artifact(name: string): string {
  mkdirSync(resolve("test/artifacts"), { recursive: true });
  return resolve("test/artifacts", name);
}
