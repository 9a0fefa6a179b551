/**
 * inspect and convert on large workbooks, beside exceljs's own read and write of the same
 * file: the baseline is what any tool built on exceljs must pay; the ratio is our overhead.
 * inspect reads through exceljs's streaming reader, so beside the whole-workbook read it is
 * also measured in processes of its own, for its peak memory.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { convertFile } from "../cli/inspect";
import { inspectResult, readWorkbook } from "../shared/read-workbook";
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

interface ChildRead {
  readonly ms: number;
  readonly maxRssMb: number;
}

const child = resolve(import.meta.dirname, "read-child.ts");

/** One read in a fresh process (bench/read-child.ts), so the two reads never share a heap. */
async function readInChild(mode: "exceljs" | "inspect", file: string): Promise<ChildRead> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", child, mode, file], {
    cwd: resolve(import.meta.dirname, ".."),
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ChildRead;
}

const medianOf = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * `samsyn inspect` beside a plain exceljs read of the same file, each in its own process, in
 * turns: the time of the read (modules loaded) and the process's peak resident memory.
 */
async function sideBySide(label: string, workbook: ExcelJS.Workbook, runs: number): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), "samsyn-bench-")), "in.xlsx");
  await workbook.xlsx.writeFile(file);
  const ours: ChildRead[] = [];
  const floor: ChildRead[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await readInChild("exceljs", file));
    ours.push(await readInChild("inspect", file));
  }
  const ms = (xs: ChildRead[]) => medianOf(xs.map((x) => x.ms));
  const mb = (xs: ChildRead[]) => medianOf(xs.map((x) => x.maxRssMb));
  const row = (what: string, time: number, memory: number) =>
    `  ${what.padEnd(38)}${time.toFixed(0).padStart(7)} ms ${memory.toFixed(0).padStart(7)} MB`;
  console.log(`\n${label}, each in its own process (median of ${runs}; aim ≤ 1.0× time, ≤ 0.6× memory)`);
  console.log(row("exceljs read (whole workbook)", ms(floor), mb(floor)));
  console.log(
    `${row("samsyn inspect --json (streaming)", ms(ours), mb(ours))}   ratio ${(ms(ours) / ms(floor)).toFixed(2)}× time, ${(mb(ours) / mb(floor)).toFixed(2)}× peak memory`,
  );
}

export async function bench(): Promise<void> {
  const participants = largeParticipantWorkbook(100_000);
  await sideBySide("Participants, 100 000 rows", participants, 3);
  await compare("Budget, 10 000 lines × 10 periods", largeBudgetWorkbook(10_000, 10), 3);
  await compare("Participants, 100 000 rows", participants, 3);
}
