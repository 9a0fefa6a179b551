/** shared/header.ts: a header of one or two rows composed column by column, on tiny literal grids. */
import { describe, expect, it } from "vitest";
import { type Grid, gridFromRows, type RangeAddress } from "../shared/grid";
import { composeHeader } from "../shared/header";

type Rows = Parameters<typeof gridFromRows>[1];
const merged = (rows: Rows, merges: readonly RangeAddress[], origin = { row: 0, col: 0 }): Grid => ({
  ...gridFromRows("Blad1", rows, origin),
  merges,
});
const area = (r0: number, c0: number, r1: number, c1: number): RangeAddress => ({
  start: { row: r0, col: c0 },
  end: { row: r1, col: c1 },
});
const texts = (grid: Grid, row: number) => composeHeader(grid, row).map((h) => [h.upper, h.lower]);

describe("composeHeader", () => {
  it("When a year is merged over Budget / Utfall / Avvikelse, then each of the three columns gets the year above its own word", () => {
    const grid = merged(
      [
        [null, 2023, null, null, 2024],
        ["Post", "Budget", "Utfall", "Avvikelse", "Budget"],
      ],
      [area(0, 1, 0, 3)],
    );
    const header = composeHeader(grid, 1);
    expect(header.map((h) => [h.upper, h.lower])).toEqual([
      [null, "Post"],
      ["2023", "Budget"],
      ["2023", "Utfall"],
      ["2023", "Avvikelse"],
      ["2024", "Budget"],
    ]);
    expect(header.map((h) => h.upperCell)).toEqual([
      null,
      { row: 0, col: 1 },
      { row: 0, col: 1 },
      { row: 0, col: 1 },
      { row: 0, col: 4 },
    ]);
    expect(header[2]!.upperSpan).toEqual({ first: 1, last: 3 });
    expect(header[2]!.lowerCell).toEqual({ row: 1, col: 2 });
  });

  it("When the merged cells hold copies of the top-left value (as some writers leave them), then only the top-left one is read", () => {
    const grid = merged(
      [
        [null, "2023", "kopia", "kopia"],
        [null, "Budget", "Utfall", "Prognos"],
      ],
      [area(0, 1, 0, 3)],
    );
    expect(texts(grid, 1).map(([upper]) => upper)).toEqual([null, "2023", "2023", "2023"]);
  });

  it("When the year is repeated over each column instead of merged, then each column reads its own and the run is its span", () => {
    const grid = merged(
      [
        [null, "2023", "2023", "2024"],
        [null, "Budget", "Utfall", "Budget"],
      ],
      [],
    );
    const header = composeHeader(grid, 1);
    expect(header.map((h) => [h.upper, h.upperSpan])).toEqual([
      [null, null],
      ["2023", { first: 1, last: 2 }],
      ["2023", { first: 1, last: 2 }],
      ["2024", { first: 3, last: 3 }],
    ]);
  });

  it("When a participant list has Datum merged over Inskriven / Avslutad and Personnummer merged down over both rows, then Personnummer is a lower text with nothing above", () => {
    const grid = merged(
      [
        ["Personnummer", "Datum", null, "Hemkommun"],
        [null, "Inskriven", "Avslutad", null],
      ],
      [area(0, 0, 1, 0), area(0, 1, 0, 2), area(0, 3, 1, 3)],
    );
    const header = composeHeader(grid, 1);
    expect(header.map((h) => [h.upper, h.lower])).toEqual([
      [null, "Personnummer"],
      ["Datum", "Inskriven"],
      ["Datum", "Avslutad"],
      [null, "Hemkommun"],
    ]);
    expect(header[0]!.lowerCell).toEqual({ row: 0, col: 0 });
  });

  it("When the grid starts off A1, then merges (in sheet addresses) are read against grid positions", () => {
    const grid = merged(
      [
        [null, 2023, null],
        ["Post", "Budget", "Utfall"],
      ],
      [area(4, 3, 4, 4)],
      { row: 4, col: 2 },
    );
    expect(texts(grid, 1)).toEqual([
      [null, "Post"],
      ["2023", "Budget"],
      ["2023", "Utfall"],
    ]);
  });

  it("When the header is the first row, then there is no upper text, and blank cells are null", () => {
    const grid = merged([["Post", null, "Budget 2023"]], []);
    expect(texts(grid, 0)).toEqual([
      [null, "Post"],
      [null, null],
      [null, "Budget 2023"],
    ]);
  });
});
