/**
 * The merge across associations: for a kind and a year, each association's newest report that
 * covers the year, side by side, with network totals. Pure — the service feeds it stored
 * revisions and renders the result as JSON and as a workbook.
 */
import * as z from "zod";
import { roundToOre as round } from "./amounts";
import {
  type BreakdownField,
  type CountField,
  FIGURES,
  type FigureField,
  type RatioField,
} from "./participants/catalogue";
import { periodYear } from "./period";
import {
  BudgetGroup,
  type BudgetReport,
  COST_GROUPS,
  INCOME_GROUPS,
  keyFiguresOf,
  ParticipantsReport,
  type Report,
  type ReportKind,
  Section,
  sectionOfGroup,
} from "./report";

const Amount = z.number();
const GroupAmounts = z.record(z.string(), Amount);

export const MappingEntry = z.object({
  label: z.string(),
  heading: z.string().nullable(),
  cell: z.string(),
  section: Section,
  /** What detection said. */
  detectedGroup: BudgetGroup,
  /** What the merge used: the override when there is one. */
  group: BudgetGroup,
  overridden: z.boolean(),
  amount: Amount.nullable(),
  /** The line's utfall for the year, where the association reported utfall for it. */
  outcome: Amount.nullable().optional(),
});
export type MappingEntry = z.infer<typeof MappingEntry>;

const AssociationRef = {
  id: z.string(),
  name: z.string(),
  /** Null when the association has no report covering the year. */
  revision: z.number().int().positive().nullable(),
  /** The period the report was filed under ("2008" for a plan 2008 that answers for 2009). */
  reportPeriod: z.string().nullable(),
};

/**
 * An association's utfall for the year, beside its budget: the same lines, the same groups
 * (overrides too), the utfall column of the year instead of the budget's.
 */
export const MergedOutcome = z.object({
  /** The utfall key that answers for the year ("2023"): a whole year, never a half. */
  periodKey: z.string(),
  income: Amount,
  cost: Amount,
  surplus: Amount,
  incomeByGroup: GroupAmounts,
  costByGroup: GroupAmounts,
});
export type MergedOutcome = z.infer<typeof MergedOutcome>;

/**
 * The network's utfall: the sum over the associations that reported utfall for the year only
 * (`reporting` of them), and the avvikelse (utfall − budget) over those same associations — an
 * association without utfall counts in neither, never as 0.
 */
export const NetworkOutcome = z.object({
  reporting: z.number().int(),
  income: Amount,
  cost: Amount,
  surplus: Amount,
  incomeByGroup: GroupAmounts,
  costByGroup: GroupAmounts,
  /** Σ (utfall − budget) over the associations that reported utfall. */
  deviation: z.object({
    income: Amount,
    cost: Amount,
    surplus: Amount,
    incomeByGroup: GroupAmounts,
    costByGroup: GroupAmounts,
  }),
});
export type NetworkOutcome = z.infer<typeof NetworkOutcome>;

export const MergedBudgetAssociation = z.object({
  ...AssociationRef,
  /** The report's period key whose column answers for the year ("2009"). */
  periodKey: z.string().nullable(),
  income: Amount.nullable(),
  cost: Amount.nullable(),
  surplus: Amount.nullable(),
  /** surplus / income; null when there is no income. */
  surplusShare: z.number().nullable(),
  incomeByGroup: GroupAmounts,
  costByGroup: GroupAmounts,
  mapping: z.array(MappingEntry),
  /** Absent when the report has no utfall for the year: not reported, never 0. */
  outcome: MergedOutcome.optional(),
});
export type MergedBudgetAssociation = z.infer<typeof MergedBudgetAssociation>;

export const MergedBudget = z.object({
  kind: z.literal("budget"),
  period: z.string(),
  associations: z.array(MergedBudgetAssociation),
  network: z.object({
    reporting: z.number().int(),
    income: Amount,
    cost: Amount,
    surplus: Amount,
    surplusShare: z.number().nullable(),
    incomeByGroup: GroupAmounts,
    costByGroup: GroupAmounts,
    /** Absent when no association reported utfall for the year. */
    outcome: NetworkOutcome.optional(),
  }),
});
export type MergedBudget = z.infer<typeof MergedBudget>;

