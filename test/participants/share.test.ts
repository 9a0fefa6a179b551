/** The shareable report: counts only, small counts suppressed, nothing recoverable, nothing personal. */
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressedMismatches } from "../../service/input";
import type { Grid } from "../../shared/grid";
import {
  keyFiguresFor,
  MISSING_HEMKOMMUN,
  MUNICIPALITIES,
  OTHER_HEMKOMMUN,
  parsePeriod,
  readParticipantSheet,
} from "../../shared/participants";
import { countsByPath } from "../../shared/participants/catalogue";
import {
  exposedCounts,
  shareableReport,
  shareableReports,
  suppressionOf,
} from "../../shared/participants/share";
import { type KeyFigures, ParticipantsReport, WHOLE_HEMKOMMUN } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { participantsReport } from "../service/helpers";
import { thrownFailure } from "../support/failure";
import {
  dateForms,
  FIXED_LAYOUT,
  generateRows,
  gridOf,
  idForms,
  MUNICIPALITIES_USED,
  type Row,
  randomLayout,
  rngFrom,
  STRAY_NAMES,
  sheetOf,
  TODAY,
} from "./generate";

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("suppressionOf", () => {
  const base = {
    participants: 40,
    new: 40,
    closed: 20,
    closedToWorkOrStudies: 10,
    staysOverLimit: 0,
    "byKon.kvinna": 20,
    "byKon.man": 20,
    "byAgeBand.18-24": 40,
    "byHemkommun.Nora": 40,
  };

  it("suppresses 1 … threshold−1, publishes 0 and the threshold itself", () => {
    const s = suppressionOf(counts({ ...base, staysOverLimit: 0, "byKon.kvinna": 5, "byKon.man": 35 }), 5);
    expect([...s]).toEqual([]);
    const t = suppressionOf(counts({ ...base, "byKon.kvinna": 4, "byKon.man": 36 }), 5);
    expect(t.has("byKon.kvinna")).toBe(true);
  });

  it("kön: when one of kvinna/man is suppressed, the other goes too", () => {
    const s = suppressionOf(counts({ ...base, "byKon.kvinna": 3, "byKon.man": 37 }), 5);
    expect([...s].sort()).toEqual(["byKon.kvinna", "byKon.man"]);
  });

  it("hemkommun: one small municipality withholds the whole breakdown, named by its own path", () => {
    const s = suppressionOf(
      counts({
        ...base,
        "byHemkommun.Nora": 2,
        "byHemkommun.Lindesberg": 20,
        "byHemkommun.Hällefors": 11,
        "byHemkommun.Ljusnarsberg": 7,
      }),
      5,
    );
    expect([...s].sort()).toEqual([
      "byHemkommun",
      "byHemkommun.Hällefors",
      "byHemkommun.Lindesberg",
      "byHemkommun.Ljusnarsberg",
      "byHemkommun.Nora",
    ]);
  });

  it("kön and age: a small number left out (unknown kön or age) withholds the breakdown too, zeros included", () => {
    const s = suppressionOf(counts({ ...base, "byKon.kvinna": 20, "byKon.man": 18 }), 5);
    expect([...s].sort()).toEqual(["byKon.kvinna", "byKon.man"]);
    const t = suppressionOf(counts({ ...base, "byAgeBand.18-24": 37 }), 5);
    expect([...t].sort()).toEqual([
      "byAgeBand.-17",
      "byAgeBand.18-24",
      "byAgeBand.25-29",
      "byAgeBand.30-39",
      "byAgeBand.40-49",
      "byAgeBand.50-64",
      "byAgeBand.65-",
    ]);
  });

  it("a suppressed total takes its sub-counts with it: closed suppressed, closed to work too", () => {
    // 37 of 40 closed: the 3 still open are protected by suppressing closed, and so its part.
    const s = suppressionOf(counts({ ...base, closed: 37, closedToWorkOrStudies: 20 }), 5);
    expect([...s].sort()).toEqual(["closed", "closedToWorkOrStudies"]);
  });

  it("fewer participants than the threshold: every count is suppressed, zeros too", () => {
    const s = suppressionOf(
      counts({
        participants: 3,
        new: 3,
        closed: 0,
        closedToWorkOrStudies: 0,
        staysOverLimit: 0,
        "byKon.kvinna": 3,
        "byKon.man": 0,
        "byAgeBand.18-24": 3,
        "byHemkommun.Nora": 3,
      }),
      5,
    );
    expect([...s].sort()).toEqual([
      "byAgeBand.-17",
      "byAgeBand.18-24",
      "byAgeBand.25-29",
      "byAgeBand.30-39",
      "byAgeBand.40-49",
      "byAgeBand.50-64",
      "byAgeBand.65-",
      "byHemkommun",
      "byHemkommun.Nora",
      "byKon.kvinna",
      "byKon.man",
      "closed",
      "closedToWorkOrStudies",
      "new",
      "participants",
      "staysOverLimit",
    ]);
  });

  it("closed to work or studies: a small remainder of the closed is protected too", () => {
    const s = suppressionOf(counts({ ...base, closed: 40, closedToWorkOrStudies: 38 }), 5);
    expect([...s]).toEqual(["closedToWorkOrStudies"]);
    // Suppressed, with a large unpublished remainder: nothing more to do.
    const t = suppressionOf(counts({ ...base, closed: 40, closedToWorkOrStudies: 3 }), 5);
    expect([...t]).toEqual(["closedToWorkOrStudies"]);
  });

  it("a higher threshold suppresses more", () => {
    const c = counts({ ...base, "byKon.kvinna": 7, "byKon.man": 33 });
    expect(suppressionOf(c, 5).size).toBe(0);
    expect([...suppressionOf(c, 10)].sort()).toEqual(["byKon.kvinna", "byKon.man"]);
  });
});

