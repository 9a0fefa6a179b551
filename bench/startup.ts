/**
 * `samsyn inspect` as whole processes, as a user runs it: the built command (bin/samsyn.js),
 * the same TypeScript run through tsx (how it ran before the build), and the floor any
 * exceljs tool pays — Node starting, loading exceljs and reading the same file. Runs are
 * interleaved so that a busy machine slows all three alike; medians are printed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { largeBudgetWorkbook } from "./workbooks";

const ROOT = resolve(import.meta.dirname, "..");
const SMALL = resolve(ROOT, "../shared/fixtures/ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
const RUNS = 9;

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  // inspect exits 1 when the workbook has errors; anything else means the run did not do its work.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${args.join(" ")}: exit ${run.status} ${run.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function compare(label: string, file: string): void {
  const ways = {
    floor: [
      "--input-type=module",
      "-e",
      `const E=(await import("exceljs")).default; await new E.Workbook().xlsx.readFile(${JSON.stringify(file)});`,
    ],
    built: ["bin/samsyn.js", "inspect", file],
    tsx: ["--import", "tsx", "cli/main.ts", "inspect", file],
  };
  const times: Record<keyof typeof ways, number[]> = { floor: [], built: [], tsx: [] };
  for (let i = 0; i < RUNS; i++)
    for (const way of Object.keys(ways) as (keyof typeof ways)[]) times[way].push(wallMs(ways[way]));
  const floor = median(times.floor);
  const row = (name: string, ms: number) =>
    `  ${name.padEnd(44)}${ms.toFixed(0).padStart(6)} ms   ${(ms / floor).toFixed(2)}× the floor`;
  console.log(`\n${label} (median of ${RUNS} whole processes, interleaved)`);
  console.log(row("node + exceljs read (the floor)", floor));
  console.log(row("samsyn inspect, built (bin/samsyn.js)", median(times.built)));
  console.log(row("samsyn inspect through tsx (before the build)", median(times.tsx)));
}

export async function bench(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build-node.mjs"], { cwd: ROOT, stdio: "ignore" });
  const dir = mkdtempSync(join(tmpdir(), "samsyn-startup-"));
  const large = join(dir, "budget-10000.xlsx");
  await largeBudgetWorkbook(10_000, 3).xlsx.writeFile(large);
  compare("A 40-line budget (ale-kungalv-stenungsund-tjorn-vp2008.xlsx)", SMALL);
  compare("A 10 000-line budget", large);
}