/** An association's key figures as it shared them: the participants report's own schema. */
const SharedKeyFigures = ParticipantsReport.shape.keyFigures;
export type SharedKeyFigures = z.infer<typeof SharedKeyFigures>;

/**
 * A network total of one participant count: the sum of the figures the associations
 * published, and how many of them suppressed theirs. A suppressed figure is never guessed and
 * never makes the total blank: the total is then a lower bound ("minst 1 234, dolt hos 3
 * förbund"). It reveals nothing the association rows do not: `value` is the sum of their
 * published figures, `suppressedIn` the number of their nulls.
 */
export const NetworkCount = z.object({
  /** The sum of the published figures: the exact total when none is suppressed. */
  value: z.number().int().nonnegative(),
  /** True when some association suppressed its figure: the true total is at least `value`. */
  lowerBound: z.boolean(),
  /** How many reporting associations suppressed this figure (published null). */
  suppressedIn: z.number().int().nonnegative(),
});
export type NetworkCount = z.infer<typeof NetworkCount>;

/** The network's key figures: every count a NetworkCount, per key in the keyed breakdowns. */
export const NetworkKeyFigures = keyFiguresOf(
  NetworkCount,
  /**
   * Keyed by every hemkommun any association reported; an association without the key counts 0
   * there, one that withheld its breakdown whole (WHOLE_HEMKOMMUN) as suppressed under each.
   */
  (count) => z.record(z.string(), count),
  (count) => z.record(z.string(), count),
).extend({
  /**
   * closedToWorkOrStudies / closed over the network, only when both are exact (no association
   * suppressed either) and someone closed; else null. A ratio of two lower bounds is no bound
   * of anything, so it is not given.
   */
  shareClosedToWorkOrStudies: z.number().min(0).max(1).nullable(),
  /**
   * The mean stay of closed stays over the network: the associations' means weighted by their
   * closed counts, only when every closed count is exact and every association with closed
   * stays published its mean; else null. With a suppressed closed count the weights are not
   * known, and a mean over a lower bound is neither exact nor a bound.
   */
  averageStayDays: z.number().nullable(),
});
export type NetworkKeyFigures = z.infer<typeof NetworkKeyFigures>;

/** One insats's report among those an association's figures add up. */
export const MergedPart = z.object({
  insats: z.string().nullable(),
  revision: z.number().int().positive(),
  reportPeriod: z.string(),
});

export const MergedParticipantsAssociation = z.object({
  ...AssociationRef,
  insats: z.string().nullable(),
  keyFigures: SharedKeyFigures.nullable(),
  /** Paths of the counts the association suppressed ("byHemkommun.Nora"). */
  suppressed: z.array(z.string()),
  /**
   * Where the association's figures add up several insatser (its list has an insats column and
   * the network asked for all): the reports added, one per insats. `keyFigures` then holds each
   * sum that is exact, null where a part is hidden; `totals` the sum of the known parts with the
   * number of parts hidden — a lower bound, as the network's totals are.
   */
  parts: z.array(MergedPart).optional(),
  totals: NetworkKeyFigures.optional(),
});
export type MergedParticipantsAssociation = z.infer<typeof MergedParticipantsAssociation>;

export const MergedParticipants = z.object({
  kind: z.literal("participants"),
  period: z.string(),
  /** The insats asked for; absent: all, each association's insatser added up. */
  insats: z.string().optional(),
  /** Every insats some association filed a report for the year under, by name: what can be asked for. */
  insatser: z.array(z.string()).optional(),
  associations: z.array(MergedParticipantsAssociation),
  network: z.object({
    reporting: z.number().int(),
    keyFigures: NetworkKeyFigures,
  }),
});
export type MergedParticipants = z.infer<typeof MergedParticipants>;

export const MergedView = z.discriminatedUnion("kind", [MergedBudget, MergedParticipants]);
export type MergedView = z.infer<typeof MergedView>;

export interface MergeAssociation {
  readonly id: string;
  readonly name: string;
}

/** One stored revision: the latest of its (association, period). */
export interface MergeReport {
  readonly associationId: string;
  readonly period: string;
  /** The insats it was filed under; absent or '' for the whole list. */
  readonly insats?: string | undefined;
  readonly revision: number;
  /** ISO time the revision was accepted. */
  readonly createdAt: string;
  readonly report: Report;
}

