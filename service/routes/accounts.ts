/** Who is calling, who has reported, and the administration: associations and their tokens, network tokens. */
import { randomUUID } from "node:crypto";
import type { Router } from "express";
import {
  AssociationTokenBody,
  CreateAssociationBody,
  type Me,
  NetworkTokenBody,
  type Status,
  type TokenList,
} from "../../shared/api";
import { SamsynError } from "../../shared/failures";
import { validateOrganisationsnummer } from "../../shared/identity";
import { ROUTES } from "../../shared/routes";
import { issueToken, requireAdmin, requireNetwork } from "../auth";
import { hasBody, on, type RouteContext } from "./request";

export function accountRoutes(router: Router, ctx: RouteContext): void {
  const { store, who, body, existing } = ctx;

  on(router, ROUTES.me, async (req, res) => {
    const p = await who(req, res);
    let me: Me;
    if (p.kind === "association") {
      const a = await existing(p.associationId);
      me = { kind: "association", association: { id: a.id, name: a.name, orgnr: a.orgnr }, token: p.token };
    } else me = p.kind === "network" ? { kind: "network", token: p.token } : { kind: "admin" };
    res.json(me);
  });

  on(router, ROUTES.status, async (req, res) => {
    // Any token: the associations are the ones who meet, and the status names no figure.
    await who(req, res);
    const status: Status = await store.status();
    res.json(status);
  });

  on(router, ROUTES.tokens, async (req, res) => {
    requireAdmin(await who(req, res));
    const tokens: TokenList = await store.listAllTokens();
    res.json(tokens);
  });

  on(router, ROUTES.createAssociation, async (req, res) => {
    requireAdmin(await who(req, res));
    const input = await body(CreateAssociationBody, req, res, "association");
    const orgnr = validateOrganisationsnummer(input.orgnr);
    if (!orgnr.ok) {
      throw new SamsynError({ code: "invalid-orgnr", text: input.orgnr, reason: orgnr.reason }, [
        { path: "orgnr", message: orgnr.reason },
      ]);
    }
    const created = await store.createAssociation({
      id: randomUUID(),
      name: input.name,
      orgnr: orgnr.normalised,
    });
    if (created === "orgnr-taken")
      throw new SamsynError({ code: "orgnr-taken", orgnr: orgnr.normalised }, [
        { path: "orgnr", message: "taken" },
      ]);
    const token = await issueToken(store, "association", created.id, null);
    res.status(201).json({ id: created.id, token: token.token, tokenId: token.tokenId });
  });

  on(router, ROUTES.associations, async (req, res) => {
    requireNetwork(await who(req, res));
    res.json(await store.listAssociations());
  });

  on(router, ROUTES.issueAssociationToken, async (req, res) => {
    requireAdmin(await who(req, res));
    // The body is optional: without one the token has no label.
    const input = hasBody(req) ? await body(AssociationTokenBody, req, res, "body") : {};
    const a = await existing(req.params.id);
    res.status(201).json(await issueToken(store, "association", a.id, input.label ?? null));
  });

  on(router, ROUTES.associationTokens, async (req, res) => {
    requireAdmin(await who(req, res));
    const a = await existing(req.params.id);
    const tokens: TokenList = await store.listTokens(a.id);
    res.json(tokens);
  });

  on(router, ROUTES.revokeAssociationToken, async (req, res) => {
    requireAdmin(await who(req, res));
    if (!(await store.revokeToken(req.params.tokenId, req.params.id)))
      throw new SamsynError({ code: "not-found", what: "association-token" });
    res.status(204).end();
  });

  on(router, ROUTES.issueNetworkToken, async (req, res) => {
    requireAdmin(await who(req, res));
    const input = await body(NetworkTokenBody, req, res, "body");
    res.status(201).json(await issueToken(store, "network", null, input.label));
  });

  on(router, ROUTES.networkTokens, async (req, res) => {
    requireAdmin(await who(req, res));
    const tokens: TokenList = await store.listTokens(null);
    res.json(tokens);
  });

  on(router, ROUTES.revokeNetworkToken, async (req, res) => {
    requireAdmin(await who(req, res));
    if (!(await store.revokeToken(req.params.tokenId, null)))
      throw new SamsynError({ code: "not-found", what: "network-token" });
    res.status(204).end();
  });
}
