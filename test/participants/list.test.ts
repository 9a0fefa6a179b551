/** Participant lists: finding the list, reading its rows, and every check at its cell. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridFromRows } from "../../shared/grid";
import type { Issue } from "../../shared/issues";
import { describeIssue } from "../../shared/messages";
import { readParticipantSheet } from "../../shared/participants";
import {
  cellOf,
  DEFECT_KINDS,
  FIXED_LAYOUT,
  generateRows,
  gridOf,
  injectDefect,
  randomLayout,
  rngFrom,
  sheetOf,
  TODAY,
} from "./generate";

const pairs = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code]);
const DATE = "yyyy-mm-dd";
const d = (iso: string) => ({ value: Date.parse(iso) / 86_400_000 + 25_569, numberFormat: DATE });

const HEADER = ["Nr", "Personnummer", "Kön", "Hemkommun", "Inskriven", "Avslutad", "Avslutsorsak"];

describe("finding a participant list", () => {
  it("finds the header under a title block, whatever its wording and order", () => {
    const grid = gridFromRows("Blad1", [
      ["Deltagare 2015"],
      ["Sekretess"],
      [],
      ["Orsak till avslut", "Slutdatum", "Startdatum", "Bostadskommun", "Man/Kvinna", "Pnr", "Remitterad av"],
      ["Arbete", "2015-06-01", "2015-01-10", "Nora", "K", "19871227-9028", "Försäkringskassan"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY });
    expect(reading?.tables[0]).toMatchObject({
      kind: "participants",
      title: "Deltagare 2015",
      range: "A4:G5",
      rows: 1,
      period: "2015",
    });
    expect(reading?.participants[0]).toMatchObject({ id: "19871227-9028", kon: "kvinna", hemkommun: "Nora" });
    expect(pairs(reading!.issues)).toEqual([]);
  });

  it("returns null for a sheet with neither a list nor a follow-up table", () => {
    const grid = gridFromRows("Budget", [
      ["Verksamhetsplan"],
      ["", "2015", "2016"],
      ["Finansiell ram", 1000, 1000],
      ["Summa", 1000, 1000],
    ]);
    expect(readParticipantSheet(grid)).toBeNull();
  });

  it("reads dates as Excel dates and as the text forms people type", () => {
    const texts = ["2014-06-07", "20140607", "7/6 2014", "2014-06-07 00:00", "07.06.2014", 20140607];
    const rows = texts.map((t, i) => [i + 1, "19871227-9028", "K", "Nora", t, null, null]);
    // Different people, so no duplicate enrolment.
    const ids = [
      "19871227-9028",
      "19891113-6169",
      "19910622-4141",
      "19920926-2048",
      "19860718-7716",
      "19910812-6633",
    ];
    rows.forEach((r, i) => {
      r[1] = ids[i]!;
    });
    const grid = gridFromRows("L", [
      HEADER,
      ...rows,
      [7, "19891119-8599", "M", "Nora", d("2014-06-07"), null, null],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(pairs(reading.issues)).toEqual([]);
    const starts = new Set(reading.participants.map((p) => p.start));
    expect(starts.size).toBe(1);
    expect(reading.participants).toHaveLength(7);
  });

  it("skips blank rows and stops at the Antal row under the list", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", d("2014-01-01"), null, null],
      [],
      [null, "  ", null, "", null, null, null],
      [2, "19891113-6169", "K", "Nora", d("2014-02-01"), null, null],
      ["Antal", 2],
      ["Summa", "x"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants.map((p) => p.sheetRow)).toEqual([2, 5]);
    expect(reading.tables[0]?.range).toBe("A1:G5");
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("When an Antal row's count sits in the identity column, then it is no participant, and a count the list does not hold is an error at its cell", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", d("2014-01-01"), null, null],
      ["Antal", 100000],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants).toHaveLength(1);
    expect(pairs(reading.issues)).toEqual([["B3", "count-mismatch"]]);
    expect(describeIssue(reading.issues[0]!, "sv")).toBe(
      "”Antal” (B3) anger 100\u00a0000 men listan har 1 deltagare.",
    );
  });

  it("When kön and avslutsorsak are written in their synonyms, then they map; an unknown kön is a warning and an unknown reason info, each at its cell", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "kvinna", "Nora", d("2014-01-01"), d("2014-05-01"), "Anställning med lönebidrag"],
      [2, "19891113-6169", "F", "Nora", d("2014-01-01"), d("2014-05-01"), "studier på komvux"],
      [3, "19860718-7716", "M", "Nora", d("2014-01-01"), d("2014-05-01"), "Åter till remittent"],
      [4, "19891119-8599", "Man", "Nora", d("2014-01-01"), d("2014-05-01"), "Arbetssökande"],
      [5, "19910812-6633", "?", "Nora", d("2014-01-01"), d("2014-05-01"), "Flyttat"],
      [6, "19870711-2077", "man", "Nora", d("2014-01-01"), d("2014-05-01"), "Gick vidare"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.participants.map((p) => [p.kon, p.avslutsorsak])).toEqual([
      ["kvinna", "arbete"],
      ["kvinna", "studier"],
      ["man", "åter till remittent"],
      ["man", "arbetssökande"],
      ["man", "annat"],
      ["man", null],
    ]);
    // Unknown kön falls back on the identity number's birth number.
    expect(pairs(reading.issues)).toEqual([
      ["C6", "code-unknown"],
      ["G7", "code-unknown"],
    ]);
    expect(reading.issues.map((i) => i.severity)).toEqual(["warning", "info"]);
  });
});

describe("checks, each at its cell", () => {
  it("identity numbers: format, check digit, missing", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-90", "K", "Nora", d("2014-01-01"), null, null],
      [2, "19871227-9029", "K", "Nora", d("2014-01-01"), null, null],
      [3, null, "K", "Nora", d("2014-01-01"), null, null],
      [4, 8712279028, "K", "Nora", d("2014-01-01"), null, null],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(pairs(reading.issues)).toEqual([
      ["B2", "id-invalid"],
      ["B3", "id-checksum"],
      ["B4", "field-missing"],
    ]);
    expect(reading.participants[3]?.id).toBe("19871227-9028");
  });

  it("hemkommun and kön left blank: a warning at the cell; kön from the identity number is no gap", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", null, "Nora", d("2014-01-01"), null, null],
      [2, "19871227-90", null, null, d("2014-01-01"), null, null],
      [3, "19891113-6169", "K", "  ", d("2015-01-01"), null, null],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["B3", "id-invalid", "error"],
      ["C3", "field-missing", "warning"],
      ["D3", "field-missing", "warning"],
      ["D4", "field-missing", "warning"],
    ]);
    expect(describeIssue(reading.issues[1]!, "sv")).toBe("Kön saknas (C3).");
    expect(describeIssue(reading.issues[2]!, "en")).toBe("Hemkommun is missing (D3).");
    const table = reading.tables[0]!;
    expect(table.kind === "participants" && table.keyFigures.byHemkommun).toEqual({
      Nora: 1,
      "Uppgift saknas": 2,
    });
  });

  it("dates: unreadable, end before start, missing start, missing avslutsorsak on a closed stay", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", "2014-02-30", null, null],
      [2, "19891113-6169", "K", "Nora", d("2014-05-01"), d("2014-04-01"), "Arbete"],
      [3, "19910622-4141", "K", "Nora", null, null, null],
      [4, "19920926-2048", "K", "Nora", d("2014-01-01"), d("2014-03-01"), null],
      [5, "19860718-7716", "M", "Nora", d("2014-01-01"), true, "Arbete"],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(pairs(reading.issues)).toEqual([
      ["E2", "date-invalid"],
      ["F3", "date-order"],
      ["E4", "field-missing"],
      ["G5", "field-missing"],
      ["F6", "date-invalid"],
    ]);
    expect(reading.issues[1]).toMatchObject({ start: "2014-05-01", end: "2014-04-01" });
  });

  it("stay limit: a warning within the extension, an error beyond; a custom limit", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", d("2014-01-01"), d("2015-01-01"), "Arbete"], // 365: within
      [2, "19891113-6169", "K", "Nora", d("2014-01-01"), d("2015-01-02"), "Arbete"], // 366: warning
      [3, "19910622-4141", "K", "Nora", d("2014-01-01"), d("2015-07-03"), "Arbete"], // 548: warning
      [4, "19920926-2048", "K", "Nora", d("2014-01-01"), d("2015-07-04"), "Arbete"], // 549: error
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["F3", "stay-over-limit", "warning"],
      ["F4", "stay-over-limit", "warning"],
      ["F5", "stay-over-limit", "error"],
    ]);
    expect(reading.issues[2]).toMatchObject({ days: 549, limitDays: 365, beyondExtension: true });
    const short = readParticipantSheet(grid, {
      today: TODAY,
      insats: { limitDays: 180, extensionDays: 90 },
    })!;
    expect(short.issues.map((i) => [i.cell, i.severity])).toEqual([
      ["F2", "error"],
      ["F3", "error"],
      ["F4", "error"],
      ["F5", "error"],
    ]);
  });

  it("open stays are measured only up to a given day", () => {
    const grid = gridFromRows("L", [HEADER, [1, "19871227-9028", "K", "Nora", d("2014-01-01"), null, null]]);
    expect(pairs(readParticipantSheet(grid, { today: TODAY })!.issues)).toEqual([]);
    const until = readParticipantSheet(grid, {
      today: TODAY,
      openStaysUntil: new Date(Date.UTC(2015, 3, 1)),
    })!;
    expect(until.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["E2", "stay-over-limit", "warning"],
    ]);
  });

  it("age at start outside the target group, only when one is configured", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", d("2005-12-26"), null, null], // 17
      [2, "19871227-9028", "K", "Nora", d("2006-01-01"), null, null], // 18, but the same person: duplicate
      [3, "19891113-6169", "K", "Nora", d("2019-11-13"), null, null], // 30
      [4, "19910622-4141", "K", "Nora", d("2021-06-21"), null, null], // 29
    ]);
    expect(pairs(readParticipantSheet(grid, { today: TODAY })!.issues)).toEqual([
      ["B3", "duplicate-enrolment"],
    ]);
    const targeted = readParticipantSheet(grid, {
      today: TODAY,
      insats: { targetAge: { min: 18, max: 29 } },
    })!;
    expect(pairs(targeted.issues)).toEqual([
      ["B2", "age-outside-target"],
      ["B3", "duplicate-enrolment"],
      ["B4", "age-outside-target"],
    ]);
    expect(targeted.participants.map((p) => p.ageAtStart)).toEqual([17, 18, 30, 29]);
  });

  it("the same person twice at once: error at the later row, naming the earlier; a handover is fine", () => {
    const grid = gridFromRows("L", [
      HEADER,
      [1, "871227-9028", "K", "Nora", d("2014-03-01"), d("2014-06-01"), "Arbete"],
      [2, "19891113-6169", "K", "Nora", d("2014-01-01"), null, null],
      [3, "198712279028", "K", "Nora", d("2014-01-01"), d("2014-04-01"), "Arbete"], // overlaps row 2
      [4, "19871227-9028", "K", "Nora", d("2014-06-01"), d("2014-08-01"), "Arbete"], // starts the day row 2 ends
      [5, "19891113-6169", "K", "Nora", d("2016-01-01"), d("2016-02-01"), "Arbete"], // row 3 still open
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(
      reading.issues.map((i) => [i.cell, i.code, i.code === "duplicate-enrolment" ? i.otherCell : null]),
    ).toEqual([
      ["B4", "duplicate-enrolment", "B2"],
      ["B6", "duplicate-enrolment", "B3"],
    ]);
  });

  it("a list without an avslutsorsak column: one issue for the sheet, not one per row", () => {
    const grid = gridFromRows("L", [
      ["Personnummer", "Kön", "Inskriven", "Avslutad"],
      ["19871227-9028", "K", d("2014-01-01"), d("2014-03-01")],
      ["19891113-6169", "K", d("2014-01-01"), d("2014-03-01")],
    ]);
    const reading = readParticipantSheet(grid, { today: TODAY })!;
    expect(pairs(reading.issues)).toEqual([[null, "field-missing"]]);
  });
});

describe("generated lists with injected defects", () => {
  it("a clean generated list gives no issue, in any layout", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const rng = rngFrom(seed);
        const rows = generateRows(rng, { rows: 30 });
        const sheet = sheetOf(rng, rows, randomLayout(rng));
        const reading = readParticipantSheet(gridOf(sheet), {
          today: TODAY,
          insats: { targetAge: { min: 18, max: 29 } },
        })!;
        expect(pairs(reading.issues)).toEqual([]);
        expect(reading.participants).toHaveLength(30);
      }),
      { numRuns: 40 },
    );
  });

  it("each defect is reported at its row and column, and nothing on the clean rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const rng = rngFrom(seed);
        const rows = generateRows(rng, { rows: 40 });
        const sheet = sheetOf(rng, rows, randomLayout(rng));
        // Defects on rows 3, 5, 7 …; the duplicate copies row 0, which stays clean.
        const expected: [string, string][] = [];
        DEFECT_KINDS.forEach((kind, k) => {
          expected.push(...injectDefect(sheet, rows, 3 + 2 * k, kind, 0));
        });
        const reading = readParticipantSheet(gridOf(sheet), {
          today: TODAY,
          insats: { targetAge: { min: 18, max: 29 } },
        })!;
        expect(pairs(reading.issues)).toEqual(expected);
        const duplicate = reading.issues.find((i) => i.code === "duplicate-enrolment");
        expect(duplicate?.code === "duplicate-enrolment" && duplicate.otherCell).toBe(
          cellOf(sheet.layout, 0, "personnummer"),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("defects in the fixed layout, one kind at a time, give exactly their [cell, code]", () => {
    for (const kind of DEFECT_KINDS) {
      const rng = rngFrom(42);
      const rows = generateRows(rng, { rows: 12 });
      const sheet = sheetOf(rng, rows, FIXED_LAYOUT);
      const expected = injectDefect(sheet, rows, 7, kind, 2);
      const reading = readParticipantSheet(gridOf(sheet), {
        today: TODAY,
        insats: { targetAge: { min: 18, max: 29 } },
      })!;
      expect(pairs(reading.issues), kind).toEqual(expected);
    }
  });
});

describe("key figures of a period", () => {
  const grid = gridFromRows("L", [
    HEADER,
    [1, "19871227-9028", "K", "Nora", d("2013-10-01"), d("2014-02-15"), "Arbete"], // earlier, closed in Q1
    [2, "19891113-6169", "K", "Lindesberg", d("2014-02-01"), d("2014-05-01"), "Studier"], // new Q1, closed Q2
    [3, "19860718-7716", "M", "Lindesberg", d("2014-03-01"), null, null], // new Q1, open
    [4, "19891119-8599", "M", "Anna Berg", d("2014-01-10"), d("2014-03-31"), "Arbetssökande"], // new, closed Q1
    [5, "19910812-6633", "M", "Nora", d("2014-04-01"), d("2015-06-01"), "Annat"], // after Q1
    [6, "19870711-2077", "M", null, d("2013-01-01"), d("2013-12-31"), "Arbete"], // before Q1
  ]);

  it("counts stays overlapping the period, new, closed, outcomes, kön, age bands, average stay", () => {
    const reading = readParticipantSheet(grid, { today: TODAY, period: "2014-Q1" })!;
    const table = reading.tables[0]!;
    expect(table.kind === "participants" && table.keyFigures).toEqual({
      participants: 4,
      new: 3,
      closed: 2,
      closedToWorkOrStudies: 1,
      shareClosedToWorkOrStudies: 0.5,
      byHemkommun: { Lindesberg: 2, "Anna Berg": 1, Nora: 1 },
      byKon: { kvinna: 2, man: 2 },
      // Ages at start: 25, 24, 27, 24.
      byAgeBand: { "-17": 0, "18-24": 2, "25-29": 2, "30-39": 0, "40-49": 0, "50-64": 0, "65-": 0 },
      // (137 + 80) / 2
      averageStayDays: 108.5,
      staysOverLimit: 0,
    });
    // Row 7's hemkommun is blank: counted as "Uppgift saknas" elsewhere, and said so at its cell.
    expect(pairs(reading.issues)).toEqual([
      ["F6", "stay-over-limit"],
      ["D7", "field-missing"],
    ]);
  });

  it("a person enrolled twice is one participant and one in each breakdown; rows count both stays", () => {
    const twice = gridFromRows("L", [
      HEADER,
      [1, "19871227-9028", "K", "Nora", d("2014-01-10"), d("2014-03-01"), "Annat"],
      [2, "19871227-9028", "K", "Nora", d("2014-06-01"), null, null],
      [3, "19891113-6169", "K", "Lindesberg", d("2014-02-01"), null, null],
    ]);
    const reading = readParticipantSheet(twice, { today: TODAY, period: "2014" })!;
    const table = reading.tables[0]!;
    expect(table.kind === "participants" && [table.rows, table.keyFigures]).toMatchObject([
      3,
      {
        participants: 2,
        new: 3,
        closed: 1,
        byHemkommun: { Nora: 1, Lindesberg: 1 },
        byKon: { kvinna: 2, man: 0 },
      },
    ]);
    expect(pairs(reading.issues)).toEqual([]);
  });

  it("over the whole list: every stay, and the stay over the limit", () => {
    const table = readParticipantSheet(grid, { today: TODAY })!.tables[0]!;
    expect(table.kind === "participants" && table.period).toBe("2013-2015");
    expect(table.kind === "participants" && table.keyFigures).toMatchObject({
      participants: 6,
      new: 6,
      closed: 5,
      closedToWorkOrStudies: 3,
      shareClosedToWorkOrStudies: 0.6,
      byHemkommun: { Nora: 2, Lindesberg: 2, "Anna Berg": 1, "Uppgift saknas": 1 },
      staysOverLimit: 1,
    });
  });
});