export interface GroupOverrideInput {
  readonly associationId: string;
  readonly label: string;
  readonly group: BudgetGroup;
}

export interface MergeInput {
  readonly kind: ReportKind;
  /** The year to merge ("2009"). */
  readonly period: string;
  readonly associations: readonly MergeAssociation[];
  readonly reports: readonly MergeReport[];
  readonly overrides?: readonly GroupOverrideInput[];
  /** Participants: one insats by name; absent, each association's insatser added up. */
  readonly insats?: string | undefined;
}

export function merge(input: MergeInput & { readonly kind: "budget" }): MergedBudget;
export function merge(input: MergeInput & { readonly kind: "participants" }): MergedParticipants;
export function merge(input: MergeInput): MergedView;
export function merge(input: MergeInput): MergedView {
  return input.kind === "budget" ? mergeBudgets(input) : mergeParticipants(input);
}

/** What choosing a report needs to know about it, without its body. */
export interface ReportHead {
  readonly associationId: string;
  /** The period the report was filed under. */
  readonly period: string;
  /** The insats it was filed under, where its list has an insats column; absent or '' for the whole list. */
  readonly insats?: string | undefined;
  readonly revision: number;
  /** ISO time the revision was accepted. */
  readonly createdAt: string;
  /** The calendar years the report answers for (coveredYears). */
  readonly years: readonly string[];
}

/** The years a report answers for: every year among a budget's columns; a participants period's year. */
export function coveredYears(report: Report): string[] {
  const periods = report.kind === "budget" ? report.periods : [report.period];
  return [...new Set(periods.map(periodYear).filter((y): y is string => y !== null))].sort();
}

/** Newest first: by the year the report was filed under, then by when it was accepted. */
function newer(a: ReportHead, b: ReportHead): number {
  const ya = periodYear(a.period) ?? "";
  const yb = periodYear(b.period) ?? "";
  if (ya !== yb) return ya < yb ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.period.localeCompare(a.period);
}

/** Participants: a whole-year report before a half or a quarter, then the newest. */
function participantsRank(a: ReportHead, b: ReportHead, year: string): number {
  const wa = a.period === year ? 0 : 1;
  const wb = b.period === year ? 0 : 1;
  if (wa !== wb) return wa - wb;
  return newer(a, b);
}

/**
 * Per association, the report that answers for the year: among the latest revision of each
 * period filed, those covering the year, the newest. Works on heads, so a store can choose
 * before it loads any body.
 */
export function pickReports<H extends ReportHead>(
  kind: ReportKind,
  year: string,
  heads: readonly H[],
): Map<string, H> {
  const chosen = new Map<string, H>();
  for (const h of heads) {
    if (!h.years.includes(year)) continue;
    const prior = chosen.get(h.associationId);
    const better = !prior || (kind === "budget" ? newer(h, prior) : participantsRank(h, prior, year)) < 0;
    if (better) chosen.set(h.associationId, h);
  }
  return chosen;
}

const headOf = (r: MergeReport) => ({ ...r, years: coveredYears(r.report) });

/** The insats a report is filed under: '' for the whole list. */
export const slotOf = (h: { readonly insats?: string | undefined }): string => h.insats ?? "";

/**
 * Participants: per association, the report that answers for the year of each insats it files
 * under (a list with an insats column files one per insats; every other report is the whole
 * list, ''). The store loads these; the merge decides which to add up (participantsParts).
 */
export function pickParticipantReports<H extends ReportHead>(year: string, heads: readonly H[]): H[] {
  const chosen = new Map<string, H>();
  for (const h of heads) {
    if (!h.years.includes(year)) continue;
    const key = `${h.associationId}\u0000${slotOf(h)}`;
    const prior = chosen.get(key);
    if (!prior || participantsRank(h, prior, year) < 0) chosen.set(key, h);
  }
  return [...chosen.values()];
}

/** The key of the budget column that answers for the year: the bare year first ("2009"). */
export function budgetPeriodKey(report: BudgetReport, year: string): string | null {
  if (report.periods.includes(year)) return year;
  return report.periods.find((p) => periodYear(p) === year) ?? null;
}

