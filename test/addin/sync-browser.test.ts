/**
 * Excel → service → the network's comparison → Excel, as users do it, in headless Chromium
 * (Debian's): the real service on PGlite, playgrounds for two associations' workbooks and a
 * participant list, the pane's own files in each. Sign in, read, send, fetch the comparison
 * (its totals recalculated by LibreOffice equal the service's); a copy of a workbook sending
 * from a stale base sees the conflict and chooses; with the service stopped the report waits,
 * and is sent once when it is back; signing out empties the storage. Every body the pane sends
 * is recorded and searched for identity numbers, birth dates and free text.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { loadBook } from "../../playground/fake-excel/xlsx";
import type { Playground } from "../../playground/server";
import type { WebServer } from "../../service/server";
import { MergedBudget } from "../../shared/merge";
import { shareableReports } from "../../shared/participants/share";
import { readWorkbook } from "../../shared/read-workbook";
import { readWorkbookFile } from "../../xlsx/read";
import { orgnr } from "../service/helpers";
import { fixture } from "../support/cli";
import { forbiddenIn } from "../support/glossary";
import { recalculate, shownValue } from "../support/libreoffice";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ADMIN = "browser-sync-admin-token-0123456789";

let stack: BrowserStack;
let dir: string;
let service: WebServer;
let browser: Browser;
const playgrounds: Record<"ale" | "info" | "deltagare", Playground> = {} as never;
const associations: Record<"ale" | "info" | "deltagare", { id: string; token: string; name: string }> =
  {} as never;
/** Every request body any pane sent, with its method and address. */
const sent: { method: string; url: string; body: string }[] = [];

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return stack.admin(path, init);
}

beforeAll(async () => {
  stack = await startBrowserStack({ name: "sync-browser", adminToken: ADMIN });
  ({ dir, service, browser } = stack);
  const orgnrs = { ale: orgnr(901), info: orgnr(902), deltagare: orgnr(903) };
  const names = {
    ale: "Samordningsförbundet Ale Kungälv Stenungsund Tjörn",
    info: "Samordningsförbundet Infosamverkan",
    deltagare: "Samordningsförbundet Lindesberg",
  };
  for (const key of ["ale", "info", "deltagare"] as const)
    associations[key] = { ...(await stack.createAssociation(names[key], orgnrs[key])), name: names[key] };
  const files = {
    ale: "ale-kungalv-stenungsund-tjorn-vp2008.xlsx",
    info: "infosamverkan-projektbudget.xlsx",
    deltagare: "samverkansteamet-deltagare-2014.xlsx",
  };
  for (const key of ["ale", "info", "deltagare"] as const)
    playgrounds[key] = await stack.startPlayground(files[key]);
});

afterAll(async () => {
  await stack?.close();
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pane: Frame;
  readonly outside: string[];
  readonly errors: string[];
}

/** A playground in a browser of its own (its own storage), office.js blocked as offline. */
async function open(playground: Playground): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1300, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (request) => {
    const body = request.postData();
    if (body !== null) sent.push({ method: request.method(), url: request.url(), body });
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(playground.url)) return route.continue();
    if (url !== OFFICE_JS) outside.push(`${route.request().method()} ${url}`);
    return route.abort();
  });
  await page.goto(playground.url);
  const handle = await page.getByTitle("Samsyns aktivitetsfönster").elementHandle();
  const pane = (await handle!.contentFrame())!;
  await pane.getByRole("button", { name: "Läs in" }).waitFor();
  return { context, page, pane, outside, errors };
}

async function signIn(pane: Frame, token: string, name: string): Promise<void> {
  // The address defaults to where the pane came from: the playground, which passes /api on.
  await pane.getByRole("textbox", { name: "Nyckel" }).fill(token);
  await pane.getByRole("button", { name: "Logga in" }).click();
  await pane.getByText(`Inloggad som ${name}`).waitFor();
}

