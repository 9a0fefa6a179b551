/**
 * "Ladda ned arbetsboken" prints as `samsyn convert`'s file does: the playground's server is
 * given what the page sends after the pane wrote (the book and its layout: the source sheet's
 * widths, bold and fonts, the written sheets' widths and print settings); the download and
 * convert's file are printed to PDF by LibreOffice (headless) and compared: no more pages, and
 * no "###" beyond what the user's own sheet already prints. Each formula carries its value.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { convertFile } from "../../cli/inspect";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { applyLayout, type BookWithLayout, layoutOf } from "../../playground/fake-excel/layout";
import { startPlayground } from "../../playground/server";
import { fixture } from "../support/cli";
import { convertWithLibreOffice } from "../support/libreoffice";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "samsyn-download-print-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file printed by LibreOffice: its page count and how often "###" shows. */
async function printed(file: string): Promise<{ pages: number; hashes: number }> {
  await convertWithLibreOffice(file, "pdf", dir, mkdtempSync(join(dir, "lo-")));
  const pdf = file.replace(/\.xlsx$/, ".pdf");
  const info = (await run("pdfinfo", [pdf])).stdout;
  const text = (await run("pdftotext", [pdf, "-"])).stdout;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), hashes: text.split("###").length - 1 };
}

/** What the page does: opens the playground's book, lets the pane write, and downloads it. */
async function download(file: string, sheet: string | null): Promise<string> {
  const playground = await startPlayground({
    port: 0,
    file: fixture(file),
    logger: pino({ level: "silent" }),
  });
  try {
    const start = (await (await fetch(`${playground.url}playground/book.json`)).json()) as BookWithLayout;
    const book = applyLayout(FakeBook.fromJSON(start), start.layout);
    if (sheet) book.active = book.sheet(sheet);
    await convert(fakeHost(book), { kind: "active" });
    const sent: BookWithLayout = JSON.parse(JSON.stringify({ ...book.toJSON(), layout: layoutOf(book) }));
    const answer = await fetch(`${playground.url}playground/download`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(sent),
    });
    expect(answer.status).toBe(200);
    const out = join(dir, `${file.replace(/\.xlsx$/, "")}-download.xlsx`);
    writeFileSync(out, Buffer.from(await answer.arrayBuffer()));
    return out;
  } finally {
    await playground.close();
  }
}

describe("When the playground's workbook is downloaded and printed", () => {
  it.each([
    ["ale-kungalv-stenungsund-tjorn-vp2008.xlsx", "Budget 2008"],
    ["samverkansteamet-deltagare-2014.xlsx", null],
  ])(
    "then %s prints on no more pages than convert's, with no ### the user's own sheet does not already print",
    async (file, sheet) => {
      const downloaded = await download(file, sheet);
      const converted = join(dir, `${file.replace(/\.xlsx$/, "")}-convert.xlsx`);
      await convertFile(fixture(file), converted, {});
      const original = join(dir, file);
      copyFileSync(fixture(file), original);
      const [down, conv, own] = await Promise.all([
        printed(downloaded),
        printed(converted),
        printed(original),
      ]);
      expect(down.pages).toBeLessThanOrEqual(conv.pages);
      expect(down.hashes).toBeLessThanOrEqual(own.hashes);

      // Every formula the pane wrote carries its value, as convert's do.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(downloaded);
      const blanks: string[] = [];
      for (const ws of wb.worksheets.filter((w) => w.name.startsWith("Samsyn ")))
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (
              cell.type === ExcelJS.ValueType.Formula &&
              (cell.result === undefined || cell.result === null)
            )
              blanks.push(`${ws.name}!${cell.address}`);
          }),
        );
      expect(blanks).toEqual([]);
    },
    180_000,
  );

  it("then the source sheet keeps its column widths, bold and fonts, and a written sheet its print settings", async () => {
    const downloaded = await download("ale-kungalv-stenungsund-tjorn-vp2008.xlsx", "Budget 2008");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const source = wb.getWorksheet("Budget 2008")!;
    expect(source.getColumn(1).width).toBe(70);
    expect(source.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(source.getCell("A9").font).toMatchObject({ italic: true, size: 9 });
    const budget = wb.worksheets.find((w) => w.name.startsWith("Samsyn Budget"))!;
    expect(budget.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(budget.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(budget.headerFooter.oddHeader).toBe("&CVerksamhetsplan med budget 2008");
  }, 60_000);
});
