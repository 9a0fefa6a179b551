/**
 * The one failure model. A failure stops an operation: a workbook that cannot be read, a
 * period none of the grammar's forms, a request the service refuses, a command given an
 * argument it cannot use. (An issue, in issues.ts, is a finding in a workbook that reading
 * goes on past.) Every failure is a value with a kebab-case code and its own fields; its
 * words are in messages/sv.ts and messages/en.ts, and what it means to HTTP and to the exit
 * code follows from its kind, declared once below.
 */
import type { Identifying } from "./insats";
import type { ReportKind } from "./report";

/** What sort of failure it is, for every front end: the service's status and the command's exit code follow from it. */
export type FailureKind =
  /** The input (a file, an argument, a request) cannot be used as it is. */
  | "invalid-input"
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  /** The input was read, but it conflicts with what is stored. */
  | "conflict"
  /** The input was read and refused: what was sent breaks a rule (suppression, a reused key). */
  | "refused"
  | "too-large"
  | "unsupported-media"
  | "rate-limited"
  /** Something the operation needs is not there: the database, the service, a build, a port. */
  | "unavailable"
  /** A failure nobody foresaw; its words say so and nothing more. */
  | "internal";

/** What a "not-found" failure could not find, in words both languages have. */
export type Missing =
  | "association"
  | "association-token"
  | "network-token"
  | "correction"
  | "report"
  | "resource";

/** How a command line can be misread (commander's errors, in the failure model's words). */
export type UsageProblem =
  | "unknown-command"
  | "unknown-option"
  | "missing-argument"
  | "missing-value"
  | "missing-option"
  | "invalid-choice"
  | "too-many-arguments"
  | "other";

/** Something built by `npm run build` that is not there. */
export type Unbuilt = "addin" | "page" | "playground";

