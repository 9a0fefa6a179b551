/**
 * The shapes that cross a boundary — `samsyn inspect --json`, the reports the CLI and the
 * add-in push, what the service stores and merges — as zod schemas. Every type here is
 * z.infer of its schema, never written twice.
 */
import * as z from "zod";
import type { FigureField } from "./participants/catalogue";
import { MUNICIPALITIES } from "./participants/municipalities";
import {
  AGE_BANDS,
  BUDGET_GROUPS,
  MEMBERS,
  MISSING_HEMKOMMUN,
  OTHER_HEMKOMMUN,
  SECTIONS,
} from "./vocabulary";

export {
  AGE_BANDS,
  ageBandLabel,
  COST_GROUPS,
  INCOME_GROUPS,
  MISSING_HEMKOMMUN,
  OTHER_HEMKOMMUN,
  sectionOfGroup,
} from "./vocabulary";

/**
 * The bound on any amount, in kronor: 10^13 kr is a thousand times Sweden's state budget, so
 * anything larger is a typing error or an attack — and 80 of them still add up exactly.
 */
export const MAX_AMOUNT = 1e13;

/** An amount in kronor: finite and |x| < 10^13. */
export const Amount = z
  .number("a finite amount in kronor")
  .gt(-MAX_AMOUNT, "an amount greater than -10^13 kr")
  .lt(MAX_AMOUNT, "an amount less than 10^13 kr");

/** Amounts keyed by period ("2008" → 1 400 000), always in kronor. */
export const PeriodAmounts = z.record(z.string(), Amount);
export type PeriodAmounts = z.infer<typeof PeriodAmounts>;

export const UnitSchema = z.enum(["kr", "tkr", "mkr"]);

export const Section = z.enum(SECTIONS);
export type Section = z.infer<typeof Section>;

export const BudgetGroup = z.enum(BUDGET_GROUPS);
export type BudgetGroup = z.infer<typeof BudgetGroup>;

export const CellRef = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/, "an A1 cell address such as C21");

