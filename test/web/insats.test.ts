/**
 * The network's page in Chromium with participants filed per insats: Sydost two insatser (kön
 * hidden in one), Ale its whole list. "Alla insatser" shows Sydost's insatser added up, a lower
 * bound where a part is hidden; choosing one insats shows that insats only. No axe violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgnr, participantsReport } from "../service/helpers";
import { axeViolations } from "../support/axe";
import { forbiddenIn } from "../support/glossary";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const ADMIN = "network-insats-admin-token-0123456789abcdef";
let stack: BrowserStack;

beforeAll(async () => {
  stack = await startBrowserStack({ name: "web-insats", adminToken: ADMIN, web: true });
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe("participants per insats on the network's page", () => {
  it("When the network shows deltagare 2023, then Sydost's insatser are added up with kvinnor as at least 22, and Jobbcoacher alone can be chosen", async () => {
    const url = stack.service.url;
    const put = async (a: { id: string; token: string }, body: unknown, insats?: string) => {
      const q = insats ? `?insats=${encodeURIComponent(insats)}` : "";
      const r = await fetch(`${url}/api/associations/${a.id}/reports/participants/2023${q}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(r.status).toBe(201);
    };
    const sydost = await stack.createAssociation("Samordningsförbundet Sydost", orgnr(41));
    const ale = await stack.createAssociation("Samordningsförbundet Ale", orgnr(42));
    await put(
      sydost,
      { ...participantsReport("2023", { participants: 40 }), insats: "Jobbcoacher" },
      "Jobbcoacher",
    );
    await put(
      sydost,
      {
        ...participantsReport("2023", { participants: 30, byKon: { kvinna: null, man: null } }, [
          "byKon.kvinna",
          "byKon.man",
        ]),
        insats: "Unga till arbete",
      },
      "Unga till arbete",
    );
    await put(ale, participantsReport("2023", { participants: 25 }));
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
    await page.getByRole("radio", { name: "Deltagare" }).check();
    await page.getByRole("button", { name: "Visa" }).click();
    const table = page.getByRole("table", { name: "Jämförelse deltagare 2023" });
    await table.waitFor();
    const text = async (row: string, column: string) =>
      (await table.locator(`tr[data-association="${row}"] td[data-column="${column}"]`).innerText()).replace(
        /[\s\u00a0\u202f]+/g,
        " ",
      );
    const sydostRow = table.locator(`tr[data-association="${sydost.id}"] th`);
    expect(await sydostRow.innerText()).toContain("summa av 2 insatser");
    expect(await text(sydost.id, "participants")).toBe("70");
    expect(await text(sydost.id, "byKon.kvinna")).toBe("minst 22 (dolt i 1 insats)");
    expect(await text("network", "byKon.kvinna")).toBe("minst 44 (dolt hos 1 förbund)");
    expect(await axeViolations(page)).toEqual([]);
    expect(forbiddenIn(await page.locator("body").innerText())).toEqual([]);
    if (process.env.SAMSYN_SCREENSHOT)
      await page.screenshot({ path: process.env.SAMSYN_SCREENSHOT, fullPage: true });

    await page.getByRole("combobox", { name: "Insats" }).selectOption("Jobbcoacher");
    await page.getByText("1 av 2 förbund har rapporterat för 2023.").waitFor();
    expect(await text(sydost.id, "participants")).toBe("40");
    expect(await table.locator(`tr[data-association="${ale.id}"]`).innerText()).toContain("saknas");
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
