/**
 * The playground shows what Excel would show, walked as a bookkeeper would at 320 px (a phone
 * or a narrow window) and at 1280 px: open the budget, read it and write the tables in the
 * pane, go to the written sheet; every formula cell shows a number (sv-SE, as Excel in Swedish),
 * none its formula text, which "Visa formler" still shows; the source sheet keeps its column
 * widths and bold. Screenshots go to test/artifacts.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Playground } from "../../playground/server";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let stack: BrowserStack;
let playground: Playground;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "playground-numbers" });
  playground = await stack.startPlayground("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
});

afterAll(async () => {
  await stack?.close();
});

function artifact(name: string): string {
  mkdirSync(resolve("test/artifacts"), { recursive: true });
  return resolve("test/artifacts", name);
}

async function paneOf(page: Page): Promise<Frame> {
  const handle = await page.getByTitle("Samsyns aktivitetsfönster").elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.getByRole("button", { name: "Läs in" }).waitFor();
  return frame;
}

describe("the playground shows numbers", () => {
  it.each([320, 1280])(
    "When a bookkeeper writes Ale's budget at %i px, then the written sheet shows numbers where Excel shows numbers",
    async (width) => {
      const page = await stack.browser.newPage({ viewport: { width, height: 900 } });
      await page.route(OFFICE_JS, (route) => route.abort());
      await page.goto(playground.url);
      const pane = await paneOf(page);
      await pane.getByRole("button", { name: "Läs in" }).click();
      await pane.getByRole("tab", { name: "Tabeller (2)" }).waitFor();
      await pane.getByRole("button", { name: "Skriv tabellerna" }).click();
      await pane.getByText(/^Klart:/).waitFor();

      await page.getByRole("tab", { name: "Samsyn Budget 2008" }).click();
      const grid = page.getByRole("table", { name: "Bladet Samsyn Budget 2008" });
      await grid.waitFor();
      const shown = async () =>
        grid
          .locator("td[data-address]")
          .evaluateAll((cells) =>
            cells
              .filter((c) => (c.getAttribute("title") ?? "").startsWith("="))
              .map((c) => ({ address: c.getAttribute("data-address"), text: c.textContent ?? "" })),
          );
      const formulas = await shown();
      // Ale's sheet holds 35 formula cells; each shows a figure, none its text or an error.
      expect(formulas.length).toBeGreaterThanOrEqual(30);
      expect(
        formulas.filter((f) => !/^-?[\d\u00a0 ]+(,\d+)?( %)?$|^−?[\d\u00a0 ]+(,\d+)?$/.test(f.text)),
      ).toEqual([]);
      // Total income 2008 in kr, written sv-SE: 6 574 000 (the sheet's own stated total, in tkr).
      await expect(
        grid
          .getByText(/^6\s574\s000$/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await grid.locator("td[data-address]").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifact(`playground-numbers-${width}.png`), fullPage: width === 320 });
      // Nothing reaches past the window: the sheet view scrolls inside itself.
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).resolves.toBe(0);

      // The source sheet as the user made it: column A 70 characters wide (495 px), its title bold.
      await page.getByRole("tab", { name: "Budget 2008", exact: true }).click();
      const source = page.getByRole("table", { name: "Bladet Budget 2008" });
      await source.waitFor();
      const look = await source.evaluate((table) => ({
        width: getComputedStyle(table.querySelectorAll("thead th")[0]!).width,
        weight: getComputedStyle(table.querySelector('td[data-address="A1"]')!).fontWeight,
      }));
      expect(look).toEqual({ width: "495px", weight: "600" });
      await page.getByRole("tab", { name: "Samsyn Budget 2008" }).click();
      await page.getByRole("switch", { name: "Visa formler" }).check();
      await expect(
        grid
          .getByText(/^=SUM|^=SUBTOTAL/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await page.close();
    },
    120_000,
  );
});