async function readAndSend(pane: Frame, budgetYear?: string): Promise<void> {
  await pane.getByRole("button", { name: "Läs in" }).click();
  if (budgetYear) await pane.getByRole("textbox", { name: "Budgetår" }).fill(budgetYear);
  await pane
    .getByRole("tab", { name: /Tabeller|Nyckeltal/ })
    .first()
    .waitFor();
  await pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
  await pane.getByRole("button", { name: "Skicka till Samsyn" }).waitFor();
}

const bookOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __samsynFake: { json(): BookJson } }).__samsynFake.json());

/** Changes a number on the source sheet, as the user would by typing. */
async function editAmount(page: Page, sheet: string, row: number, col: number, delta: number): Promise<void> {
  await page.evaluate(
    ({ sheet, row, col, delta }) => {
      const fake = (
        window as unknown as {
          __samsynFake: {
            book: {
              sheet(n: string): {
                cell(r: number, c: number): { value: unknown } | undefined;
                patch(r: number, c: number, v: object): void;
              };
            };
          };
        }
      ).__samsynFake;
      const s = fake.book.sheet(sheet);
      s.patch(row, col, { value: Number(s.cell(row, col)?.value ?? 0) + delta });
    },
    { sheet, row, col, delta },
  );
}

async function revisions(key: "ale" | "info" | "deltagare", kind: string, period: string) {
  const res = await api(`/api/associations/${associations[key].id}/reports/${kind}/${period}/revisions`);
  return res.status === 200
    ? ((await res.json()) as { revisions: { revision: number; client: string; override: boolean }[] })
        .revisions
    : [];
}

function artifact(name: string): string {
  mkdirSync(resolve("test/artifacts"), { recursive: true });
  return resolve("test/artifacts", name);
}

