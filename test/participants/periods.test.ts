/**
 * Reports of one association across periods: no count of 1 … threshold − 1 follows from
 * subtracting one published period from another, adding up a partition's known parts, or a
 * span against its years. The property test attacks the published reports with a general
 * linear-programming solver (yalps), independent of the shortest-path audit it checks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Constraint, solve } from "yalps";
import { ymdOf } from "../../shared/calendar";
import { keyFiguresFor, parsePeriod, readParticipantSheet } from "../../shared/participants";
import { countsByPath } from "../../shared/participants/catalogue";
import {
  exposedAcrossPeriods,
  type FlowCount,
  monthsKey,
  type PublishedReport,
} from "../../shared/participants/periods";
import { shareableReport } from "../../shared/participants/share";
import { ParticipantsReport } from "../../shared/report";
import { FIXED_LAYOUT, generateRows, gridOf, MUNICIPALITIES_USED, rngFrom, sheetOf, TODAY } from "./generate";

/** A report with the flow counts given (null: hidden); the rest large enough not to matter. */
function report(
  period: string,
  figures: Partial<Record<"participants" | FlowCount, number | null>> = {},
): ParticipantsReport {
  const keyFigures = {
    participants: 40,
    new: 20,
    closed: 15,
    closedToWorkOrStudies: 9,
    shareClosedToWorkOrStudies: null,
    byHemkommun: {},
    byKon: { kvinna: 20, man: 20 },
    byAgeBand: {},
    averageStayDays: null,
    staysOverLimit: 0,
    ...figures,
  };
  const suppressed = [...countsByPath(keyFigures)].filter(([, v]) => v === null).map(([p]) => p);
  return ParticipantsReport.parse({
    kind: "participants",
    period,
    insats: null,
    suppression: {
      threshold: 5,
      suppressed: ["byHemkommun", "shareClosedToWorkOrStudies", "averageStayDays", ...suppressed],
    },
    keyFigures,
  });
}

/** Reports filed as the whole list, as before lists had insats columns. */
const acrossPeriods = (
  candidate: ParticipantsReport,
  published: readonly ParticipantsReport[],
  threshold: number,
) =>
  exposedAcrossPeriods(
    { report: candidate },
    published.map((report) => ({ report })),
    threshold,
  );

const brief = (e: { figure: string; period: string; combines: readonly string[] }) =>
  `${e.figure} ${e.period} ← ${e.combines.join(" ")}`;

describe("When an association publishes a half-year and then the year", () => {
  it("then H2's hidden new (10 − 6 = 4) is exposed by the year, naming the periods it combines", () => {
    const h1 = report("2041-H1", { new: 6 });
    const h2 = report("2041-H2", { new: null });
    const year = report("2041", { new: 10 });
    expect(acrossPeriods(year, [h1, h2], 5).map(brief)).toEqual(["new 2041-H2 ← 2041 2041-H1"]);
    // Without an H2 report at all the months jul–dec are still 4 people: exposed all the same.
    expect(acrossPeriods(year, [h1], 5).map(brief)).toEqual(["new 2041-H2 ← 2041 2041-H1"]);
    // A year whose second half is 5 or more exposes nothing.
    expect(acrossPeriods(report("2041", { new: 11 }), [h1, h2], 5)).toEqual([]);
  });

  it("then H2 sent after the year and H1 exposes nothing new: the months were known before it came", () => {
    const h1 = report("2041-H1", { new: 6 });
    const year = report("2041", { new: 10 });
    expect(acrossPeriods(report("2041-H2", { new: null }), [h1, year], 5)).toEqual([]);
  });
});

