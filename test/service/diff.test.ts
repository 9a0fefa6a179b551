/** The difference between two revisions: budget lines by section + label, key figures by path. */
import { describe, expect, it } from "vitest";
import { diffReports } from "../../shared/diff";
import { budgetReport, participantsReport } from "./helpers";

const keys = (d: ReturnType<typeof diffReports>) => [
  d.added.map((e) => e.key),
  d.removed.map((e) => e.key),
  d.changed.map((e) => e.key),
];

describe("diff of revisions", () => {
  it("When key figures change, appear and disappear, then each is listed by its path", () => {
    const before = participantsReport("2014");
    const after = participantsReport("2014", {
      new: 21,
      byHemkommun: { Ale: 25, Stenungsund: 15 },
      byKon: { kvinna: null, man: 18 },
    });
    const d = diffReports({ revision: 4, report: before }, { revision: 5, report: after });
    expect([d.from, d.to, ...keys(d)]).toEqual([
      4,
      5,
      ["byHemkommun.Stenungsund"],
      ["byHemkommun.Kungälv"],
      ["new", "byKon.kvinna"],
    ]);
  });

  it("When the same label stands twice in a section, then the repeats are told apart, and a move between sections is a removal and an addition", () => {
    const before = budgetReport({
      years: ["2009"],
      lines: [
        ["cost", "övrigt", "- övrigt", 10],
        ["cost", "övrigt", "- övrigt", 20],
        ["income", "övriga intäkter", "Ränta", 5],
      ],
    });
    const after = budgetReport({
      years: ["2009"],
      lines: [
        ["cost", "övrigt", "- övrigt", 10],
        ["cost", "övrigt", "- övrigt", 25],
        ["cost", "övrigt", "Ränta", 5],
      ],
    });
    expect(keys(diffReports({ revision: 1, report: before }, { revision: 2, report: after }))).toEqual([
      ["cost|Ränta"],
      ["income|Ränta"],
      ["cost|- övrigt#2"],
    ]);
  });

  it("When nothing changed, then the diff is empty", () => {
    const r = participantsReport("2014");
    expect(
      keys(diffReports({ revision: 1, report: r }, { revision: 2, report: structuredClone(r) })),
    ).toEqual([[], [], []]);
  });
});