export type Failure =
  // —— reading a workbook ——
  | { readonly code: "file-unreadable"; readonly path: string }
  | { readonly code: "file-too-large"; readonly megabytes: number; readonly limitMegabytes: number }
  | { readonly code: "not-a-workbook" }
  | { readonly code: "workbook-damaged"; readonly detail: string }
  | { readonly code: "too-many-parts"; readonly count: number; readonly limit: number }
  | { readonly code: "too-much-xml"; readonly limitMegabytes: number }
  | { readonly code: "too-many-cells"; readonly cells: number; readonly limit: number }
  | { readonly code: "merge-too-large"; readonly range: string; readonly limit: number }
  | { readonly code: "too-many-merges"; readonly count: number; readonly limit: number }
  | { readonly code: "too-many-strings"; readonly count: number; readonly limit: number }
  | { readonly code: "no-sheets" }
  | { readonly code: "no-tables" }
  // —— what a user types: periods, organisationsnummer, names, addresses ——
  | { readonly code: "invalid-period"; readonly text: string; readonly expected: "period" | "year" }
  | {
      readonly code: "invalid-orgnr";
      readonly text: string;
      readonly reason: "format" | "checksum" | "month";
    }
  | { readonly code: "orgnr-taken"; readonly orgnr: string }
  | { readonly code: "invalid-name" }
  | { readonly code: "invalid-url"; readonly url: string }
  | { readonly code: "url-not-https"; readonly url: string }
  | { readonly code: "url-has-extras"; readonly url: string }
  | { readonly code: "invalid-guid"; readonly id: string }
  | { readonly code: "invalid-port"; readonly port: string }
  /** The command line itself misread: an unknown command or option, an argument or a value missing. */
  | {
      readonly code: "invalid-usage";
      readonly problem: UsageProblem;
      /** The command as typed after `samsyn` ("inspect", "association add"); "" for none. */
      readonly command: string;
      /** What the problem is about, as typed: the command, the option, the argument's name, the value. */
      readonly name: string;
      /** The nearest command or option ("inspect"), or the values allowed ("sv, en"). */
      readonly allowed: string | null;
    }
  // —— settings the service or the playground start with ——
  | { readonly code: "admin-token-too-short"; readonly length: number; readonly min: number }
  | { readonly code: "invalid-suppression-threshold"; readonly value: string; readonly min: number }
  | { readonly code: "invalid-pane-origin"; readonly origin: string }
  | { readonly code: "invalid-service-url"; readonly url: string }
  // —— what the command line needs around it ——
  | { readonly code: "cannot-listen"; readonly host: string; readonly port: number; readonly reason: string }
  | { readonly code: "data-folder-locked"; readonly dataDir: string; readonly pid: number | null }
  | { readonly code: "database-unavailable"; readonly which: string; readonly detail: string }
  | { readonly code: "service-unreachable"; readonly origin: string; readonly detail: string }
  | { readonly code: "nothing-to-push"; readonly file: string }
  | {
      /** The service refused a report the command sent; its own words, as it gave them. */
      readonly code: "service-refused";
      readonly kind: ReportKind;
      readonly period: string;
      readonly status: number;
      readonly sv: string | null;
      readonly en: string | null;
    }
  | { readonly code: "build-failed" }
  | { readonly code: "not-built"; readonly what: Unbuilt }
  // —— requests to the service ——
  | { readonly code: "unauthenticated" }
  | { readonly code: "forbidden" }
  | { readonly code: "too-many-failed-logins" }
  | { readonly code: "not-found"; readonly what: Missing; readonly method?: string }
  | { readonly code: "unknown-kind"; readonly text: string }
  | { readonly code: "invalid-revision"; readonly name: string }
  | { readonly code: "invalid-if-match" }
  | { readonly code: "invalid-if-none-match" }
  | { readonly code: "conflicting-preconditions" }
  | { readonly code: "invalid-idempotency-key" }
  | { readonly code: "idempotency-key-reused" }
  | { readonly code: "json-required" }
  | { readonly code: "invalid-json" }
  | { readonly code: "body-too-large"; readonly limit: number | null }
  | { readonly code: "unsupported-encoding" }
  | { readonly code: "bad-request" }
  | {
      readonly code: "invalid-body";
      readonly what: "report" | "association" | "body";
      readonly paths: readonly string[];
    }
  | { readonly code: "invalid-text"; readonly field: string }
  | { readonly code: "label-required" }
  | { readonly code: "kind-mismatch"; readonly sent: string; readonly address: string }
  | { readonly code: "period-mismatch"; readonly sent: string; readonly address: string }
  | { readonly code: "insats-mismatch"; readonly sent: string | null; readonly address: string }
  | { readonly code: "report-exists"; readonly current: number }
  | { readonly code: "stale-revision"; readonly current: number | null; readonly base: number }
  | { readonly code: "unsuppressed-count"; readonly threshold: number; readonly paths: readonly string[] }
  | { readonly code: "unprotected-count"; readonly threshold: number; readonly paths: readonly string[] }
  | {
      readonly code: "exposed-across-periods";
      readonly threshold: number;
      /** The first count exposed ("new", "participants-new"), its months, what it follows from. */
      readonly figure: string;
      readonly period: string;
      readonly combines: readonly string[];
      /** The count is the whole list's less these insatser (the rest: other insatser, rows with none). */
      readonly outside?: readonly string[];
      /** How many more are exposed besides. */
      readonly more: number;
    }
  /** An entry of suppression.suppressed that stands for no null in the report, or a null count it leaves out. */
  | { readonly code: "suppressed-mismatch"; readonly paths: readonly string[] }
  | { readonly code: "text-too-long"; readonly field: string; readonly length: number; readonly max: number }
  /** Free text that leaves the association (an insats name) holding an identity. */
  | { readonly code: "identifying-text"; readonly field: string; readonly what: Identifying }
  // —— the data folder, the database and the connections under the service ——
  | { readonly code: "data-folder-open"; readonly dataDir: string; readonly mode: string }
  | { readonly code: "database-interrupted" }
  | { readonly code: "too-many-connections"; readonly limit: number }
  // —— the playground's own ——
  | { readonly code: "no-file" }
  | { readonly code: "invalid-book" }
  | { readonly code: "book-not-saved"; readonly detail: string }
  // —— anything else ——
  | { readonly code: "internal"; readonly detail: string };