describe("When a partition's known parts are added up", () => {
  it("then the year minus three published quarters exposes the fourth", () => {
    const quarters = [
      report("2041-Q1", { closed: 5 }),
      report("2041-Q2", { closed: 0 }),
      report("2041-Q4", { closed: 7 }),
    ];
    expect(acrossPeriods(report("2041", { closed: 14 }), quarters, 5).map(brief)).toEqual([
      "closed 2041-04–2041-09 ← 2041 2041-Q1 2041-Q4",
      "closed 2041-Q3 ← 2041 2041-Q1 2041-Q2 2041-Q4",
    ]);
    // With Q2 unknown either middle quarter may be 0, but the two together are 2 people.
    const unknownQ2 = [quarters[0]!, quarters[2]!];
    expect(acrossPeriods(report("2041", { closed: 14 }), unknownQ2, 5).map(brief)).toEqual([
      "closed 2041-04–2041-09 ← 2041 2041-Q1 2041-Q4",
    ]);
  });

  it("then a span against its years exposes the year not published", () => {
    const years = [report("2013", { new: 12 }), report("2014", { new: 9 })];
    expect(acrossPeriods(report("2013-2015", { new: 23 }), years, 5).map(brief)).toEqual([
      "new 2015 ← 2013 2013-2015 2014",
    ]);
  });
});

describe("When a report's own remainder becomes known through other periods", () => {
  it("then the participants who are not new (14 − (6 + 5) = 3) are exposed in the year", () => {
    const halves = [report("2041-H1", { new: 6 }), report("2041-H2", { new: 5 })];
    const year = report("2041", { participants: 14, new: null });
    expect(acrossPeriods(year, halves, 5).map(brief)).toEqual([
      "participants-new 2041 ← 2041 2041-H1 2041-H2",
    ]);
  });
});

describe("When published figures contradict each other", () => {
  it("then nothing is pinned through the contradiction, and what stands apart is still checked", () => {
    // 2040 says 10, its halves 6 and 6: no world has both, so H2 of 2040 is not pinned by them.
    const contradicting = [
      report("2040", { new: 10 }),
      report("2040-H1", { new: 6 }),
      report("2040-H2", { new: 6 }),
    ];
    expect(acrossPeriods(report("2041-H1", { new: 6 }), contradicting, 5)).toEqual([]);
    expect(
      acrossPeriods(report("2041", { new: 9 }), [...contradicting, report("2041-H1", { new: 6 })], 5).map(
        brief,
      ),
    ).toEqual(["new 2041-H2 ← 2041 2041-H1"]);
  });

  it("then reports of another insats are not combined", () => {
    const other = { ...report("2041-H1", { new: 6 }), insats: "Unga vuxna" };
    expect(acrossPeriods(report("2041", { new: 10 }), [other], 5)).toEqual([]);
  });
});

/** A report filed under its insats, one per insats of a list with an insats column. */
const filedUnder = (insats: string, r: ParticipantsReport) => ({ insats, report: { ...r, insats } });
const whole = (r: ParticipantsReport) => ({ report: r });
const withOutside = (e: {
  figure: string;
  period: string;
  combines: readonly string[];
  outside?: readonly string[];
}) => `${brief(e)} outside ${(e.outside ?? []).join(", ")}`;

