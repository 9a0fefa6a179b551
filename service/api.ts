/**
 * The OpenAPI 3 document, generated from the route table (shared/routes.ts) with
 * @asteasolutions/zod-to-openapi (v9, zod 4): nothing here names a route of its own.
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import * as z from "zod";
import { ErrorBody, Me, PublishedReports, RevisionList, Status, TokenList } from "../shared/api";
import { MergedView, NetworkCount, NetworkKeyFigures } from "../shared/merge";
import { Report } from "../shared/report";
import { ROUTES, type RouteSpec } from "../shared/routes";

/** The schemas the document names as components, each a $ref wherever it is used whole. */
const BINARY = z.string().meta({ format: "binary" });

const COMPONENTS: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [Report, "Report"],
  [ErrorBody, "Error"],
  [TokenList, "TokenList"],
  [Me, "Me"],
  [Status, "Status"],
  [PublishedReports, "PublishedReports"],
  [RevisionList, "RevisionList"],
  [MergedView, "MergedView"],
]);

export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  // A schema used inside others is named on itself, in the generator's own registry, so that
  // every use is a $ref to one component (an id in zod's metadata would only be copied inline).
  zodToOpenAPIRegistry.add(NetworkCount, { _internal: { refId: "NetworkCount" } });
  // The network's key figures, and an association's insatser added up: one shape, one component.
  zodToOpenAPIRegistry.add(NetworkKeyFigures, { _internal: { refId: "NetworkKeyFigures" } });
  // Named components through zod 4's own metadata (.meta({ id })): the shared schemas are built
  // before any extendZodWithOpenApi could run, so registry.register (which calls .openapi) fails.
  const named = new Map<z.ZodType, z.ZodType>();
  const schemaOf = (schema: z.ZodType): z.ZodType => {
    const id = COMPONENTS.get(schema);
    if (id === undefined) return schema;
    const found = named.get(schema) ?? schema.meta({ id });
    named.set(schema, found);
    return found;
  };
  const json = (schema: z.ZodType) => ({ content: { "application/json": { schema: schemaOf(schema) } } });
  for (const spec of Object.values(ROUTES) as RouteSpec[]) registry.registerPath(pathItem(spec));

  function pathItem(spec: RouteSpec) {
    const responses: Record<number, object> = {};
    for (const [status, answer] of Object.entries(spec.answers)) {
      const content = answer.schema
        ? json(answer.schema)
        : answer.media
          ? { content: { [answer.media]: { schema: BINARY } } }
          : {};
      responses[Number(status)] = { description: answer.description, ...content };
    }
    for (const [status, description] of Object.entries(spec.failures ?? {}))
      responses[Number(status)] = { description, ...json(ErrorBody) };
    for (const status of spec.errors) responses[status] = { description: "Error", ...json(ErrorBody) };
    const request = {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.headers ? { headers: spec.headers } : {}),
      ...(spec.body
        ? { body: { ...json(spec.body.schema), ...(spec.body.required ? {} : { required: false }) } }
        : {}),
    };
    return {
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      ...(spec.auth ? { security: [{ [bearer.name]: [] }] } : {}),
      ...(Object.keys(request).length > 0 ? { request } : {}),
      responses,
    };
  }

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Samsyn sync service",
      version: "0.1.0",
      description: "Associations, versioned reports and the merge across samordningsförbund.",
    },
  });
}