export const BudgetLine = z.object({
  section: Section,
  group: BudgetGroup,
  label: z.string().min(1).max(500),
  /** The label's cell on the source sheet. */
  cell: CellRef,
  /** The section heading the line stands under on the sheet ("Insatser", "Styrelsen"), if any. */
  heading: z.string().max(500).nullable(),
  amounts: PeriodAmounts,
  /**
   * Utfall by period ("2023"; "2023-H1" for utfall to 30 June), where the table has utfall
   * columns beside its budget. Absent when it has none.
   */
  outcomes: PeriodAmounts.optional(),
  /** Prognos by period, where the table has prognos columns beside its budget. */
  forecasts: PeriodAmounts.optional(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const BudgetTotals = z.object({
  income: PeriodAmounts,
  cost: PeriodAmounts,
  /** över-/underskott = income − cost */
  surplus: PeriodAmounts,
});
export type BudgetTotals = z.infer<typeof BudgetTotals>;

const TableBase = {
  sheet: z.string().min(1).max(200),
  /** The title above the table on the sheet, if any ("Verksamhetsplan med budget 2008"). */
  title: z.string().max(500).nullable(),
  /** A1 range the table covers on the source sheet. */
  range: z.string().max(30),
};

export const BudgetTable = z.object({
  kind: z.literal("budget"),
  ...TableBase,
  /** The unit the sheet is written in; amounts below are always in kr. */
  unit: UnitSchema,
  /** Period keys ("2008"), in column order. */
  periods: z.array(z.string().min(1).max(40)).min(1).max(60),
  /** The period headers as written ("2008 (tkr)", "Budget 2015"), same order. */
  periodLabels: z.array(z.string().max(200)),
  lines: z.array(BudgetLine).max(100_000),
  totals: BudgetTotals,
  /** Income, cost and surplus of the utfall columns, keyed as the lines' `outcomes`. */
  outcomeTotals: BudgetTotals.optional(),
  /** The same of the prognos columns. */
  forecastTotals: BudgetTotals.optional(),
  /** Eget kapital by period (the column it stands in): neither income nor cost. */
  equity: z
    .record(
      z.string(),
      z.lazy(() => Equity),
    )
    .optional(),
  /**
   * Where the figures stand on the source sheet: the column (A1 letters) of each period, by
   * what the column holds. Present where the table has utfall, prognos or equity, so that a
   * follow-up can link each figure to its cell.
   */
  columns: z
    .object({
      budget: z.record(
        z.string(),
        z.lazy(() => ColumnRef),
      ),
      outcome: z.record(
        z.string(),
        z.lazy(() => ColumnRef),
      ),
      forecast: z.record(
        z.string(),
        z.lazy(() => ColumnRef),
      ),
    })
    .optional(),
});
export type BudgetTable = z.infer<typeof BudgetTable>;

/** The column part of an A1 address ("C"). */
export const ColumnRef = z.string().regex(/^[A-Z]{1,3}$/, "a column such as C");

/** Eget kapital of one period as the sheet states it: closing = opening + the year's result. */
export const Equity = z.object({
  opening: Amount.nullable(),
  result: Amount.nullable(),
  closing: Amount.nullable(),
  openingCell: CellRef.nullable(),
  resultCell: CellRef.nullable(),
  closingCell: CellRef.nullable(),
});
export type Equity = z.infer<typeof Equity>;

/** Individinriktad or strukturövergripande: one insats with both is registered as two. */
export const InsatsFocus = z.enum(["individinriktad", "strukturövergripande"]);
export type InsatsFocus = z.infer<typeof InsatsFocus>;

export const Member = z.enum(MEMBERS);
export type Member = z.infer<typeof Member>;

/** "Bidrag i tkr": what each member pays in, checked against the law's 1/2, 1/4, 1/4 split. */
export const ContributionsTable = z.object({
  kind: z.literal("contributions"),
  ...TableBase,
  unit: UnitSchema,
  periods: z.array(z.string()).min(1),
  periodLabels: z.array(z.string()),
  lines: z.array(z.object({ member: Member, label: z.string(), cell: CellRef, amounts: PeriodAmounts })),
  total: PeriodAmounts,
});
export type ContributionsTable = z.infer<typeof ContributionsTable>;

/** A count of people: no association counts more than Sweden's population. */
export const Count = z.number().int().nonnegative().max(20_000_000);

/** A count in a shared report: null where it was suppressed as too small to publish. */
export const SharedCount = Count.nullable();

/**
 * The hemkommun keys a shared report may carry: the 290 municipalities, "Övriga" for any
 * other text and "Uppgift saknas" for none — a closed set, so a report cannot bring a merge
 * 200 000 keys. The core counts into the same buckets.
 */
export const SHARED_HEMKOMMUN = [...MUNICIPALITIES, OTHER_HEMKOMMUN, MISSING_HEMKOMMUN] as const;
const HEMKOMMUN_SET: ReadonlySet<string> = new Set(SHARED_HEMKOMMUN);
const AGE_BAND_SET: ReadonlySet<string> = new Set(AGE_BANDS);
const HemkommunKey = z
  .string()
  .refine((k) => HEMKOMMUN_SET.has(k), "one of the 290 municipalities, Övriga or Uppgift saknas");
const AgeBandKey = z.string().refine((k) => AGE_BAND_SET.has(k), `an age band: ${AGE_BANDS.join(", ")}`);

/**
 * A record whose number of keys is checked before its keys are: a report with 200 000 keys
 * is refused at once, not after 200 000 issues have been collected.
 */
const fewKeys = <T extends z.ZodType>(record: T, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v !== "object" || v === null || Object.keys(v).length <= max, `at most ${max} keys`)
    .pipe(record);

/** A mean in days: a stay longer than a century is no stay. */
const Days = z.number().nonnegative().max(36_525);

/** The key figures' shape over any kind of count: a list's exact counts, a shared report's, the network's. */
export const keyFiguresOf = <C extends z.ZodType, H extends z.ZodType, A extends z.ZodType>(
  count: C,
  byHemkommun: (count: C) => H,
  byAgeBand: (count: C) => A,
) =>
  // One field per figure of the catalogue (participants/catalogue.ts), no more, no fewer.
  z.object({
    participants: count,
    new: count,
    closed: count,
    closedToWorkOrStudies: count,
    /** closedToWorkOrStudies / closed, 0–1; null when not computable or suppressed. */
    shareClosedToWorkOrStudies: z.number().min(0).max(1).nullable(),
    byHemkommun: byHemkommun(count),
    byKon: z.object({ kvinna: count, man: count }),
    byAgeBand: byAgeBand(count),
    averageStayDays: Days.nullable(),
    staysOverLimit: count,
  } satisfies Record<FigureField, z.ZodType>);

export const KeyFigures = keyFiguresOf(
  Count,
  (count) => z.record(z.string().max(100), count),
  (count) => z.record(z.string().max(20), count),
);
export type KeyFigures = z.infer<typeof KeyFigures>;

export const ParticipantsTable = z.object({
  kind: z.literal("participants"),
  ...TableBase,
  /** The period the key figures cover ("2014", "2014-H1", "2014-Q3"). */
  period: z.string(),
  rows: z.number().int().nonnegative(),
  keyFigures: KeyFigures,
  /** Key figures per insats, where the list has an insats column ("Insats", "Verksamhet", "Projekt"). */
  byInsats: z
    .array(
      z.object({
        insats: z.string().min(1).max(500),
        rows: z.number().int().nonnegative(),
        keyFigures: KeyFigures,
      }),
    )
    .optional(),
});
export type ParticipantsTable = z.infer<typeof ParticipantsTable>;

/** Aggregate follow-up tables: counts per period, a 1–10 mean, an outcome breakdown. */
export const FollowupTable = z.object({
  kind: z.literal("followup"),
  ...TableBase,
  columns: z.array(z.string()),
  /** Columns holding a mean on a 1–10 scale ("Nöjdhet (1-10)"): checked for range, never summed. */
  meanColumns: z.array(z.string()),
  rows: z.array(
    z.object({ label: z.string(), cell: CellRef, values: z.record(z.string(), z.number().nullable()) }),
  ),
  /** Stated totals row, if any, keyed like `values`. */
  total: z.record(z.string(), z.number().nullable()).nullable(),
});
export type FollowupTable = z.infer<typeof FollowupTable>;

/** A list of the association's insatser (name, inriktning, budgeted participants): no budget. */
export const InsatserTable = z.object({
  kind: z.literal("insatser"),
  ...TableBase,
  insatser: z
    .array(
      z.object({
        name: z.string().min(1).max(500),
        /** The name's cell on the source sheet. */
        cell: CellRef,
        focus: InsatsFocus.nullable(),
        /** The cell of the inriktning, where the list has that column. */
        focusCell: CellRef.nullable().optional(),
        budgetedParticipants: Count.nullable(),
        /** The cell of the budgeted participants, where the list has that column. */
        budgetedParticipantsCell: CellRef.nullable(),
      }),
    )
    .max(10_000),
});
export type InsatserTable = z.infer<typeof InsatserTable>;

export const Table = z.discriminatedUnion("kind", [
  BudgetTable,
  ContributionsTable,
  ParticipantsTable,
  FollowupTable,
  InsatserTable,
]);
export type Table = z.infer<typeof Table>;

export const IssueJson = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  sheet: z.string(),
  cell: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type IssueJson = z.infer<typeof IssueJson>;

/** The contract of `samsyn inspect --json`. */
export const InspectResult = z.object({
  file: z.string().nullable(),
  tables: z.array(Table),
  issues: z.array(IssueJson),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
});
export type InspectResult = z.infer<typeof InspectResult>;

// —— what is synced ——

/** A budget report as pushed to the service: one budget table, as inspect found it. */
export const BudgetReport = BudgetTable.extend({
  /** Where it came from, for people reading the merged workbook. */
  source: z.object({ file: z.string().max(300).nullable(), tool: z.string().max(60) }).optional(),
});
export type BudgetReport = z.infer<typeof BudgetReport>;

/**
 * A participants report as shared beyond the association: counts only, small counts
 * suppressed (null). Strict: no field that could carry a row, a name or an identity number.
 */
export const ParticipantsReport = z
  .object({
    kind: z.literal("participants"),
    period: z.string().min(4).max(20),
    /**
     * The insats's name. A report sent is checked further (service/input.ts, the rule in
     * insats.ts): at most 80 characters, no personnummer, samordningsnummer, e-mail address or
     * phone number. The schema keeps the older bound of 200 because stored reports are read
     * back through it.
     */
    insats: z.string().max(200).nullable(),
    suppression: z
      .object({
        threshold: z.number().int().min(1).max(100),
        /**
         * Exactly the report's hidden figures, each once (checked on every report sent, by
         * suppressedMismatches in service/input.ts): the path of every count that is null, as
         * countsByPath names it ("new", "byKon.man", "byHemkommun.Nora"), none left out;
         * "byHemkommun" alone (WHOLE_HEMKOMMUN) when the whole breakdown is withheld and its map
         * left empty; shareClosedToWorkOrStudies and averageStayDays only when they are null.
         * Nothing else: no free text travels here.
         */
        suppressed: z.array(z.string().max(200)),
      })
      .strict(),
    keyFigures: keyFiguresOf(
      SharedCount,
      (count) => fewKeys(z.record(HemkommunKey, count), SHARED_HEMKOMMUN.length),
      (count) => fewKeys(z.record(AgeBandKey, count), AGE_BANDS.length),
    ).strict(),
  })
  .strict();
export type ParticipantsReport = z.infer<typeof ParticipantsReport>;

/**
 * In a participants report's `suppression.suppressed`: the whole hemkommun breakdown is
 * withheld and its map left empty — as it is when any municipality counts 1 … threshold−1
 * (suppressionOf in participants/share.ts): which municipalities occur would bound the hidden
 * counts. The merge counts such an association as suppressed under every hemkommun.
 */
export const WHOLE_HEMKOMMUN = "byHemkommun";

export const ReportKind = z.enum(["budget", "participants"]);
export type ReportKind = z.infer<typeof ReportKind>;

export const Report = z.discriminatedUnion("kind", [BudgetReport, ParticipantsReport]);
export type Report = z.infer<typeof Report>;

/**
 * Corrections the user made to what detection guessed; remembered with the workbook so the
 * next refresh gives the same result. Keyed by sheet name.
 */
export const SheetCorrections = z.object({
  /** 1-based sheet row of the header row of the main table. */
  headerRow: z.number().int().positive().optional(),
  unit: UnitSchema.optional(),
  /** By the line's label cell (A1). */
  lines: z
    .record(CellRef, z.object({ section: Section.optional(), group: BudgetGroup.optional() }))
    .optional(),
});
export type SheetCorrections = z.infer<typeof SheetCorrections>;
export const Corrections = z.record(z.string(), SheetCorrections);
export type Corrections = z.infer<typeof Corrections>;
