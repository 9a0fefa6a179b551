/**
 * Recalculates a workbook in LibreOffice Calc (headless), the way a real spreadsheet engine
 * would, and saves it with every formula's result cached, for exceljs to read back.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

const run = promisify(execFile);

/** A LibreOffice profile that recalculates OOXML files on load instead of trusting cached values. */
function recalcProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "samsyn-lo-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  return dir;
}

/**
 * LibreOffice (headless) converting `file` into `outDir` as `to` ("pdf", or a filter such as
 * "xlsx:Calc MS Excel 2007 XML"), in a profile of its own: two conversions at once do not share one.
 */
export async function convertWithLibreOffice(
  file: string,
  to: string,
  outDir: string,
  profile: string = mkdtempSync(join(tmpdir(), "samsyn-lo-")),
): Promise<void> {
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 120_000 },
  );
}

/** Opens `file` in LibreOffice, recalculates, saves as .xlsx in a new folder; returns the workbook read back. */
export async function recalculate(file: string): Promise<ExcelJS.Workbook> {
  const outDir = mkdtempSync(join(tmpdir(), "samsyn-recalc-"));
  await convertWithLibreOffice(file, "xlsx:Calc MS Excel 2007 XML", outDir, recalcProfile());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(outDir, basename(file)));
  return workbook;
}

/** The value a cell shows after recalculation: a formula's result, else its value. */
export function shownValue(cell: ExcelJS.Cell): unknown {
  // Not cell.value: exceljs drops a formula result of 0 from it.
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}
