/**
 * Application errors of the service: a code, an HTTP status and a message in Swedish and
 * English. The error handler turns them (and body-parser's errors) into
 * `{ error: { code, message, messageEn, fields? } }`, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import type { z } from "zod";

export interface FieldProblem {
  /** Dotted path into the body ("lines.3.amounts.2008"), or the header/parameter name. */
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Swedish first: the users read Swedish. */
    readonly messageSv: string,
    readonly messageEn: string,
    readonly fields?: readonly FieldProblem[],
    /** Extra data for the body, e.g. the current revision on a conflict. */
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(messageEn);
    this.name = "AppError";
  }
}

export const fieldsOf = (error: z.ZodError): FieldProblem[] =>
  error.issues.slice(0, 50).map((i) => ({
    path: i.path.map(String).join(".") || "(body)",
    message: i.message,
  }));

export function invalidBody(error: z.ZodError, what: string): AppError {
  const fields = fieldsOf(error);
  const names = [...new Set(fields.map((f) => f.path))].slice(0, 8).join(", ");
  return new AppError(
    400,
    "invalid-body",
    `${what} stämmer inte med schemat: ${names}`,
    `The ${what === "Rapporten" ? "report" : "body"} does not match the schema: ${names}`,
    fields,
  );
}

export const notFound = (sv: string, en: string): AppError => new AppError(404, "not-found", sv, en);

/** The body every error answer has. */
export function errorBody(e: AppError): { error: Record<string, unknown> } {
  return {
    error: {
      code: e.code,
      message: e.messageSv,
      messageEn: e.messageEn,
      ...(e.fields ? { fields: e.fields } : {}),
      ...e.extra,
    },
  };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(
    new AppError(
      404,
      "not-found",
      `Det finns ingen ${req.method}-resurs på den här adressen.`,
      `There is no ${req.method} resource at this address.`,
    ),
  );
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

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let app: AppError;
    if (err instanceof AppError) app = err;
    else {
      const bp = (typeof err === "object" && err !== null ? err : {}) as BodyParserError;
      if (bp.type === "entity.too.large")
        app = new AppError(
          413,
          "body-too-large",
          `Innehållet är för stort (högst ${bp.limit ?? "?"} byte).`,
          `The body is too large (at most ${bp.limit ?? "?"} bytes).`,
        );
      else if (bp.type === "entity.parse.failed")
        app = new AppError(
          400,
          "invalid-json",
          "Innehållet är inte giltig JSON.",
          "The body is not valid JSON.",
        );
      else if (bp.type === "encoding.unsupported" || bp.type === "charset.unsupported")
        app = new AppError(
          415,
          "unsupported-encoding",
          "Innehållets teckenkodning eller komprimering stöds inte.",
          "The body's charset or encoding is not supported.",
        );
      else if (typeof bp.status === "number" && bp.status >= 400 && bp.status < 500)
        app = new AppError(bp.status, "bad-request", "Felaktig begäran.", "Bad request.");
      else {
        logger.error(
          { error: loggableError(err), method: req.method, path: req.path.slice(0, 200) },
          "unexpected error",
        );
        app = new AppError(
          500,
          "internal",
          "Ett oväntat fel uppstod i tjänsten.",
          "An unexpected error occurred.",
        );
      }
    }
    if (res.headersSent) return;
    res.status(app.status).json(errorBody(app));
  };
}
