/** The pure merge: which report answers for a year, groups and overrides, totals, suppression. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MergedParticipants, type MergeReport, merge } from "../../shared/merge";
import { periodYear } from "../../shared/period";
import { type ParticipantsReport, WHOLE_HEMKOMMUN } from "../../shared/report";
import { budgetReport, participantsReport, simpleBudget, sydostBudget } from "./helpers";

const ale = { id: "ale", name: "Ale" };
const nora = { id: "nora", name: "Nora" };

const stored = (
  associationId: string,
  period: string,
  revision: number,
  createdAt: string,
  report: MergeReport["report"],
) => ({
  associationId,
  period,
  revision,
  createdAt,
  report,
});

describe("merge of budgets", () => {
  it("When a plan 2008 has columns 2008–2010, then it answers for 2009 until a newer report covering 2009 arrives", () => {
    const plan2008 = stored("ale", "2008", 3, "2008-11-20T10:00:00Z", simpleBudget(["2008", "2009", "2010"]));
    const before = merge({ kind: "budget", period: "2009", associations: [ale], reports: [plan2008] });
    expect(before.associations.map((a) => [a.id, a.revision, a.reportPeriod])).toEqual([["ale", 3, "2008"]]);

    const plan2009 = stored("ale", "2009", 1, "2009-11-25T10:00:00Z", simpleBudget(["2009", "2010"], 2));
    const after = merge({
      kind: "budget",
      period: "2009",
      associations: [ale],
      reports: [plan2008, plan2009],
    });
    expect(after.associations.map((a) => [a.id, a.revision, a.reportPeriod])).toEqual([["ale", 1, "2009"]]);
    // Nothing covers 2011.
    const none = merge({
      kind: "budget",
      period: "2011",
      associations: [ale],
      reports: [plan2008, plan2009],
    });
    expect(none.associations.map((a) => [a.id, a.revision, a.income])).toEqual([["ale", null, null]]);
  });

  it("When lines carry groups, then costs split by group, surplus and its share follow, and network totals add up", () => {
    const a = stored("ale", "2009", 1, "2009-01-01T00:00:00Z", simpleBudget(["2009"]));
    const n = stored(
      "nora",
      "2009",
      2,
      "2009-01-02T00:00:00Z",
      budgetReport({
        years: ["Budget 2009", "Prognos 2008"],
        lines: [
          ["income", "finansiell ram", "Finansiell ram", 1_000_000],
          ["cost", "insatser", "Projekt", 700_000],
          ["cost", "utvärdering", "Utvärdering", 100_000],
          ["cost", "övrigt", "Övrigt", 300_000],
        ],
      }),
    );
    const view = merge({ kind: "budget", period: "2009", associations: [ale, nora], reports: [a, n] });
    if (view.kind !== "budget") throw new Error("kind");
    expect(
      view.associations.map((x) => [x.id, x.periodKey, x.income, x.cost, x.surplus, x.surplusShare]),
    ).toEqual([
      ["ale", "2009", 1_540_000, 1_390_000, 150_000, 150_000 / 1_540_000],
      ["nora", "Budget 2009", 1_000_000, 1_100_000, -100_000, -0.1],
    ]);
    expect(view.network).toMatchObject({ reporting: 2, income: 2_540_000, cost: 2_490_000, surplus: 50_000 });
    expect(view.network.costByGroup).toEqual({
      insatser: 1_600_000,
      "kansli och administration": 400_000,
      styrelse: 60_000,
      revision: 30_000,
      ekonomiadministration: 0,
      utvärdering: 100_000,
      övrigt: 300_000,
    });
  });

  it("When a label has an override, then the merge uses it and the mapping shows both groups", () => {
    const a = stored("ale", "2009", 1, "2009-01-01T00:00:00Z", simpleBudget(["2009"]));
    const view = merge({
      kind: "budget",
      period: "2009",
      associations: [ale],
      reports: [a],
      overrides: [{ associationId: "ale", label: "Kansli", group: "ekonomiadministration" }],
    });
    if (view.kind !== "budget") throw new Error("kind");
    const row = view.associations[0]!;
    expect(row.mapping.filter((m) => m.overridden).map((m) => [m.label, m.detectedGroup, m.group])).toEqual([
      ["Kansli", "kansli och administration", "ekonomiadministration"],
    ]);
    expect([
      row.costByGroup.ekonomiadministration,
      row.costByGroup["kansli och administration"],
      row.cost,
    ]).toEqual([400_000, 0, 1_390_000]);
  });

  it("When period keys are written in words, then periodYear finds the year", () => {
    expect(
      ["2008", "Budget 2015", "Prognos 2014", "2014-H1", "2008 (tkr)", "tkr", "12345"].map(periodYear),
    ).toEqual(["2008", "2015", "2014", "2014", "2008", null, null]);
  });

  it("When one association reports utfall and another budget only, then utfall stands beside the budget for the first, is absent for the second, and the network's utfall and avvikelse sum the one that reported", () => {
    const sydost = { id: "sydost", name: "Sydost" };
    const reports = [
      stored("sydost", "2023", 2, "2024-02-10T10:00:00Z", sydostBudget()),
      stored("ale", "2023", 1, "2022-11-20T10:00:00Z", simpleBudget(["2023"])),
    ];
    const view = merge({ kind: "budget", period: "2023", associations: [ale, sydost], reports });
    const [a, s] = view.associations;
    expect(a?.outcome).toBeUndefined();
    expect(a?.mapping.every((m) => !("outcome" in m))).toBe(true);
    // The sheet's own sums: Summa intäkter 8 012 345, Summa kostnader 7 528 150, Årets resultat 484 195.
    expect(s?.outcome).toEqual({
      periodKey: "2023",
      income: 8_012_345,
      cost: 7_528_150,
      surplus: 484_195,
      incomeByGroup: {
        "finansiell ram": 0,
        medlemsbidrag: 8_000_000,
        "eget kapital": 0,
        "övriga intäkter": 12_345,
      },
      costByGroup: {
        insatser: 6_070_500,
        "kansli och administration": 1_098_400,
        styrelse: 152_300,
        revision: 88_750,
        ekonomiadministration: 118_200,
        utvärdering: 0,
        övrigt: 0,
      },
    });
    expect([s?.income, s?.cost, s?.surplus]).toEqual([8_000_000, 7_840_000, 160_000]);
    expect(s?.mapping.find((m) => m.label === "Unga till arbete")).toMatchObject({
      amount: 1_500_000,
      outcome: 1_320_000,
    });
    // Budget over both; utfall and avvikelse over Sydost alone.
    expect(view.network.reporting).toBe(2);
    expect(view.network.cost).toBe(1_390_000 + 7_840_000);
    expect(view.network.outcome).toMatchObject({
      reporting: 1,
      income: 8_012_345,
      cost: 7_528_150,
      surplus: 484_195,
    });
    expect(view.network.outcome?.deviation).toMatchObject({
      income: 12_345,
      cost: -311_850,
      surplus: 324_195,
    });
    expect(view.network.outcome?.deviation.costByGroup).toMatchObject({
      insatser: -229_500,
      styrelse: -27_700,
    });
  });

  it("When the year asked has budget but no utfall (the plan year 2024), then no association and not the network carries utfall", () => {
    const view = merge({
      kind: "budget",
      period: "2024",
      associations: [{ id: "sydost", name: "Sydost" }],
      reports: [stored("sydost", "2023", 2, "2024-02-10T10:00:00Z", sydostBudget())],
    });
    expect(view.associations[0]?.income).toBe(8_160_000);
    expect(view.associations[0]?.outcome).toBeUndefined();
    expect(view.network.outcome).toBeUndefined();
  });
});

describe("merge of participants", () => {
  it("When an association suppressed a count, then the network total is the known sum, a lower bound, with how many suppressed it", () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [ale, nora],
      reports: [
        stored("ale", "2014", 1, "2015-01-10T00:00:00Z", participantsReport("2014")),
        stored(
          "nora",
          "2014",
          1,
          "2015-01-11T00:00:00Z",
          participantsReport(
            "2014",
            {
              byHemkommun: { Nora: null, Lindesberg: 38 },
              staysOverLimit: null,
              closed: null,
              shareClosedToWorkOrStudies: null,
              averageStayDays: null,
            },
            ["byHemkommun.Nora", "closed", "shareClosedToWorkOrStudies", "averageStayDays", "staysOverLimit"],
          ),
        ),
      ],
    });
    if (view.kind !== "participants") throw new Error("kind");
    const exact = (value: number) => ({ value, lowerBound: false, suppressedIn: 0 });
    const atLeast = (value: number, suppressedIn: number) => ({ value, lowerBound: true, suppressedIn });
    expect(view.network.keyFigures).toEqual({
      participants: exact(80),
      new: exact(40),
      closed: atLeast(15, 1),
      closedToWorkOrStudies: exact(18),
      // A ratio and a mean over a lower bound are not given.
      shareClosedToWorkOrStudies: null,
      // An association without a key had no one there: it counts 0, exactly.
      byHemkommun: { Ale: exact(25), Kungälv: exact(15), Lindesberg: exact(38), Nora: atLeast(0, 1) },
      byKon: { kvinna: exact(44), man: exact(36) },
      byAgeBand: { "18-24": exact(60), "25-29": exact(20) },
      averageStayDays: null,
      staysOverLimit: atLeast(0, 1),
    });
    expect(Object.keys(view.network)).toEqual(["reporting", "keyFigures"]);
    expect(view.associations[1]!.suppressed).toEqual([
      "byHemkommun.Nora",
      "closed",
      "shareClosedToWorkOrStudies",
      "averageStayDays",
      "staysOverLimit",
    ]);
    expect(MergedParticipants.parse(view)).toEqual(view);
  });

  it("When an association withheld its hemkommun breakdown whole, then every hemkommun total is a lower bound it is counted under", () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [ale, nora],
      reports: [
        stored("ale", "2014", 1, "2015-01-10T00:00:00Z", participantsReport("2014")),
        stored(
          "nora",
          "2014",
          1,
          "2015-01-11T00:00:00Z",
          participantsReport("2014", { byHemkommun: {} }, [WHOLE_HEMKOMMUN]),
        ),
      ],
    });
    if (view.kind !== "participants") throw new Error("kind");
    expect(view.network.keyFigures.byHemkommun).toEqual({
      Ale: { value: 25, lowerBound: true, suppressedIn: 1 },
      Kungälv: { value: 15, lowerBound: true, suppressedIn: 1 },
    });
    // Without the mark, an empty map is an association where nobody lives anywhere listed: exact.
    const unmarked = merge({
      kind: "participants",
      period: "2014",
      associations: [ale, nora],
      reports: [
        stored("ale", "2014", 1, "2015-01-10T00:00:00Z", participantsReport("2014")),
        stored("nora", "2014", 1, "2015-01-11T00:00:00Z", participantsReport("2014", { byHemkommun: {} })),
      ],
    });
    if (unmarked.kind !== "participants") throw new Error("kind");
    expect(unmarked.network.keyFigures.byHemkommun.Ale).toEqual({
      value: 25,
      lowerBound: false,
      suppressedIn: 0,
    });
  });

  it("When every count is known, then the network's share and mean stay are exact: the mean weighted by closed stays", () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [ale, nora],
      reports: [
        stored(
          "ale",
          "2014",
          1,
          "2015-01-10T00:00:00Z",
          participantsReport("2014", { closed: 10, closedToWorkOrStudies: 5, averageStayDays: 100 }),
        ),
        stored(
          "nora",
          "2014",
          1,
          "2015-01-11T00:00:00Z",
          participantsReport("2014", {
            participants: 200,
            closed: 30,
            closedToWorkOrStudies: 6,
            averageStayDays: 300,
          }),
        ),
      ],
    });
    if (view.kind !== "participants") throw new Error("kind");
    // (100 × 10 + 300 × 30) / 40: weighted by the stays the means are over, not by participants.
    expect([
      view.network.keyFigures.averageStayDays,
      view.network.keyFigures.shareClosedToWorkOrStudies,
    ]).toEqual([250, 11 / 40]);
    expect(view.network.keyFigures.participants).toEqual({ value: 240, lowerBound: false, suppressedIn: 0 });
  });

  it("When an association has a half-year and a whole-year report, then the whole year answers", () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations: [ale],
      reports: [
        stored("ale", "2014", 2, "2014-12-01T00:00:00Z", participantsReport("2014")),
        stored("ale", "2014-H2", 1, "2015-01-05T00:00:00Z", participantsReport("2014-H2")),
        stored("ale", "2015", 1, "2016-01-05T00:00:00Z", participantsReport("2015")),
      ],
    });
    expect(view.associations.map((a) => [a.reportPeriod, a.revision])).toEqual([["2014", 2]]);
  });

  it("Property: a network count is the sum of the published figures, a lower bound exactly when some contributor suppressed it", () => {
    const count = fc.option(fc.nat({ max: 500 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count), { minLength: 1, maxLength: 12 }), (cells) => {
        const associations = cells.map((_, i) => ({ id: `a${i}`, name: `F${i}` }));
        const reports = cells.map(([kvinna, man], i) => {
          const suppressed = [
            kvinna === null ? "byKon.kvinna" : null,
            man === null ? "byKon.man" : null,
          ].filter((p): p is string => p !== null);
          const report: ParticipantsReport = participantsReport(
            "2014",
            { byKon: { kvinna, man } },
            suppressed,
          );
          return stored(`a${i}`, "2014", 1, "2015-01-01T00:00:00Z", report);
        });
        const view = merge({ kind: "participants", period: "2014", associations, reports });
        if (view.kind !== "participants") return false;
        const expected = (pick: 0 | 1) => {
          const hidden = cells.filter((c) => c[pick] === null).length;
          return {
            value: cells.reduce((s, c) => s + (c[pick] ?? 0), 0),
            lowerBound: hidden > 0,
            suppressedIn: hidden,
          };
        };
        expect(view.network.keyFigures.byKon).toEqual({ kvinna: expected(0), man: expected(1) });
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe("merge of participants per insats", () => {
  const withInsats = (
    insats: string | null,
    figures: Partial<ParticipantsReport["keyFigures"]> = {},
    hidden: string[] = [],
  ) => ({
    ...participantsReport("2023", figures, hidden),
    insats,
  });
  const filed = (
    associationId: string,
    insats: string | undefined,
    report: ParticipantsReport,
    at = "2024-01-10T00:00:00Z",
  ) => ({
    ...stored(associationId, "2023", 1, at, report),
    ...(insats !== undefined ? { insats } : {}),
  });

  it("When an association filed its whole list before and per insats since, then all adds up the insatser only, never the whole list beside them", () => {
    const reports = [
      filed("ale", undefined, withInsats(null, { participants: 70 }), "2023-12-01T00:00:00Z"),
      filed("ale", "Jobbcoacher", withInsats("Jobbcoacher", { participants: 40 })),
      filed("ale", "Unga", withInsats("Unga", { participants: 30 })),
      // Nora's whole list is another list (its own name): it stays beside its other insats.
      filed("nora", undefined, withInsats("Samverkansteamet", { participants: 25 })),
      filed("nora", "Jobbcoacher", withInsats("Jobbcoacher", { participants: 10 })),
    ];
    const all = merge({ kind: "participants", period: "2023", associations: [ale, nora], reports });
    expect(
      all.associations.map((a) => [a.id, a.parts?.map((p) => p.insats), a.keyFigures?.participants]),
    ).toEqual([
      ["ale", ["Jobbcoacher", "Unga"], 70],
      ["nora", ["Jobbcoacher", "Samverkansteamet"], 35],
    ]);
    expect(all.network.keyFigures.participants).toEqual({ value: 105, lowerBound: false, suppressedIn: 0 });
    expect(all.insatser).toEqual(["Jobbcoacher", "Samverkansteamet", "Unga"]);

    const one = merge({
      kind: "participants",
      period: "2023",
      associations: [ale, nora],
      reports,
      insats: "Jobbcoacher",
    });
    expect(one.associations.map((a) => [a.id, a.parts, a.keyFigures?.participants])).toEqual([
      ["ale", undefined, 40],
      ["nora", undefined, 10],
    ]);
    // A whole list named for the insats answers for it where nothing is filed under it.
    const named = merge({
      kind: "participants",
      period: "2023",
      associations: [nora],
      reports,
      insats: "Samverkansteamet",
    });
    expect(named.associations[0]?.keyFigures?.participants).toBe(25);
  });

  it("When one insats hides its kön, then the association's sum is a lower bound counted once, and the network hides it in one association", () => {
    const reports = [
      filed("ale", "Jobbcoacher", withInsats("Jobbcoacher", { byKon: { kvinna: 22, man: 18 } })),
      filed(
        "ale",
        "Unga",
        withInsats("Unga", { byKon: { kvinna: null, man: null } }, ["byKon.kvinna", "byKon.man"]),
      ),
      filed(
        "ale",
        "IPS",
        withInsats("IPS", { byKon: { kvinna: null, man: null } }, ["byKon.kvinna", "byKon.man"]),
      ),
      filed("nora", undefined, withInsats(null, { byKon: { kvinna: 22, man: 18 } })),
    ];
    const all = merge({ kind: "participants", period: "2023", associations: [ale, nora], reports });
    const a = all.associations[0]!;
    expect(a.keyFigures?.byKon).toEqual({ kvinna: null, man: null });
    expect(a.suppressed).toEqual(expect.arrayContaining(["byKon.kvinna", "byKon.man"]));
    expect(a.totals?.byKon.kvinna).toEqual({ value: 22, lowerBound: true, suppressedIn: 2 });
    expect(all.network.keyFigures.byKon.kvinna).toEqual({ value: 44, lowerBound: true, suppressedIn: 1 });
    expect(all.network.keyFigures.participants).toEqual({ value: 160, lowerBound: false, suppressedIn: 0 });
  });
});