/** The utfall key that answers for the year: the whole year only ("2023"), never "2023-H1". */
export function outcomePeriodKey(report: BudgetReport, year: string): string | null {
  const has = (line: BudgetReport["lines"][number]) => line.outcomes !== undefined && year in line.outcomes;
  return report.lines.some(has) ? year : null;
}

interface Sums {
  income: number;
  cost: number;
  incomeByGroup: Record<string, number>;
  costByGroup: Record<string, number>;
}

const zeroSums = (): Sums => ({
  income: 0,
  cost: 0,
  incomeByGroup: Object.fromEntries(INCOME_GROUPS.map((g) => [g, 0])),
  costByGroup: Object.fromEntries(COST_GROUPS.map((g) => [g, 0])),
});

/** Adds an amount to the sums under its section and group. */
function add(sums: Sums, section: Section, group: string, amount: number | undefined): void {
  if (amount === undefined || !Number.isFinite(amount)) return;
  if (section === "income") {
    sums.income += amount;
    sums.incomeByGroup[group] = (sums.incomeByGroup[group] ?? 0) + amount;
  } else {
    sums.cost += amount;
    sums.costByGroup[group] = (sums.costByGroup[group] ?? 0) + amount;
  }
}

/** `into` += `sums` (times `sign`), group by group. */
function accumulate(into: Sums, sums: Sums, sign = 1): void {
  into.income += sign * sums.income;
  into.cost += sign * sums.cost;
  for (const [g, v] of Object.entries(sums.incomeByGroup))
    into.incomeByGroup[g] = round((into.incomeByGroup[g] ?? 0) + sign * v);
  for (const [g, v] of Object.entries(sums.costByGroup))
    into.costByGroup[g] = round((into.costByGroup[g] ?? 0) + sign * v);
}

/** Income, cost and surplus rounded to öre; the groups as added (the network's are rounded as they grow). */
const finished = (sums: Sums) => {
  const income = round(sums.income);
  const cost = round(sums.cost);
  return {
    income,
    cost,
    surplus: round(income - cost),
    incomeByGroup: sums.incomeByGroup,
    costByGroup: sums.costByGroup,
  };
};

function mergeBudgets(input: MergeInput): MergedBudget {
  const year = input.period;
  const chosen = pickReports(
    "budget",
    year,
    input.reports.filter((r) => r.report.kind === "budget").map(headOf),
  );
  const overrides = new Map<string, BudgetGroup>();
  for (const o of input.overrides ?? []) overrides.set(`${o.associationId}\u0000${o.label}`, o.group);

  const budgetTotal = zeroSums();
  let reporting = 0;
  // Utfall over the associations that reported it, and their budget, for the avvikelse.
  const outcomeTotal = zeroSums();
  const budgetOfOutcomes = zeroSums();
  let reportingOutcome = 0;
  const associations: MergedBudgetAssociation[] = input.associations.map((a) => {
    const found = chosen.get(a.id);
    const report = found?.report.kind === "budget" ? found.report : null;
    const key = report ? budgetPeriodKey(report, year) : null;
    if (!found || !report || key === null)
      return {
        id: a.id,
        name: a.name,
        revision: null,
        reportPeriod: null,
        periodKey: null,
        income: null,
        cost: null,
        surplus: null,
        surplusShare: null,
        incomeByGroup: {},
        costByGroup: {},
        mapping: [],
      };
    const outcomeKey = outcomePeriodKey(report, year);
    const budget = zeroSums();
    const outcome = zeroSums();
    const mapping: MappingEntry[] = report.lines.map((line) => {
      const override = overrides.get(`${a.id}\u0000${line.label}`);
      const group = override ?? line.group;
      const section = override ? sectionOfGroup(override) : line.section;
      const amount = line.amounts[key];
      add(budget, section, group, amount);
      const outcomeAmount = outcomeKey === null ? undefined : line.outcomes?.[outcomeKey];
      add(outcome, section, group, outcomeAmount);
      return {
        label: line.label,
        heading: line.heading,
        cell: line.cell,
        section,
        detectedGroup: line.group,
        group,
        overridden: override !== undefined && override !== line.group,
        amount: amount ?? null,
        ...(outcomeKey !== null ? { outcome: outcomeAmount ?? null } : {}),
      };
    });
    const b = finished(budget);
    reporting++;
    accumulate(budgetTotal, b);
    let reported: MergedOutcome | undefined;
    if (outcomeKey !== null) {
      reported = { periodKey: outcomeKey, ...finished(outcome) };
      reportingOutcome++;
      accumulate(outcomeTotal, reported);
      accumulate(budgetOfOutcomes, b);
    }
    return {
      id: a.id,
      name: a.name,
      revision: found.revision,
      reportPeriod: found.period,
      periodKey: key,
      income: b.income,
      cost: b.cost,
      surplus: b.surplus,
      surplusShare: b.income !== 0 ? b.surplus / b.income : null,
      incomeByGroup: b.incomeByGroup,
      costByGroup: b.costByGroup,
      mapping,
      ...(reported ? { outcome: reported } : {}),
    };
  });
  const n = finished(budgetTotal);
  const network: MergedBudget["network"] = {
    reporting,
    income: n.income,
    cost: n.cost,
    surplus: n.surplus,
    surplusShare: n.income !== 0 ? n.surplus / n.income : null,
    incomeByGroup: n.incomeByGroup,
    costByGroup: n.costByGroup,
  };
  if (reportingOutcome > 0) {
    const o = finished(outcomeTotal);
    const deviation = zeroSums();
    accumulate(deviation, o);
    accumulate(deviation, finished(budgetOfOutcomes), -1);
    network.outcome = { reporting: reportingOutcome, ...o, deviation: finished(deviation) };
  }
  return { kind: "budget", period: year, associations, network };
}

