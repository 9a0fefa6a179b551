/**
 * The catalogue of key figures (shared/participants/catalogue.ts): it names exactly the report
 * schema's figures, every count has its place in suppression, and each figure is rounded and
 * named one way. A figure added to the schema without an entry, or an entry without its
 * suppression place, does not compile: report.ts checks the schema's fields against the
 * catalogue's, and CountFigure requires partOf, flow and counts (the @ts-expect-error lines below).
 */
import { describe, expect, it } from "vitest";
import { NetworkKeyFigures } from "../../shared/merge";
import {
  COMPARED,
  type CountFigure,
  countsByPath,
  FIGURES,
  figureLabel,
  figureText,
  KEY_FIGURES,
  RELATIONS,
  SCALARS,
  shownValue,
  storedValue,
} from "../../shared/participants/catalogue";
import { FLOW_COUNTS, REMAINDERS } from "../../shared/participants/periods";
import { relationsOf } from "../../shared/participants/share";
import { AGE_BANDS, KeyFigures, ParticipantsReport, WHOLE_HEMKOMMUN } from "../../shared/report";
import { participantsReport } from "../service/helpers";

const fields = Object.keys(KEY_FIGURES).sort();

/** Every leaf of a report's key figures by path: "closed", "byKon.man", "byHemkommun.Nora". */
function leaves(v: unknown, path = ""): string[] {
  if (v === null || typeof v !== "object") return [path];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
}

describe("the catalogue of key figures", () => {
  it("When the catalogue is read beside the schemas, then it names exactly their fields: the list's, the report's, the network's", () => {
    expect(Object.keys(KeyFigures.shape).sort()).toEqual(fields);
    expect(Object.keys(ParticipantsReport.shape.keyFigures.shape).sort()).toEqual(fields);
    expect(Object.keys(NetworkKeyFigures.shape).sort()).toEqual(fields);
    // The fixed keys are the schema's: kön an object of exactly these, age bands the vocabulary's.
    expect(KEY_FIGURES.byKon.breakdown.keys).toEqual(Object.keys(KeyFigures.shape.byKon.shape));
    expect(KEY_FIGURES.byAgeBand.breakdown.keys).toEqual(AGE_BANDS);
    expect(KEY_FIGURES.byHemkommun.breakdown.whole).toBe(WHOLE_HEMKOMMUN);
  });

  it("When a report is flattened, then its paths are the catalogue's counts and its shares and means, none more", () => {
    const report = participantsReport("2014", { byHemkommun: { Nora: 12, Ale: 28 } });
    const counts = [...countsByPath(report.keyFigures).keys()];
    const ratios = FIGURES.filter(({ figure }) => figure.kind !== "count").map(({ field }) => field);
    expect([...counts, ...ratios].sort()).toEqual(leaves(report.keyFigures).sort());
  });

  it("When every count is checked, then each but the one top total is a part in a relation of suppression, and every relation's total is a count", () => {
    const counts = FIGURES.filter(({ figure }) => figure.kind === "count").map(({ field }) => field);
    const tops = FIGURES.filter(({ figure }) => figure.kind === "count" && figure.partOf === null);
    expect(tops.map(({ field }) => field)).toEqual(["participants"]);
    expect(RELATIONS.map((r) => r.part).sort()).toEqual(counts.filter((f) => f !== "participants").sort());
    for (const { total } of RELATIONS) expect(KEY_FIGURES[total].kind).toBe("count");
    // Over a report's counts: every path is a total or a part of some relation.
    const byPath = countsByPath(participantsReport("2014").keyFigures) as Map<string, number>;
    const related = new Set(relationsOf(byPath).flatMap((r) => [r.total, ...r.parts]));
    expect([...byPath.keys()].filter((p) => !related.has(p))).toEqual([]);
    // Each share and mean names the counts it is hidden with.
    for (const { figure } of FIGURES)
      if (figure.kind !== "count")
        for (const over of figure.kind === "share" ? [figure.of, figure.over] : [figure.over])
          expect(KEY_FIGURES[over].kind).toBe("count");
  });

  it("When the relations across periods are derived, then they are the flow counts and their remainders as before", () => {
    expect(FLOW_COUNTS).toEqual(["new", "closed", "closedToWorkOrStudies"]);
    expect(REMAINDERS).toEqual([
      ["participants", "new"],
      ["participants", "closed"],
      ["closed", "closedToWorkOrStudies"],
    ]);
  });

  it("When a count figure is declared without its place in suppression, then it does not compile", () => {
    const label = { sv: "Nya", en: "New" };
    // @ts-expect-error partOf, flow and counts are required: a count must say what it is part of.
    const missing: CountFigure<"participants"> = { kind: "count", label, compared: true };
    const stray: CountFigure<"participants"> = {
      kind: "count",
      label,
      // @ts-expect-error partOf names a count of the catalogue, never a free string.
      partOf: "everyone",
      flow: false,
      counts: "people",
      compared: true,
    };
    expect([missing.kind, stray.kind]).toEqual(["count", "count"]);
  });

  it("When a figure is named, then it has one name wherever it is shown, and a breakdown's key reads with it", () => {
    expect(figureLabel("averageStayDays", "sv")).toBe("Genomsnittlig insatstid (dagar)");
    expect(figureLabel("byKon.kvinna", "sv")).toBe("Kvinnor");
    expect(figureLabel("byHemkommun.Nora", "sv")).toBe("Hemkommun: Nora");
    expect(figureLabel("byAgeBand.18-24", "en")).toBe("Age at start: 18–24");
    expect(figureLabel("income|Kansli", "sv")).toBeNull();
    // The page's columns and every list take their names from here: no two figures share one.
    const names = SCALARS.map((c) => c.label.sv);
    expect(new Set(names).size).toBe(names.length);
    expect(COMPARED.map((c) => c.path)).toEqual([
      "participants",
      "new",
      "closed",
      "closedToWorkOrStudies",
      "shareClosedToWorkOrStudies",
      "byKon.kvinna",
      "byKon.man",
      "staysOverLimit",
      "averageStayDays",
    ]);
  });

  it("When a share or a mean is rounded, then it is rounded one way: stored to four and one decimals, shown to one", () => {
    expect(storedValue("share", 2 / 3)).toBe(0.6667);
    expect(storedValue("days", 199.66)).toBe(199.7);
    expect(shownValue("share", 0.6667)).toBe(66.7);
    expect(shownValue("days", 199.66)).toBe(199.7);
    const sv = (n: number) => new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(n);
    expect(figureText("share", 0.6667, sv)).toBe("66,7\u00a0%");
    expect(figureText("days", 199.66, sv)).toBe("199,7");
    expect(figureText("count", null, sv)).toBe("–");
  });
});