describe("exposedCounts: what the service can check of the rule", () => {
  const report = (figures: Partial<ParticipantsReport["keyFigures"]>, suppressed: string[] = []) =>
    participantsReport("2014", figures, suppressed);

  it("a report as the rule makes it: nothing exposed", () => {
    expect(exposedCounts(report({}), 5)).toEqual([]);
    expect(
      exposedCounts(
        report({ byHemkommun: {}, byKon: { kvinna: null, man: null } }, [
          WHOLE_HEMKOMMUN,
          "byKon.kvinna",
          "byKon.man",
        ]),
        5,
      ),
    ).toEqual([]);
  });

  it("suppression cell by cell, as before: the published part of a breakdown and every hemkommun key are exposed", () => {
    expect(
      exposedCounts(
        report({ byHemkommun: { Ale: null, Kungälv: 38 }, byKon: { kvinna: null, man: 18 } }, [
          "byHemkommun.Ale",
          "byKon.kvinna",
        ]),
        5,
      ).sort(),
    ).toEqual(["byHemkommun.Ale", "byHemkommun.Kungälv", "byKon.man"]);
  });

  it("a remainder of 1 … threshold−1 beside a published total, a part under a hidden total, a share or mean over a hidden count", () => {
    expect(exposedCounts(report({ byKon: { kvinna: 20, man: 18 } }), 5)).toEqual([
      "byKon.kvinna",
      "byKon.man",
    ]);
    expect(exposedCounts(report({ new: 37 }), 5)).toEqual(["new"]);
    expect(exposedCounts(report({ closed: null }, ["closed"]), 5).sort()).toEqual([
      "averageStayDays",
      "closedToWorkOrStudies",
      "shareClosedToWorkOrStudies",
    ]);
    // A remainder of 5 is no small count at threshold 5; at threshold 6 it is.
    expect(
      exposedCounts(report({ closedToWorkOrStudies: 10, shareClosedToWorkOrStudies: 10 / 15 }), 5),
    ).toEqual([]);
    expect(
      exposedCounts(report({ closedToWorkOrStudies: 10, shareClosedToWorkOrStudies: 10 / 15 }), 6),
    ).toEqual(["closedToWorkOrStudies"]);
  });

  it("a hidden total exposes every published part under it: a small list shares nothing but that", () => {
    expect(
      exposedCounts(report({ participants: null, byHemkommun: { Ale: null } }, ["participants"]), 5).sort(),
    ).toEqual([
      "byAgeBand.18-24",
      "byAgeBand.25-29",
      "byHemkommun.Ale",
      "byKon.kvinna",
      "byKon.man",
      "closed",
      "new",
      "staysOverLimit",
    ]);
  });
});

/**
 * What a reader of the report could work out by subtraction, written independently of the
 * implementation: a list of problems, empty when the report is safe.
 */
