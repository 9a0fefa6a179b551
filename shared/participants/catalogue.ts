/**
 * The participant key figures, each declared once: its kind, its one Swedish and English name,
 * its rounding, how the network adds it up and its place in suppression. The report schema is
 * checked against it (report.ts), and suppression, the merge, the workbooks, the page, the pane
 * and the CLI read it. Plain constants, without zod, so `samsyn inspect` can read it too.
 */
import { NUMBER_SPACE } from "../amounts";
import { AGE_BANDS, ageBandLabel } from "../vocabulary";

/** A count of people, a share of one count in another (0–1), or a mean in days. */
export type FigureKind = "count" | "share" | "days";

export type FigureLang = "sv" | "en";
export type Label = Readonly<Record<FigureLang, string>>;

/**
 * A count: the network adds it up as a NetworkCount (the known sum, a lower bound where some
 * association hid it). In suppression it is the top total (partOf null) or a part of another
 * count — total = this + a rest that is itself a count of people — or, with `breakdown`, a
 * count per key whose keys add up to `partOf`.
 */
export interface CountFigure<F extends string> {
  readonly kind: "count";
  readonly label: Label;
  /** The count this one is part of: suppressing that suppresses this; a small rest suppresses both. */
  readonly partOf: F | null;
  /**
   * A count of events in time (stays started, ended): over a period's parts it adds up, so
   * one period can be subtracted from another (periods.ts). Counts of people present do not.
   */
  readonly flow: boolean;
  /**
   * What is counted: rows of the list (stays), or people, each once however many stays. Stays
   * add up over a list's insatser (a row is in one); people do not (periods.ts's restAudit).
   */
  readonly counts: "stays" | "people";
  /** Shown side by side, one column per association, on the page and the network's sheet. */
  readonly compared: boolean;
  readonly breakdown?: Breakdown;
}

/**
 * A count per key that adds up to its total, withheld whole when any part is unsafe. `keys`:
 * a fixed list — every key always present (`each`, an object in the schema) or the keys a
 * record may hold — or "open" (the keys someone is in), withheld whole by the path `whole`.
 */
export type Breakdown =
  | {
      readonly keys: readonly string[];
      readonly each: boolean;
      readonly keyLabel: (key: string, lang: FigureLang) => string;
    }
  | {
      readonly keys: "open";
      readonly whole: string;
      readonly keyLabel: (key: string, lang: FigureLang) => string;
    };

/** A share of one count in another, 0–1: hidden with either; over the network only when both are exact. */
export interface ShareFigure<F extends string> {
  readonly kind: "share";
  readonly label: Label;
  readonly of: F;
  readonly over: F;
  readonly compared: boolean;
}

/** A mean in days over the people of one count: hidden with it; over the network weighted by it. */
export interface DaysFigure<F extends string> {
  readonly kind: "days";
  readonly label: Label;
  readonly over: F;
  readonly compared: boolean;
}

export type Figure<F extends string = string> = CountFigure<F> | ShareFigure<F> | DaysFigure<F>;

/** Checks every figure named in the catalogue (partOf, of, over) is one of its own. */
const catalogue = <const T extends { readonly [K in keyof T]: Figure<Extract<keyof T, string>> }>(t: T) => t;

const KON: Readonly<Record<string, Label>> = {
  kvinna: { sv: "Kvinnor", en: "Women" },
  man: { sv: "Män", en: "Men" },
};

/**
 * The key figures, in the order people read them: the page's columns and every list of
 * figures follow it. Each is a field of the report's keyFigures (report.ts checks the two
 * name the same fields).
 */