type Count = number | null;

/** The network total of one count over the reporting associations' figures (null: suppressed). */
export function networkCount(values: readonly Count[]): NetworkCount {
  let value = 0;
  let suppressedIn = 0;
  for (const v of values) {
    if (v === null) suppressedIn++;
    else value += v;
  }
  return { value, lowerBound: suppressedIn > 0, suppressedIn };
}

/**
 * Per key over every association's map: an association without the key had no one there (0),
 * a null stays suppressed, and a map withheld whole (null here) is suppressed under every key.
 */
function networkCounts(maps: readonly (Record<string, Count> | null)[]): Record<string, NetworkCount> {
  const keys = [...new Set(maps.flatMap((m) => (m ? Object.keys(m) : [])))].sort((x, y) =>
    x.localeCompare(y, "sv"),
  );
  const at = (m: Record<string, Count> | null, k: string): Count =>
    m === null ? null : Object.hasOwn(m, k) ? (m[k] as Count) : 0;
  return Object.fromEntries(keys.map((k) => [k, networkCount(maps.map((m) => at(m, k)))]));
}

/**
 * A mean over the network: the associations' means weighted by their counts `over`, when every
 * weight is exact and every association with people there published its mean.
 */
function networkMean(
  kf: readonly SharedKeyFigures[],
  field: RatioField,
  over: CountField,
  weight: NetworkCount,
): number | null {
  if (weight.lowerBound || weight.value === 0) return null;
  let sum = 0;
  for (const k of kf) {
    const n = k[over] ?? 0;
    if (n === 0) continue;
    const mean = k[field];
    if (mean === null) return null;
    sum += mean * n;
  }
  return round(sum / weight.value);
}

/** The network's key figures, each added up as the catalogue says. */
function networkKeyFigures(reporting: readonly ParticipantsReport[]): NetworkKeyFigures {
  const kf = reporting.map((r) => r.keyFigures);
  const totals = new Map<FigureField, NetworkCount>();
  const exact = (c: NetworkCount) => !c.lowerBound;
  const figures: Record<string, unknown> = {};
  for (const { field, figure } of FIGURES) {
    if (figure.kind !== "count") continue;
    const b = figure.breakdown;
    if (b === undefined) {
      const total = networkCount(kf.map((k) => k[field as CountField]));
      totals.set(field, total);
      figures[field] = total;
    } else if (b.keys !== "open" && b.each)
      figures[field] = Object.fromEntries(
        b.keys.map((key) => [
          key,
          networkCount(kf.map((k) => (k[field as BreakdownField] as Record<string, Count>)[key] ?? null)),
        ]),
      );
    // A breakdown withheld whole (open keys) is suppressed under every key.
    else
      figures[field] = networkCounts(
        reporting.map((r) =>
          b.keys === "open" && r.suppression.suppressed.includes(b.whole)
            ? null
            : (r.keyFigures[field as BreakdownField] as Record<string, Count>),
        ),
      );
  }
  for (const { field, figure } of FIGURES) {
    if (figure.kind === "share") {
      const of = totals.get(figure.of)!;
      const over = totals.get(figure.over)!;
      figures[field] = exact(of) && exact(over) && over.value > 0 ? of.value / over.value : null;
    } else if (figure.kind === "days")
      figures[field] = networkMean(kf, field as RatioField, figure.over, totals.get(figure.over)!);
  }
  return figures as NetworkKeyFigures;
}

