/** shared/title.ts: which line above a table is its title. */
import { describe, expect, it } from "vitest";
import { isTitleLike, titleAbove } from "../shared/title";

/** Rows of a sheet's first column, by index, as titleAbove reads them. */
const column =
  (...rows: (string | null)[]) =>
  (row: number): string | null =>
    rows[row] ?? null;

describe("a title-like line", () => {
  it("When a line is short and plain, then it can be a title", () => {
    expect(isTitleLike("Verksamhetsplan med budget 2008")).toBe(true);
    expect(isTitleLike("Bidrag i tkr")).toBe(true);
  });

  it("When a line is a footnote, a sentence or a caption ending in a colon, then it is not a title", () => {
    expect(isTitleLike("* Beslutad av styrelsen")).toBe(false);
    expect(isTitleLike("(preliminär)")).toBe(false);
    expect(isTitleLike("Budgeten antogs av styrelsen.")).toBe(false);
    expect(isTitleLike("Fördelning:")).toBe(false);
  });

  it("When a line only states the unit, then it is the unit, not a title", () => {
    expect(isTitleLike("Belopp i kronor")).toBe(false);
    expect(isTitleLike("Alla belopp i tkr")).toBe(false);
    expect(isTitleLike("Belopp i tusental kronor")).toBe(false);
    expect(isTitleLike("Belopp och utfall i kronor per insats")).toBe(true);
  });

  it("When a line is longer than 100 characters, then it is not a title", () => {
    expect(isTitleLike("x".repeat(100))).toBe(true);
    expect(isTitleLike("x".repeat(101))).toBe(false);
  });
});

describe("the title above a table", () => {
  // Row 0: the sheet's title; row 1: a note; row 2: blank; row 3: a caption; row 4: the header.
  const sheet = column("Verksamhetsplan 2008", "Sekretess", null, "Bidrag i tkr", "Post");

  it("When a budget table has a caption, then the nearest line above the header is its title", () => {
    expect(titleAbove(sheet, 4, -1, "caption")).toBe("Bidrag i tkr");
  });

  it("When a participant list sits under a title block, then the first line from the top is its title", () => {
    expect(titleAbove(sheet, 4, -1, "heading")).toBe("Verksamhetsplan 2008");
  });

  it("When the table above ends just over the header, then lines above that table are not looked at", () => {
    expect(titleAbove(sheet, 4, 2, "heading")).toBe("Bidrag i tkr");
    expect(titleAbove(sheet, 4, 3, "caption")).toBeNull();
  });

  it("When the lines above are not title-like, then they are passed over", () => {
    const notes = column("Not:", "* fotnot", "Deltagare 2015", "Namn");
    expect(titleAbove(notes, 3, -1, "heading")).toBe("Deltagare 2015");
  });

  it("When nothing above the header will do, then the last title-like line of the title block is taken", () => {
    const bare = column("Post");
    expect(titleAbove(bare, 0, -1, "caption", ["Samordningsförbundet", "Budget 2015", "Belopp i tkr:"])).toBe(
      "Budget 2015",
    );
    expect(titleAbove(bare, 0, -1, "caption")).toBeNull();
  });
});
