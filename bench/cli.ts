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

const medianOf = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * inspect and convert beside exceljs's read and write, timed in turns — one round runs every way
 * once — so that a machine busy for a while slows ours and the baseline alike; medians of
 * `runs` rounds after a warm-up round. Timed one way after the other, the baseline's write and
 * convert came out anywhere from 0.8× to 2.1× of each other on a busy machine.
 */
async function compare(label: string, workbook: ExcelJS.Workbook, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "samsyn-bench-"));
  const file = join(dir, "in.xlsx");
  await workbook.xlsx.writeFile(file);
  // exceljs's own cost for the same output is a write of the converted workbook: convert once to have it.
  const converted = join(dir, "converted.xlsx");
  await convertFile(file, converted, {});

  let tables = 0;
  // Each way gives the time it took. The baseline writes a converted workbook it has just read,
  // as convert writes the workbook it has just read: exceljs's first write of a workbook takes
  // about 15 % longer than writing the same workbook again, so a baseline that wrote one
  // workbook over and over came out too cheap.
  const ways = {
    excelRead: () => timed(async () => new ExcelJS.Workbook().xlsx.readFile(file)),
    inspect: () =>
      timed(async () => {
        const reading = readWorkbook(await readWorkbookFile(file));
        tables = reading.tables.length;
        JSON.stringify(inspectResult(reading, file));
      }),
    excelReadWrite: () =>
      timed(async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        await wb.xlsx.writeFile(join(dir, "baseline.xlsx"));
      }),
    convert: () => timed(async () => convertFile(file, join(dir, "out.xlsx"), {})),
    excelWriteOut: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(converted);
      return timed(async () => wb.xlsx.writeFile(join(dir, "baseline-out.xlsx")));
    },
  };
  type Way = keyof typeof ways;
  const times = Object.fromEntries(Object.keys(ways).map((k) => [k, [] as number[]])) as Record<
    Way,
    number[]
  >;
  for (let round = 0; round <= runs; round++)
    for (const way of Object.keys(ways) as Way[]) {
      const ms = await ways[way]();
      if (round > 0) times[way].push(ms);
    }
  const excelRead = medianOf(times.excelRead);
  const inspect = medianOf(times.inspect);
  const excelReadWrite = medianOf(times.excelReadWrite);
  const convert = medianOf(times.convert);
  const excelWriteOut = medianOf(times.excelWriteOut);

  const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`;
  const ratio = (ours: number, base: number) => `ratio ${(ours / base).toFixed(2)}×`;
  console.log(`\n${label} (${tables} tables found; median of ${runs} interleaved rounds)`);
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
  // The budget first: the participant list's workbook, once made, is held in this process's heap.
  await compare("Budget, 10 000 lines × 10 periods", largeBudgetWorkbook(10_000, 10), 5);
  const participants = largeParticipantWorkbook(100_000);
  await sideBySide("Participants, 100 000 rows", participants, 3);
  await compare("Participants, 100 000 rows", participants, 3);
}
