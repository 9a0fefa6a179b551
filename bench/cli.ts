/**
 * inspect and convert on large workbooks, beside exceljs's own read and write of the same
 * file: the baseline is what any tool built on exceljs must pay; the ratio is our overhead.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { convertFile } from "../cli/inspect";
import { inspectResult, readWorkbook } from "../shared/inspect";
import { readWorkbookFile } from "../xlsx/read";
import { largeBudgetWorkbook, largeParticipantWorkbook } from "./workbooks";

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Median of `runs` timings, after one warm-up run. */
async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(run));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function compare(label: string, workbook: ExcelJS.Workbook, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "samsyn-bench-"));
  const file = join(dir, "in.xlsx");
  await workbook.xlsx.writeFile(file);

  const excelRead = await median(runs, async () => new ExcelJS.Workbook().xlsx.readFile(file));
  let tables = 0;
  const inspect = await median(runs, async () => {
    const reading = readWorkbook(await readWorkbookFile(file));
    tables = reading.tables.length;
    JSON.stringify(inspectResult(reading, file));
  });
  const excelReadWrite = await median(runs, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(join(dir, "baseline.xlsx"));
  });
  const convert = await median(runs, async () => convertFile(file, join(dir, "out.xlsx"), {}));
  // exceljs's own cost for the same output: read the input, write the converted workbook.
  const converted = new ExcelJS.Workbook();
  await converted.xlsx.readFile(join(dir, "out.xlsx"));
  const excelWriteOut = await median(runs, async () =>
    converted.xlsx.writeFile(join(dir, "baseline-out.xlsx")),
  );

  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;
  const ratio = (ours: number, base: number) => `ratio ${(ours / base).toFixed(2)}×`;
  console.log(`\n${label} (${tables} tables found; median of ${runs})`);
  console.log(`  exceljs read                          ${ms(excelRead)}`);
  console.log(`  samsyn inspect                        ${ms(inspect)}   ${ratio(inspect, excelRead)}`);
  console.log(`  exceljs read + write (same file)      ${ms(excelReadWrite)}`);
  console.log(`  exceljs read + write (converted file) ${ms(excelRead + excelWriteOut)}`);
  console.log(
    `  samsyn convert                        ${ms(convert)}   ${ratio(convert, excelReadWrite)} (same file), ${ratio(convert, excelRead + excelWriteOut)} (converted file)`,
  );
}

export async function bench(): Promise<void> {
  await compare("Budget, 10 000 lines × 10 periods", largeBudgetWorkbook(10_000, 10), 3);
  await compare("Participants, 100 000 rows", largeParticipantWorkbook(100_000), 3);
}