/**
 * Which of an association's reports answer: for one insats, the report filed under it (else a
 * whole-list report whose insats is that name); for all, each insats's report — and a whole-list
 * report only where it is another list (an insats name none of the per-insats reports has), so
 * that no list counts twice.
 */
function participantsParts(
  reports: readonly (MergeReport & { report: ParticipantsReport })[],
  insats: string | undefined,
): (MergeReport & { report: ParticipantsReport })[] {
  if (insats !== undefined) {
    const filed = reports.filter((r) => slotOf(r) === insats);
    return filed.length > 0
      ? filed
      : reports.filter((r) => slotOf(r) === "" && r.report.insats === insats).slice(0, 1);
  }
  const slots = new Set(reports.map(slotOf).filter((x) => x !== ""));
  const parts = reports.filter(
    (r) => slotOf(r) !== "" || slots.size === 0 || (r.report.insats !== null && !slots.has(r.report.insats)),
  );
  return parts.sort((a, b) => (a.report.insats ?? "").localeCompare(b.report.insats ?? "", "sv"));
}

/** The count at a path of a network's key figures ("byKon.man"), or undefined. */
function countAt(figures: NetworkKeyFigures, field: string, key?: string): NetworkCount | undefined {
  const v = (figures as unknown as Record<string, unknown>)[field];
  const c = key === undefined ? v : (v as Record<string, unknown> | undefined)?.[key];
  return c as NetworkCount | undefined;
}

/**
 * An association's insatser added up: `totals` the sum of the known parts (a lower bound where a
 * part is hidden, with the number of parts hidden), and the key figures as the association's row
 * shows them — each sum that is exact, null (hidden) where a part is. A hemkommun breakdown any
 * part withheld whole is withheld whole in the sum.
 */
function summedParts(parts: readonly ParticipantsReport[]): {
  totals: NetworkKeyFigures;
  keyFigures: SharedKeyFigures;
  suppressed: string[];
} {
  const totals = networkKeyFigures(parts);
  const suppressed: string[] = [];
  const keyFigures: Record<string, unknown> = {};
  const exact = (c: NetworkCount | undefined, path: string): number | null => {
    if (c === undefined) return 0;
    if (c.lowerBound) suppressed.push(path);
    return c.lowerBound ? null : c.value;
  };
  for (const { field, figure } of FIGURES) {
    if (figure.kind !== "count") continue;
    const b = figure.breakdown;
    if (b === undefined) keyFigures[field] = exact(countAt(totals, field), field);
    else if (b.keys === "open" && parts.some((p) => p.suppression.suppressed.includes(b.whole))) {
      keyFigures[field] = {};
      suppressed.push(b.whole);
    } else {
      const keys = Object.keys((totals as unknown as Record<string, Record<string, unknown>>)[field] ?? {});
      keyFigures[field] = Object.fromEntries(
        keys.map((k) => [k, exact(countAt(totals, field, k), `${field}.${k}`)]),
      );
    }
  }
  for (const { field, figure } of FIGURES) {
    if (figure.kind === "count") continue;
    const value = (totals as unknown as Record<string, number | null>)[field] ?? null;
    keyFigures[field] = value;
    const over = figure.kind === "share" ? [figure.of, figure.over] : [figure.over];
    if (value === null && over.some((f) => countAt(totals, f)?.lowerBound)) suppressed.push(field);
  }
  return { totals, keyFigures: keyFigures as SharedKeyFigures, suppressed: suppressed.sort() };
}

/**
 * The network's totals where some association adds up several insatser: the sums over every
 * report added (values and means as over any reports), with each count's number of hidden
 * figures counted by association — an association is hidden at a count where any of its parts is.
 */
