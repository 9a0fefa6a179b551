/**
 * Hostile workbooks through `samsyn inspect`, `convert` and `push`: each read or refused with
 * exit 2 and one line, within 10 s and a 1 GiB heap — the package is checked before exceljs
 * expands it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { samsyn } from "../support/cli";
import { mergeCells, workbook } from "./hostile-workbooks";

const dir = mkdtempSync(join(tmpdir(), "samsyn-hostile-"));
const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** A heap of 1 GiB: a workbook that needs more crashes the command instead of passing. */
const HEAP = { NODE_OPTIONS: "--max-old-space-size=1024" };

async function refused(args: readonly string[]): Promise<{ line: string; ms: number }> {
  const started = performance.now();
  const result = await samsyn(args, HEAP);
  const ms = performance.now() - started;
  const lines = result.stderr.trim().split("\n");
  expect([result.code, lines.length]).toEqual([2, 1]);
  expect(lines[0]).toMatch(/^samsyn: /);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+|node:internal|heap/i);
  return { line: lines[0]!, ms };
}

describe("When a workbook is built to exhaust the reader", () => {
  it("then a 1.7 KB workbook with a whole-sheet merge is refused by inspect, convert and push alike", async () => {
    const bytes = workbook({ after: mergeCells(["A1:XFD1048576"]) });
    expect(bytes.length).toBeLessThan(2_000);
    const path = file("whole-sheet-merge.xlsx", bytes);
    for (const args of [
      ["inspect", path],
      ["convert", path, "-o", join(dir, "out.xlsx")],
      ["push", path, "--to", "http://127.0.0.1:9", "--association", "x", "--token", "y"],
    ]) {
      const { line, ms } = await refused(args);
      expect(line).toMatch(/sammanfogat område som är för stort \(A1:XFD1048576\)/);
      expect(ms).toBeLessThan(10_000);
    }
  });

  it.each([
    [
      "20 000 small merges",
      () =>
        workbook({ after: mergeCells(Array.from({ length: 20_000 }, (_, i) => `A${i + 10}:B${i + 10}`)) }),
      /för många sammanfogade områden \(20\s000\)/,
    ],
    [
      "60 000 rows each with one cell in column XFD",
      () => {
        let rows = "";
        for (let r = 3; r < 60_003; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
        return workbook({ sheetData: rows });
      },
      /för stor att läsa \(983\s040\s000 celler/,
    ],
    [
      "a sheet that unpacks to 300 MB",
      () => workbook({ sheetData: Buffer.alloc(300 * 1024 * 1024, " ") }),
      /packas upp till mer än 160 MB/,
    ],
    [
      "a data validation over the whole sheet",
      () =>
        workbook({
          after:
            '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>',
        }),
      /för stor att läsa \(17\s179\s869\s187 celler/,
    ],
    [
      "1 200 000 shared strings",
      () => workbook({ sharedStrings: Buffer.from("<si><t>x</t></si>".repeat(1_200_000)) }),
      /för många texter \(1\s200\s000\)/,
    ],
  ])("then %s is refused with exit 2 and one line within 10 s", async (_what, build, message) => {
    const bytes = build();
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const { line, ms } = await refused(["inspect", file(`${_what.replace(/\W+/g, "-")}.xlsx`, bytes)]);
    expect(line).toMatch(message);
    expect(ms).toBeLessThan(10_000);
  });

  it("then a workbook claiming the whole sheet as its dimension, with a small table, is read as it is", async () => {
    const result = await samsyn(
      ["inspect", file("dimension.xlsx", workbook({ dimension: "A1:XFD1048576" })), "--json"],
      HEAP,
    );
    // Read, not refused: exceljs does not size anything by the dimension.
    expect(result.stderr).not.toMatch(/för stor|heap/);
    expect([0, 1, 2]).toContain(result.code);
  });
});