function disclosures(report: ParticipantsReport, truth: KeyFigures, threshold: number): string[] {
  const problems: string[] = [];
  const k = report.keyFigures;
  const small = (n: number) => n >= 1 && n < threshold;
  for (const [p, v] of countsByPath(report.keyFigures))
    if (v !== null && small(v)) problems.push(`published small ${p}=${v}`);
  // Partitions of the participants (kön and age are known for every generated person).
  const partitions: [string, (number | null)[]][] = [
    ["byHemkommun", Object.values(k.byHemkommun)],
    ["byKon", [k.byKon.kvinna, k.byKon.man]],
    ["byAgeBand", Object.values(k.byAgeBand)],
  ];
  for (const [name, parts] of partitions) {
    if (k.participants !== null && parts.filter((v) => v === null).length === 1)
      problems.push(`${name}: one suppressed part = participants − the others`);
  }
  // Sub-counts: publishing both reveals their difference.
  const subs: [string, number | null, number | null, number, number][] = [
    ["closed/toWork", k.closed, k.closedToWorkOrStudies, truth.closed, truth.closedToWorkOrStudies],
    ["participants/new", k.participants, k.new, truth.participants, truth.new],
    ["participants/closed", k.participants, k.closed, truth.participants, truth.closed],
    ["participants/overLimit", k.participants, k.staysOverLimit, truth.participants, truth.staysOverLimit],
  ];
  for (const [name, total, part, tTotal, tPart] of subs) {
    if (total !== null && part !== null && small(tTotal - tPart))
      problems.push(`${name}: difference ${tTotal - tPart}`);
  }
  if ((k.closed === null || k.closedToWorkOrStudies === null) && k.shareClosedToWorkOrStudies !== null)
    problems.push("share published over a suppressed count");
  if (k.closed === null && k.averageStayDays !== null)
    problems.push("average stay published over a suppressed count");
  return problems;
}

const arbitraryList = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  rows: fc.integer({ min: 0, max: 45 }),
  threshold: fc.integer({ min: 2, max: 10 }),
  municipalities: fc.integer({ min: 1, max: MUNICIPALITIES_USED.length }),
  closedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  period: fc.constantFrom(undefined, "2014", "2014-H2", "2015-Q1", "2014-2015"),
});