function networkOverParts(
  all: readonly ParticipantsReport[],
  rows: readonly { readonly keyFigures: SharedKeyFigures; readonly suppressed: readonly string[] }[],
): NetworkKeyFigures {
  const network = networkKeyFigures(all);
  const hiddenIn = (field: string, key: string | undefined, whole: string | undefined) =>
    rows.filter((r) => {
      const v = (r.keyFigures as unknown as Record<string, unknown>)[field];
      if (key === undefined) return v === null;
      if (whole !== undefined && r.suppressed.includes(whole)) return true;
      return (v as Record<string, unknown>)[key] === null;
    }).length;
  for (const { field, figure } of FIGURES) {
    if (figure.kind !== "count") continue;
    const b = figure.breakdown;
    if (b === undefined) {
      const c = countAt(network, field)!;
      (network as unknown as Record<string, NetworkCount>)[field] = {
        ...c,
        suppressedIn: hiddenIn(field, undefined, undefined),
      };
    } else {
      const map = (network as unknown as Record<string, Record<string, NetworkCount>>)[field]!;
      for (const [k, c] of Object.entries(map))
        map[k] = { ...c, suppressedIn: hiddenIn(field, k, b.keys === "open" ? b.whole : undefined) };
    }
  }
  return network;
}

function mergeParticipants(input: MergeInput): MergedParticipants {
  const year = input.period;
  const all = input.reports.flatMap((r) =>
    r.report.kind === "participants" ? [{ ...r, report: r.report, years: coveredYears(r.report) }] : [],
  );
  const chosen = pickParticipantReports(year, all);
  const byAssociation = new Map<string, (typeof chosen)[number][]>();
  for (const c of chosen)
    byAssociation.set(c.associationId, [...(byAssociation.get(c.associationId) ?? []), c]);
  const insatser = [
    ...new Set(
      chosen.map((c) => (slotOf(c) !== "" ? slotOf(c) : c.report.insats)).filter((x): x is string => !!x),
    ),
  ].sort((x, y) => x.localeCompare(y, "sv"));

  const reporting: ParticipantsReport[] = [];
  const added: ParticipantsReport[] = [];
  let summed = false;
  const associations: MergedParticipantsAssociation[] = input.associations.map((a) => {
    const parts = participantsParts(byAssociation.get(a.id) ?? [], input.insats);
    const [found] = parts;
    if (!found)
      return {
        id: a.id,
        name: a.name,
        revision: null,
        reportPeriod: null,
        insats: null,
        keyFigures: null,
        suppressed: [],
      };
    added.push(...parts.map((p) => p.report));
    if (parts.length === 1) {
      const report = found.report;
      reporting.push(report);
      return {
        id: a.id,
        name: a.name,
        revision: found.revision,
        reportPeriod: found.period,
        insats: report.insats,
        keyFigures: report.keyFigures,
        suppressed: report.suppression.suppressed,
      };
    }
    summed = true;
    const sum = summedParts(parts.map((p) => p.report));
    const periods = [...new Set(parts.map((p) => p.period))];
    return {
      id: a.id,
      name: a.name,
      revision: Math.max(...parts.map((p) => p.revision)),
      reportPeriod: periods.length === 1 ? periods[0]! : year,
      insats: null,
      keyFigures: sum.keyFigures,
      suppressed: sum.suppressed,
      parts: parts.map((p) => ({ insats: p.report.insats, revision: p.revision, reportPeriod: p.period })),
      totals: sum.totals,
    };
  });

  // Each association one report: the network as ever. Some adding up insatser: over every part.
  const keyFigures = summed
    ? networkOverParts(
        added,
        associations.flatMap((a) =>
          a.keyFigures ? [{ keyFigures: a.keyFigures, suppressed: a.suppressed }] : [],
        ),
      )
    : networkKeyFigures(reporting);
  const reportingCount = associations.filter((a) => a.keyFigures !== null).length;
  return {
    kind: "participants",
    period: year,
    ...(input.insats !== undefined ? { insats: input.insats } : {}),
    ...(insatser.length > 0 && (input.insats !== undefined || chosen.some((c) => slotOf(c) !== ""))
      ? { insatser }
      : {}),
    associations,
    network: { reporting: reportingCount, keyFigures },
  };
}
