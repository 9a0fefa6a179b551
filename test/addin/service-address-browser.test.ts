/**
 * Which service the pane may reach, in headless Chromium: the browser blocks every address the
 * pane's CSP (connect-src) does not allow, so the pane offers exactly what its policy allows.
 * Served by the service, it talks to its own origin and shows no address field; hosted
 * elsewhere (scripts/host-pane.mjs), its CSP allows exactly the configured services, which it
 * names; an address the policy blocks gets its own message, not "cannot be reached".
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import pino from "pino";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { startWebServer, type WebServer } from "../../service/server";
import { orgnr } from "../service/helpers";
import { fakeOfficeScript } from "../support/browser";
import { fixture } from "../support/cli";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ADMIN = "service-address-admin-token-0123456789";
const NAME = "Samordningsförbundet Adressprov";

let stack: BrowserStack;
let fakeHost: string;
let book: BookJson;
let token: string;
/** The pane hosted on a plain static server of its own, for a service elsewhere. */
let hosted: { url: string; close(): void };
let elsewhere: WebServer;
let elsewhereToken: string;

async function association(url: string, orgnrSeed: number): Promise<string> {
  const res = await fetch(`${url}/api/associations`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ name: NAME, orgnr: orgnr(orgnrSeed) }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  stack = await startBrowserStack({ name: "service-address", adminToken: ADMIN });
  fakeHost = await fakeOfficeScript();
  book = (await loadBook(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"))).toJSON();
  token = await association(stack.service.url, 951);

  const dir = join(stack.dir, "hosted");
  mkdirSync(dir);
  const app = express().use(express.static(dir, { index: "taskpane.html" }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hosted = { url: `${origin}/taskpane.html`, close: () => server.close() };
  elsewhere = await startWebServer({
    port: 0,
    dataDir: join(stack.dir, "data-elsewhere"),
    adminToken: ADMIN,
    paneOrigins: [origin],
    logger: pino({ level: "silent" }),
  });
  elsewhereToken = await association(elsewhere.url, 952);
  execFileSync(
    process.execPath,
    ["scripts/host-pane.mjs", "--from", join(stack.dir, "addin"), "--services", elsewhere.url, "-o", dir],
    { stdio: "pipe" },
  );
});

afterAll(async () => {
  hosted?.close();
  await elsewhere?.close();
  await stack?.close();
});

/** The pane at this address with the fake Excel for office.js; what was stored before it opened. */
async function openPane(url: string, stored?: { serviceUrl: string; token: string }): Promise<Page> {
  const page = await stack.browser.newPage({ viewport: { width: 320, height: 900 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeHost }));
  await page.addInitScript(
    ([json, credentials]) => {
      const w = window as unknown as { __SAMSYN_BOOK__: unknown };
      w.__SAMSYN_BOOK__ = json;
      if (credentials) localStorage.setItem("samsyn.credentials", credentials);
    },
    [book, stored ? JSON.stringify(stored) : null] as const,
  );
  await page.goto(url);
  await page.getByRole("button", { name: "Läs in" }).waitFor();
  return page;
}

describe("the service the pane may reach", () => {
  it("When the service serves the pane, then it signs in to its own origin with no address field", async () => {
    const page = await openPane(`${stack.service.url}/addin/taskpane.html`);
    await expect(page.getByLabel("Tjänstens adress").count()).resolves.toBe(0);
    await expect(page.getByText(/^Tjänst:/).count()).resolves.toBe(0);
    await page.getByRole("textbox", { name: "Nyckel" }).fill(token);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText(`Inloggad som ${NAME}`).waitFor();
    await page.close();
  });

  it("When a remembered address is one the pane's policy blocks, then it says so, not that the service is down", async () => {
    const page = await openPane(`${stack.service.url}/addin/taskpane.html`, {
      serviceUrl: "https://samsyn.example.se",
      token,
    });
    await page.getByText(/Tillägget får inte nå den adressen/).waitFor();
    await expect(page.getByText(/går inte att nå/).count()).resolves.toBe(0);
    // Forgotten: the pane is ready to sign in to the service it may reach.
    await page.getByRole("textbox", { name: "Nyckel" }).waitFor();
    await expect(page.evaluate(() => localStorage.getItem("samsyn.credentials"))).resolves.toBeNull();
    await page.close();
  });

  it("When the pane is hosted elsewhere, then it names the configured service, reaches it, and its CSP blocks any other", async () => {
    const page = await openPane(hosted.url);
    const host = new URL(elsewhere.url).host;
    await page.getByText(`Tjänst: ${host}`).waitFor();
    await expect(page.getByLabel("Tjänstens adress").count()).resolves.toBe(0);
    await page.getByRole("textbox", { name: "Nyckel" }).fill(elsewhereToken);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText(`Inloggad som ${NAME}`).waitFor();
    // The policy is exact: the other service on this computer is blocked before a request leaves.
    const blocked = await page.evaluate(async (other) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const answer = await fetch(`${other}/healthz`).then(
        () => "answered",
        () => "blocked",
      );
      await new Promise((r) => setTimeout(r, 50));
      return { answer, violations };
    }, stack.service.url);
    expect(blocked).toEqual({ answer: "blocked", violations: ["connect-src"] });
    await page.close();
  });

  it("When host-pane is given a plain http address that is not this computer, then it refuses it", () => {
    expect(() =>
      execFileSync(
        process.execPath,
        ["scripts/host-pane.mjs", "--services", "http://samsyn.example.se", "-o", join(stack.dir, "x")],
        { stdio: "pipe" },
      ),
    ).toThrow(/https:\/\/samsyn\.example\.se/);
  });
});