describe("When the whole list and its insatser are published for the same months", () => {
  it("then the whole less the insatser it pins is the rest, and a rest of 20 − 10 − 7 = 3 is exposed whichever comes last", () => {
    const w = whole(report("2023", { new: 20 }));
    const a = filedUnder("Jobbcoacher", report("2023", { new: 10 }));
    const b = filedUnder("IPS", report("2023", { new: 7 }));
    expect(exposedAcrossPeriods(b, [w, a], 5).map(withOutside)).toEqual([
      "new 2023 ← 2023 outside IPS, Jobbcoacher",
    ]);
    expect(exposedAcrossPeriods(w, [a, b], 5).map(withOutside)).toEqual([
      "new 2023 ← 2023 outside IPS, Jobbcoacher",
    ]);
    // A rest of 5 or more, or of none at all, exposes nothing.
    expect(exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 5 })), [w, a], 5)).toEqual([]);
    expect(exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 10 })), [w, a], 5)).toEqual([]);
    // B's new hidden: the rest is 10, and B's count within it is not pinned.
    expect(exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: null })), [w, a], 5)).toEqual([]);
  });

  it("then the insatser's halves pin their year: 20 − (6 + 4) − 7 = 3 outside them", () => {
    const w = whole(report("2023", { new: 20 }));
    const published = [
      w,
      filedUnder("Jobbcoacher", report("2023-H1", { new: 6 })),
      filedUnder("Jobbcoacher", report("2023-H2", { new: 4 })),
    ];
    expect(
      exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 7 })), published, 5).map(withOutside),
    ).toEqual(["new 2023 ← 2023 2023-H1 2023-H2 outside IPS, Jobbcoacher"]);
  });

  it("then people are counted once: women outside one insats are 12 − 9 = 3, whichever of the two is sent last", () => {
    const women = (r: ParticipantsReport, kvinna: number) => ({
      ...r,
      keyFigures: { ...r.keyFigures, byKon: { kvinna, man: 20 } },
    });
    const w = whole(women(report("2023"), 12));
    const a = filedUnder("Jobbcoacher", women(report("2023"), 9));
    expect(exposedAcrossPeriods(a, [w], 5).map(withOutside)).toEqual([
      "byKon.kvinna 2023 ← 2023 outside Jobbcoacher",
    ]);
    // A woman may be in both insatser: outside both is anything from 12 − 15 to 3, which pins
    // nothing more; the whole sent last still shows the 3 outside Jobbcoacher.
    const b = filedUnder("IPS", women(report("2023"), 6));
    expect(exposedAcrossPeriods(b, [w, a], 5)).toEqual([]);
    expect(exposedAcrossPeriods(w, [a, b], 5).map(withOutside)).toEqual([
      "byKon.kvinna 2023 ← 2023 outside Jobbcoacher",
    ]);
  });

  it("then stays over the limit add up: 12 − 5 − 5 = 2 outside both insatser, though 7 outside each", () => {
    const over = (r: ParticipantsReport, staysOverLimit: number) => ({
      ...r,
      keyFigures: { ...r.keyFigures, staysOverLimit },
    });
    const w = whole(over(report("2023"), 12));
    const a = filedUnder("Jobbcoacher", over(report("2023"), 5));
    expect(exposedAcrossPeriods(a, [w], 5)).toEqual([]);
    expect(
      exposedAcrossPeriods(filedUnder("IPS", over(report("2023"), 5)), [w, a], 5).map(withOutside),
    ).toEqual(["staysOverLimit 2023 ← 2023 outside IPS, Jobbcoacher"]);
  });

  it("then reports of other months, or insatser without a whole list, are not combined", () => {
    const a = filedUnder("Jobbcoacher", report("2023", { new: 10 }));
    expect(exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 7 })), [a], 5)).toEqual([]);
    const w2022 = whole(report("2022", { new: 20 }));
    expect(exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 7 })), [w2022, a], 5)).toEqual([]);
  });

  it("then a list that names its insats but is filed as the whole list is the whole, not a part", () => {
    // Before insats columns a list named its insats and was filed as the whole list.
    const w = whole({ ...report("2023", { new: 20 }), insats: "Samverkansteamet" });
    const a = filedUnder("Jobbcoacher", report("2023", { new: 10 }));
    expect(
      exposedAcrossPeriods(filedUnder("IPS", report("2023", { new: 7 })), [w, a], 5).map(withOutside),
    ).toEqual(["new 2023 ← 2023 outside IPS, Jobbcoacher"]);
  });
});

