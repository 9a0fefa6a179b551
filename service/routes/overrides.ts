/** Corrections of the cost group a line is compared under, per association. */
import type { Router } from "express";
import { GroupOverrideBody } from "../../shared/api";
import { SamsynError } from "../../shared/failures";
import { ROUTES } from "../../shared/routes";
import { requireAssociationOrAdmin } from "../auth";
import { on, type RouteContext } from "./request";

export function groupOverrideRoutes(router: Router, ctx: RouteContext): void {
  const { store, who, body, existing } = ctx;

  on(router, ROUTES.groupOverrides, async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    await existing(req.params.id);
    const list = await store.groupOverrides(req.params.id);
    res.json({ overrides: list.map(({ label, group }) => ({ label, group })) });
  });

  on(router, ROUTES.setGroupOverride, async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    const override = await body(GroupOverrideBody, req, res, "body");
    await existing(req.params.id);
    await store.setGroupOverride({
      associationId: req.params.id,
      label: override.label,
      group: override.group,
    });
    const list = await store.groupOverrides(req.params.id);
    res.json({ overrides: list.map(({ label, group }) => ({ label, group })) });
  });

  on(router, ROUTES.removeGroupOverride, async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    const label = req.query.label;
    if (typeof label !== "string" || label.length === 0)
      throw new SamsynError({ code: "label-required" }, [{ path: "label", message: "required" }]);
    await existing(req.params.id);
    if (!(await store.removeGroupOverride(req.params.id, label)))
      throw new SamsynError({ code: "not-found", what: "correction" });
    res.status(204).end();
  });
}
