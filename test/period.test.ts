/** The one period grammar (shared/period.ts): what each form means, one message, and the CLI, API and core reading it alike. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../service/server";
import { PERIOD, YEAR } from "../shared/api";
import { readBudgetSheet } from "../shared/budget";
import type { Failure } from "../shared/failures";
import { gridFromRows } from "../shared/grid";
import { describeFailure } from "../shared/messages";
import { readParticipantSheet } from "../shared/participants";
import {
  askedPeriod,
  dayLabel,
  FIRST_YEAR,
  isPeriodYear,
  isYearText,
  LAST_YEAR,
  PERIOD_EXAMPLES,
  parsePeriod,
  parseYear,
  periodLabel,
  YEAR_EXAMPLE,
} from "../shared/period";
import {
  bearer,
  createAssociation,
  pgliteEngine,
  putReport,
  simpleBudget,
  startTestServer,
} from "./service/helpers";
import { ROOT, samsyn } from "./support/cli";
import { thrownFailure } from "./support/failure";

const VAREN: Failure = { code: "invalid-period", text: "våren", expected: "period" };
const BAD_MONTH: Failure = { code: "invalid-period", text: "2014-13", expected: "period" };

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const days = (text: string) => {
  const p = parsePeriod(text);
  return p && [p.key, p.kind, p.first, p.last];
};

describe("the period grammar", () => {
  it("reads a year, a half, a quarter, a month and a span of years as the days they cover", () => {
    expect(days("2014")).toEqual(["2014", "year", utcDay(2014, 1, 1), utcDay(2014, 12, 31)]);
    expect(days("2014-H1")).toEqual(["2014-H1", "half", utcDay(2014, 1, 1), utcDay(2014, 6, 30)]);
    expect(days("2014-h2")).toEqual(["2014-H2", "half", utcDay(2014, 7, 1), utcDay(2014, 12, 31)]);
    expect(days("2014-Q3")).toEqual(["2014-Q3", "quarter", utcDay(2014, 7, 1), utcDay(2014, 9, 30)]);
    expect(days("2016Q1")).toEqual(["2016-Q1", "quarter", utcDay(2016, 1, 1), utcDay(2016, 3, 31)]);
    expect(days("2014-05")).toEqual(["2014-05", "month", utcDay(2014, 5, 1), utcDay(2014, 5, 31)]);
    expect(days("2016-02")).toEqual(["2016-02", "month", utcDay(2016, 2, 1), utcDay(2016, 2, 29)]);
    expect(days("2014-12")).toEqual(["2014-12", "month", utcDay(2014, 12, 1), utcDay(2014, 12, 31)]);
    // A span is every day of its first year through the last day of its last.
    expect(days("2013-2015")).toEqual(["2013-2015", "span", utcDay(2013, 1, 1), utcDay(2015, 12, 31)]);
    expect(days("2013 – 2015")?.[0]).toBe("2013-2015");
  });

  it("reads nothing else", () => {
    for (const t of [
      "2014-H3",
      "2014-Q5",
      "2014-13",
      "2014-00",
      "2014-5",
      "våren 2014",
      "2015-2013",
      "14",
      "2013-15",
      "",
    ])
      expect(parsePeriod(t), t).toBeNull();
  });

  it("property: every key it gives matches the wire pattern and reads back as itself", () => {
    const text = fc.oneof(
      fc.integer({ min: 1900, max: 2200 }).map(String),
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2200 }),
          fc.constantFrom("H", "Q", "h", "q"),
          fc.integer({ min: 0, max: 5 }),
        )
        .map(([y, k, n]) => `${y}-${k}${n}`),
      fc
        .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      fc
        .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1900, max: 2200 }))
        .map(([a, b]) => `${a}-${b}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const p = parsePeriod(t);
        if (p === null) return;
        expect(PERIOD.test(p.key)).toBe(true);
        expect(parsePeriod(p.key)).toEqual(p);
        expect(p.first).toBeLessThanOrEqual(p.last);
      }),
      { numRuns: 1000 },
    );
  });

  it("a year where only a year will do", () => {
    expect(parseYear("2009")).toBe("2009");
    expect(parseYear("2009-H1")).toBeNull();
    expect(YEAR.test("2009")).toBe(true);
  });

  it("one failure for a bad period, in Swedish and English, wherever it was typed", () => {
    expect(thrownFailure(() => askedPeriod("våren"))).toEqual(VAREN);
    expect(describeFailure(VAREN, "sv")).toBe(
      "Perioden ”våren” går inte att läsa; skriv ett år (2014), ett halvår (2014-H1), ett kvartal (2014-Q3), en månad (2014-05) eller flera år (2013-2015).",
    );
    expect(describeFailure(VAREN, "en")).toBe(
      'The period "våren" cannot be read; write a year (2014), a half (2014-H1), a quarter (2014-Q3), a month (2014-05) or years (2013-2015).',
    );
    expect(describeFailure({ ...VAREN, expected: "year" }, "sv")).toBe(
      "Perioden ”våren” är inte ett år; skriv till exempel 2009.",
    );
  });
});

describe("the core, the API and the CLI read the same periods", () => {
  const grid = gridFromRows("L", [
    ["Nr", "Personnummer", "Kön", "Hemkommun", "Inskriven", "Avslutad", "Avslutsorsak"],
    [1, "19871227-9028", "K", "Nora", "2014-05-10", null, null],
  ]);

  it("the core counts a month and a span", () => {
    for (const period of ["2014-05", "2013-2015"]) {
      const table = readParticipantSheet(grid, { today: new Date("2020-01-01"), period })!.tables[0]!;
      expect(table.kind === "participants" && [table.period, table.keyFigures.participants]).toEqual([
        period,
        1,
      ]);
    }
    expect(thrownFailure(() => readParticipantSheet(grid, { period: "2014-13" }))).toEqual(BAD_MONTH);
  });

  it("the API's path pattern takes every form the core reads", () => {
    for (const key of ["2014", "2014-H1", "2014-Q3", "2014-05", "2013-2015"])
      expect(PERIOD.test(key), key).toBe(true);
  });

  it("push --period refuses a bad period with the grammar's message before reaching any service", async () => {
    const result = await samsyn([
      "push",
      "../shared/fixtures/samverkansteamet-deltagare-2014.xlsx",
      "--to",
      "http://127.0.0.1:9",
      "--association",
      "x",
      "--token",
      "y",
      "--period",
      "2014-13",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`samsyn: ${describeFailure(BAD_MONTH, "sv")}\n`);
  });
});

describe("the API's paths take the grammar's periods", () => {
  const engine = pgliteEngine();
  let server: WebServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    url = server.url;
  });
  afterAll(async () => {
    await server.close();
    await engine.cleanup();
  });

  it("When a report is filed under a span or a month, then it is stored and read back under it", async () => {
    const ale = await createAssociation(url, "Samordningsförbundet Ale", 1);
    const span = await putReport(url, ale, "budget", "2013-2015", simpleBudget(["2013", "2014", "2015"]));
    const month = await putReport(url, ale, "budget", "2014-05", simpleBudget(["2014"]));
    expect([span.status, month.status]).toEqual([201, 201]);
    const back = await fetch(`${url}/api/associations/${ale.id}/reports/budget/2013-2015`, {
      headers: bearer(ale.token),
    });
    expect(back.status).toBe(200);
  });

  it("When the period cannot be read, then 400 invalid-period with the grammar's one message", async () => {
    const ale = await createAssociation(url, "Samordningsförbundet Ale 2", 2);
    const bad = await putReport(url, ale, "budget", "2014-13", simpleBudget(["2014"]));
    const body = (await bad.json()) as { error: { code: string; message: string; messageEn: string } };
    expect([bad.status, body.error.code, body.error.message, body.error.messageEn]).toEqual([
      400,
      "invalid-period",
      describeFailure(BAD_MONTH, "sv"),
      describeFailure(BAD_MONTH, "en"),
    ]);
  });
});

describe("When a period is shown to people", () => {
  it("then a part of a year reads as its months and never as the year; a span takes an en dash", () => {
    const labels = ["2041", "2041-H1", "2041-H2", "2041-Q3", "2041-05", "2013-2015", "alla"].map((k) => [
      periodLabel(k, "sv"),
      periodLabel(k, "en"),
    ]);
    expect(labels).toEqual([
      ["2041", "2041"],
      ["jan–jun 2041", "Jan–Jun 2041"],
      ["jul–dec 2041", "Jul–Dec 2041"],
      ["jul–sep 2041", "Jul–Sep 2041"],
      ["maj 2041", "May 2041"],
      ["2013–2015", "2013–2015"],
      ["alla", "alla"],
    ]);
  });
});

describe("When a text quotes the periods one may write", () => {
  it("then the examples are period.ts's own, one of each form, each read as that form", () => {
    expect(
      Object.entries(PERIOD_EXAMPLES).map(([kind, text]) => [
        kind,
        parsePeriod(text)?.kind,
        parsePeriod(text)?.key,
      ]),
    ).toEqual(
      Object.entries(PERIOD_EXAMPLES).map(([kind, text]) => [kind, kind === "span" ? "span" : kind, text]),
    );
    expect(parseYear(YEAR_EXAMPLE)).toBe(YEAR_EXAMPLE);
  });

  it("then the failure, the CLI's help and the README quote the same examples", async () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const help = (await samsyn(["inspect", "--help"])).stdout;
    const quoted = [describeFailure(VAREN, "sv"), describeFailure(VAREN, "en"), help, readme];
    for (const example of Object.values(PERIOD_EXAMPLES))
      expect(quoted.map((text) => text.includes(example))).toEqual([true, true, true, true]);
    expect(describeFailure({ code: "invalid-period", text: "x", expected: "year" }, "sv")).toContain(
      YEAR_EXAMPLE,
    );
  });
});

describe("When the pane or the page asks for a year", () => {
  it("then a year is four digits within the grammar's years, and nothing else", () => {
    expect(["2009", " 2009 ", "1900", "2200"].map(isYearText)).toEqual([true, true, true, true]);
    expect(["209", "20090", "1899", "2201", "2009-H1", "2013-2015", "år 2009", ""].map(isYearText)).toEqual(
      Array(8).fill(false),
    );
  });
});

describe("When a budget's column header holds a year", () => {
  const periodsOf = (header: string | number) => {
    const grid = gridFromRows("Blad1", [
      ["Belopp i kr", header],
      ["Finansiell ram", 4000],
      ["Insatser", 3000],
    ]);
    return readBudgetSheet(grid).tables.find((t) => t.kind === "budget")?.periods ?? null;
  };

  it("then the years it may hold are the period grammar's, 1900 to 2200, as text or as a number", () => {
    expect([1900, "1900", "Budget 1949", 2150, "Budget 2200", "2013/14", "2199-2200"].map(periodsOf)).toEqual(
      [["1900"], ["1900"], ["1949"], ["2150"], ["2200"], ["2013-2014"], ["2199-2200"]],
    );
    // Outside them a number is an amount, and "Budget 1899" a column named by its word, not a year.
    expect([1899, "Budget 1899", 2201, "Budget 2201"].map(periodsOf)).toEqual([
      null,
      ["Budget 1899"],
      null,
      ["Budget 2201"],
    ]);
    expect([FIRST_YEAR, LAST_YEAR].map(isPeriodYear)).toEqual([true, true]);
  });
});

describe("When a day is shown to people", () => {
  it("then it reads as day, month and year, the month by its short name", () => {
    expect([dayLabel("2026-12-06T14:05:00Z"), dayLabel("2026-05-01", "en"), dayLabel("i går")]).toEqual([
      "6 dec 2026",
      "1 May 2026",
      "i går",
    ]);
  });
});
