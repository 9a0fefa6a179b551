/**
 * One read of a workbook in a process of its own, for bench/cli.ts: `exceljs` (the whole
 * workbook loaded, the floor any exceljs tool pays) or `inspect` (what `samsyn inspect --json`
 * does). Prints the time of the read itself (modules already loaded) and the process's peak
 * resident memory, as JSON.
 * Usage: node --import tsx bench/read-child.ts exceljs|inspect file.xlsx
 */
export {};

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== "exceljs" && mode !== "inspect"))
  throw new Error("usage: read-child.ts exceljs|inspect file");

let read: () => Promise<unknown>;
if (mode === "exceljs") {
  const { default: ExcelJS } = await import("exceljs");
  read = () => new ExcelJS.Workbook().xlsx.readFile(file);
} else {
  const { inspectFile } = await import("../cli/inspect");
  read = async () => {
    const out = await inspectFile(file, { json: true });
    if (out.stdout.length === 0) throw new Error(out.stderr);
  };
}
const started = performance.now();
await read();
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
