/**
 * The pane's "Uppföljning Finsam" button in headless Chromium over the fake Excel: pressed on
 * Sydost's workbook, without importing a sheet first, it writes the follow-up sheet and says so;
 * axe finds nothing serious and nothing leaves the machine.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { axeViolations } from "../support/axe";
import { fakeOfficeScript } from "../support/browser";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let stack: BrowserStack;
let fakeHost: string;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "pane-followup" });
  fakeHost = await fakeOfficeScript();
});

afterAll(async () => {
  await stack?.close();
});

describe("Uppföljning Finsam in the pane, in Chromium", () => {
  it("When the button is pressed on Sydost's workbook, then the sheet Samsyn uppföljning 2023 is written and the pane says so", async () => {
    const book = (await loadBook(resolve("../shared/fixtures/sydost-budget-utfall-2023.xlsx"))).toJSON();
    const page = await stack.browser.newPage({ viewport: { width: 360, height: 1100 } });
    const outside: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: fakeHost });
      if (url.startsWith(stack.service.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.addInitScript((json: BookJson) => {
      (window as unknown as { __SAMSYN_BOOK__: BookJson }).__SAMSYN_BOOK__ = json;
    }, book);
    await page.goto(`${stack.service.url}/addin/taskpane.html`);
    await page.getByRole("button", { name: "Uppföljning Finsam" }).click();
    await page.getByText("Klart: Samsyn uppföljning 2023.").waitFor();
    const written = await page.evaluate(() =>
      (window as unknown as { __samsynFake: { json(): BookJson } }).__samsynFake.json(),
    );
    const sheet = written.sheets.find((s) => s.name === "Samsyn uppföljning 2023");
    expect(sheet?.cells.find(([r, c]) => r === 0 && c === 0)?.[2]).toBe("Uppföljning Finsam 2023");
    expect(forbiddenIn((await page.locator("body").textContent()) ?? "")).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect([outside, errors]).toEqual([[], []]);
    await page.close();
  }, 120_000);
});