describe("shareableReport on generated lists (property)", () => {
  it("publishes no count in 1 … threshold−1, nothing recoverable, every published count true", () => {
    fc.assert(
      fc.property(arbitraryList, ({ seed, rows, threshold, municipalities, closedShare, period }) => {
        const rng = rngFrom(seed);
        const list = generateRows(rng, {
          rows,
          closedShare,
          municipalities: MUNICIPALITIES_USED.slice(0, municipalities),
          ages: { min: 16, max: 70 },
        });
        const reading = readParticipantSheet(gridOf(sheetOf(rng, list, FIXED_LAYOUT)), { today: TODAY })!;
        const report = shareableReport(reading, { threshold, ...(period ? { period } : {}) });
        expect(ParticipantsReport.parse(report)).toEqual(report);
        const p = period
          ? parsePeriod(period)!
          : { key: "", kind: "whole list" as const, first: -Infinity, last: Infinity };
        const truth = keyFiguresFor(reading.participants, p, { shareable: true });
        expect(disclosures(report, truth, threshold)).toEqual([]);
        const real = countsByPath(truth);
        const nulls: string[] = [];
        for (const [path, v] of countsByPath(report.keyFigures)) {
          if (v === null) nulls.push(path);
          else expect(v, path).toBe(real.get(path));
        }
        // Every suppressed count is listed, and nothing else but a share or mean hidden with them;
        // a hemkommun breakdown withheld whole is listed by its own path, its map empty.
        const listed = report.suppression.suppressed.filter(
          (s) => s !== "shareClosedToWorkOrStudies" && s !== "averageStayDays" && s !== WHOLE_HEMKOMMUN,
        );
        expect(listed.sort()).toEqual(nulls.sort());
        if (report.suppression.suppressed.includes(WHOLE_HEMKOMMUN))
          expect(report.keyFigures.byHemkommun).toEqual({});
        // The service's check of the same: suppressed is exactly the hidden figures.
        expect(suppressedMismatches(report)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** The text of every cell and every form of every identity number and birth date of a list. */
function secretsOf(rows: readonly Row[]): string[] {
  const secrets = new Set<string>();
  for (const row of rows) {
    for (const f of idForms(row.person.pnr)) secrets.add(f);
    for (const f of dateForms(row.person.birth)) secrets.add(f);
    for (const t of [row.remittent, row.kontaktMed, row.orsak, row.hemkommun])
      if (t && !MUNICIPALITIES.includes(t)) secrets.add(t);
  }
  return [...secrets];
}

describe("privacy: nothing personal in a shared report", () => {
  it("on the fixture: no identity number, birth date or free text of the sheet", async () => {
    const grids = await readWorkbookFile(
      path.resolve("../shared/fixtures/samverkansteamet-deltagare-2014.xlsx"),
    );
    const grid = grids[0] as Grid;
    const reading = readParticipantSheet(grid)!;
    const json = JSON.stringify(shareableReports(reading));
    const secrets = new Set<string>();
    for (const p of reading.participants) {
      for (const f of idForms(p.id!)) secrets.add(f);
      for (const f of dateForms(new Date(p.birth! * 86_400_000))) secrets.add(f);
    }
    // The title block and every data cell; the header row's words name the report's own fields.
    grid.values.forEach((row, r) => {
      if (r === 3) return;
      for (const v of row) if (typeof v === "string" && !MUNICIPALITIES.includes(v)) secrets.add(v);
    });
    expect(grid.values[3]?.[1]).toBe("Personnummer");
    expect(secrets.size).toBeGreaterThan(64 * 9);
    expect([...secrets].filter((s) => json.includes(s))).toEqual([]);
    // The check can fail: the local table carries what the report must not.
    expect(JSON.stringify(reading.participants)).toContain("19871227-9028");
  });

  it("on generated lists, names typed in the hemkommun column become Övriga", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 60 }), (seed, n) => {
        const rng = rngFrom(seed);
        const rows = generateRows(rng, { rows: n, strayHemkommun: 0.3 });
        const reading = readParticipantSheet(gridOf(sheetOf(rng, rows, randomLayout(rng))), {
          today: TODAY,
        })!;
        const report = shareableReport(reading, { threshold: 3 });
        const json = JSON.stringify(report);
        expect(secretsOf(rows).filter((s) => json.includes(s))).toEqual([]);
        for (const name of Object.keys(report.keyFigures.byHemkommun))
          expect([...MUNICIPALITIES, OTHER_HEMKOMMUN, MISSING_HEMKOMMUN]).toContain(name);
        const strays = rows.filter((r) => STRAY_NAMES.includes(r.hemkommun)).length;
        if (strays >= 3 && report.keyFigures.participants !== null)
          expect(report.keyFigures.byHemkommun[OTHER_HEMKOMMUN] ?? null).not.toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("the strict schema refuses a report carrying anything more", () => {
    const rng = rngFrom(5);
    const rows = generateRows(rng, { rows: 20 });
    const report = shareableReport(
      readParticipantSheet(gridOf(sheetOf(rng, rows, FIXED_LAYOUT)), { today: TODAY })!,
    );
    expect(ParticipantsReport.safeParse(report).success).toBe(true);
    expect(ParticipantsReport.safeParse({ ...report, rows: [rows[0]?.person.pnr] }).success).toBe(false);
    expect(
      ParticipantsReport.safeParse({ ...report, keyFigures: { ...report.keyFigures, names: ["x"] } }).success,
    ).toBe(false);
  });
});

describe("options", () => {
  const rng = rngFrom(11);
  const rows = generateRows(rng, { rows: 50 });
  const reading = readParticipantSheet(gridOf(sheetOf(rng, rows, FIXED_LAYOUT)), {
    today: TODAY,
    period: "2014",
    threshold: 3,
    insats: { name: "Samverkansteamet" },
  })!;

  it("takes period, threshold and insats from the reading unless given", () => {
    const [fromReading] = shareableReports(reading);
    expect(fromReading).toMatchObject({
      period: "2014",
      insats: "Samverkansteamet",
      suppression: { threshold: 3 },
    });
    const given = shareableReport(reading, { period: "2014-Q3", threshold: 8, insats: null });
    expect(given).toMatchObject({ period: "2014-Q3", insats: null, suppression: { threshold: 8 } });
  });

  it("a list of participants alone gives the whole-list report", () => {
    const report = shareableReport(reading.participants);
    expect(report.period).toMatch(/^2014(-201[56])?$/);
    expect(report.keyFigures.participants).toBe(50);
  });

  it("an unreadable period is a named error, not a wrong report", () => {
    expect(thrownFailure(() => shareableReport(reading, { period: "2014-Q5" }))).toEqual({
      code: "invalid-period",
      text: "2014-Q5",
      expected: "period",
    });
    expect(
      thrownFailure(() =>
        readParticipantSheet(gridOf(sheetOf(rng, rows, FIXED_LAYOUT)), { period: "våren" }),
      ),
    ).toEqual({ code: "invalid-period", text: "våren", expected: "period" });
  });
});
