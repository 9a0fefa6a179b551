/**
 * No suppressed count can be recovered from the merged view — the association rows and the
 * network row together — even by someone who knows exactly how Samsyn suppresses.
 *
 * The argument, which the property below checks case by case:
 * 1. The network row is a function of the association rows alone: merge() is given nothing but
 *    the shareable reports; each network count is the sum of the published figures with the
 *    number of nulls, and its share and mean use published figures only. So two networks with
 *    identical association rows have identical network rows: the network row tells nothing more.
 * 2. An association row is the shareable report its own client made from its own list
 *    (shareableReport, which pushableReports sends), and nothing of any other association.
 * 3. So a suppressed count is safe when another list of that association, whose raw count in
 *    that cell differs, gives the very same report (key order included): the whole merged view
 *    is then identical while the cell differs, and no reader can tell which list is the true one.
 * Such lists exist because suppressionOf decides only on whether counts are small, never on
 * their size: one person moved between two categories that stay as small (or as large) as they
 * were, or two categories of a breakdown withheld whole swapping their people, changes nothing
 * a reader sees. The test finds one for every suppressed cell of every association of
 * generated networks (2–80 associations, each a list of up to 45 people, some enrolled twice,
 * thresholds 3–10) — by moving, adding, removing or changing one person, or swapping two
 * categories for everyone — runs the real suppression on it and the real merge over the
 * changed network, and requires the merged JSON to be identical to the character.
 *
 * One modelling choice: a closed stay's length does not depend on whether it began in the
 * period (in a real list it varies from person to person), so the published mean stay says
 * nothing exact about how many stays are new.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressedMismatches } from "../../service/input";
import { type MergeReport, merge } from "../../shared/merge";
import { type Participant, parsePeriod } from "../../shared/participants";
import { countsByPath } from "../../shared/participants/catalogue";
import { keyFiguresFor } from "../../shared/participants/keyFigures";
import { exposedCounts, shareableReport } from "../../shared/participants/share";
import { AGE_BANDS, MISSING_HEMKOMMUN, type ParticipantsReport, WHOLE_HEMKOMMUN } from "../../shared/report";

const YEAR = parsePeriod("2014")!;
const BEFORE = parsePeriod("2013")!;
const KOMMUNER = ["Ale", "Kungälv", "Lerum", "Nora", "Tjörn", "Öckerö"] as const;
/** One age in each band, in AGE_BANDS's order. */
const AGES = [16, 20, 27, 35, 45, 55, 70] as const;

/** A participant by the attributes the key figures count; null where the list has no value. */
interface Person {
  /** Index into KOMMUNER; null: no hemkommun given ("Uppgift saknas"). */
  readonly kommun: number | null;
  readonly kon: "kvinna" | "man" | null;
  /** Index into AGES; null: no age known. */
  readonly age: number | null;
  /** The stay began in 2014 (else in 2013). */
  readonly isNew: boolean;
  /** Open, closed to another outcome, or closed to work. */
  readonly closed: "open" | "other" | "work";
  readonly overLimit: boolean;
  /** Length of a closed stay in days: whenever in 2013 or 2014 it began, so the mean says nothing of that. */
  readonly stay: number;
  /** Enrolled twice: a second, earlier stay, still open or closed in 2014 to another outcome or to work (one person, two stays). */
  readonly twice: "no" | "open" | "other" | "work";
  /** The earlier stay began in 2014 (else in 2013). */
  readonly twiceNew: boolean;
}

const signature = (p: Person) => JSON.stringify(p);

function participantsOf(persons: readonly Person[]): Participant[] {
  return persons.flatMap((p, i) => {
    const start = p.isNew ? YEAR.first + 200 : BEFORE.first;
    const end = p.closed === "open" ? null : YEAR.last;
    const row: Participant = {
      sheetRow: i + 2,
      idText: `p${i}`,
      id: `p${i}`,
      birth: null,
      kon: p.kon,
      hemkommun: p.kommun === null ? null : KOMMUNER[p.kommun]!,
      isMunicipality: p.kommun !== null,
      remittent: null,
      kontaktMed: null,
      start,
      end,
      avslutsorsak: p.closed === "open" ? null : p.closed === "work" ? "arbete" : "annat",
      avslutsorsakText: null,
      ageAtStart: p.age === null ? null : AGES[p.age]!,
      stayDays: p.closed === "open" ? null : p.stay,
      overLimit: p.overLimit,
    };
    if (p.twice === "no") return [row];
    const earlier: Participant = {
      ...row,
      sheetRow: row.sheetRow + 1000,
      start: p.twiceNew ? YEAR.first : BEFORE.first + 200,
      end: p.twice === "open" ? null : YEAR.first + 100,
      avslutsorsak: p.twice === "open" ? null : p.twice === "work" ? "arbete" : "annat",
      stayDays: p.twice === "open" ? null : p.stay,
      overLimit: false,
    };
    return [row, earlier];
  });
}

