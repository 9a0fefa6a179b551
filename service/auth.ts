/**
 * Tokens and who is calling: random bearer tokens stored only as SHA-256 hashes, the admin
 * token from the environment, and the rate limit on failed authentication.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import type { TokenRef } from "../shared/api";
import { SamsynError } from "../shared/failures";
import { errorBody, statusOf } from "./errors";
import { sha256 } from "./store/sql";
import type { Store, TokenScope } from "./store/types";

/** Who is calling; a token's id and label travel along so a revision can record who sent it. */
export type Principal =
  | { readonly kind: "admin" }
  | { readonly kind: "association"; readonly associationId: string; readonly token: TokenRef }
  | { readonly kind: "network"; readonly token: TokenRef };

/** A new token: its id (to revoke it by), the secret handed out once, and the hash stored. */
export function newToken(): { id: string; token: string; hash: string } {
  const id = randomBytes(6).toString("hex");
  const token = `samsyn_${id}_${randomBytes(32).toString("base64url")}`;
  return { id, token, hash: sha256(token) };
}

export async function issueToken(
  store: Store,
  scope: TokenScope,
  associationId: string | null,
  label: string | null,
): Promise<{ tokenId: string; token: string }> {
  const t = newToken();
  await store.addToken({ id: t.id, hash: t.hash, scope, associationId, label });
  return { tokenId: t.id, token: t.token };
}

const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(Buffer.from(sha256(a), "hex"), Buffer.from(sha256(b), "hex"));

export const unauthenticated = (): SamsynError => new SamsynError({ code: "unauthenticated" });

export const forbidden = (): SamsynError => new SamsynError({ code: "forbidden" });

/** The bearer token the request carries, if it carries one in a form a token can have. */
function bearerOf(req: Request): string | null {
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(req.get("authorization") ?? "");
  return m ? m[1]! : null;
}

/** Whether the request carries a token that opens something: the admin's, or one issued and not revoked. */
export async function carriesValidToken(
  req: Request,
  store: Store,
  adminToken: string | undefined,
): Promise<boolean> {
  const token = bearerOf(req);
  if (token === null) return false;
  if (adminToken && sameSecret(token, adminToken)) return true;
  return token.startsWith("samsyn_") && (await store.findToken(sha256(token))) !== null;
}

/** Who sent the request; throws 401 when no valid token came with it. */
export async function principalOf(
  req: Request,
  store: Store,
  adminToken: string | undefined,
): Promise<Principal> {
  const token = bearerOf(req);
  if (token === null) throw unauthenticated();
  if (adminToken && sameSecret(token, adminToken)) return { kind: "admin" };
  if (!token.startsWith("samsyn_")) throw unauthenticated();
  const record = await store.findToken(sha256(token));
  if (!record) throw unauthenticated();
  // Last use, to the minute: a write only when the recorded one is a minute old, never per request.
  if (!record.usedWithinMinute) await store.recordTokenUse(record.id);
  const ref = { id: record.id, label: record.label };
  return record.scope === "association" && record.associationId !== null
    ? { kind: "association", associationId: record.associationId, token: ref }
    : { kind: "network", token: ref };
}

export function requireAdmin(p: Principal): void {
  if (p.kind !== "admin") throw forbidden();
}

export type AssociationPrincipal = Extract<Principal, { kind: "association" }>;

/** The association itself: only its own tokens write its reports, so a revision always names one. */
export function requireOwnAssociation(
  p: Principal,
  associationId: string,
): asserts p is AssociationPrincipal {
  if (p.kind !== "association" || p.associationId !== associationId) throw forbidden();
}

/** The association itself, or the admin. */
export function requireAssociationOrAdmin(p: Principal, associationId: string): void {
  if (p.kind !== "admin") requireOwnAssociation(p, associationId);
}

export function requireNetwork(p: Principal): void {
  if (p.kind !== "network" && p.kind !== "admin") throw forbidden();
}

/**
 * Past `limit` answers of 401 or 403 to one client address within a window, every request
 * from it gets 429 — unless it carries a valid token: an office behind one NAT is one
 * address, and a colleague's mistyped key must not lock out everyone else's right one. Only
 * answers count, when they are sent: requests in flight (a page loading) are not failures.
 */
export function authFailureLimiter(
  limit: number,
  windowMs: number,
  validToken: (req: Request) => Promise<boolean>,
): RequestHandler {
  const failures = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return async (req, res, next) => {
    const now = Date.now();
    if (now >= nextSweep) {
      // Forget expired windows, so addresses seen once do not pile up.
      for (const [key, entry] of failures) if (entry.resetAt <= now) failures.delete(key);
      nextSweep = now + windowMs;
    }
    const key = req.ip ?? "unknown";
    const entry = failures.get(key);
    // The token is looked up only for a limited address: others pay nothing for this.
    if (entry && entry.resetAt > now && entry.count >= limit && !(await validToken(req))) {
      res.set("Retry-After", String(Math.ceil((entry.resetAt - now) / 1000)));
      const failure = new SamsynError({ code: "too-many-failed-logins" });
      res.status(statusOf(failure)).json(errorBody(failure));
      return;
    }
    res.on("finish", () => {
      if (res.statusCode !== 401 && res.statusCode !== 403) return;
      const at = Date.now();
      const current = failures.get(key);
      if (current && current.resetAt > at) current.count++;
      else failures.set(key, { count: 1, resetAt: at + windowMs });
    });
    next();
  };
}