describe("monthsKey", () => {
  it("names months by the period they are, where they are one", () => {
    const m = (y: number, month: number) => y * 12 + month - 1;
    expect([
      monthsKey(m(2041, 1), m(2042, 1)),
      monthsKey(m(2041, 7), m(2042, 1)),
      monthsKey(m(2041, 4), m(2041, 7)),
      monthsKey(m(2041, 5), m(2041, 6)),
      monthsKey(m(2013, 1), m(2016, 1)),
      monthsKey(m(2041, 4), m(2041, 10)),
    ]).toEqual(["2041", "2041-H2", "2041-Q2", "2041-05", "2013-2015", "2041-04–2041-09"]);
  });
});

// —— the attacker: a general LP over the published reports ——

const FLOWS = ["new", "closed", "closedToWorkOrStudies"] as const;

function monthsOf(key: string): [number, number] {
  const p = parsePeriod(key)!;
  const a = ymdOf(p.first);
  const b = ymdOf(p.last);
  return [a.year * 12 + a.month - 1, b.year * 12 + b.month];
}

/**
 * Every count of people the published reports pin to 1 … threshold − 1, found by minimising
 * and maximising it over all non-negative monthly counts that agree with what is published:
 * each flow count over every span between the reports' boundaries, and each report's remainders.
 */
function attack(published: readonly ParticipantsReport[], threshold: number): string[] {
  const bounds = [...new Set(published.flatMap((r) => monthsOf(r.period)))].sort((a, b) => a - b);
  const atoms = bounds.slice(1).map((to, i) => [bounds[i]!, to] as const);
  const within = (from: number, to: number) => atoms.filter(([a, b]) => a >= from && b <= to);
  const constraints = new Map<string, Constraint>();
  for (const [r, i] of published.map((r, i) => [r, i] as const))
    for (const f of FLOWS) {
      const v = r.keyFigures[f];
      if (v !== null) constraints.set(`${f}@${i}`, { equal: v });
    }
  const variables = (objective: (f: string, atom: readonly [number, number]) => number) =>
    FLOWS.flatMap((f) =>
      atoms.map((atom) => {
        const coefficients: [string, number][] = published.flatMap((r, i) => {
          const [a, b] = monthsOf(r.period);
          return r.keyFigures[f] !== null && atom[0] >= a && atom[1] <= b
            ? [[`${f}@${i}`, 1] as [string, number]]
            : [];
        });
        coefficients.push(["objective", objective(f, atom)]);
        return [`${f}:${atom[0]}`, coefficients] as const;
      }),
    );
  const range = (objective: (f: string, atom: readonly [number, number]) => number): [number, number] => {
    const vars = variables(objective);
    const max = solve({ direction: "maximize", objective: "objective", constraints, variables: vars });
    const min = solve({ direction: "minimize", objective: "objective", constraints, variables: vars });
    if (max.status === "infeasible") return [0, Infinity];
    return [
      min.status === "unbounded" ? -Infinity : min.result,
      max.status === "unbounded" ? Infinity : max.result,
    ];
  };
  const small = ([min, max]: [number, number]) => min >= 1 - 1e-6 && max <= threshold - 1 + 1e-6;
  const found: string[] = [];
  for (let i = 0; i < bounds.length; i++)
    for (let j = i + 1; j < bounds.length; j++) {
      const inside = new Set(within(bounds[i]!, bounds[j]!).map(([a]) => a));
      for (const f of FLOWS)
        if (small(range((g, atom) => (g === f && inside.has(atom[0]) ? 1 : 0))))
          found.push(`${f} ${monthsKey(bounds[i]!, bounds[j]!)}`);
    }
  for (const r of published) {
    const [a, b] = monthsOf(r.period);
    const inside = new Set(within(a, b).map(([x]) => x));
    const sum = (f: string) => (g: string, atom: readonly [number, number]) =>
      g === f && inside.has(atom[0]) ? 1 : 0;
    const p = r.keyFigures.participants;
    for (const part of ["new", "closed"] as const) {
      if (p === null) continue;
      const [lo, hi] = range(sum(part));
      if (small([p - hi, p - lo])) found.push(`participants-${part} ${r.period}`);
    }
    const rest = range((g, atom) =>
      inside.has(atom[0]) ? (g === "closed" ? 1 : g === "closedToWorkOrStudies" ? -1 : 0) : 0,
    );
    // closed − closedToWorkOrStudies is unbounded below without the per-month link; only ≥ 0 counts.
    if (small([Math.max(0, rest[0]), rest[1]])) found.push(`closed-closedToWorkOrStudies ${r.period}`);
  }
  return found;
}

