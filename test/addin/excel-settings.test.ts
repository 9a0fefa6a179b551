/**
 * The workbook's settings have a ceiling (Microsoft documents 2 MB at most for an add-in's
 * settings, office-js#621; Excel refused from around 1 MB in office-js#3957). The fake refuses
 * past it; the pane bounds its outbox, writes memory and outbox apart, and says when a report is
 * too large to wait in the workbook.
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "../../addin/convert";
import { OUTBOX_LIMIT, readSyncSettings } from "../../addin/excel/sync-memory";
import { reportsToSend, type SendItem, sendReports } from "../../addin/sync/flow";
import type { ServiceClient } from "../../addin/sync/service";
import { en } from "../../addin/ui/strings/en";
import { sv } from "../../addin/ui/strings/sv";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { SETTINGS_CEILING } from "../../playground/fake-excel/settings";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { ClientFailure } from "../../shared/client";

const FIXTURES = resolve("../shared/fixtures");

/** A service that takes the first `up` sends and is unreachable after. */
function flakyService(up: number): ServiceClient {
  let sends = 0;
  return {
    send: async () => {
      if (sends++ < up) return { status: "sent", revision: 1 };
      throw new ClientFailure("unreachable");
    },
  } as unknown as ServiceClient;
}

async function budgetItems(book: FakeBook): Promise<SendItem[]> {
  const imported = await importSource(fakeHost(book), { kind: "active" });
  return reportsToSend(imported.reading, "forbund-1");
}

describe("When the workbook's settings would pass Excel's ceiling", () => {
  it("then the fake refuses the setting, as Excel does, and keeps what it had", async () => {
    const book = FakeBook.fromGrids([]);
    book.addSheet("Blad1");
    const host = fakeHost(book);
    await host.run(async (context) => {
      context.workbook.settings.add("a", "x".repeat(SETTINGS_CEILING / 2));
      await context.sync();
    });
    const refused = await host
      .run(async (context) => {
        context.workbook.settings.add("b", "y".repeat(SETTINGS_CEILING / 2));
        await context.sync();
      })
      .catch((e: unknown) => (e as { code: string }).code);
    expect(refused).toBe("InvalidArgument");
    expect([...book.settings.keys()]).toEqual(["a"]);
  });

  it("then a send that succeeded is remembered even when the outbox beside it is refused", async () => {
    const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const host = fakeHost(book);
    const [item] = await budgetItems(book);
    // The workbook's settings are nearly full (large outputs of other sheets, say).
    book.settings.set("other", "z".repeat(SETTINGS_CEILING - 4000));
    const second: SendItem = { ...item!, address: { ...item!.address, period: "2009" } };
    const done = await sendReports(host, flakyService(1), [item!, second]);
    expect(done.results.map((r) => r.status)).toEqual(["sent", "too-large-to-wait"]);
    const stored = await readSyncSettings(host);
    // The memory of the first send is kept: the next send builds on revision 1, no conflict with oneself.
    expect(Object.values(stored.memory["forbund-1"] ?? {}).map((m) => m.revision)).toEqual([1]);
    expect(stored.outbox).toEqual([]);
  });

  it("then a report too large to wait is said so, and the outbox stays within its bound", async () => {
    const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const host = fakeHost(book);
    const [item] = await budgetItems(book);
    const report = item!.report as { lines: unknown[] };
    const huge: SendItem = {
      ...item!,
      address: { ...item!.address, period: "2010" },
      report: {
        ...item!.report,
        lines: Array.from({ length: 4000 }, () => report.lines).flat(),
      } as SendItem["report"],
    };
    expect(JSON.stringify(huge.report).length).toBeGreaterThan(OUTBOX_LIMIT);
    const done = await sendReports(host, flakyService(0), [item!, huge]);
    expect(done.results.map((r) => r.status)).toEqual(["queued", "too-large-to-wait"]);
    const stored = await readSyncSettings(host);
    expect(stored.outbox).toHaveLength(1);
    expect(JSON.stringify(stored.outbox).length).toBeLessThanOrEqual(OUTBOX_LIMIT);
    // The user reads why, in both languages, and what to do.
    expect(sv.sync.tooLargeToWait).toMatch(/för stor för att vänta i arbetsboken/);
    expect(en.sync.tooLargeToWait).toMatch(/too large to wait in the workbook/);
  });
});
