/**
 * The merged workbook as its users get it stays the same however it is written: read back
 * through exceljs, every sheet, cell, formula with its saved result, number format, font,
 * table, column width, frozen pane and print setting equals what the writer gave before it was
 * made faster (merged-workbook.model.json, written by the exceljs-only writer of December 2026),
 * but for changes made on purpose since: the share to work or studies in per cent, the age
 * bands with an en dash ("18–24"), and each key figure under its one name from the catalogue
 * ("Till arbete eller studier", "Genomsnittlig insatstid (dagar)", "Ålder vid start: 18–24").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildMergedWorkbook, mergedWorkbook } from "../../service/merged-workbook";
import { merge } from "../../shared/merge";
import { xlsxBuffer } from "../../xlsx/write";
import { deflateStoredZip } from "../../xlsx/zip";
import { budgetReport, participantsReport } from "./helpers";
import { sampleViews, workbookModel } from "./workbook-model";

const before = JSON.parse(
  readFileSync(new URL("./merged-workbook.model.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const views = sampleViews(merge, { budgetReport, participantsReport });

describe("merged workbook, as written", () => {
  for (const [kind, view] of Object.entries(views))
    it(`When the ${kind} workbook is written, then read back it is what the writer gave before`, async () => {
      expect(await workbookModel(await mergedWorkbook(view))).toEqual(before[kind]);
    });

  it("When a workbook is packed through Node's zlib, then it reads back as exceljs's own packing and is as small", async () => {
    const own = Buffer.from(await buildMergedWorkbook(views.budget).xlsx.writeBuffer());
    const ours = await xlsxBuffer(buildMergedWorkbook(views.budget));
    expect(await workbookModel(ours)).toEqual(await workbookModel(own));
    expect(ours.length).toBeLessThan(own.length * 1.1);
  });

  it("When the package handed over is not stored but already deflated, then it is refused, not repacked wrong", async () => {
    const deflated = Buffer.from(await buildMergedWorkbook(views.participants).xlsx.writeBuffer());
    expect(() => deflateStoredZip(deflated)).toThrow(/not a stored part/);
  });
});
