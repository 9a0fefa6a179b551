/**
 * The closed sets the report is written in — sections, budget groups, members, age bands, the
 * hemkommun buckets — as plain constants, without zod. The readers (budget/, participants/)
 * import them from here, so `samsyn inspect` never loads zod; report.ts builds its schemas from
 * the same constants.
 */

export const SECTIONS = ["income", "cost"] as const;
export type Section = (typeof SECTIONS)[number];

/** Income groups: where an association's money comes from. */
export const INCOME_GROUPS = ["finansiell ram", "medlemsbidrag", "eget kapital", "övriga intäkter"] as const;
/** Cost groups as Uppföljning Finsam wants them split; the network compares them side by side. */
export const COST_GROUPS = [
  "insatser",
  "kansli och administration",
  "styrelse",
  "revision",
  "ekonomiadministration",
  "utvärdering",
  "övrigt",
] as const;
/** Every group, income first: the order the report's enum and the conversion's group table use. */
export const BUDGET_GROUPS = [...INCOME_GROUPS, ...COST_GROUPS] as const;
export type BudgetGroup = (typeof BUDGET_GROUPS)[number];

export const sectionOfGroup = (group: BudgetGroup): Section =>
  (INCOME_GROUPS as readonly string[]).includes(group) ? "income" : "cost";

export const MEMBERS = ["staten", "regionen", "kommunerna", "övriga"] as const;

/** The age bands of the key figures, in order (keyFigures.ts counts by them). */
export const AGE_BANDS = ["-17", "18-24", "25-29", "30-39", "40-49", "50-64", "65-"] as const;

/** An age band as a reader sees it, a span with an en dash ("18–24", "0–17", "65–"); keys stay as the schema has them. */
export const ageBandLabel = (band: string): string => (band === "-17" ? "0–17" : band.replace("-", "–"));

/** The bucket for a hemkommun that is no municipality, and the one for none given. */
export const OTHER_HEMKOMMUN = "Övriga";
export const MISSING_HEMKOMMUN = "Uppgift saknas";