/** The raw (unsuppressed) counts of a list, by the paths a report names them with. */
const rawCounts = (persons: readonly Person[]): Map<string, number> =>
  countsByPath(keyFiguresFor(participantsOf(persons), YEAR, { shareable: true }));

/** What the client sends for the list: the real suppression. */
const reportOf = (persons: readonly Person[], threshold: number): ParticipantsReport =>
  shareableReport(participantsOf(persons), { threshold, period: "2014", insats: null });

/** What everyone sees: the merged view, association rows and network row, as JSON text (key order too). */
function visible(reports: readonly ParticipantsReport[]): string {
  const associations = reports.map((_, i) => ({ id: `a${i}`, name: `Förbund ${i + 1}` }));
  const filed: MergeReport[] = reports.map((report, i) => ({
    associationId: `a${i}`,
    period: "2014",
    revision: 1,
    createdAt: "2015-01-15T00:00:00Z",
    report,
  }));
  return JSON.stringify(merge({ kind: "participants", period: "2014", associations, reports: filed }));
}

/** Every hemkommun a list of ours can name, as report keys. */
const HEMKOMMUN_KEYS = [...KOMMUNER, MISSING_HEMKOMMUN];

/**
 * Paths of the counts a report suppressed (not the share or mean withheld with them); a
 * hemkommun breakdown withheld whole hides every municipality's count, zeros included.
 */
function suppressedCounts(report: ParticipantsReport): string[] {
  return report.suppression.suppressed.flatMap((p) =>
    p === WHOLE_HEMKOMMUN
      ? HEMKOMMUN_KEYS.map((k) => `byHemkommun.${k}`)
      : p === "shareClosedToWorkOrStudies" || p === "averageStayDays"
        ? []
        : [p],
  );
}

/** The values a person's attributes can take, where a change keeps every published figure: hidden categories and the unpublished remainders. */
function hiddenOptions(report: ParticipantsReport): Person[] {
  const hidden = new Set(suppressedCounts(report));
  const kommuner = [null, ...KOMMUNER.map((_, i) => i)].filter((k) =>
    hidden.has(`byHemkommun.${k === null ? MISSING_HEMKOMMUN : KOMMUNER[k]}`),
  );
  const kon = [null, ...(["kvinna", "man"] as const).filter((k) => hidden.has(`byKon.${k}`))];
  const age = [null, ...AGES.map((_, i) => i).filter((i) => hidden.has(`byAgeBand.${AGE_BANDS[i]}`))];
  const isNew = hidden.has("new") ? [false, true] : [false];
  const closed: Person["closed"][] = ["open"];
  if (hidden.has("closed")) closed.push("other");
  if (hidden.has("closed") && hidden.has("closedToWorkOrStudies")) closed.push("work");
  const overLimit = hidden.has("staysOverLimit") ? [false, true] : [false];
  const out: Person[] = [];
  for (const k of kommuner)
    for (const s of kon)
      for (const a of age)
        for (const n of isNew)
          for (const c of closed)
            for (const o of overLimit)
              out.push({
                kommun: k,
                kon: s,
                age: a,
                isNew: n,
                closed: c,
                overLimit: o,
                stay: 180,
                twice: "no",
                twiceNew: false,
              });
  return out;
}

