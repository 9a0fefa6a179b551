/**
 * The one client of the service, for every front end: the pane, the page, the playground and
 * `samsyn push`. A request is a route of the table (shared/routes.ts) with its parameters,
 * headers and body; its answer is parsed with the route's schema. Every request has a time
 * limit, and every failure is one ClientFailure, read from the answer's error.code through the
 * one failure model (shared/failures.ts). The front end lends its fetch: shared/ does no I/O.
 */
import type { z } from "zod";
import { CLIENT_HEADER, type ClientKind, ErrorBody } from "./api";
import { FAILURE_KIND, type FailureKind } from "./failures";
import { pathOf, type RouteSpec } from "./routes";

/** What can go wrong for a client, as a closed set: each front end words every one. */
export type ClientFailureCode =
  /** The address is not an http(s) URL. */
  | "bad-address"
  /** The pane's own policy (its CSP) does not let it reach this address: the request never leaves. */
  | "blocked-address"
  /** No answer: offline, a wrong address, the service (or the one behind a gateway) down. */
  | "unreachable"
  /** No answer within the time limit. */
  | "timed-out"
  /** The token is wrong or was revoked. */
  | "unauthenticated"
  /** The token may not do this (a network token sending, another association's report). */
  | "forbidden"
  | "not-found"
  /** What was sent is larger than the service takes. */
  | "too-large"
  | "rate-limited"
  /** The service failed, or answered with something that is not its JSON. */
  | "service-error"
  /** The service read the request and refused it: its own words say why. */
  | "rejected";

/** The error the service answered with: its code in the one failure model, its words, its fields. */
export type ServiceError = ErrorBody["error"];

export class ClientFailure extends Error {
  override readonly name = "ClientFailure";
  constructor(
    readonly code: ClientFailureCode,
    /** The service's own error, when it gave one. */
    readonly service: ServiceError | null = null,
    /** The answer's status; null when there was no answer. */
    readonly status: number | null = null,
    options?: { readonly cause?: unknown },
  ) {
    super(code, options);
  }

  /** The service's own words (Swedish, English), when it gave them. */
  get detail(): { readonly sv: string; readonly en: string } | null {
    return this.service ? { sv: this.service.message, en: this.service.messageEn } : null;
  }

  /** The fields the service named ("orgnr", "If-Match"). */
  get fields(): readonly { readonly path: string; readonly message: string }[] {
    return this.service?.fields ?? [];
  }
}

/** Whatever was thrown, as a client failure a front end can put into words. */
export const asClientFailure = (e: unknown): ClientFailure =>
  e instanceof ClientFailure ? e : new ClientFailure("service-error", null, null, { cause: e });

/** A kind of failure in the one model, as a client tells it. */
const BY_KIND: { readonly [K in FailureKind]: ClientFailureCode } = {
  "invalid-input": "rejected",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  "not-found": "not-found",
  conflict: "rejected",
  refused: "rejected",
  "too-large": "too-large",
  "unsupported-media": "rejected",
  "rate-limited": "rate-limited",
  unavailable: "unreachable",
  internal: "service-error",
};

/** Statuses told apart without the service's error body: a gateway or something else answered. */
const BY_STATUS: { readonly [status: number]: ClientFailureCode } = {
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  413: "too-large",
  429: "rate-limited",
  502: "unreachable",
  503: "unreachable",
  504: "timed-out",
};

/** A failed answer as a client failure: by the service's error.code, or by its status when it gave none. */
function failureOfAnswer(status: number, body: unknown): ClientFailure {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const error = parsed.data.error;
    return new ClientFailure(BY_KIND[FAILURE_KIND[error.code]], error, status);
  }
  return new ClientFailure(BY_STATUS[status] ?? "service-error", null, status);
}

/** The front end's fetch: the global one in browsers and Node 20. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One request with a time limit; an answer that is not ok is a ClientFailure, and so is no
 * answer. For the routes of the table use SamsynClient.call; this is for a server's own paths.
 */
export async function request(
  transport: Transport,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  let response: Response;
  try {
    response = await transport(url, {
      cache: "no-store",
      credentials: "omit",
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const timedOut = e instanceof Error && e.name === "TimeoutError";
    throw new ClientFailure(timedOut ? "timed-out" : "unreachable", null, null, { cause: e });
  }
  if (!response.ok) throw failureOfAnswer(response.status, await response.json().catch(() => null));
  return response;
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call of a route takes: its path parameters, query, headers and body, as the table declares them. */
export type CallInput<R extends RouteSpec> = (R extends { params: infer P }
  ? { readonly params: Input<P> }
  : unknown) &
  (R extends { query: infer Q } ? { readonly query?: Partial<Input<Q>> } : unknown) &
  (R extends { headers: infer H } ? { readonly headers?: Input<H> } : unknown) &
  (R extends { body: { schema: infer B; required: true } }
    ? { readonly body: Input<B> }
    : R extends { body: { schema: infer B } }
      ? { readonly body?: Input<B> }
      : unknown);

type DataOf<A> = A extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : A extends { media: string }
    ? Blob
    : undefined;

/** A route's answer: one of its declared statuses, with what that status carries. */
export type Answer<R extends RouteSpec> = {
  [S in keyof R["answers"]]: {
    readonly status: S;
    readonly data: DataOf<R["answers"][S]>;
    readonly headers: Headers;
  };
}[keyof R["answers"]];

export interface ClientOptions {
  /** The service's address without a trailing slash ("https://samsyn.example.se"); "" for the page's own origin. */
  readonly baseUrl: string;
  /** The token for Authorization, asked for at each request; null sends none. */
  readonly token: () => string | null;
  readonly timeoutMs: number;
  readonly transport: Transport;
  /** Who is sending, recorded with a revision (X-Samsyn-Client). */
  readonly client?: ClientKind;
}

export class SamsynClient {
  constructor(private readonly options: ClientOptions) {}

  /** One request to a route of the table; the token goes in a header, never in the URL. */
  async call<R extends RouteSpec>(route: R, input: CallInput<R>): Promise<Answer<R>> {
    const given = input as {
      params?: Record<string, string>;
      query?: Record<string, string | undefined>;
      headers?: Record<string, string | undefined>;
      body?: unknown;
    };
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(given.query ?? {}))
      if (value !== undefined) query.set(name, value);
    const search = query.toString() ? `?${query}` : "";
    const token = this.options.token();
    const headers: Record<string, string> = { accept: "application/json" };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (this.options.client) headers[CLIENT_HEADER] = this.options.client;
    if (given.body !== undefined) headers["content-type"] = "application/json";
    for (const [name, value] of Object.entries(given.headers ?? {}))
      if (value !== undefined) headers[name] = value;
    const response = await request(
      this.options.transport,
      `${this.options.baseUrl}${pathOf(route, given.params)}${search}`,
      {
        method: route.method.toUpperCase(),
        headers,
        ...(given.body !== undefined ? { body: JSON.stringify(given.body) } : {}),
      },
      this.options.timeoutMs,
    );
    const spec = route.answers[response.status];
    if (!spec) throw new ClientFailure("service-error", null, response.status);
    const answer = (data: unknown) =>
      ({ status: response.status, data, headers: response.headers }) as Answer<R>;
    if (spec.media) {
      const blob = await response.blob().catch((e: unknown) => {
        throw new ClientFailure("unreachable", null, response.status, { cause: e });
      });
      return answer(blob);
    }
    if (!spec.schema) return answer(undefined);
    const parsed = spec.schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ClientFailure("service-error", null, response.status);
    return answer(parsed.data);
  }
}
