/**
 * The network's page in Chromium with budget and utfall: Sydost reported utfall for 2023, Ale a
 * plan only, Nora nothing. The comparison shows a table "Budget och utfall 2023" beside the
 * budget's: utfall and avvikelse per association and cost group, "–" where none is reported,
 * network sums over those that reported it, with their count; no axe violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgnr, simpleBudget, sydostBudget } from "../service/helpers";
import { axeViolations } from "../support/axe";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const ADMIN = "network-outcome-admin-token-0123456789abcdef";
let stack: BrowserStack;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "web-outcome", adminToken: ADMIN, web: true });
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe("budget and utfall on the network's page", () => {
  it("When the network shows 2023, then Sydost's utfall and avvikelse stand beside its budget, Ale's utfall reads –, and the network's utfall says it comes from 1 of 3", async () => {
    const url = stack.service.url;
    const put = async (a: { id: string; token: string }, body: unknown) => {
      const r = await fetch(`${url}/api/associations/${a.id}/reports/budget/2023`, {
        method: "PUT",
        headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(r.status).toBe(201);
    };
    const sydost = await stack.createAssociation("Samordningsförbundet Sydost", orgnr(31));
    const ale = await stack.createAssociation("Samordningsförbundet Ale", orgnr(32));
    await stack.createAssociation("Samordningsförbundet Nora", orgnr(33));
    await put(sydost, sydostBudget());
    await put(ale, simpleBudget(["2023"]));
    const issued = await stack.admin("/api/network-tokens", {
      method: "POST",
      body: JSON.stringify({ label: "Regionala nätverket" }),
    });
    const { token } = (await issued.json()) as { token: string };

    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${url}/`);
    await page.getByLabel("Nyckel").fill(token);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText("Inloggad som nätverket (Regionala nätverket)").waitFor();
    await page.getByRole("navigation", { name: "Vyer" }).getByRole("button", { name: "Jämförelse" }).click();
    await page.getByRole("textbox", { name: "År" }).fill("2023");
    await page.getByRole("radio", { name: "Budget" }).check();
    await page.getByRole("button", { name: "Visa" }).click();
    const table = page.getByRole("table", { name: "Budget och utfall 2023" });
    await table.waitFor();
    await page.getByText("1 av 3 förbund har rapporterat utfall för 2023.", { exact: false }).waitFor();

    const cell = async (row: string, column: string) =>
      (await table.locator(`tr[data-association="${row}"] td[data-column="${column}"]`).innerText()).replace(
        /[\s\u00a0\u202f]+/g,
        " ",
      );
    expect(await cell(sydost.id, "cost:budget")).toBe("7 840 000");
    expect(await cell(sydost.id, "cost:outcome")).toBe("7 528 150");
    expect(await cell(sydost.id, "cost:deviation")).toBe("−311 850");
    expect(await cell(sydost.id, "deviation:insatser")).toBe("−229 500");
    expect(await cell(ale.id, "cost:budget")).toBe("1 390 000");
    expect(await cell(ale.id, "cost:outcome")).toMatch(/^–/);
    expect(await cell(ale.id, "deviation:styrelse")).toMatch(/^–/);
    // The figure, and for a screen reader (visually hidden) whose it is.
    expect(await cell("network", "cost:outcome")).toBe("7 528 150 (utfall från 1 av 3 förbund)");
    expect(await cell("network", "cost:budget")).toBe("7 840 000 (utfall från 1 av 3 förbund)");
    expect(await cell("network", "surplus:deviation")).toBe("324 195 (utfall från 1 av 3 förbund)");
    // Said once, under the row's name; a screen reader hears it with every figure.
    expect(await table.locator('tr[data-association="network"] th').innerText()).toBe(
      "Nätverket totalt\n(utfall från 1 av 3 förbund)",
    );

    expect(await axeViolations(page)).toEqual([]);
    expect(forbiddenIn(await page.locator("body").innerText())).toEqual([]);
    if (process.env.SAMSYN_SCREENSHOT)
      await page.screenshot({ path: process.env.SAMSYN_SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