describe("sync from Excel, in the browser", () => {
  it("sends two associations' budgets and brings the network's comparison back, with totals that add up", async () => {
    const ale = await open(playgrounds.ale);
    await signIn(ale.pane, associations.ale.token, associations.ale.name);
    await readAndSend(ale.pane);
    await ale.pane.getByText("Budget 2008: skickad som version 1").waitFor();

    const info = await open(playgrounds.info);
    await signIn(info.pane, associations.info.token, associations.info.name);
    await readAndSend(info.pane);
    await info.pane.getByText(/^Budget 2009: skickad som version 1/).waitFor();

    // The comparison starts at the workbook's own year (its 2008 budget), not the calendar's,
    // though the pane was open before the sheet was read.
    expect(await ale.pane.getByRole("textbox", { name: "År", exact: true }).inputValue()).toBe("2008");
    // The network meeting: the comparison for 2009 into the workbook.
    await ale.pane.getByRole("textbox", { name: "År", exact: true }).fill("2009");
    await ale.pane.getByRole("radio", { name: "Budget" }).check();
    await ale.pane.getByRole("button", { name: "Hämta sammanställning" }).click();
    await ale.pane
      .getByText("Sammanställningen finns på bladet Samsyn nätverk 2009: 2 av 3 förbund har rapporterat.")
      .waitFor();
    await ale.page
      .getByRole("tablist", { name: "Blad i arbetsboken" })
      .getByRole("tab", { name: "Samsyn nätverk 2009" })
      .click();
    await ale.page.getByRole("table", { name: "Bladet Samsyn nätverk 2009" }).waitFor();
    await ale.page.screenshot({ path: artifact("sync-comparison.png") });
    const book = await bookOf(ale.page);
    expect(book.sheets.map((s) => s.name)).toContain("Samsyn nätverk 2009");
    expect(
      (book.charts ?? [])
        .filter((c) => c.sheet === "Samsyn nätverk 2009")
        .map((c) => c.name)
        .sort(),
    ).toEqual(["Samsyn_kostnader", "Samsyn_overskott"]);

    // Opened and recalculated as a user's Excel would: the network totals are the service's.
    const [download] = await Promise.all([
      ale.page.waitForEvent("download"),
      ale.page.getByRole("button", { name: "Ladda ned arbetsboken" }).click(),
    ]);
    const file = join(dir, "ale-with-comparison.xlsx");
    await download.saveAs(file);
    const recalculated = await recalculate(file);
    const ws = recalculated.getWorksheet("Samsyn nätverk 2009")!;
    const view = MergedBudget.parse(await (await api("/api/merged/budget/2009")).json());
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "Nätverket totalt") totalRow = n;
    });
    expect(totalRow).toBeGreaterThan(0);
    const header = ws.getRow(totalRow - 1 - 1 - view.associations.length);
    const columnOf = (title: string) => {
      let at = 0;
      header.eachCell((cell, c) => {
        if (cell.value === title) at = c;
      });
      return at;
    };
    expect(shownValue(ws.getCell(totalRow, columnOf("Intäkter")))).toBe(view.network.income);
    expect(shownValue(ws.getCell(totalRow, columnOf("Kostnader")))).toBe(view.network.cost);
    expect(shownValue(ws.getCell(totalRow, columnOf("Över-/underskott")))).toBe(view.network.surplus);
    expect(shownValue(ws.getCell(totalRow, columnOf("Insatser")))).toBe(
      view.network.costByGroup.insatser ?? 0,
    );

    for (const o of [ale, info]) {
      expect(o.outside).toEqual([]);
      expect(o.errors).toEqual([]);
      await o.context.close();
    }
  });

  it("shows a copy of the workbook sending from a stale base the conflict, and records the user's choice", async () => {
    // Ale's plan filed under 2011 this time: a report new to the service, at revision 1 once sent.
    const first = await open(playgrounds.ale);
    await signIn(first.pane, associations.ale.token, associations.ale.name);
    await readAndSend(first.pane, "2011");
    await first.pane.getByText("Budget 2011: skickad som version 1").waitFor();
    const base = 1;
    // The workbook is e-mailed: a second copy, with the same cells and the same memory.
    const copy = await open(playgrounds.ale);
    const settings = (await bookOf(first.page)).settings;
    await copy.page.evaluate((entries) => {
      const fake = (window as unknown as { __samsynFake: { book: { settings: Map<string, unknown> } } })
        .__samsynFake;
      for (const [k, v] of entries) fake.book.settings.set(k, v);
    }, settings);
    await signIn(copy.pane, associations.ale.token, associations.ale.name);

    // The first copy's user changes a cost line and sends.
    await editAmount(first.page, "Budget 2008", 16, 1, 10);
    await readAndSend(first.pane, "2011");
    await first.pane.getByText(`Budget 2011: skickad som version ${base + 1}`).waitFor();

    // The second copy's user changes another line and sends from the old base.
    await editAmount(copy.page, "Budget 2008", 19, 1, 20);
    await readAndSend(copy.pane, "2011");
    const conflict = copy.pane.getByRole("region", {
      name: /Budget 2011: tjänsten har en version du inte har sett/,
    });
    await conflict.waitFor();
    await expect(conflict.getByText(/Skickad av .* \(från Excel\)/).isVisible()).resolves.toBe(true);
    // The key is named, never shown by its id; the pane's words are the glossary's.
    expect(forbiddenIn(await copy.pane.locator("body").innerText())).toEqual([]);
    expect(await conflict.getByRole("row").count()).toBeGreaterThan(1);
    await copy.page.screenshot({ path: artifact("sync-conflict.png") });
    expect((await revisions("ale", "budget", "2011")).length).toBe(base + 1);

    await conflict.getByRole("button", { name: "Skicka min version ändå" }).click();
    await copy.pane.getByText(`Budget 2011: skickad som version ${base + 2}`).waitFor();
    const history = await revisions("ale", "budget", "2011");
    expect(history.map((h) => [h.client, h.override]).slice(-2)).toEqual([
      ["addin", false],
      ["addin", true],
    ]);

    // The first copy is now stale; it keeps theirs this time: their version on its own sheet.
    await editAmount(first.page, "Budget 2008", 16, 1, 5);
    await readAndSend(first.pane, "2011");
    const again = first.pane.getByRole("region", { name: /Budget 2011: tjänsten har en version/ });
    await again.getByRole("button", { name: "Behåll deras" }).click();
    await first.pane.getByText(/Deras version finns på bladet Samsyn deras version/).waitFor();
    expect((await bookOf(first.page)).sheets.map((s) => s.name)).toContain("Samsyn deras version");
    expect((await revisions("ale", "budget", "2011")).length).toBe(base + 2);
    for (const o of [first, copy]) {
      expect(o.errors).toEqual([]);
      await o.context.close();
    }
  });

  it("after 'Behåll deras', sending the same sheet again asks again instead of overwriting theirs, and 'Skicka min version ändå' is recorded", async () => {
    // Copy A and copy B of one workbook, both at version 1 of the plan filed under 2012.
    const a = await open(playgrounds.ale);
    await signIn(a.pane, associations.ale.token, associations.ale.name);
    await readAndSend(a.pane, "2012");
    await a.pane.getByText("Budget 2012: skickad som version 1").waitFor();
    const b = await open(playgrounds.ale);
    const settings = (await bookOf(a.page)).settings;
    await b.page.evaluate((entries) => {
      const fake = (window as unknown as { __samsynFake: { book: { settings: Map<string, unknown> } } })
        .__samsynFake;
      for (const [k, v] of entries) fake.book.settings.set(k, v);
    }, settings);
    await signIn(b.pane, associations.ale.token, associations.ale.name);

    // A's colleague raises a cost line and sends: version 2.
    await editAmount(a.page, "Budget 2008", 16, 1, 100);
    await readAndSend(a.pane, "2012");
    await a.pane.getByText("Budget 2012: skickad som version 2").waitFor();

    // B's user changes the same line otherwise: a conflict; they keep theirs.
    await editAmount(b.page, "Budget 2008", 16, 1, 50);
    await readAndSend(b.pane, "2012");
    const conflict = b.pane.getByRole("region", { name: /Budget 2012: tjänsten har en version du inte/ });
    await conflict.getByRole("button", { name: "Behåll deras" }).click();
    await b.pane.getByText(/Arbetsboken bygger nu på den/).waitFor();

    // B presses "Skicka till Samsyn" again with the sheet unchanged: asked again, nothing sent.
    await b.pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    const asked = b.pane.getByRole("region", {
      name: "Budget 2012: bladet har andra siffror än versionen du behöll",
    });
    await asked.waitFor();
    await expect(asked.getByText("(version 2)").isVisible()).resolves.toBe(true);
    expect(await asked.getByRole("row").count()).toBe(2);
    // At the pane's 320 px, theirs and mine (seven figures each) stay inside their own cells.
    const spilled = await asked
      .getByRole("cell")
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(spilled).toEqual([]);
    await b.page.screenshot({ path: artifact("sync-kept-theirs-asked-again.png") });
    expect((await revisions("ale", "budget", "2012")).map((h) => h.override)).toEqual([false, false]);

    // Mine anyway: version 3, and the history says it was sent over theirs knowingly.
    await asked.getByRole("button", { name: "Skicka min version ändå" }).click();
    await b.pane.getByText("Budget 2012: skickad som version 3").waitFor();
    expect((await revisions("ale", "budget", "2012")).map((h) => [h.client, h.override])).toEqual([
      ["addin", false],
      ["addin", false],
      ["addin", true],
    ]);
    for (const o of [a, b]) {
      expect(o.errors).toEqual([]);
      await o.context.close();
    }
  });

  it("previews each report with the figures exactly as they leave, sends only what is ticked, for the period the key figures show", async () => {
    const res = await api("/api/associations", {
      method: "POST",
      body: JSON.stringify({ name: "Samordningsförbundet Förhandsvisning", orgnr: orgnr(904) }),
    });
    const assoc = (await res.json()) as { id: string; token: string };
    const before = sent.length;
    const p = await open(playgrounds.deltagare);
    await signIn(p.pane, assoc.token, "Samordningsförbundet Förhandsvisning");
    await p.pane.getByRole("button", { name: "Läs in" }).click();
    const preview = p.pane.getByRole("region", { name: "Det här skickas" });
    // The list runs from 2014 into 2015: 2014, the latest full year, is ticked; 2015 is not offered unasked.
    await preview.getByRole("checkbox", { name: "Deltagare 2014" }).waitFor();
    expect(await preview.getByRole("checkbox").count()).toBe(1);
    await expect(preview.getByRole("checkbox", { name: "Deltagare 2014" }).isChecked()).resolves.toBe(true);

    // The key figures are for that period: those closed in 2014, not the whole list.
    await p.pane.getByRole("tab", { name: "Nyckeltal" }).click();
    const figures = p.pane.getByRole("region", { name: "Nyckeltal för 2014" });
    await figures.waitFor();
    const keyFigure = async (term: string) =>
      (
        await figures
          .locator("dt", { hasText: term })
          .locator("xpath=following-sibling::dd[1]")
          .first()
          .textContent()
      )?.trim();
    expect(await keyFigure("Avslutade")).toBe("20");
    expect(await keyFigure("Genomsnittlig insatstid (dagar)")).toBe("199,7");

    // The user picks the second half of 2014 in the key figures: the preview follows.
    await figures.getByRole("combobox", { name: "Period" }).selectOption({ label: "jul–dec 2014" });
    await p.pane.getByRole("region", { name: "Nyckeltal för jul–dec 2014" }).waitFor();
    const ticked = preview.getByRole("checkbox", { name: "Deltagare jul–dec 2014" });
    await ticked.waitFor();
    await preview.getByRole("button", { name: /^Visa siffrorna/ }).click();
    const table = preview.getByRole("table", { name: "Deltagare jul–dec 2014" });
    await table.waitFor();
    const shown = await table
      .locator("tr[data-path]")
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute("data-path")!, r.lastElementChild!.textContent!.trim()] as const),
      );
    await p.page.screenshot({ path: artifact("sync-preview.png") });

    await p.pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    await p.pane.getByText("Deltagare jul–dec 2014: skickad som version 1").waitFor();

    // Exactly one report left: the one ticked, for the period chosen.
    const puts = sent
      .slice(before)
      .filter((s) => s.method === "PUT" && s.url.startsWith(playgrounds.deltagare.url));
    expect(
      puts.map((s) => decodeURIComponent(new URL(s.url).pathname).split("/").slice(-2).join("/")),
    ).toEqual(["participants/2014-H2"]);
    // Each figure the preview showed is the body's, formatted; a hidden one is "..".
    const body = JSON.parse(puts[0]!.body) as {
      keyFigures: Record<string, unknown>;
      suppression: { suppressed: string[] };
    };
    const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
    const flat = new Map<string, unknown>();
    const walk = (v: unknown, path: string) => {
      if (v !== null && typeof v === "object")
        for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      else flat.set(path, v);
    };
    walk(body.keyFigures, "keyFigures");
    const expected = (path: string): string => {
      const v = flat.get(path);
      const inner = path.slice("keyFigures.".length);
      if (v === null || v === undefined) return body.suppression.suppressed.includes(inner) ? ".." : "–";
      // A share in per cent with one decimal, as the page rounds it (the catalogue's rounding).
      if (inner === "shareClosedToWorkOrStudies")
        return `${number.format(Math.round((v as number) * 1000) / 10)} %`;
      return number.format(v as number);
    };
    const norm = (t: string) => t.replace(/\s/g, " ");
    expect(shown.map(([path, text]) => [path, norm(text)])).toEqual(
      shown.map(([path]) => [path, norm(expected(path))]),
    );
    // And the preview left none of the body's figures out.
    const hiddenWhole = body.suppression.suppressed.includes("byHemkommun");
    expect(shown.map(([path]) => path).sort()).toEqual(
      [...flat.keys(), ...(hiddenWhole ? ["keyFigures.byHemkommun"] : [])].sort(),
    );
    expect(shown.some(([, text]) => text === "..")).toBe(true);

    // Unticked, nothing can be sent.
    await p.pane.getByRole("checkbox", { name: "Deltagare jul–dec 2014" }).uncheck();
    await p.pane.getByText("Kryssa i minst en rapport för att skicka.").waitFor();
    await expect(p.pane.getByRole("button", { name: "Skicka till Samsyn" }).isDisabled()).resolves.toBe(true);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it("hides one more figure when the period chosen could be subtracted from what the association published: jul–dec 2014 after 2014", async () => {
    const res = await api("/api/associations", {
      method: "POST",
      body: JSON.stringify({ name: "Samordningsförbundet Helår först", orgnr: orgnr(905) }),
    });
    const assoc = (await res.json()) as { id: string; token: string };
    // The year 2014 is already published, as the list gives it: 20 closed.
    const reading = readWorkbook(await readWorkbookFile(fixture("samverkansteamet-deltagare-2014.xlsx")));
    const year = shareableReports(reading.participantReadings[0]!, { period: "2014" })[0]!;
    expect(year.keyFigures.closed).toBe(20);
    const put = await fetch(`${service.url}/api/associations/${assoc.id}/reports/participants/2014`, {
      method: "PUT",
      headers: { authorization: `Bearer ${assoc.token}`, "content-type": "application/json" },
      body: JSON.stringify(year),
    });
    expect(put.status).toBe(201);

    const before = sent.length;
    const p = await open(playgrounds.deltagare);
    await signIn(p.pane, assoc.token, "Samordningsförbundet Helår först");
    await p.pane.getByRole("button", { name: "Läs in" }).click();
    await p.pane.getByRole("tab", { name: "Nyckeltal" }).click();
    const figures = p.pane.getByRole("region", { name: "Nyckeltal för 2014" });
    await figures.getByRole("combobox", { name: "Period" }).selectOption({ label: "jul–dec 2014" });
    const preview = p.pane.getByRole("region", { name: "Det här skickas" });
    await preview.getByRole("checkbox", { name: "Deltagare jul–dec 2014" }).waitFor();
    await preview.getByRole("button", { name: /^Visa siffrorna/ }).click();
    const table = preview.getByRole("table", { name: "Deltagare jul–dec 2014" });
    // Alone, jul–dec shows 17 closed; beside the published year's 20 it would give jan–jun's 3.
    const closed = table.locator('tr[data-path="keyFigures.closed"]').locator("td").last();
    expect((await closed.textContent())?.trim()).toBe("..");
    await p.pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    await p.pane.getByText("Deltagare jul–dec 2014: skickad som version 1").waitFor();
    const puts = sent.slice(before).filter((s) => s.method === "PUT");
    expect(puts.length).toBe(1);
    const body = JSON.parse(puts[0]!.body) as { keyFigures: { closed: number | null; new: number | null } };
    expect(body.keyFigures).toMatchObject({ closed: null, new: 24 });
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it("keeps a participant report waiting while the service is down, sends it once when it is back, and forgets the token at sign-out", async () => {
    const before = sent.length;
    const p = await open(playgrounds.deltagare);
    await signIn(p.pane, associations.deltagare.token, associations.deltagare.name);
    await p.pane.getByRole("button", { name: "Läs in" }).click();
    await p.pane.getByRole("tab", { name: "Nyckeltal" }).waitFor();

    await service.close();
    await p.pane.getByRole("button", { name: "Skicka till Samsyn" }).click();
    await p.pane.getByText(/^\d+ rapporte?r? väntar på att skickas$/).waitFor();
    const waiting = Number(
      (await p.pane
        .getByText(/väntar på att skickas$/)
        .first()
        .textContent())!.split(" ")[0],
    );
    expect(waiting).toBeGreaterThan(0);
    await p.page.screenshot({ path: artifact("sync-waiting.png") });

    service = await stack.restartService();
    await p.pane.getByRole("button", { name: "Försök igen" }).click();
    await p.pane.getByText(/^Deltagare 2014: skickad som version 1$/).waitFor();
    await expect(p.pane.getByText(/väntar på att skickas$/).count()).resolves.toBe(0);
    expect((await revisions("deltagare", "participants", "2014")).length).toBe(1);
    // Trying again sends nothing twice.
    await p.pane.getByRole("button", { name: "Logga ut" }).waitFor();
    expect((await revisions("deltagare", "participants", "2014")).length).toBe(1);

    // The network's participant comparison, suppressed counts marked.
    await p.pane.getByRole("textbox", { name: "År", exact: true }).fill("2014");
    await p.pane.getByRole("radio", { name: "Deltagare" }).check();
    await p.pane.getByRole("button", { name: "Hämta sammanställning" }).click();
    await p.pane.getByText(/Sammanställningen finns på bladet Samsyn nätverk deltagare 2014/).waitFor();

    // Signing out leaves no token in the pane's storage.
    const stored = () => p.pane.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(await stored()).toContain(associations.deltagare.token);
    await p.pane.getByRole("button", { name: "Logga ut" }).click();
    await p.pane.getByRole("button", { name: "Logga in" }).waitFor();
    expect(await stored()).not.toContain(associations.deltagare.token);
    expect(await stored()).toBe("[]");
    // Nor did the token ever reach the workbook.
    expect(JSON.stringify(await bookOf(p.page))).not.toContain(associations.deltagare.token);

    // Every body the pane sent in this run: no identity number, birth date or free text of a participant.
    const bodies = sent.slice(before).filter((s) => s.url.startsWith(playgrounds.deltagare.url));
    expect(bodies.filter((b) => b.method === "PUT").length).toBeGreaterThan(0);
    const source = await loadBook(fixture("samverkansteamet-deltagare-2014.xlsx"));
    const texts = new Set<string>();
    for (const sheet of source.sheets)
      for (const cell of sheet.cells.values())
        if (typeof cell.value === "string" && cell.value.trim().length >= 4) texts.add(cell.value.trim());
    for (const { body } of bodies) {
      expect(body).not.toMatch(/\b(19|20)?\d{6}[-+]?\d{4}\b/);
      expect(body).not.toMatch(/\b(19|20)\d{2}-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])\b/);
      const leaked = [...texts].filter((t) => body.includes(JSON.stringify(t).slice(1, -1)));
      // Municipality names are the keys of an aggregate; nothing else of the sheet may appear.
      expect(leaked.filter((t) => !/^[A-ZÅÄÖ][a-zåäö]+$/.test(t))).toEqual([]);
    }
    expect(p.outside).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});