describe("the attacker itself", () => {
  it("finds H2 = year − H1 in what a careless client would publish", () => {
    expect(attack([report("2041-H1", { new: 6 }), report("2041", { new: 10 })], 5)).toContain("new 2041-H2");
  });
});

/** A generated participant list of `rows` rows, read as a sheet is. */
function generatedList(rng: () => number, rows: number) {
  const list = generateRows(rng, {
    rows,
    municipalities: MUNICIPALITIES_USED.slice(0, 3),
    ages: { min: 16, max: 70 },
  });
  return readParticipantSheet(gridOf(sheetOf(rng, list, FIXED_LAYOUT)), { today: TODAY })!;
}

const POOL = [
  "2014",
  "2014-H1",
  "2014-H2",
  "2014-Q1",
  "2014-Q2",
  "2014-Q3",
  "2014-Q4",
  "2014-05",
  "2015",
  "2015-H1",
  "2015-H2",
  "2014-2015",
];

describe("adversarial sequences of reports from one association (property)", () => {
  it("never publish a combination that pins a hidden count to 1 … threshold − 1, and every figure shown is true", () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          rows: fc.integer({ min: 0, max: 45 }),
          threshold: fc.integer({ min: 3, max: 6 }),
          periods: fc.array(fc.constantFrom(...POOL), { minLength: 2, maxLength: 7 }),
        }),
        ({ seed, rows, threshold, periods }) => {
          const rng = rngFrom(seed);
          const reading = generatedList(rng, rows);
          const latest = new Map<string, ParticipantsReport>();
          for (const period of periods) {
            const published = [...latest.values()].filter((r) => r.period !== period);
            const sent = shareableReport(reading, {
              threshold,
              period,
              published: published.map((report) => ({ report })),
            });
            // What the service would refuse is not published.
            if (acrossPeriods(sent, published, threshold).length > 0) {
              refused++;
              continue;
            }
            const truth = countsByPath(
              keyFiguresFor(reading.participants, parsePeriod(period)!, { shareable: true }),
            );
            for (const [path, v] of countsByPath(sent.keyFigures))
              if (v !== null) expect(v, path).toBe(truth.get(path));
            latest.set(period, sent);
          }
          expect(attack([...latest.values()], threshold)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    expect(refused).toBe(0);
  });
});

// —— the whole list and its insatser, attacked together ——

const GROUPS = ["Jobbcoacher", "IPS", "Unga vuxna", null] as const;

/**
 * Every sum of groups' flow counts (any insatser, with or without the rows of none) over every
 * span between the reports' boundaries that the published reports pin to 1 … threshold − 1,
 * by a general LP: a variable per group, flow count and month range, each ≥ 0; a whole-list
 * report fixes the sum over all groups, a report filed under an insats that insats's sum.
 */
