/**
 * Every route of the service, declared once: method, path, path parameters, the headers that
 * matter, the body and the answers by status. The service registers its handlers by these
 * (service/routes), the OpenAPI document is generated from them (service/api.ts), and the one
 * client (shared/client.ts) builds its requests and reads its answers with them.
 */
import * as z from "zod";
import {
  AssociationInfo,
  AssociationTokenBody,
  CLIENT_HEADER,
  ClientKind,
  CreateAssociationBody,
  CreatedAssociation,
  GroupOverrideBody,
  GroupOverrideList,
  Health,
  IssuedToken,
  Me,
  NetworkTokenBody,
  OVERRIDE_HEADER,
  PERIOD,
  PublishedReports,
  PutResult,
  RevisionList,
  Status,
  TokenList,
  YEAR,
} from "./api";
import { ReportDiff } from "./diff";
import { MergedView } from "./merge";
import { Report, ReportKind } from "./report";

type Method = "get" | "put" | "post" | "delete";

/** One answer: its schema (JSON), a media type (a file), or neither (no body). */
export interface AnswerSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** A file, not JSON: the client hands it over as a Blob. */
  readonly media?: string;
}

export interface RouteSpec {
  readonly method: Method;
  /** As OpenAPI writes it: "/api/associations/{id}/tokens". */
  readonly path: string;
  readonly summary: string;
  /** Whether the route needs a token (a bearer in Authorization). */
  readonly auth: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly headers?: z.ZodObject;
  readonly body?: { readonly schema: z.ZodType; readonly required: boolean };
  /** The answers that carry what was asked for, by status. */
  readonly answers: { readonly [status: number]: AnswerSpec };
  /** The statuses that answer with the error body (ErrorBody), besides any described in `failures`. */
  readonly errors: readonly number[];
  /** Error statuses worth their own description. */
  readonly failures?: { readonly [status: number]: string };
}

const route = <const R extends RouteSpec>(spec: R): R => spec;

export const XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const Id = z.object({ id: z.string() });
const ReportParams = z.object({ id: z.string(), kind: ReportKind, period: z.string().regex(PERIOD) });
const MergedParams = z.object({ kind: ReportKind, period: z.string().regex(YEAR) });
const RevisionNumber = z.string().regex(/^\d+$/);
/**
 * Where a participants report is filed when its list has an insats column: one report per
 * insats, filed under its name. Absent for the whole list (and for every budget).
 */
const InsatsQuery = z.object({
  insats: z
    .string()
    .max(80)
    .optional()
    .meta({ description: "The insats a participants report is filed under; absent: the whole list" }),
});
const ok = <S extends z.ZodType>(schema: S) => ({ 200: { description: "OK", schema } }) as const;
const created = <S extends z.ZodType>(schema: S) => ({ 201: { description: "Created", schema } }) as const;

/** The headers of a send: its base, its idempotency and its provenance. */
const SendHeaders = z.object({
  "If-Match": z
    .string()
    .optional()
    .meta({ description: 'The revision the edit is based on, e.g. "3"; not with If-None-Match' }),
  "If-None-Match": z
    .literal("*")
    .optional()
    .meta({ description: "The first send: refused (409 report-exists) when any revision exists" }),
  "Idempotency-Key": z.string().max(200).optional(),
  [CLIENT_HEADER]: z
    .string()
    .optional()
    .meta({
      description: `The sending program, recorded with the revision: ${ClientKind.options.join(", ")} (anything else is api)`,
    }),
  [OVERRIDE_HEADER]: z
    .literal("1")
    .optional()
    .meta({ description: "The sender saw a newer revision and chose to put theirs on top" }),
});

