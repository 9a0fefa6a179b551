/**
 * "Hämta sammanställning" starts at the workbook's own year, not the calendar's: a 2008 budget
 * opened in 2026 fetches the 2008 comparison, never an empty "Samsyn nätverk 2026".
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "../../addin/convert";
import { comparisonYear } from "../../addin/sync/periods";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook } from "../../playground/fake-excel/xlsx";

const FIXTURES = resolve("../shared/fixtures");

async function yearOf(file: string): Promise<string | null> {
  const book = await loadBook(join(FIXTURES, file));
  return comparisonYear((await importSource(fakeHost(book), { kind: "active" })).reading);
}

describe("When the pane suggests the comparison's year", () => {
  it("then it is the budget's plan year, else the participant list's, never this year", async () => {
    expect(await yearOf("ale-kungalv-stenungsund-tjorn-vp2008.xlsx")).toBe("2008");
    expect(await yearOf("sydost-budget-utfall-2023.xlsx")).toBe("2023");
    expect(await yearOf("samverkansteamet-deltagare-2014.xlsx")).toBe("2014");
  });

  it("then before anything is read there is no workbook year, and the pane falls back to the calendar's", () => {
    expect(comparisonYear(null)).toBeNull();
  });
});