/** Lists that differ from `persons` by one person: moved in one attribute, removed, added, or replaced. */
function* neighbours(persons: readonly Person[], report: ParticipantsReport): Generator<Person[]> {
  const firstOf = new Map<string, number>();
  persons.forEach((p, i) => {
    if (!firstOf.has(signature(p))) firstOf.set(signature(p), i);
  });
  // Another municipality than the list's own would add a key, unless the whole breakdown is withheld.
  const kommuner = report.suppression.suppressed.includes(WHOLE_HEMKOMMUN)
    ? [null, ...KOMMUNER.map((_, i) => i)]
    : [...new Set(persons.map((p) => p.kommun))];
  const replaced = (i: number, p: Person) => persons.map((q, j) => (j === i ? p : q));
  /** The person changed in one attribute, every other value it can take. */
  const changes = (p: Person): Person[] => [
    ...kommuner.filter((k) => k !== p.kommun).map((kommun) => ({ ...p, kommun })),
    ...(["kvinna", "man", null] as const).filter((k) => k !== p.kon).map((kon) => ({ ...p, kon })),
    ...[null, 0, 1, 2, 3, 4, 5, 6].filter((a) => a !== p.age).map((age) => ({ ...p, age })),
    { ...p, isNew: !p.isNew },
    ...(["open", "other", "work"] as const).filter((c) => c !== p.closed).map((closed) => ({ ...p, closed })),
    { ...p, overLimit: !p.overLimit },
    { ...p, twiceNew: !p.twiceNew },
    ...(["no", "open", "other", "work"] as const)
      .filter((t) => t !== p.twice)
      .map((twice) => ({ ...p, twice })),
  ];
  for (const i of firstOf.values()) {
    for (const changed of changes(persons[i]!)) yield replaced(i, changed);
    yield persons.filter((_, j) => j !== i);
  }
  // Two categories of one attribute swapped for everyone: the counts trade places.
  const swaps = <K extends "kommun" | "kon" | "age">(key: K, values: readonly Person[K][]) => {
    const out: Person[][] = [];
    for (const [i, u] of values.entries())
      for (const v of values.slice(i + 1))
        out.push(
          persons.map((p) => (p[key] === u ? { ...p, [key]: v } : p[key] === v ? { ...p, [key]: u } : p)),
        );
    return out;
  };
  yield* swaps("kommun", [null, ...KOMMUNER.map((_, i) => i)]);
  yield* swaps("kon", ["kvinna", "man", null]);
  yield* swaps("age", [null, ...AGES.map((_, i) => i)]);
  const options = hiddenOptions(report);
  for (const extra of options) yield [...persons, extra];
  for (const i of firstOf.values()) for (const other of options) yield replaced(i, other);
  // Last, one person changed in two attributes at once (a second stay gone and the first one closed …).
  for (const i of firstOf.values())
    for (const once of changes(persons[i]!)) for (const twice of changes(once)) yield replaced(i, twice);
}

/** Another list for the association, differing in `path`, with the same shareable report; null if none is found. */
function indistinguishable(
  persons: readonly Person[],
  threshold: number,
  report: ParticipantsReport,
  path: string,
): Person[] | null {
  const raw = rawCounts(persons).get(path) ?? 0;
  const shown = JSON.stringify(report);
  for (const candidate of neighbours(persons, report)) {
    if ((rawCounts(candidate).get(path) ?? 0) === raw) continue;
    if (JSON.stringify(reportOf(candidate, threshold)) === shown) return candidate;
  }
  return null;
}

const person: fc.Arbitrary<Person> = fc.record({
  kommun: fc.option(fc.integer({ min: 0, max: KOMMUNER.length - 1 }), { nil: null, freq: 12 }),
  kon: fc.constantFrom("kvinna", "man", "kvinna", "man", "kvinna", "man", null),
  age: fc.option(fc.integer({ min: 0, max: AGES.length - 1 }), { nil: null, freq: 10 }),
  isNew: fc.boolean(),
  closed: fc.constantFrom("open", "open", "other", "work"),
  overLimit: fc.constantFrom(false, false, false, true),
  stay: fc.constantFrom(90, 180, 300),
  twice: fc.constantFrom("no", "no", "no", "no", "no", "no", "no", "no", "open", "other", "work"),
  twiceNew: fc.boolean(),
});

/** A network: per association a list whose categories are skewed, so that small counts are common. */
const network = fc.record({
  threshold: fc.integer({ min: 3, max: 10 }),
  lists: fc.array(fc.array(person, { maxLength: 45 }), { minLength: 2, maxLength: 80 }),
});

