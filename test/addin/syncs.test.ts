/** Round trips to Excel do not grow with the row count: 20 and 20 000 participants convert in the same number of syncs. */
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { participantList } from "./generate";

async function convertCounting(rows: number) {
  const book = FakeBook.fromGrids([participantList(rows)]);
  const host = fakeHost(book);
  const first = await convert(host, { kind: "active" });
  const converted = book.syncs;
  book.syncs = 0;
  await convert(host, { kind: "sheet", sheet: "Deltagare 2014" });
  const list = book.tables.find((t) => t.name === "Samsyn_deltagare")!;
  return { converted, refreshed: book.syncs, bodyRows: list.range.end.row - list.range.start.row, first };
}

describe("sync count", () => {
  it("is the same for a 20-row and a 20 000-row participant list, under Excel on the web's payload limit", async () => {
    const small = await convertCounting(20);
    const large = await convertCounting(20_000);
    expect(large.first.reading.tables.map((t) => t.kind)).toEqual(["participants"]);
    expect([small.bodyRows, large.bodyRows]).toEqual([20, 20_000]);
    expect([small.converted, small.refreshed]).toEqual([4, 4]);
    expect([large.converted, large.refreshed]).toEqual([small.converted, small.refreshed]);
  });
});

describe("payload chunks", () => {
  it("splits a list too large for one 5 MB request into fixed-size chunks, none over the limit", async () => {
    const book = FakeBook.fromGrids([participantList(60_000)]);
    // The fake refuses any request or answer over 5 MB, as Excel on the web does.
    const converted = await convert(fakeHost(book), { kind: "active" });
    const list = book.tables.find((t) => t.name === "Samsyn_deltagare")!;
    expect(converted.reading.tables.map((t) => t.kind)).toEqual(["participants"]);
    expect(list.range.end.row - list.range.start.row).toBe(60_000);
    expect(book.syncs).toBeGreaterThan(4);
    expect(book.syncs).toBeLessThan(12);
  });
});
