/**
 * The service's side of the one failure model (shared/failures.ts): a failure's HTTP status
 * follows from its kind, and the error handler turns it (and body-parser's errors) into
 * `{ error: { code, message, messageEn, fields?, currentRevision? } }`, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import type { z } from "zod";
import type { ErrorBody } from "../shared/api";
import {
  type Failure,
  type FailureKind,
  type FailureOf,
  type FieldProblem,
  SamsynError,
} from "../shared/failures";
import { describeFailure } from "../shared/messages";

/** The one place a kind of failure becomes an HTTP status. */
const STATUS: { readonly [K in FailureKind]: number } = {
  "invalid-input": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  refused: 422,
  "too-large": 413,
  "unsupported-media": 415,
  "rate-limited": 429,
  unavailable: 503,
  internal: 500,
};

export const statusOf = (error: SamsynError): number => STATUS[error.kind];

/** How long a client is asked to wait before trying a 503 again: a pool reconnects within a second or two. */
export const RETRY_AFTER_SECONDS = 2;

const fieldsOf = (error: z.ZodError): FieldProblem[] =>
  error.issues.slice(0, 50).map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: i.message,
  }));

/** What a body is called in the message when it does not match its schema. */
export type BodyName = FailureOf<"invalid-body">["what"];

/** A body that does not match its schema, naming each field. */
export function invalidBody(error: z.ZodError, what: BodyName): SamsynError {
  const fields = fieldsOf(error);
  return new SamsynError({ code: "invalid-body", what, paths: fields.map((f) => f.path) }, fields);
}

/** The body every error answer has: the failure in both languages, the fields it names. */
export function errorBody(error: SamsynError): ErrorBody {
  const f = error.failure;
  return {
    error: {
      code: f.code,
      message: describeFailure(f, "sv"),
      messageEn: describeFailure(f, "en"),
      ...(error.fields ? { fields: [...error.fields] } : {}),
      // A conflict says which revision the service has, so a client can fetch it.
      ...(f.code === "report-exists" || f.code === "stale-revision" ? { currentRevision: f.current } : {}),
    },
  };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new SamsynError({ code: "not-found", what: "resource", method: req.method }));
};

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * What an unexpected error may put in the log: its kind, the database's code, the first line
 * of its message with anything quoted left out, and where it was thrown. Never its other
 * fields: a PGlite or pg error carries the statement's parameters (a whole report, a token
 * hash) and a "where" quoting them.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  const routine = (err as { routine?: unknown }).routine;
  const message = (err.message.split("\n")[0] ?? "").replace(/(["'`])(?:(?!\1).)*\1/g, "$1…$1").slice(0, 200);
  const frames = (err.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return {
    type: err.name,
    ...(typeof code === "string" && code.length <= 12 ? { code } : {}),
    ...(typeof routine === "string" && routine.length <= 60 ? { routine } : {}),
    message,
    stack: frames,
  };
}

/** What body-parser threw, as a failure; null for anything else. */
function bodyParserFailure(err: unknown): Failure | null {
  const bp = (typeof err === "object" && err !== null ? err : {}) as BodyParserError;
  if (bp.type === "entity.too.large") return { code: "body-too-large", limit: bp.limit ?? null };
  if (bp.type === "entity.parse.failed") return { code: "invalid-json" };
  if (bp.type === "encoding.unsupported" || bp.type === "charset.unsupported")
    return { code: "unsupported-encoding" };
  if (typeof bp.status === "number" && bp.status >= 400 && bp.status < 500) return { code: "bad-request" };
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let error: SamsynError;
    if (err instanceof SamsynError) error = err;
    else {
      const failure = bodyParserFailure(err);
      if (failure) error = new SamsynError(failure);
      else {
        logger.error(
          { error: loggableError(err), method: req.method, path: req.path.slice(0, 200) },
          "unexpected error",
        );
        // Nothing of what went wrong reaches the client: the log has it.
        error = new SamsynError({ code: "internal", detail: "" });
      }
    }
    if (res.headersSent) return;
    // Something the service needs is away for a moment (the database's connection): say when to try again.
    if (error.kind === "unavailable") res.set("Retry-After", String(RETRY_AFTER_SECONDS));
    res.status(statusOf(error)).json(errorBody(error));
  };
}
