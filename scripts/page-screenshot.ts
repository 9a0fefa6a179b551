/**
 * The README's screenshot of the network's page (docs/network-page.png, 1280 px wide): a
 * service on an in-memory PGlite with nine associations' budgets for 2023–2024 and two that
 * have not reported, the comparison for 2024 as a network token sees it.
 * Usage: node --import tsx scripts/page-screenshot.ts [out.png]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { buildPage, populate } from "../bench/page";
import { startWebServer } from "../service/server";
import { launchChromium } from "../test/support/browser";

const out = path.resolve(process.argv[2] ?? "docs/network-page.png");
const admin = "screenshot-admin-token-0123456789abcdef";
const dir = mkdtempSync(path.join(tmpdir(), "samsyn-screenshot-"));
const server = await startWebServer({
  port: 0,
  dataDir: "memory://",
  adminToken: admin,
  logger: pino({ level: "silent" }),
  ...buildPage(dir),
});
const post = async (what: string, body: object) => {
  const r = await fetch(`${server.url}/api/${what}`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return (await r.json()) as { token: string };
};
const browser = await launchChromium();
try {
  await populate(server.url, admin, 9, ["2023", "2024"]);
  await post("associations", { name: "Samordningsförbundet Östra Södertörn", orgnr: "222000-1289" });
  await post("associations", { name: "Samordningsförbundet Norra Bohuslän", orgnr: "802000-0017" });
  const network = await post("network-tokens", { label: "Regionala nätverket" });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1720 } });
  await page.goto(`${server.url}/`);
  await page.getByLabel("Nyckel").fill(network.token);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.getByRole("navigation").getByRole("button", { name: "Jämförelse" }).click();
  await page.getByRole("textbox", { name: "År" }).fill("2024");
  await page.getByRole("button", { name: "Visa" }).click();
  await page.locator("section[data-drawn=true]").waitFor();
  // The charts' bars grow in: let them finish.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`page-screenshot: ${out}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
