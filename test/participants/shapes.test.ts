/**
 * Participant lists in the shapes förbund keep them: where a list ends (notes, counts by kön,
 * totals), a header over two rows, several lists on one sheet, identity and date columns under
 * headers the reader does not know, and avslutsorsak words in their forms. Literal grids for each
 * rule; the generator (shapes.ts) with the truth known for the mix.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Grid, gridFromRows, type RangeAddress } from "../../shared/grid";
import type { Issue } from "../../shared/issues";
import { avslutsorsakOf, participantsOf, readParticipantSheet } from "../../shared/participants";
import type { ParticipantsTable } from "../../shared/report";
import { budgetSpecArb, buildBudget } from "../budget/generate";
import { LAYOUT_CLASSES, layoutArb } from "../budget/layouts";
import { TODAY } from "./generate";
import { misreadings, SHAPED_OPTIONS, SHAPES, shapedSheet, shapedSheets } from "./shapes";

const pairs = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code]);
const d = (iso: string) => ({ value: Date.parse(iso) / 86_400_000 + 25_569, numberFormat: "yyyy-mm-dd" });
const area = (r0: number, c0: number, r1: number, c1: number): RangeAddress => ({
  start: { row: r0, col: c0 },
  end: { row: r1, col: c1 },
});
const HEADER = ["Personnummer", "Kön", "Hemkommun", "Inskriven", "Avslutad", "Avslutsorsak"];
const ROWS = [
  ["19871227-9028", "K", "Nora", d("2014-01-01"), d("2014-05-01"), "Arbete"],
  ["19891113-6169", "K", "Nora", d("2014-02-01"), null, null],
  ["19860718-7716", "M", "Kumla", d("2014-03-01"), null, null],
];
const tablesOf = (grid: Grid) =>
  (readParticipantSheet(grid, { today: TODAY })?.tables ?? []) as readonly ParticipantsTable[];

describe("where a list ends", () => {
  it("When a note stands under the list in the personnummer column, then it is no participant", () => {
    const grid = gridFromRows("L", [HEADER, ...ROWS, ["* = avbrott"], [], ["Källa: registret"]]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants.map((p) => p.sheetRow)).toEqual([2, 3, 4]);
    expect(reading.tables[0]?.range).toBe("A1:F4");
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("When counts by kön and a total stand under a blank row, then none is a participant and each agrees with the list", () => {
    const grid = gridFromRows("L", [HEADER, ...ROWS, [], ["Kvinnor", 2], ["Män", 1], ["Totalt", 3]]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants).toHaveLength(3);
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("When a stated count disagrees with the list, then it is an error at the count's cell naming both", () => {
    const grid = gridFromRows("L", [HEADER, ...ROWS, [], ["Kvinnor", 2], ["Män", 4], ["Totalt", 3]]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants).toHaveLength(3);
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["B7", "count-mismatch", "error"],
    ]);
    expect(reading.issues[0]).toMatchObject({ stated: 4, counted: 1, counts: "man" });
  });

  it("When a row's identity is blank but it has its dates, then it is a participant with its identity missing", () => {
    const grid = gridFromRows("L", [HEADER, ...ROWS, [null, "K", "Nora", d("2014-04-01"), null, null]]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants).toHaveLength(4);
    expect(pairs(reading.issues)).toEqual([["A5", "field-missing"]]);
  });
});

describe("a header over two rows", () => {
  it("When Datum is merged over Inskriven | Avslutad and the other headers are merged down, then the list is found from its upper row", () => {
    const grid: Grid = {
      ...gridFromRows("L", [
        ["Deltagare 2014"],
        ["Personnummer", "Kön", "Hemkommun", "Datum", null, "Avslutsorsak"],
        [null, null, null, "Inskriven", "Avslutad", null],
        ...ROWS,
      ]),
      merges: [
        area(0, 0, 0, 5),
        area(1, 0, 2, 0),
        area(1, 1, 2, 1),
        area(1, 2, 2, 2),
        area(1, 3, 1, 4),
        area(1, 5, 2, 5),
      ],
    };
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.tables[0]).toMatchObject({ title: "Deltagare 2014", range: "A2:F6", rows: 3 });
    expect(reading.participants.map((p) => [p.start !== null, p.end !== null])).toEqual([
      [true, true],
      [true, false],
      [true, false],
    ]);
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("When the group names the date and the column only says Datum, then the group's word is the field", () => {
    const grid: Grid = {
      ...gridFromRows("L", [
        ["Personnummer", "Kön", "Hemkommun", "Inskrivning", "Avslutad", "Avslutsorsak"],
        [null, null, null, "Datum", null, null],
        ...ROWS,
      ]),
      merges: [area(0, 0, 1, 0), area(0, 1, 1, 1), area(0, 2, 1, 2), area(0, 4, 1, 4), area(0, 5, 1, 5)],
    };
    expect(tablesOf(grid).map((t) => [t.range, t.rows])).toEqual([["A1:F5", 3]]);
  });
});

describe("several lists on one sheet", () => {
  const grid = gridFromRows("Deltagare", [
    ["Deltagare 2014 per insats"],
    [],
    ["Jobbcoacher"],
    HEADER,
    ...ROWS.slice(0, 2),
    ["Antal", 2],
    [],
    ["Unga vuxna"],
    HEADER,
    ROWS[2]!,
  ]);

  it("When one list per insats stands under another, then each is its own table with its range and title", () => {
    expect(tablesOf(grid).map((t) => [t.title, t.range, t.rows])).toEqual([
      ["Jobbcoacher", "A4:F6", 2],
      ["Unga vuxna", "A10:F11", 1],
    ]);
  });

  it("When one list per insats stands under another, then the rows group per insats as an insats column would group them", () => {
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(
      reading.participantsByInsats?.map((g) => [g.insats, g.participants.map((p) => p.sheetRow)]),
    ).toEqual([
      ["Jobbcoacher", [5, 6]],
      ["Unga vuxna", [11]],
    ]);
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("When the second header follows the first list at once, then it is no participant and starts a list of its own", () => {
    const tight = gridFromRows("L", [HEADER, ROWS[0]!, HEADER, ROWS[1]!]);
    expect(tablesOf(tight).map((t) => [t.range, t.rows])).toEqual([
      ["A1:F2", 1],
      ["A3:F4", 1],
    ]);
  });
});

describe("columns the header does not name", () => {
  it("When the identity column is headed Födelsenummer, then its cells make it the identity column", () => {
    const grid = gridFromRows("L", [["Födelsenummer", ...HEADER.slice(1)], ...ROWS]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants.map((p) => p.id)).toEqual([
      "19871227-9028",
      "19891113-6169",
      "19860718-7716",
    ]);
  });

  it("When a column under an unknown header holds names, not identities, then no list is found", () => {
    const grid = gridFromRows("L", [
      ["Namn", ...HEADER.slice(1)],
      ...ROWS.map((r, i) => [`Person ${i}`, ...r.slice(1)]),
    ]);
    expect(readParticipantSheet(grid, { today: TODAY })).toBeNull();
  });

  it("When both date columns have unknown headers, then the one that never comes after the other is the start", () => {
    const grid = gridFromRows("L", [
      ["Personnummer", "Kön", "Hemkommun", "Sista dag", "Första dag", "Avslutsorsak"],
      ["19871227-9028", "K", "Nora", d("2014-05-01"), d("2014-01-01"), "Arbete"],
      ["19891113-6169", "K", "Nora", "2014-09-30", "2014-02-01", "Studier"],
      ["19860718-7716", "M", "Kumla", null, "2014-03-01", null],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY, period: "2014" })!;
    const table = reading.tables[0] as ParticipantsTable;
    expect([table.keyFigures.new, table.keyFigures.closed, table.keyFigures.closedToWorkOrStudies]).toEqual([
      3, 2, 2,
    ]);
    expect(pairs(reading.issues)).toEqual([]);
  });
});

describe("words for an ending", () => {
  it("When a reason is written as Anställd, Fått jobb or Börjat studera, then it is work or studies", () => {
    expect(
      ["Anställd", "Anställd på lager", "Fått jobb", "Börjat studera", "Gymnasiestudier"].map(avslutsorsakOf),
    ).toEqual(["arbete", "arbete", "arbete", "studier", "studier"]);
    expect(["Arbetssökande", "Anställdas val", "Gick vidare"].map(avslutsorsakOf)).toEqual([
      "arbetssökande",
      null,
      null,
    ]);
  });

  it("When a reason is none the list knows, then it is info at its cell and counts as neither work nor studies", () => {
    const grid = gridFromRows("L", [
      HEADER,
      ["19871227-9028", "K", "Nora", d("2014-01-01"), d("2014-05-01"), "Gick vidare"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY, period: "2014" })!;
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([["F2", "code-unknown", "info"]]);
    expect((reading.tables[0] as ParticipantsTable).keyFigures.closedToWorkOrStudies).toBe(0);
  });
});

describe("generated sheets with the truth known", () => {
  it.each(SHAPES)(
    "When any generated sheet of the shape %s is read, then every list's rows, range, title and year are right, with exactly its issues",
    (shape) => {
      for (let seed = 0; seed < 40; seed++) {
        const sheet = shapedSheet(shape, 7_000 + seed);
        expect([seed, misreadings(sheet, readParticipantSheet(sheet.grid, SHAPED_OPTIONS))]).toEqual([
          seed,
          [],
        ]);
      }
    },
  );

  it("When the mix is generated, then every shape is in it and a sheet of several lists has several", () => {
    const sheets = shapedSheets(3, 1);
    expect(new Set(sheets.map((s) => s.shape)).size).toBe(SHAPES.length);
    expect(sheets.filter((s) => s.shape === "one-list-per-insats").every((s) => s.lists.length >= 2)).toBe(
      true,
    );
  });

  it("When a generated budget sheet of any layout is read, then no participant list is found in it", () => {
    fc.assert(
      fc.property(fc.boolean().chain(budgetSpecArb), (spec) => {
        const tables = readParticipantSheet(buildBudget(spec).grid)?.tables ?? [];
        expect(tables.filter((t) => t.kind === "participants")).toEqual([]);
      }),
      { numRuns: 200, seed: 23 },
    );
    for (const name of LAYOUT_CLASSES)
      for (const sheet of fc.sample(layoutArb(name), { numRuns: 30, seed: 24 }))
        expect([
          name,
          (readParticipantSheet(sheet.grid)?.tables ?? []).filter((t) => t.kind === "participants"),
        ]).toEqual([name, []]);
  });
});

describe("each list's own rows", () => {
  it("When a sheet holds several lists, then each table's rows are its own list's, and a single list's are the reading's", () => {
    const grid = gridFromRows("Deltagare", [
      ["Jobbcoacher"],
      HEADER,
      ...ROWS.slice(0, 2),
      [],
      ["Unga vuxna"],
      HEADER,
      ROWS[2]!,
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    const rows = reading.tables.map((t) =>
      participantsOf(reading, t as ParticipantsTable).map((p) => [p.sheetRow, p.insats]),
    );
    expect(rows).toEqual([
      [
        [3, "Jobbcoacher"],
        [4, "Jobbcoacher"],
      ],
      [[8, "Unga vuxna"]],
    ]);
    const one = readParticipantSheet(gridFromRows("L", [HEADER, ...ROWS]), { today: TODAY })!;
    expect(participantsOf(one, one.tables[0] as ParticipantsTable)).toBe(one.participants);
  });
});

describe("half-filled rows", () => {
  it("When a row inside the list has neither identity nor date but three fields, then it is a participant with its gaps reported", () => {
    const grid = gridFromRows("L", [HEADER, ROWS[0]!, [null, "K", "Nora", null, null, "Arbete"], ROWS[1]!]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants.map((p) => p.sheetRow)).toEqual([2, 3, 4]);
    expect(pairs(reading.issues)).toEqual([
      ["A3", "field-missing"],
      ["D3", "field-missing"],
    ]);
  });

  it("When such a row stands under the last participant, then it is no participant", () => {
    const grid = gridFromRows("L", [
      HEADER,
      ...ROWS,
      [],
      ["Källa", "Registret", "Nora 2015", null, null, "Se bilaga"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants).toHaveLength(3);
    expect(pairs(reading.issues)).toEqual([]);
  });
});

describe("a title merged over a few columns", () => {
  it("When the title right above a one-row header is merged over three columns, then it stays the title and no header row", () => {
    const grid: Grid = {
      ...gridFromRows("L", [["Deltagare 2014"], HEADER, ...ROWS]),
      merges: [area(0, 0, 0, 2)],
    };
    expect(tablesOf(grid).map((t) => [t.title, t.range])).toEqual([["Deltagare 2014", "A2:F5"]]);
  });
});
