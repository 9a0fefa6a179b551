/**
 * The API routes: thin handlers that check who is calling, validate the path and the body,
 * and hand off to the store, the merge and the workbook builder. One module per resource.
 */
import { Router } from "express";
import { openApiDocument } from "../api";
import { accountRoutes } from "./accounts";
import { mergedRoutes } from "./merged";
import { groupOverrideRoutes } from "./overrides";
import { reportRoutes } from "./reports";
import { type RouteDeps, routeContext } from "./request";

export type { RouteDeps } from "./request";

export function apiRouter(deps: RouteDeps): Router {
  const router = Router();
  const ctx = routeContext(deps);
  let openapi: object | null = null;
  router.get("/openapi.json", (_req, res) => {
    openapi ??= openApiDocument();
    res.json(openapi);
  });
  accountRoutes(router, ctx);
  reportRoutes(router, ctx);
  groupOverrideRoutes(router, ctx);
  mergedRoutes(router, ctx);
  return router;
}
