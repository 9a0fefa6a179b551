/**
 * The task pane's only way to the network: requests to the Samsyn service the user signed in
 * to, and nowhere else. It sends shareable reports only — each body is checked against the
 * service's own strict report schema before it leaves, so a participant row cannot go out
 * even by mistake — and reads who the token is, a report's revisions and the merged view.
 * Every failure comes back as a SyncFailure the pane puts into words; nothing throws raw.
 */
import {
  CLIENT_HEADER,
  ErrorBody,
  Me,
  OVERRIDE_HEADER,
  PublishedReports,
  PutResult,
  type RevisionInfo,
  RevisionList,
} from "../../shared/api";
import { MergedView } from "../../shared/merge";
import { type ParticipantsReport, Report, type ReportKind } from "../../shared/report";
import type { ReportAddress, SendCondition } from "../../shared/sync";

/** What can go wrong talking to the service, as a closed set (texts in addin/ui/strings). */
export type SyncFailureCode =
  /** The address is not an http(s) URL. */
  | "bad-address"
  /** No answer: offline, wrong address, service down, or no answer within the time limit. */
  | "unreachable"
  /** 401: the token is wrong or was revoked. */
  | "unauthenticated"
  /** 403: the token may not do this (a network token sending, another association's report). */
  | "forbidden"
  | "not-found"
  /** 413: the report is larger than the service takes. */
  | "too-large"
  | "rate-limited"
  /** 5xx, or an answer that is not the service's JSON. */
  | "service-error"
  /** Another 4xx: the service's own message says why. */
  | "rejected";

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    /** The service's own message (Swedish, English) when it gave one. */
    readonly detail: { readonly sv: string; readonly en: string } | null = null,
    readonly status: number | null = null,
  ) {
    super(code);
    this.name = "SyncFailure";
  }
}

export interface Credentials {
  /** The service's base address ("https://samsyn.example.se"), without a trailing slash. */
  readonly serviceUrl: string;
  readonly token: string;
}

/** A send's outcome: a new revision, or a conflict with the revision the service has now. */
export type SendOutcome =
  | { readonly status: "sent"; readonly revision: number; readonly replayed: boolean }
  | { readonly status: "conflict"; readonly current: number | null };

export interface TheirVersion {
  readonly revision: number;
  readonly report: Report;
  /** Who sent it, when and from where; null if the history could not say. */
  readonly info: RevisionInfo | null;
}

