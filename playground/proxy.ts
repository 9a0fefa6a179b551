/**
 * Passes the pane's /api and /healthz requests to the Samsyn service, so the pane's default
 * service address (the origin it was loaded from) works in the playground as in Excel: no CORS,
 * the pane's CSP (connect-src 'self') unchanged. Bodies stream both ways; status and end-to-end
 * headers (Authorization, If-Match, If-None-Match, Idempotency-Key, X-Samsyn-*, ETag …) pass
 * as they are. A service that cannot be reached is a 502 with the service's own error body.
 */
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import type { Request, RequestHandler, Response } from "express";

/** RFC 9110 §7.6.1: these describe one connection, not the message, and stop at a proxy. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  return out;
}

export interface ProxyOptions {
  /** Time allowed for the service to start answering; a push of a large report fits well within. */
  readonly timeoutMs?: number;
}

function failure(res: Response, status: number, code: string, sv: string, en: string): void {
  if (res.writableEnded) return;
  if (res.headersSent) {
    // Part of the answer is already on its way: cutting it off is the only honest signal left.
    res.destroy();
    return;
  }
  res.status(status).json({ error: { code, message: sv, messageEn: en } });
}

export function serviceProxy(serviceUrl: string, options: ProxyOptions = {}): RequestHandler {
  const target = new URL(serviceUrl);
  const client = target.protocol === "https:" ? https : http;
  const base = target.pathname.replace(/\/+$/, "");
  const where = target.origin + base;
  return (req: Request, res: Response) => {
    const headers = endToEnd(req.headers);
    headers.host = target.host;
    // No X-Forwarded-For: the service trusts no proxy by default (SAMSYN_TRUST_PROXY), so the header
    // would only make its rate limiter warn; the playground is one person on this computer.
    delete headers["x-forwarded-for"];
    const upstream = client.request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: base + req.originalUrl,
      headers,
      timeout: options.timeoutMs ?? 60_000,
    });
    upstream.on("response", (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(endToEnd(answer.headers)))
        if (value !== undefined) res.setHeader(name, value);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("timeout", () => {
      // Answered first: the "socket hang up" that destroy() raises then finds the answer sent.
      failure(
        res,
        504,
        "service-timeout",
        `Samsyn-tjänsten på ${where} svarade inte i tid. Försök igen om en stund.`,
        `The Samsyn service at ${where} did not answer in time. Try again in a while.`,
      );
      upstream.destroy();
    });
    upstream.on("error", () => {
      failure(
        res,
        502,
        "service-unreachable",
        `Samsyn-tjänsten på ${where} går inte att nå. Starta tjänsten, eller starta lekplatsen med tjänstens adress.`,
        `The Samsyn service at ${where} cannot be reached. Start it (npm start) or start the playground with --service and the service's address.`,
      );
    });
    // The browser gave up (or the pane closed): stop the service's work on our behalf too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}
