/**
 * The parts of the HTTP contract both ends read: who a token is, what a send answers, a
 * revision's provenance, the error body, the period grammar of the paths. The service
 * validates and documents with these; the task pane parses the answers with the same ones.
 */
import * as z from "zod";
import { FAILURE_CODES } from "./failures";
import { PERIOD_KEY, YEAR_KEY } from "./period";
import { BudgetGroup, Report, ReportKind } from "./report";

/** A period as the grammar in period.ts writes it: "2014", "2014-H1", "2014-Q3", "2014-05", "2013-2015". */
export const PERIOD = PERIOD_KEY;
export const YEAR = YEAR_KEY;

/** Which program sent a revision, from the X-Samsyn-Client header ("addin", "cli"); anything else is "api". */
export const ClientKind = z.enum(["addin", "cli", "api"]);
export type ClientKind = z.infer<typeof ClientKind>;
export const CLIENT_HEADER = "X-Samsyn-Client";
/** Sent with "Skicka min version ändå": the sender saw a newer revision and chose to put theirs on top. */
export const OVERRIDE_HEADER = "X-Samsyn-Override";

/** A token as people may see it: its id and label, never its secret. */
export const TokenRef = z.object({ id: z.string(), label: z.string().nullable() });
export type TokenRef = z.infer<typeof TokenRef>;

/** An association as people see it. */
export const AssociationRef = z.object({ id: z.string(), name: z.string(), orgnr: z.string() });
export type AssociationRef = z.infer<typeof AssociationRef>;

/** GET /api/me: who this token is. */
export const Me = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("association"),
    association: AssociationRef,
    token: TokenRef,
  }),
  z.object({ kind: z.literal("network"), token: TokenRef }),
  z.object({ kind: z.literal("admin") }),
]);
export type Me = z.infer<typeof Me>;

/**
 * The `error.code` of a 409 answer to a PUT of a report: If-Match named a revision that is no
 * longer the latest ("stale-revision"), or If-None-Match: * found one ("report-exists"). Both
 * carry `currentRevision` and the current revision's ETag.
 */
export const PutConflictCode = z.enum(["stale-revision", "report-exists"]);
export type PutConflictCode = z.infer<typeof PutConflictCode>;

export const PutResult = z.object({
  revision: z.number().int().positive(),
  replayed: z.boolean().optional(),
});
export type PutResult = z.infer<typeof PutResult>;

/** One revision in a report's history: when, by which token, from which program, and whether it overrode a newer one. */
export const RevisionInfo = z.object({
  revision: z.number().int().positive(),
  createdAt: z.string(),
  /** Null for revisions stored before provenance was recorded. */
  token: TokenRef.nullable(),
  client: ClientKind,
  override: z.boolean(),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;

export const RevisionList = z.object({ revisions: z.array(RevisionInfo) });
export type RevisionList = z.infer<typeof RevisionList>;

/** GET /api/associations/{id}/reports/{kind}: the latest revision of every period the association filed. */
export const PublishedReports = z.object({
  reports: z.array(
    z.object({
      period: z.string(),
      /** The insats the report is filed under, where its list has an insats column; absent for the whole list. */
      insats: z.string().optional(),
      revision: z.number().int().positive(),
      report: Report,
    }),
  ),
});
export type PublishedReports = z.infer<typeof PublishedReports>;

/** GET /api/associations: one entry per association. */
export const AssociationInfo = AssociationRef.extend({ createdAt: z.string() });
export type AssociationInfo = z.infer<typeof AssociationInfo>;

/** POST /api/associations: the new association and its first token, whose secret is shown only here. */
export const CreatedAssociation = z.object({ id: z.string(), token: z.string(), tokenId: z.string() });
export type CreatedAssociation = z.infer<typeof CreatedAssociation>;

/** A token just issued: its secret is in this answer and nowhere else, ever. */
export const IssuedToken = z.object({ tokenId: z.string(), token: z.string() });
export type IssuedToken = z.infer<typeof IssuedToken>;

/** A token in a list: who it is for, its label and its life, never its secret. */
export const TokenInfo = z.object({
  id: z.string(),
  scope: z.enum(["association", "network"]),
  /** Set for association tokens, null for network tokens. */
  associationId: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /**
   * When the token last got past authentication, to the minute: the service writes it at most
   * once a minute per token, so a token used a moment ago may show a time up to a minute old.
   * Null when it has never been used (or not since the service began recording it).
   */
  lastUsedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;
export const TokenList = z.array(TokenInfo);
export type TokenList = z.infer<typeof TokenList>;

/** One report in the status: its latest revision and who sent it. */
export const StatusReport = z.object({
  associationId: z.string(),
  kind: ReportKind,
  /** The period the report is filed under ("2008", "2014-H1"). */
  period: z.string(),
  /** The insats a participants report is filed under, where its list has an insats column; absent for the whole list. */
  insats: z.string().optional(),
  /**
   * The calendar years the merge compares this report under (a 2008 plan with columns
   * 2008–2010: "2008", "2009", "2010"), as the merge reads them (coveredYears in merge.ts).
   */
  years: z.array(z.string()),
  revision: z.number().int().positive(),
  createdAt: z.string(),
  /** The token that sent the latest revision; null for revisions stored before provenance was recorded. */
  token: TokenRef.nullable(),
  client: ClientKind,
});
export type StatusReport = z.infer<typeof StatusReport>;

/**
 * GET /api/status: who has reported what, before a network meeting. Every association, and
 * one entry per (association, kind, period) filed, with its latest revision.
 */
export const Status = z.object({
  associations: z.array(AssociationRef),
  reports: z.array(StatusReport),
});
export type Status = z.infer<typeof Status>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(FAILURE_CODES),
    message: z.string().meta({ description: "Swedish" }),
    messageEn: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 409: the latest revision the service has (null when none). */
    currentRevision: z.number().int().nullable().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// —— request bodies ——

export const CreateAssociationBody = z
  .object({ name: z.string().trim().min(1).max(200), orgnr: z.string().max(20) })
  .strict();
/** What people call a token ("Ekonomi, Annas dator"), shown in token lists, /api/me and a report's history. */
const TokenLabel = z.string().trim().min(1).max(200);
export const NetworkTokenBody = z.object({ label: TokenLabel }).strict();
export const AssociationTokenBody = z.object({ label: TokenLabel.optional() }).strict();
export const GroupOverrideBody = z.object({ label: z.string().min(1).max(500), group: BudgetGroup }).strict();
export const GroupOverrideList = z.object({
  overrides: z.array(z.object({ label: z.string(), group: BudgetGroup })),
});
export type GroupOverrideList = z.infer<typeof GroupOverrideList>;

/** GET /healthz: the service is up and its database answers. */
export const Health = z.object({ ok: z.boolean(), engine: z.string() });
export type Health = z.infer<typeof Health>;