/** Long enough for a 2 MB report on a slow line; short enough that a dead address does not hang the pane. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** The address as the user typed it, made into a base URL; throws bad-address. */
export function normaliseServiceUrl(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new SyncFailure("bad-address");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new SyncFailure("bad-address");
  if (url.username || url.password || url.search || url.hash) throw new SyncFailure("bad-address");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

const reportPath = (a: ReportAddress) =>
  `api/associations/${encodeURIComponent(a.associationId)}/reports/${a.kind}/${encodeURIComponent(a.period)}`;

function failureOf(status: number, body: unknown): SyncFailure {
  const parsed = ErrorBody.safeParse(body);
  const detail = parsed.success ? { sv: parsed.data.error.message, en: parsed.data.error.messageEn } : null;
  if (status === 401) return new SyncFailure("unauthenticated", detail, status);
  if (status === 403) return new SyncFailure("forbidden", detail, status);
  if (status === 404) return new SyncFailure("not-found", detail, status);
  if (status === 413) return new SyncFailure("too-large", detail, status);
  if (status === 429) return new SyncFailure("rate-limited", detail, status);
  // A gateway in front of the service (a reverse proxy, the playground) answers for it when it is down.
  if (status === 502 || status === 503 || status === 504)
    return new SyncFailure("unreachable", detail, status);
  if (status >= 500 || !parsed.success) return new SyncFailure("service-error", detail, status);
  return new SyncFailure("rejected", detail, status);
}

export class ServiceClient {
  readonly serviceUrl: string;
  constructor(
    private readonly credentials: Credentials,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.serviceUrl = normaliseServiceUrl(credentials.serviceUrl);
  }

  /** One request to the signed-in service; the token goes in a header, never in the URL. */
  private async request(
    method: "GET" | "PUT",
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<{ status: number; headers: Headers; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.serviceUrl}/${path}`, {
        method,
        headers: {
          accept: "application/json",
          authorization: `Bearer ${this.credentials.token}`,
          [CLIENT_HEADER]: "addin",
          ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
        cache: "no-store",
        credentials: "omit",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new SyncFailure("unreachable");
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // An empty or non-JSON answer: judged by its status below.
    }
    return { status: response.status, headers: response.headers, body };
  }

  private async read<T>(path: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
    const answer = await this.request("GET", path);
    if (answer.status !== 200) throw failureOf(answer.status, answer.body);
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new SyncFailure("service-error", null, answer.status);
    return { data: parsed.data as T, headers: answer.headers };
  }

  /** Who the token is: an association, the network, or the admin. */
  async me(): Promise<Me> {
    return (await this.read("api/me", Me)).data;
  }

  /** Sends a shareable report as a new revision under the given condition. */
  async send(
    address: ReportAddress,
    report: Report,
    condition: SendCondition,
    idempotencyKey: string,
  ): Promise<SendOutcome> {
    // The service's own strict schema: a participants report with any field beyond counts is refused here.
    const checked = Report.safeParse(report);
    if (!checked.success || checked.data.kind !== address.kind) throw new SyncFailure("rejected");
    const headers: Record<string, string> = { "idempotency-key": idempotencyKey };
    if (condition.kind === "new") headers["if-none-match"] = "*";
    else headers["if-match"] = `"${condition.revision}"`;
    if (condition.kind === "override") headers[OVERRIDE_HEADER] = "1";
    const answer = await this.request("PUT", reportPath(address), {
      headers,
      body: JSON.stringify(checked.data),
    });
    if (answer.status === 409) {
      const error = ErrorBody.safeParse(answer.body);
      if (error.success && error.data.error.currentRevision !== undefined)
        return { status: "conflict", current: error.data.error.currentRevision };
    }
    if (answer.status !== 200 && answer.status !== 201) throw failureOf(answer.status, answer.body);
    const result = PutResult.safeParse(answer.body);
    if (!result.success) throw new SyncFailure("service-error", null, answer.status);
    return { status: "sent", revision: result.data.revision, replayed: result.data.replayed === true };
  }

  /** The service's latest revision of a report, with who sent it. */
  async latest(address: ReportAddress): Promise<TheirVersion> {
    const { data: report, headers } = await this.read(reportPath(address), Report);
    const revision = Number(/\d+/.exec(headers.get("etag") ?? "")?.[0] ?? Number.NaN);
    if (!Number.isInteger(revision) || revision < 1) throw new SyncFailure("service-error");
    const history = await this.read(`${reportPath(address)}/revisions`, RevisionList).catch(() => null);
    const info = history?.data.revisions.find((r) => r.revision === revision) ?? null;
    return { revision, report, info };
  }

  /**
   * What the association has published of its participants reports, the latest of each period:
   * what a new one is checked against across periods before it is shown and sent.
   */
  async published(associationId: string): Promise<ParticipantsReport[]> {
    const { data } = await this.read(
      `api/associations/${encodeURIComponent(associationId)}/reports/participants`,
      PublishedReports,
    );
    return data.reports.flatMap((r) => (r.report.kind === "participants" ? [r.report] : []));
  }

  /** The network's merged view of a kind for a year. */
  async merged(kind: ReportKind, year: string): Promise<MergedView> {
    return (await this.read(`api/merged/${kind}/${encodeURIComponent(year)}`, MergedView)).data;
  }
}

/** A fresh Idempotency-Key; crypto.randomUUID where the page is a secure context (Excel's always is). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
