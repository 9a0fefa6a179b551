/**
 * The parts of the HTTP contract both ends read: who a token is, what a send answers, a
 * revision's provenance, the error body, the period grammar of the paths. The service
 * validates and documents with these; the task pane parses the answers with the same ones.
 */
import { z } from "zod";
import { PERIOD_KEY, YEAR_KEY } from "./period";

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

/** GET /api/me: who this token is. */
export const Me = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("association"),
    association: z.object({ id: z.string(), name: z.string(), orgnr: z.string() }),
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

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().meta({ description: "Swedish" }),
    messageEn: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 409: the latest revision the service has (null when none). */
    currentRevision: z.number().int().nullable().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
