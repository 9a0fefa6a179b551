/**
 * The HTTP contract as zod schemas — request bodies the routes validate with, responses — and
 * the OpenAPI 3 document generated from them with @asteasolutions/zod-to-openapi (v9, zod 4).
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  AssociationInfo,
  CLIENT_HEADER,
  ClientKind,
  CreatedAssociation,
  ErrorBody,
  IssuedToken,
  Me,
  OVERRIDE_HEADER,
  PERIOD,
  PublishedReports,
  PutResult,
  RevisionList,
  Status,
  TokenList,
  YEAR,
} from "../shared/api";
import { ReportDiff } from "../shared/diff";
import { MergedView, NetworkCount } from "../shared/merge";
import { BudgetGroup, Report, ReportKind } from "../shared/report";

export { AssociationInfo, CreatedAssociation, IssuedToken, PERIOD, TokenInfo, YEAR } from "../shared/api";

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

export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const security = [{ [bearer.name]: [] }];
  // Named components through zod 4's own metadata (.meta({ id })): the shared schemas are built
  // before any extendZodWithOpenApi could run, so registry.register (which calls .openapi) fails.
  const reg = <T extends z.ZodType>(name: string, schema: T): T => {
    return schema.meta({ id: name }) as T;
  };
  // A schema used inside others is named on itself, in the generator's own registry, so that
  // every use is a $ref to one component (an id in zod's metadata would only be copied inline).
  zodToOpenAPIRegistry.add(NetworkCount, { _internal: { refId: "NetworkCount" } });
  const report = reg("Report", Report);
  const error = reg("Error", ErrorBody);
  const tokenList = reg("TokenList", TokenList);
  const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
  const errors = (...codes: number[]) =>
    Object.fromEntries(codes.map((c) => [c, { description: "Error", ...json(error) }]));
  const reportParams = z.object({
    id: z.string(),
    kind: ReportKind,
    period: z.string().regex(PERIOD),
  });

  registry.registerPath({
    method: "get",
    path: "/healthz",
    summary: "Liveness and database check",
    responses: { 200: { description: "OK", ...json(z.object({ ok: z.boolean(), engine: z.string() })) } },
  });
  registry.registerPath({
    method: "get",
    path: "/api/me",
    summary:
      "Who this token is: an association (with the token's id and label), a network token, or the admin",
    security,
    responses: { 200: { description: "OK", ...json(reg("Me", Me)) }, ...errors(401, 429) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/status",
    summary:
      "Who has reported what: every association, and per (association, kind, period) filed its latest revision — when, by which token, from which program, and the years the merge compares it under (any token)",
    security,
    responses: { 200: { description: "OK", ...json(reg("Status", Status)) }, ...errors(401, 429) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/tokens",
    summary:
      "Every token, association and network, revoked ones too, with when each was last used — never a secret (admin)",
    security,
    responses: { 200: { description: "OK", ...json(tokenList) }, ...errors(401, 403, 429) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/associations",
    summary: "Create an association (admin); its first token is returned once",
    security,
    request: { body: json(CreateAssociationBody) },
    responses: {
      201: { description: "Created", ...json(CreatedAssociation) },
      ...errors(400, 401, 403, 409, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations",
    summary: "List associations (admin or network token)",
    security,
    responses: { 200: { description: "OK", ...json(z.array(AssociationInfo)) }, ...errors(401, 403) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/associations/{id}/tokens",
    summary: "Issue another token for an association (admin); the body with a label is optional",
    security,
    request: {
      params: z.object({ id: z.string() }),
      body: { ...json(AssociationTokenBody), required: false },
    },
    responses: {
      201: { description: "Created", ...json(IssuedToken) },
      ...errors(400, 401, 403, 404, 415),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/tokens",
    summary: "List an association's tokens, without secrets (admin)",
    security,
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: "OK", ...json(tokenList) }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/associations/{id}/tokens/{tokenId}",
    summary: "Revoke an association's token (admin)",
    security,
    request: { params: z.object({ id: z.string(), tokenId: z.string() }) },
    responses: { 204: { description: "Revoked" }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/network-tokens",
    summary: "Issue a network token that reads the merged view (admin)",
    security,
    request: { body: json(NetworkTokenBody) },
    responses: { 201: { description: "Created", ...json(IssuedToken) }, ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/network-tokens",
    summary: "List network tokens, without secrets (admin)",
    security,
    responses: { 200: { description: "OK", ...json(tokenList) }, ...errors(401, 403) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/network-tokens/{tokenId}",
    summary: "Revoke a network token (admin)",
    security,
    request: { params: z.object({ tokenId: z.string() }) },
    responses: { 204: { description: "Revoked" }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/associations/{id}/reports/{kind}/{period}",
    summary: "Store a new revision of a report (the association's own token)",
    security,
    request: {
      params: reportParams,
      headers: z.object({
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
      }),
      body: json(report),
    },
    responses: {
      201: { description: "A new revision", ...json(PutResult) },
      200: { description: "Replayed: this Idempotency-Key already made a revision", ...json(PutResult) },
      409: {
        description:
          "stale-revision or report-exists: `currentRevision` and the ETag name the latest revision",
        ...json(error),
      },
      ...errors(400, 401, 403, 404, 413, 415, 422, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}",
    summary:
      "The latest revision of every period the association filed: what a client checks a new participants report against before sending it",
    security,
    request: { params: z.object({ id: z.string(), kind: ReportKind }) },
    responses: {
      200: { description: "OK", ...json(reg("PublishedReports", PublishedReports)) },
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}",
    summary: "The latest revision; its number in ETag; the body can be PUT back as it is",
    security,
    request: { params: reportParams },
    responses: { 200: { description: "OK", ...json(report) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/revisions",
    summary:
      "The history of revisions: when, by which token, from which program, and whether it overrode a newer one",
    security,
    request: { params: reportParams },
    responses: {
      200: { description: "OK", ...json(reg("RevisionList", RevisionList)) },
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/revisions/{revision}",
    summary: "One revision",
    security,
    request: { params: reportParams.extend({ revision: z.string().regex(/^\d+$/) }) },
    responses: { 200: { description: "OK", ...json(report) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/reports/{kind}/{period}/diff",
    summary: "Lines added, removed and changed between two revisions (default: the two latest)",
    security,
    request: {
      params: reportParams,
      query: z.object({
        from: z.string().regex(/^\d+$/).optional(),
        to: z.string().regex(/^\d+$/).optional(),
      }),
    },
    responses: { 200: { description: "OK", ...json(ReportDiff) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/associations/{id}/group-overrides",
    summary: "The association's corrections of label → cost group",
    security,
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: "OK", ...json(GroupOverrideList) }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/associations/{id}/group-overrides",
    summary: "Map a budget line's label to a group in the merge (the association or the admin)",
    security,
    request: { params: z.object({ id: z.string() }), body: json(GroupOverrideBody) },
    responses: { 200: { description: "OK", ...json(GroupOverrideList) }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/associations/{id}/group-overrides",
    summary: "Remove a correction",
    security,
    request: { params: z.object({ id: z.string() }), query: z.object({ label: z.string() }) },
    responses: { 204: { description: "Removed" }, ...errors(400, 401, 403, 404) },
  });
  const mergedParams = z.object({ kind: ReportKind, period: z.string().regex(YEAR) });
  registry.registerPath({
    method: "get",
    path: "/api/merged/{kind}/{period}",
    summary:
      "Every association's newest report covering the year, side by side, with network totals (any token)",
    security,
    request: { params: mergedParams },
    responses: {
      200: { description: "OK", ...json(reg("MergedView", MergedView)) },
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/merged/{kind}/{period}.xlsx",
    summary: "The merged workbook (any token)",
    security,
    request: { params: mergedParams },
    responses: {
      200: {
        description: "The workbook",
        content: {
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            schema: z.string().meta({ format: "binary" }),
          },
        },
      },
      ...errors(400, 401, 403, 404),
    },
  });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Samsyn sync service",
      version: "0.1.0",
      description: "Associations, versioned reports and the merge across samordningsförbund.",
    },
  });
}
