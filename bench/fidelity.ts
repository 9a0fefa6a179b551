/**
 * Fidelity: the share of generated messy budget sheets read right to the krona (income, cost and
 * surplus, every line on its side, exactly the issues the truth names), per layout class, and the
 * time per sheet. A fixed seed, so two runs read the same sheets.
 */
import fc from "fast-check";
import { readBudgetSheet } from "../shared/budget";
import { judge, LAYOUT_CLASSES, type LayoutSheet, layoutArb } from "../test/budget/layouts";

const PER_CLASS = 100;
const SEED = 20_261_202;

export async function bench(): Promise<void> {
  const rows: string[] = [];
  let right = 0;
  let groups = 0;
  let total = 0;
  let ms = 0;
  for (const [i, layout] of LAYOUT_CLASSES.entries()) {
    const sheets: LayoutSheet[] = fc.sample(layoutArb(layout), { numRuns: PER_CLASS, seed: SEED + i });
    let ok = 0;
    let okGroups = 0;
    const start = performance.now();
    const readings = sheets.map((s) => readBudgetSheet(s.grid));
    const took = performance.now() - start;
    sheets.forEach((s, k) => {
      const v = judge(s, readings[k]!);
      if (v.right) ok++;
      if (v.groups) okGroups++;
    });
    right += ok;
    groups += okGroups;
    total += sheets.length;
    ms += took;
    rows.push(
      `  ${layout.padEnd(18)} ${String(ok).padStart(4)}/${sheets.length}  ${pct(ok, sheets.length)}   groups ${pct(okGroups, sheets.length)}   ${(took / sheets.length).toFixed(2)} ms/sheet`,
    );
  }
  console.log(`\nGenerated messy budget sheets, ${PER_CLASS} per class (seed ${SEED})`);
  for (const r of rows) console.log(r);
  console.log(
    `  ${"all".padEnd(18)} ${String(right).padStart(4)}/${total}  ${pct(right, total)}   groups ${pct(groups, total)}   ${(ms / total).toFixed(2)} ms/sheet`,
  );
  const big = fc.sample(layoutArb("finansiering"), { numRuns: 1, seed: SEED })[0]!;
  console.log(`  500-line table: ${(await timeBigTable(big)).toFixed(0)} ms`);
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1).padStart(5)} %`;

/** One table of 500 lines: the classification search must stay well under a second. */
async function timeBigTable(sheet: LayoutSheet): Promise<number> {
  const { grid } = sheet;
  const body = grid.values.slice(4);
  const values = [...grid.values.slice(0, 4)];
  while (values.length < 504) for (const row of body) if (values.length < 504) values.push(row);
  const big = { ...grid, values, formulas: null, numberFormats: null };
  const start = performance.now();
  readBudgetSheet(big);
  return performance.now() - start;
}