export const KEY_FIGURES = catalogue({
  participants: {
    kind: "count",
    label: { sv: "Deltagare", en: "Participants" },
    partOf: null,
    flow: false,
    counts: "people",
    compared: true,
  },
  new: {
    kind: "count",
    label: { sv: "Nya", en: "New" },
    partOf: "participants",
    flow: true,
    counts: "stays",
    compared: true,
  },
  closed: {
    kind: "count",
    label: { sv: "Avslutade", en: "Closed" },
    partOf: "participants",
    flow: true,
    counts: "stays",
    compared: true,
  },
  closedToWorkOrStudies: {
    kind: "count",
    label: { sv: "Till arbete eller studier", en: "To work or studies" },
    partOf: "closed",
    flow: true,
    counts: "stays",
    compared: true,
  },
  shareClosedToWorkOrStudies: {
    kind: "share",
    label: { sv: "Andel avslutade till arbete eller studier", en: "Share of closed to work or studies" },
    of: "closedToWorkOrStudies",
    over: "closed",
    compared: true,
  },
  byKon: {
    kind: "count",
    label: { sv: "Kön", en: "Gender" },
    partOf: "participants",
    flow: false,
    counts: "people",
    compared: true,
    breakdown: { keys: ["kvinna", "man"], each: true, keyLabel: (key, lang) => KON[key]?.[lang] ?? key },
  },
  byHemkommun: {
    kind: "count",
    label: { sv: "Hemkommun", en: "Home municipality" },
    partOf: "participants",
    flow: false,
    counts: "people",
    compared: false,
    breakdown: { keys: "open", whole: "byHemkommun", keyLabel: (key) => key },
  },
  byAgeBand: {
    kind: "count",
    label: { sv: "Ålder vid start", en: "Age at start" },
    partOf: "participants",
    flow: false,
    counts: "people",
    compared: false,
    breakdown: { keys: AGE_BANDS, each: false, keyLabel: (key) => ageBandLabel(key) },
  },
  staysOverLimit: {
    kind: "count",
    label: { sv: "Över tidsgränsen", en: "Over the time limit" },
    partOf: "participants",
    flow: false,
    counts: "stays",
    compared: true,
  },
  averageStayDays: {
    kind: "days",
    label: { sv: "Genomsnittlig insatstid (dagar)", en: "Average length of stay (days)" },
    over: "closed",
    compared: true,
  },
});

type Catalogue = typeof KEY_FIGURES;
/** A field of the report's keyFigures. */
export type FigureField = keyof Catalogue;
type FieldsWhere<P> = { [F in FigureField]: Catalogue[F] extends P ? F : never }[FigureField];
/** A count that is one number (no breakdown). */
export type CountField = Exclude<FieldsWhere<{ kind: "count" }>, BreakdownField>;
export type BreakdownField = FieldsWhere<{ breakdown: Breakdown }>;
/** A share or a mean: one number computed from counts. */
export type RatioField = FieldsWhere<{ kind: "share" } | { kind: "days" }>;
/** A count of events in time: over a period's parts it adds up. */
export type FlowField = FieldsWhere<{ flow: true }>;

export interface FigureEntry {
  readonly field: FigureField;
  /** Every figure it names (partOf, of, over) is a count of one number. */
  readonly figure: Figure<CountField>;
}

/** Every figure, in the catalogue's order. */
export const FIGURES: readonly FigureEntry[] = (Object.keys(KEY_FIGURES) as FigureField[]).map((field) => ({
  field,
  figure: KEY_FIGURES[field] as Figure<CountField>,
}));

/** One figure's declaration: every figure it names (partOf, of, over) is a count of one number. */
export const figureOf = (field: FigureField): Figure<CountField> => KEY_FIGURES[field] as Figure<CountField>;

/** The counts of key figures, whether counted (numbers) or shared (null where suppressed). */
export type Counts<N> = { readonly [F in CountField]: N } & {
  readonly [F in BreakdownField]: Readonly<Record<string, N>>;
};

/**
 * Every count by the path a report names it with ("byKon.man", "byHemkommun.Nora"), in the
 * catalogue's order; a breakdown's keys in the order its map has them.
 */
export function countsByPath<N>(figures: Counts<N>): Map<string, N> {
  const counts = new Map<string, N>();
  for (const { field, figure } of FIGURES) {
    if (figure.kind !== "count") continue;
    if (figure.breakdown === undefined) counts.set(field, figures[field as CountField]);
    else
      for (const [k, n] of Object.entries(figures[field as BreakdownField])) counts.set(`${field}.${k}`, n);
  }
  return counts;
}

/** The counts of events in time (see FlowField). */
export const FLOW_FIELDS = FIGURES.flatMap(({ field, figure }) =>
  figure.kind === "count" && figure.flow ? [field as FlowField] : [],
);

/**
 * Rounding, once per kind. Stored: a share to four decimals (a percentage with two), a mean
 * to one. Shown: a share as a percentage with one decimal, a mean with one, a count whole.
 */
export function storedValue(kind: FigureKind, value: number): number {
  if (kind === "share") return Math.round(value * 10_000) / 10_000;
  if (kind === "days") return Math.round(value * 10) / 10;
  return value;
}

/** The number people read: a share in per cent (0.6667 → 66.7), a mean in days to one decimal. */
export function shownValue(kind: FigureKind, value: number): number {
  if (kind === "share") return Math.round(value * 1000) / 10;
  if (kind === "days") return Math.round(value * 10) / 10;
  return value;
}

/**
 * A figure as people read it, rounded as above: a count whole, a share in per cent with one
 * decimal ("66,7 %"), a mean in days with one; "–" where there is none. `format` writes the
 * number in the reader's language.
 */
export function figureText(
  kind: FigureKind,
  value: number | null | undefined,
  format: (n: number) => string,
): string {
  if (typeof value !== "number") return "–";
  const shown = format(shownValue(kind, value));
  return kind === "share" ? `${shown}${NUMBER_SPACE}%` : shown;
}