describe("focus in the pane", () => {
  it("When the user signs in and when they send, then focus moves to the result: the failure, who is signed in, what became of the report", async () => {
    const name = "Samordningsförbundet Fokus";
    const { token } = await stack.createAssociation(name, orgnr(911));
    const p = await open(await stack.startPlayground("infosamverkan-projektbudget.xlsx"));
    const focused = () =>
      p.pane.evaluate(() => ({
        tag: document.activeElement?.tagName ?? "",
        text: document.activeElement?.textContent?.trim() ?? "",
        // The message itself, not the page around it (focus lost falls back to the body).
        alert:
          document.activeElement !== document.body &&
          document.activeElement?.querySelector('[role="alert"]') !== null,
      }));

    await p.pane.getByRole("textbox", { name: "Nyckel" }).fill("inte-en-nyckel-som-finns-0123456789");
    await p.pane.getByRole("button", { name: "Logga in" }).click();
    await p.pane.getByRole("alert").waitFor();
    await expect.poll(async () => (await focused()).alert).toBe(true);

    await signIn(p.pane, token, name);
    await expect.poll(async () => (await focused()).text).toBe(`Inloggad som ${name}`);

    await readAndSend(p.pane);
    await p.pane.getByText(/^Budget 2009: skickad som version 1/).waitFor();
    await expect.poll(async () => (await focused()).tag).toBe("UL");
    expect((await focused()).text).toMatch(/^Budget 2009: skickad som version 1/);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