export type FailureCode = Failure["code"];
export type FailureOf<C extends FailureCode> = Extract<Failure, { readonly code: C }>;

/** Each failure's kind: the one declaration its HTTP status and exit code follow from. */
export const FAILURE_KIND: { readonly [C in FailureCode]: FailureKind } = {
  "file-unreadable": "invalid-input",
  "file-too-large": "too-large",
  "not-a-workbook": "invalid-input",
  "workbook-damaged": "invalid-input",
  "too-many-parts": "too-large",
  "too-much-xml": "too-large",
  "too-many-cells": "too-large",
  "merge-too-large": "too-large",
  "too-many-merges": "too-large",
  "too-many-strings": "too-large",
  "no-sheets": "invalid-input",
  "no-tables": "invalid-input",
  "invalid-period": "invalid-input",
  "invalid-orgnr": "invalid-input",
  "orgnr-taken": "conflict",
  "invalid-name": "invalid-input",
  "invalid-url": "invalid-input",
  "url-not-https": "invalid-input",
  "url-has-extras": "invalid-input",
  "invalid-guid": "invalid-input",
  "invalid-port": "invalid-input",
  "invalid-usage": "invalid-input",
  "admin-token-too-short": "invalid-input",
  "invalid-suppression-threshold": "invalid-input",
  "invalid-pane-origin": "invalid-input",
  "invalid-service-url": "invalid-input",
  "cannot-listen": "unavailable",
  "data-folder-locked": "unavailable",
  "database-unavailable": "unavailable",
  "service-unreachable": "unavailable",
  "nothing-to-push": "invalid-input",
  "service-refused": "refused",
  "build-failed": "unavailable",
  "not-built": "not-found",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  "too-many-failed-logins": "rate-limited",
  "not-found": "not-found",
  "unknown-kind": "not-found",
  "invalid-revision": "invalid-input",
  "invalid-if-match": "invalid-input",
  "invalid-if-none-match": "invalid-input",
  "conflicting-preconditions": "invalid-input",
  "invalid-idempotency-key": "invalid-input",
  "idempotency-key-reused": "refused",
  "json-required": "unsupported-media",
  "invalid-json": "invalid-input",
  "body-too-large": "too-large",
  "unsupported-encoding": "unsupported-media",
  "bad-request": "invalid-input",
  "invalid-body": "invalid-input",
  "invalid-text": "invalid-input",
  "label-required": "invalid-input",
  "kind-mismatch": "invalid-input",
  "period-mismatch": "invalid-input",
  "insats-mismatch": "invalid-input",
  "report-exists": "conflict",
  "stale-revision": "conflict",
  "unsuppressed-count": "refused",
  "unprotected-count": "refused",
  "exposed-across-periods": "refused",
  "suppressed-mismatch": "invalid-input",
  "text-too-long": "invalid-input",
  "identifying-text": "refused",
  "data-folder-open": "invalid-input",
  "database-interrupted": "unavailable",
  "too-many-connections": "rate-limited",
  "no-file": "invalid-input",
  "invalid-book": "invalid-input",
  "book-not-saved": "invalid-input",
  internal: "internal",
};

export const FAILURE_CODES = Object.keys(FAILURE_KIND) as [FailureCode, ...FailureCode[]];

/** A field the failure is about: a dotted path into a body ("lines.3.amounts.2008"), a header or a parameter. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A failure thrown: by the core on misuse (a period it cannot read), by the adapters and the
 * front ends. Each front end catches it in one place and says it in the user's language.
 */
export class SamsynError extends Error {
  override readonly name = "SamsynError";
  constructor(
    readonly failure: Failure,
    /** The fields it names, for an answer that points at them. */
    readonly fields?: readonly FieldProblem[],
  ) {
    super(failure.code);
  }

  get kind(): FailureKind {
    return FAILURE_KIND[this.failure.code];
  }
}