describe("secondary suppression across the network", () => {
  it("Property: every suppressed count has another input with the same association rows and network row", () => {
    fc.assert(
      fc.property(network, ({ threshold, lists }) => {
        const reports = lists.map((persons) => reportOf(persons, threshold));
        // What the service checks of the rule on arrival, every real report passes.
        for (const report of reports) expect(exposedCounts(report, threshold)).toEqual([]);
        for (const report of reports) expect(suppressedMismatches(report)).toEqual([]);
        const seen = visible(reports);
        for (const [i, persons] of lists.entries()) {
          const report = reports[i]!;
          for (const path of suppressedCounts(report)) {
            const other = indistinguishable(persons, threshold, report, path);
            if (other === null)
              throw new Error(
                `${path} of association ${i} is recoverable: threshold ${threshold}, raw ${JSON.stringify(Object.fromEntries(rawCounts(persons)))}, report ${JSON.stringify(report.keyFigures)}`,
              );
            // The whole merged view of the changed network: the same, to the character.
            const changed = reports.map((r, j) => (j === i ? reportOf(other, threshold) : r));
            expect(visible(changed)).toBe(seen);
          }
        }
      }),
      // SAMSYN_PROPERTY_RUNS=2000 for a longer search than the gate's.
      { numRuns: Number(process.env.SAMSYN_PROPERTY_RUNS ?? 100) },
    );
  }, 600_000);
});

/** `n` people alike but for what `like` sets. */
const people = (n: number, like: Partial<Person>): Person[] =>
  Array.from({ length: n }, () => ({
    kommun: 0,
    kon: "kvinna" as const,
    age: 1,
    isNew: true,
    closed: "open" as const,
    overLimit: false,
    stay: 90,
    twice: "no" as const,
    twiceNew: false,
    ...like,
  }));

describe("the leaks the property found in the earlier suppression, now closed", () => {
  it("Three municipalities with one person each under a published total of 3 (threshold 3): the breakdown is withheld whole", () => {
    const list = [...people(1, { kommun: 0 }), ...people(1, { kommun: 1 }), ...people(1, { kommun: 2 })];
    const report = reportOf(list, 3);
    // Before: participants 3 and { Ale: null, Kungälv: null, Lerum: null } — one each, to anyone.
    expect([report.keyFigures.participants, report.keyFigures.byHemkommun]).toEqual([3, {}]);
    expect(report.suppression.suppressed).toContain(WHOLE_HEMKOMMUN);
    expect(report.suppression.suppressed.filter((p) => p.startsWith("byHemkommun."))).toEqual([]);
  });

  it("Two participants (threshold 3): nothing but that the list is small, not even which municipalities", () => {
    const report = reportOf([...people(1, { kommun: 0 }), ...people(1, { kommun: null })], 3);
    // Before: { Ale: null, "Uppgift saknas": null } under a total of at most 2 — one each.
    expect(report.keyFigures).toEqual({
      participants: null,
      new: null,
      closed: null,
      closedToWorkOrStudies: null,
      shareClosedToWorkOrStudies: null,
      byHemkommun: {},
      byKon: { kvinna: null, man: null },
      byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, null])),
      averageStayDays: null,
      staysOverLimit: null,
    });
  });

  it("One man and one person of unknown kön beside 48 women: kön is withheld whole", () => {
    const report = reportOf(
      [...people(48, {}), ...people(1, { kon: "man" }), ...people(1, { kon: null })],
      5,
    );
    // Before: kvinna 48 published beside man null; with the unknown one a remainder of 1, man = 1.
    expect([report.keyFigures.participants, report.keyFigures.byKon]).toEqual([
      50,
      { kvinna: null, man: null },
    ]);
  });

  it("A published breakdown lists its municipalities by name, never by size", () => {
    const report = reportOf(
      [...people(5, { kommun: 5 }), ...people(9, { kommun: 0 }), ...people(7, { kommun: 3 })],
      5,
    );
    expect(Object.keys(report.keyFigures.byHemkommun)).toEqual(["Ale", "Nora", "Öckerö"]);
    expect(report.keyFigures.byHemkommun).toEqual({ Ale: 9, Nora: 7, Öckerö: 5 });
  });
});
