/**
 * The storage interface the service talks to: associations, tokens, report revisions that are
 * never overwritten, idempotency keys and label → group overrides. Two engines implement it
 * over the same SQL (PGlite embedded, PostgreSQL over `pg`).
 */
import type { ClientKind, RevisionInfo, Status } from "../../shared/api";
import type { ReportHead } from "../../shared/merge";
import type { BudgetGroup, Report, ReportKind } from "../../shared/report";

export interface Association {
  readonly id: string;
  readonly name: string;
  readonly orgnr: string;
  readonly createdAt: string;
}

export type TokenScope = "association" | "network";

export interface TokenRecord {
  readonly id: string;
  readonly scope: TokenScope;
  /** Set for association tokens, null for network tokens. */
  readonly associationId: string | null;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** When the token last authenticated, recorded at most once a minute (see recordTokenUse). */
  readonly lastUsedAt: string | null;
}

/** A live token found by its hash, and whether its last use is recorded as less than a minute ago. */
export interface FoundToken extends TokenRecord {
  readonly usedWithinMinute: boolean;
}

export interface StoredRevision {
  readonly associationId: string;
  readonly kind: ReportKind;
  readonly period: string;
  /** The insats a participants report is filed under, where its list has an insats column; '' or absent for the whole list. */
  readonly insats?: string;
  readonly revision: number;
  readonly report: Report;
  readonly createdAt: string;
}

/** A stored revision with its body as the stored JSON text: parsed where it is merged, off the main thread. */
export interface StoredRevisionText extends Omit<StoredRevision, "report"> {
  readonly body: string;
}

/** Where a revision came from: the token that sent it (never its secret), the program, and whether the sender overrode a newer revision. */
export interface RevisionSource {
  readonly tokenId: string;
  readonly client: ClientKind;
  readonly override: boolean;
}

export interface PutReportInput {
  readonly associationId: string;
  readonly kind: ReportKind;
  readonly period: string;
  /** The insats the report is filed under ('' or absent: the whole list). */
  readonly insats?: string;
  readonly report: Report;
  /**
   * The revision the writer based its edit on (If-Match), or null when it saw no report at all
   * (If-None-Match: *); undefined writes unconditionally.
   */
  readonly base?: number | null;
  readonly idempotencyKey?: string;
  readonly source: RevisionSource;
  /**
   * Checked against the latest revision of every other period of the association's reports of
   * this kind, in the same transaction as the write and one writer of the association at a
   * time; it throws to refuse. What two periods published at once expose is seen by the second.
   */
  readonly guard?: (published: readonly StoredRevision[]) => void;
}

export type PutReportResult =
  | { readonly status: "created"; readonly revision: number }
  /** The same Idempotency-Key was seen before: nothing new was written. */
  | {
      readonly status: "replayed";
      readonly revision: number;
      readonly kind: string;
      readonly period: string;
      /** The insats it was filed under; absent for the whole list. */
      readonly insats?: string;
      readonly sameBody: boolean;
    }
  /** `base` is not the latest revision; `current` is null when none exists. */
  | { readonly status: "conflict"; readonly current: number | null };

export interface GroupOverride {
  readonly associationId: string;
  readonly label: string;
  readonly group: BudgetGroup;
}

export interface Store {
  readonly engine: "pglite" | "postgres";
  createAssociation(input: { id: string; name: string; orgnr: string }): Promise<Association | "orgnr-taken">;
  getAssociation(id: string): Promise<Association | null>;
  listAssociations(): Promise<Association[]>;

  /** Stores a token by the SHA-256 hash of its secret; the secret itself is never stored. */
  addToken(input: {
    id: string;
    hash: string;
    scope: TokenScope;
    associationId: string | null;
    label: string | null;
  }): Promise<TokenRecord>;
  /** The live (not revoked) token with this hash. */
  findToken(hash: string): Promise<FoundToken | null>;
  /**
   * Records that the token was used now, unless a use within the last minute is recorded
   * already: at most one write a minute per token, however many requests it makes.
   */
  recordTokenUse(id: string): Promise<void>;
  /** An association's tokens, or with null the network tokens; revoked ones too. */
  listTokens(associationId: string | null): Promise<TokenRecord[]>;
  /** Every token, association and network, revoked ones too. */
  listAllTokens(): Promise<TokenRecord[]>;
  /** True when a live token was revoked. */
  revokeToken(id: string, associationId: string | null): Promise<boolean>;

  putReport(input: PutReportInput): Promise<PutReportResult>;
  /** The latest revision, or a given one. */
  getReport(
    associationId: string,
    kind: ReportKind,
    period: string,
    revision?: number,
    insats?: string,
  ): Promise<StoredRevision | null>;
  /** The latest revision of every (period, insats) an association filed of a kind, by period. */
  latestReports(associationId: string, kind: ReportKind): Promise<StoredRevision[]>;
  /** Every revision, oldest first, with who sent it. */
  history(associationId: string, kind: ReportKind, period: string, insats?: string): Promise<RevisionInfo[]>;
  /** Every association and the latest revision of each report it filed, with who sent it: one query. */
  status(): Promise<Status>;
  /** For the merge: the latest revision of every (association, period) of a kind that covers the year, without bodies. */
  latestHeads(kind: ReportKind, year: string): Promise<ReportHead[]>;
  /** The stored revisions named, in no particular order, their bodies unparsed. */
  getRevisions(kind: ReportKind, keys: readonly ReportHead[]): Promise<StoredRevisionText[]>;

  setGroupOverride(override: GroupOverride): Promise<void>;
  removeGroupOverride(associationId: string, label: string): Promise<boolean>;
  groupOverrides(associationId?: string): Promise<GroupOverride[]>;

  close(): Promise<void>;
}