function attackGroups(published: readonly PublishedReport[], threshold: number): string[] {
  const bounds = [...new Set(published.flatMap((r) => monthsOf(r.report.period)))].sort((a, b) => a - b);
  const atoms = bounds.slice(1).map((to, i) => [bounds[i]!, to] as const);
  const constraints = new Map<string, Constraint>();
  published.forEach(({ report }, i) => {
    for (const f of FLOWS)
      if (report.keyFigures[f] !== null) constraints.set(`${f}@${i}`, { equal: report.keyFigures[f]! });
  });
  const variables = (objective: (g: number, f: string, atom: readonly [number, number]) => number) =>
    GROUPS.flatMap((group, g) =>
      FLOWS.flatMap((f) =>
        atoms.map((atom) => {
          const coefficients: [string, number][] = published.flatMap(({ insats, report }, i) => {
            const [a, b] = monthsOf(report.period);
            const covers = report.keyFigures[f] !== null && atom[0] >= a && atom[1] <= b;
            // The whole list counts every group; a report filed under an insats, that insats.
            return covers && (insats === undefined || insats === group)
              ? [[`${f}@${i}`, 1] as [string, number]]
              : [];
          });
          coefficients.push(["objective", objective(g, f, atom)]);
          return [`${g}:${f}:${atom[0]}`, coefficients] as const;
        }),
      ),
    );
  const found: string[] = [];
  for (let i = 0; i < bounds.length; i++)
    for (let j = i + 1; j < bounds.length; j++)
      for (const f of FLOWS)
        for (let subset = 1; subset < 1 << GROUPS.length; subset++) {
          const objective = (g: number, h: string, atom: readonly [number, number]) =>
            (subset >> g) & 1 && h === f && atom[0] >= bounds[i]! && atom[1] <= bounds[j]! ? 1 : 0;
          const vars = variables(objective);
          const max = solve({ direction: "maximize", objective: "objective", constraints, variables: vars });
          if (max.status !== "optimal" || max.result > threshold - 1 + 1e-6) continue;
          const min = solve({ direction: "minimize", objective: "objective", constraints, variables: vars });
          if (min.status === "optimal" && min.result >= 1 - 1e-6)
            found.push(
              `${f} ${monthsKey(bounds[i]!, bounds[j]!)} of ${GROUPS.filter((_, g) => (subset >> g) & 1).join(" + ")}`,
            );
        }
  return found;
}

describe("the whole list and its insatser, sent in any order (property)", () => {
  it("never publish a combination that pins the sum of any insatser (or of the rows with none) to 1 … threshold − 1", () => {
    let refused = 0;
    let sent = 0;
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          rows: fc.integer({ min: 0, max: 40 }),
          threshold: fc.integer({ min: 3, max: 6 }),
          sends: fc.array(fc.tuple(fc.constantFrom("2014", "2014-H1", "2014-H2"), fc.boolean()), {
            minLength: 2,
            maxLength: 5,
          }),
        }),
        ({ seed, rows, threshold, sends }) => {
          const rng = rngFrom(seed);
          const reading = generatedList(rng, rows);
          // Each row in one insats, a small one among them, or now and then in none: small rests.
          const groupOf = () => {
            const x = rng();
            return x < 0.5 ? GROUPS[0] : x < 0.85 ? GROUPS[1] : x < 0.95 ? GROUPS[2] : GROUPS[3];
          };
          const participants = reading.participants.map((p) => ({ ...p, insats: groupOf() }));
          const latest = new Map<string, PublishedReport>();
          for (const [period, perInsats] of sends) {
            const candidates: PublishedReport[] = perInsats
              ? GROUPS.flatMap((insats) =>
                  insats === null
                    ? []
                    : [
                        {
                          insats,
                          report: shareableReport(
                            { participants: participants.filter((p) => p.insats === insats), period, insats },
                            { threshold, period, filedPerInsats: true, published: [...latest.values()] },
                          ),
                        },
                      ],
                )
              : [
                  {
                    report: shareableReport(
                      { participants, period, insats: null },
                      { threshold, period, published: [...latest.values()] },
                    ),
                  },
                ];
            for (const candidate of candidates) {
              const key = `${period}\u0000${candidate.insats ?? ""}`;
              const others = [...latest].filter(([k]) => k !== key).map(([, r]) => r);
              // What the service would refuse is not published.
              if (exposedAcrossPeriods(candidate, others, threshold).length > 0) {
                refused++;
                continue;
              }
              sent++;
              latest.set(key, candidate);
            }
          }
          expect(attackGroups([...latest.values()], threshold)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
    expect(sent).toBeGreaterThan(refused);
  }, 120_000);
});
