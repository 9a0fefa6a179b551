/**
 * The pane in Chromium over Sydost's workbook (budget with utfall, a participant list with an
 * Insats column): the preview lists the budget with its utfall and one participants report per
 * insats, says none goes for the whole list, and the send files each insats under its name;
 * the network's comparison is then fetched for all insatser or for one, chosen by name. Every
 * request body is read: no personnummer leaves. Needs the readers of issue 20 (utfall
 * columns, insats groups): it is the send's end-to-end test on the workbook the issue names.
 */
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Playground } from "../../playground/server";
import { identifyingIn } from "../../shared/insats";
import { orgnr } from "../service/helpers";
import { axeViolations } from "../support/axe";
import { type BrowserStack, startBrowserStack } from "../support/stack";
import { SYDOST } from "./sync-insats-reading";

const ADMIN = "sync-insats-admin-token-0123456789abcdef";
let stack: BrowserStack;
let playground: Playground;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "sync-insats", adminToken: ADMIN });
  playground = await stack.startPlayground(SYDOST);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe("sending Sydost's workbook from the pane", () => {
  it("When Sydost reads and sends its workbook, then the budget leaves with its utfall and the participants as one report per insats, none for the whole list", async () => {
    const sydost = await stack.createAssociation("Samordningsförbundet Sydost", orgnr(951));
    const context = await stack.browser.newContext({ viewport: { width: 1300, height: 1400 } });
    const page = await context.newPage();
    const bodies: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      const body = r.postData();
      if (body !== null) bodies.push(decodeURIComponent(r.url()) + body);
    });
    await context.route("**/*", (route) =>
      route.request().url().startsWith(playground.url) ? route.continue() : route.abort(),
    );
    await page.goto(playground.url);
    const pane: Frame = (await (await page
      .getByTitle("Samsyns aktivitetsfönster")
      .elementHandle())!.contentFrame())!;
    await pane.getByRole("button", { name: "Läs in" }).waitFor();
    await pane.getByRole("textbox", { name: "Nyckel" }).fill(sydost.token);
    await pane.getByRole("button", { name: "Logga in" }).click();
    await pane.getByText("Inloggad som Samordningsförbundet Sydost").waitFor();
    // The pane reads the sheet in front: first the budget.
    await pane.getByRole("button", { name: "Läs in" }).click();
    const preview = pane.getByRole("region", { name: "Det här skickas" });
    await preview.getByRole("checkbox", { name: "Budget 2023" }).waitFor();
    // Its figures, as they leave: the utfall beside the budget.
    await preview
      .getByRole("button", { name: /Visa siffrorna/ })
      .first()
      .click();
    const figures = preview.getByRole("table", { name: "Budget 2023" });
    await figures.getByRole("row", { name: /Unga till arbete utfall 2023 1\s320\s000/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    await pane.getByText(/Budget 2023: skickad som version 1/).waitFor();

    // Then the participant list, with its Insats column.
    await page
      .getByRole("tablist", { name: "Blad i arbetsboken" })
      .getByRole("tab", { name: "Deltagare" })
      .click();
    await pane.getByRole("button", { name: "Läs in" }).click();
    for (const insats of ["Jobbcoacher", "IPS – individanpassat stöd till arbete", "Unga till arbete"])
      await preview.getByRole("checkbox", { name: `Deltagare 2023, ${insats}` }).waitFor();
    // One report per insats: none for the whole list, and the pane says so.
    expect(await preview.getByRole("checkbox").count()).toBe(3);
    await preview.getByText(/en rapport per insats skickas, ingen för hela listan/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SAMSYN_SCREENSHOT)
      await page.screenshot({ path: process.env.SAMSYN_SCREENSHOT, fullPage: true });
    await pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    await pane.getByText(/Deltagare 2023, Unga till arbete: skickad som version 1/).waitFor();
    const published = (await (
      await stack.admin(`/api/associations/${sydost.id}/reports/participants`)
    ).json()) as { reports: { period: string; insats?: string }[] };
    expect(published.reports.map((r) => [r.period, r.insats ?? null]).sort()).toEqual([
      ["2023", "IPS – individanpassat stöd till arbete"],
      ["2023", "Jobbcoacher"],
      ["2023", "Unga till arbete"],
    ]);
    const budget = (await (
      await stack.admin(`/api/associations/${sydost.id}/reports/budget/2023`)
    ).json()) as {
      outcomeTotals?: { surplus: Record<string, number> };
    };
    expect(budget.outcomeTotals?.surplus["2023"]).toBe(484_195);

    // The network's comparison of the participants, first of all insatser, then of one.
    await pane.getByRole("radio", { name: "Deltagare" }).check();
    await pane.getByRole("button", { name: "Hämta sammanställning" }).click();
    await pane.getByText(/Sammanställningen finns på bladet Samsyn nätverk deltagare 2023/).waitFor();
    const choice = pane.getByRole("combobox", { name: "Insats" });
    expect(await choice.locator("option").allTextContents()).toEqual([
      "Alla insatser",
      "IPS – individanpassat stöd till arbete",
      "Jobbcoacher",
      "Unga till arbete",
    ]);
    await choice.selectOption("Jobbcoacher");
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Hämta sammanställning" }).click();
    await pane.getByRole("button", { name: "Hämta sammanställning" }).and(pane.locator(":enabled")).waitFor();
    const heading = () =>
      page.evaluate(() => {
        const book = (
          window as unknown as {
            __samsynFake: { json(): { sheets: { name: string; cells: [number, number, unknown][] }[] } };
          }
        ).__samsynFake.json();
        const sheet = book.sheets.find((s) => s.name === "Samsyn nätverk deltagare 2023");
        return sheet?.cells.find(([r, c]) => r === 0 && c === 0)?.[2];
      });
    await expect
      .poll(heading)
      .toBe("Samsyn – nätverkets sammanställning, deltagare 2023, insats Jobbcoacher");
    // Back to all: the same sheet, replaced in place.
    await choice.selectOption("");
    await pane.getByRole("button", { name: "Hämta sammanställning" }).click();
    await expect.poll(heading).toBe("Samsyn – nätverkets sammanställning, deltagare 2023");
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const b of bodies) expect(identifyingIn(b)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