export const ROUTES = {
  health: route({
    method: "get",
    path: "/healthz",
    summary: "Liveness and database check",
    auth: false,
    answers: ok(Health),
    errors: [],
  }),
  me: route({
    method: "get",
    path: "/api/me",
    summary:
      "Who this token is: an association (with the token's id and label), a network token, or the admin",
    auth: true,
    answers: ok(Me),
    errors: [401, 429],
  }),
  status: route({
    method: "get",
    path: "/api/status",
    summary:
      "Who has reported what: every association, and per (association, kind, period) filed its latest revision — when, by which token, from which program, and the years the merge compares it under (any token)",
    auth: true,
    answers: ok(Status),
    errors: [401, 429],
  }),
  tokens: route({
    method: "get",
    path: "/api/tokens",
    summary:
      "Every token, association and network, revoked ones too, with when each was last used — never a secret (admin)",
    auth: true,
    answers: ok(TokenList),
    errors: [401, 403, 429],
  }),
  createAssociation: route({
    method: "post",
    path: "/api/associations",
    summary: "Create an association (admin); its first token is returned once",
    auth: true,
    body: { schema: CreateAssociationBody, required: true },
    answers: created(CreatedAssociation),
    errors: [400, 401, 403, 409, 429],
  }),
  associations: route({
    method: "get",
    path: "/api/associations",
    summary: "List associations (admin or network token)",
    auth: true,
    answers: ok(z.array(AssociationInfo)),
    errors: [401, 403],
  }),
  issueAssociationToken: route({
    method: "post",
    path: "/api/associations/{id}/tokens",
    summary: "Issue another token for an association (admin); the body with a label is optional",
    auth: true,
    params: Id,
    body: { schema: AssociationTokenBody, required: false },
    answers: created(IssuedToken),
    errors: [400, 401, 403, 404, 415],
  }),
  associationTokens: route({
    method: "get",
    path: "/api/associations/{id}/tokens",
    summary: "List an association's tokens, without secrets (admin)",
    auth: true,
    params: Id,
    answers: ok(TokenList),
    errors: [401, 403, 404],
  }),
  revokeAssociationToken: route({
    method: "delete",
    path: "/api/associations/{id}/tokens/{tokenId}",
    summary: "Revoke an association's token (admin)",
    auth: true,
    params: z.object({ id: z.string(), tokenId: z.string() }),
    answers: { 204: { description: "Revoked" } },
    errors: [401, 403, 404],
  }),
  issueNetworkToken: route({
    method: "post",
    path: "/api/network-tokens",
    summary: "Issue a network token that reads the merged view (admin)",
    auth: true,
    body: { schema: NetworkTokenBody, required: true },
    answers: created(IssuedToken),
    errors: [400, 401, 403],
  }),
  networkTokens: route({
    method: "get",
    path: "/api/network-tokens",
    summary: "List network tokens, without secrets (admin)",
    auth: true,
    answers: ok(TokenList),
    errors: [401, 403],
  }),
  revokeNetworkToken: route({
    method: "delete",
    path: "/api/network-tokens/{tokenId}",
    summary: "Revoke a network token (admin)",
    auth: true,
    params: z.object({ tokenId: z.string() }),
    answers: { 204: { description: "Revoked" } },
    errors: [401, 403, 404],
  }),
  putReport: route({
    method: "put",
    path: "/api/associations/{id}/reports/{kind}/{period}",
    summary: "Store a new revision of a report (the association's own token)",
    auth: true,
    params: ReportParams,
    query: InsatsQuery,
    headers: SendHeaders,
    body: { schema: Report, required: true },
    answers: {
      201: { description: "A new revision", schema: PutResult },
      200: { description: "Replayed: this Idempotency-Key already made a revision", schema: PutResult },
    },
    failures: {
      409: "stale-revision or report-exists: `currentRevision` and the ETag name the latest revision",
    },
    errors: [400, 401, 403, 404, 413, 415, 422, 429],
  }),
  publishedReports: route({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}",
    summary:
      "The latest revision of every period the association filed: what a client checks a new participants report against before sending it",
    auth: true,
    params: z.object({ id: z.string(), kind: ReportKind }),
    answers: ok(PublishedReports),
    errors: [400, 401, 403, 404],
  }),
  report: route({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}",
    summary: "The latest revision; its number in ETag; the body can be PUT back as it is",
    auth: true,
    params: ReportParams,
    query: InsatsQuery,
    answers: ok(Report),
    errors: [400, 401, 403, 404],
  }),
  revisions: route({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/revisions",
    summary:
      "The history of revisions: when, by which token, from which program, and whether it overrode a newer one",
    auth: true,
    params: ReportParams,
    query: InsatsQuery,
    answers: ok(RevisionList),
    errors: [400, 401, 403, 404],
  }),
  revision: route({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/revisions/{revision}",
    summary: "One revision",
    auth: true,
    params: ReportParams.extend({ revision: RevisionNumber }),
    query: InsatsQuery,
    answers: ok(Report),
    errors: [400, 401, 403, 404],
  }),
  diff: route({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/diff",
    summary: "Lines added, removed and changed between two revisions (default: the two latest)",
    auth: true,
    params: ReportParams,
    query: InsatsQuery.extend({ from: RevisionNumber.optional(), to: RevisionNumber.optional() }),
    answers: ok(ReportDiff),
    errors: [400, 401, 403, 404],
  }),
  groupOverrides: route({
    method: "get",
    path: "/api/associations/{id}/group-overrides",
    summary: "The association's corrections of label → cost group",
    auth: true,
    params: Id,
    answers: ok(GroupOverrideList),
    errors: [401, 403, 404],
  }),
  setGroupOverride: route({
    method: "put",
    path: "/api/associations/{id}/group-overrides",
    summary: "Map a budget line's label to a group in the merge (the association or the admin)",
    auth: true,
    params: Id,
    body: { schema: GroupOverrideBody, required: true },
    answers: ok(GroupOverrideList),
    errors: [400, 401, 403, 404],
  }),
  removeGroupOverride: route({
    method: "delete",
    path: "/api/associations/{id}/group-overrides",
    summary: "Remove a correction",
    auth: true,
    params: Id,
    query: z.object({ label: z.string() }),
    answers: { 204: { description: "Removed" } },
    errors: [400, 401, 403, 404],
  }),
  merged: route({
    method: "get",
    path: "/api/merged/{kind}/{period}",
    summary:
      "Every association's newest report covering the year, side by side, with network totals (any token)",
    auth: true,
    params: MergedParams,
    query: z.object({
      insats: z.string().max(80).optional().meta({
        description:
          "Participants only: one insats by name; absent, every association's insatser added up (a lower bound where a part is hidden)",
      }),
    }),
    answers: ok(MergedView),
    errors: [400, 401, 403, 404],
  }),
  mergedWorkbook: route({
    method: "get",
    path: "/api/merged/{kind}/{period}.xlsx",
    summary: "The merged workbook (any token)",
    auth: true,
    params: MergedParams,
    query: z.object({ insats: z.string().max(80).optional() }),
    answers: { 200: { description: "The workbook", media: XLSX_MEDIA } },
    errors: [400, 401, 403, 404],
  }),
} as const satisfies Record<string, RouteSpec>;

/** The path with its parameters filled in, each encoded: "/api/associations/a%2Fb/tokens". */
export function pathOf(spec: RouteSpec, params: Readonly<Record<string, string | number>> = {}): string {
  return spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${spec.path}: no ${name}`);
    return encodeURIComponent(String(value));
  });
}
