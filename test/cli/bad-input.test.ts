/** Bad files given to `samsyn inspect` and `convert`: one clear line, exit 2, no stack trace, no hang. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fixture, samsyn } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "samsyn-bad-"));
const path = (name: string) => join(dir, name);

function expectOneLine(stderr: string): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^samsyn: /);
  expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|node:internal|Error:/);
}

describe("When the file is not a workbook", () => {
  it.each([
    ["a text file named .xlsx", "text.xlsx", Buffer.from("Budget 2008;1 440 000 kr\n")],
    ["a PNG", "picture.xlsx", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
    ["an empty file", "empty.xlsx", Buffer.alloc(0)],
  ])("then %s gives exit 2 and one line", async (_what, name, bytes) => {
    writeFileSync(path(name), bytes);
    for (const command of [
      ["inspect", path(name)],
      ["convert", path(name), "-o", path(`${name}.out.xlsx`)],
    ]) {
      const result = await samsyn(command);
      expect(result.code).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toContain(".xlsx");
    }
  });

  it("then a missing file gives exit 2 naming the file", async () => {
    const result = await samsyn(["inspect", path("nowhere.xlsx")]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toContain("nowhere.xlsx");
  });

  it("then a corrupt zip (a real workbook cut in half) gives exit 2", async () => {
    const bytes = readFileSync(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    writeFileSync(path("cut.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await samsyn(["inspect", path("cut.xlsx")]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
  });

  it("then a workbook with damaged bytes inside gives exit 2 or reads what it can, never a crash", async () => {
    const bytes = Buffer.from(readFileSync(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx")));
    for (let i = 200; i < bytes.length - 200; i += 97) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(path("damaged.xlsx"), bytes);
    const result = await samsyn(["inspect", path("damaged.xlsx")]);
    expect([0, 1, 2]).toContain(result.code);
    if (result.code === 2) expectOneLine(result.stderr);
  });
});

describe("When the workbook holds nothing to read", () => {
  it("then a workbook with one blank sheet gives exit 2 and says no table was found", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1");
    await workbook.xlsx.writeFile(path("blank.xlsx"));
    const result = await samsyn(["inspect", path("blank.xlsx")]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/Ingen budget/);
  });

  it("then a sheet of prose with no table gives exit 2", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Anteckningar");
    ws.addRow(["Protokoll från styrelsemötet"]);
    ws.addRow(["Närvarande: ordförande, sekreterare"]);
    ws.addRow(["Nästa möte i december."]);
    await workbook.xlsx.writeFile(path("prose.xlsx"));
    const result = await samsyn(["inspect", path("prose.xlsx"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr);
    expect(result.stderr).toMatch(/No budget/);
  });
});

describe("When the workbook is larger than the limit", () => {
  it("then it is refused with exit 2 before the core runs", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Stor");
    for (let r = 0; r < 20_000; r++) ws.addRow([`Rad ${r}`, r, r * 2, r * 3, r * 4]);
    await workbook.xlsx.writeFile(path("large.xlsx"));
    for (const command of [
      ["inspect", path("large.xlsx")],
      ["convert", path("large.xlsx"), "-o", path("l.out.xlsx")],
    ]) {
      const result = await samsyn(command, { SAMSYN_MAX_CELLS: "50000" });
      expect(result.code).toBe(2);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(/för stor/);
    }
  });
});
