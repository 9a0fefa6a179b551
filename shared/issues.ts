/**
 * Validation issues as data: one union discriminated on `code`, each kind with its own
 * fields, every one naming its sheet and cell. Wording lives in messages/sv.ts and
 * messages/en.ts; a problem in a workbook is an issue value, never an exception.
 */

export type Severity = "error" | "warning" | "info";

interface At {
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address ("C21"); null for an issue about the whole sheet. */
  readonly cell: string | null;
}

export type Issue = At &
  // —— workbook and detection ——
  (
    | { readonly code: "no-table" }
    | { readonly code: "formula-error"; readonly text: string }
    | { readonly code: "unit-assumed"; readonly unit: string }
    | { readonly code: "line-unclassified"; readonly label: string; readonly guess: "income" | "cost" }
    | { readonly code: "line-not-counted"; readonly label: string }
    | { readonly code: "costs-negative" }
    | {
        /** A cost line naming two groups ("Styrelse och revision"): counted under the first it names. */
        readonly code: "group-combined";
        readonly label: string;
        readonly group: string;
        readonly others: readonly string[];
      }
    // —— budget amounts and totals ——
    | { readonly code: "amount-as-text"; readonly text: string; readonly value: number }
    | { readonly code: "amount-unreadable"; readonly text: string }
    | { readonly code: "amount-per-period"; readonly text: string; readonly per: string }
    | {
        readonly code: "total-mismatch";
        readonly label: string;
        readonly period: string;
        readonly stated: number;
        readonly computed: number;
        /** Set where the figure stands in an utfall or prognos column beside the budget. */
        readonly column?: "outcome" | "forecast";
      }
    | {
        readonly code: "surplus-mismatch";
        readonly label: string;
        readonly period: string;
        readonly stated: number;
        readonly computed: number;
        /** Set where the figure stands in an utfall or prognos column beside the budget. */
        readonly column?: "outcome" | "forecast";
      }
    | {
        /** An avvikelse cell that is not utfall − budget (or budget − utfall, where its column is written so). */
        readonly code: "deviation-mismatch";
        readonly label: string;
        /** The key of the utfall (or prognos) it compares: "2023", "2023-H1". */
        readonly period: string;
        readonly stated: number;
        readonly computed: number;
        /** True where the column is written budget − utfall. */
        readonly reversed: boolean;
      }
    | {
        /** An avvikelse column written budget − utfall, not utfall − budget: read so. */
        readonly code: "deviation-reversed";
        readonly period: string;
      }
    | {
        /** An avvikelse column with no utfall or prognos of its year beside a budget: not read, not checked. */
        readonly code: "deviation-unpaired";
        readonly label: string;
      }
    | {
        /** Utgående eget kapital that is not ingående eget kapital plus the year's result. */
        readonly code: "equity-mismatch";
        readonly label: string;
        readonly period: string;
        readonly stated: number;
        readonly computed: number;
      }
    | {
        readonly code: "contribution-split";
        readonly member: "staten" | "regionen" | "kommunerna";
        readonly period: string;
        readonly amount: number;
        readonly expected: number;
      }
    // —— participants ——
    | { readonly code: "id-invalid"; readonly text: string }
    | { readonly code: "id-checksum"; readonly text: string }
    | { readonly code: "date-invalid"; readonly field: string; readonly text: string }
    | { readonly code: "date-order"; readonly start: string; readonly end: string }
    | {
        readonly code: "stay-over-limit";
        readonly days: number;
        readonly limitDays: number;
        /** True when beyond even the extension the steering group may grant. */
        readonly beyondExtension: boolean;
      }
    | {
        readonly code: "age-outside-target";
        readonly age: number;
        readonly min: number;
        readonly max: number;
      }
    | { readonly code: "field-missing"; readonly field: string }
    | { readonly code: "duplicate-enrolment"; readonly otherCell: string }
    | { readonly code: "code-unknown"; readonly field: string; readonly text: string }
    | {
        readonly code: "breakdown-mismatch";
        readonly label: string;
        readonly stated: number;
        readonly computed: number;
      }
    | {
        /** A count stated under a participant list ("Antal | 64", "Kvinnor | 47") the list does not hold. */
        readonly code: "count-mismatch";
        readonly label: string;
        readonly stated: number;
        readonly counted: number;
        /** What the label counts: every participant, or those of one kön. */
        readonly counts: "all" | "kvinna" | "man";
      }
    | {
        readonly code: "value-out-of-range";
        readonly field: string;
        readonly value: number;
        readonly min: number;
        readonly max: number;
      }
    // —— the national follow-up (Uppföljning Finsam) ——
    | {
        /** A figure the follow-up asks for that the workbook does not give; sheet and cell say where it was looked for. */
        readonly code: "followup-missing";
        readonly figure: FollowupFigure;
        readonly year: string;
        /** The insats the figure is of, for an insats's figures. */
        readonly insats: string | null;
      }
    | {
        /**
         * An insats in the insats list with no budget line, a budget's insats line not in the
         * list, or an insats the participant list names that neither the list nor the budget has.
         */
        readonly code: "insats-unmatched";
        readonly name: string;
        readonly missingFrom: "budget" | "list";
        /** Where the name was found: the insats list, the budget or the participant list. */
        readonly foundIn: "list" | "budget" | "participants";
      }
  );

/** The figures of the follow-up, in the order Uppföljning Finsam asks for them. */
export const FOLLOWUP_FIGURES = [
  "allocated-budget",
  "allocated-outcome",
  "equity-opening",
  "equity-closing",
  "administration-budget",
  "administration-outcome",
  "insats-focus",
  "insats-budget",
  "insats-outcome",
  "insats-budgeted-participants",
  "insats-participants",
] as const;
export type FollowupFigure = (typeof FOLLOWUP_FIGURES)[number];

export type IssueCode = Issue["code"];
export type IssueOf<C extends IssueCode> = Extract<Issue, { code: C }>;

/** Counts by severity, for exit codes and summaries. */
export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");