/**
 * The name of the figure at a path as people read it: "Avslutade", "Kvinnor" (byKon.kvinna),
 * "Hemkommun: Ale" (byHemkommun.Ale), "Ålder vid start: 18–24"; null for no figure.
 */
export function figureLabel(path: string, lang: FigureLang): string | null {
  const dot = path.indexOf(".");
  const field = dot < 0 ? path : path.slice(0, dot);
  if (!Object.hasOwn(KEY_FIGURES, field)) return null;
  const figure = figureOf(field as FigureField);
  if (dot < 0) return figure.label[lang];
  if (figure.kind !== "count" || !figure.breakdown) return null;
  return keyLabel(figure, path.slice(dot + 1), lang);
}

/** The kind of the figure at a path ("byKon.man" is a count); null for no figure. */
export function figureKind(path: string): FigureKind | null {
  const field = path.split(".")[0]!;
  return Object.hasOwn(KEY_FIGURES, field) ? figureOf(field as FigureField).kind : null;
}

/** A breakdown's key as one line names it: "Kvinnor" where the key has a name of its own, else "Hemkommun: Ale". */
export function keyLabel(figure: CountFigure<string>, key: string, lang: FigureLang): string {
  const b = figure.breakdown;
  if (!b) return figure.label[lang];
  const own = b.keyLabel(key, lang);
  return b.keys !== "open" && b.each ? own : `${figure.label[lang]}: ${own}`;
}

/**
 * A suppression relation the catalogue declares: total = Σ parts + a rest not in the report.
 * A breakdown's parts are its keys; a part of another count is one part.
 */
export interface DeclaredRelation {
  readonly total: CountField;
  /** The field whose counts are the parts: a count, or a breakdown (its keys). */
  readonly part: CountField | BreakdownField;
}

/** Every count's place in suppression, parts before the parts of parts (participants, then closed). */
export const RELATIONS: readonly DeclaredRelation[] = FIGURES.flatMap(({ field, figure }) =>
  figure.kind === "count" && figure.partOf !== null
    ? [{ total: figure.partOf, part: field as CountField | BreakdownField }]
    : [],
).sort((a, b) => depth(a.total) - depth(b.total));

function depth(field: FigureField): number {
  const f = figureOf(field);
  return f.kind === "count" && f.partOf !== null ? 1 + depth(f.partOf) : 0;
}

/** One number of the key figures: a figure, or one key of a breakdown whose keys are always there. */
export interface FigureColumn {
  /** As countsByPath names it: "closed", "byKon.man", "shareClosedToWorkOrStudies". */
  readonly path: string;
  readonly field: FigureField;
  readonly key: string | null;
  readonly kind: FigureKind;
  readonly label: Label;
}

function columnsOf(field: FigureField, figure: Figure<CountField>): FigureColumn[] {
  const b = figure.kind === "count" ? figure.breakdown : undefined;
  if (b === undefined) return [{ path: field, field, key: null, kind: figure.kind, label: figure.label }];
  if (b.keys === "open" || !b.each) return [];
  return b.keys.map((key) => ({
    path: `${field}.${key}`,
    field,
    key,
    kind: "count",
    label: {
      sv: keyLabel(figure as CountFigure<string>, key, "sv"),
      en: keyLabel(figure as CountFigure<string>, key, "en"),
    },
  }));
}

/** The numbers compared side by side, one column each, per association and for the network (page, network sheet). */
export const COMPARED: readonly FigureColumn[] = FIGURES.filter(({ figure }) => figure.compared).flatMap(
  ({ field, figure }) => columnsOf(field, figure),
);

/** Every number that is one figure or a fixed key of one, in the catalogue's order (the pane, the workbooks). */
export const SCALARS: readonly FigureColumn[] = FIGURES.flatMap(({ field, figure }) =>
  columnsOf(field, figure),
);

/** The breakdowns whose keys vary (hemkommun, age band): listed key by key after the scalars. */
export const KEYED: readonly { readonly field: BreakdownField; readonly figure: CountFigure<CountField> }[] =
  FIGURES.flatMap(({ field, figure }) =>
    figure.kind === "count" &&
    figure.breakdown &&
    (figure.breakdown.keys === "open" || !figure.breakdown.each)
      ? [{ field: field as BreakdownField, figure }]
      : [],
  );

/** The value of a column in key figures of any kind of count (a list's, a shared report's, the network's). */
export function valueAt<T>(figures: object, column: FigureColumn): T {
  const v = (figures as Record<string, unknown>)[column.field];
  return (column.key === null ? v : (v as Record<string, unknown>)[column.key]) as T;
}
