/**
 * The page's only way to the network: requests to the service that served it (same origin,
 * so nothing leaves it), the token in the Authorization header and never in a URL. Answers
 * are parsed with the wire schemas (shared/api.ts, shared/merge.ts); every failure comes back as a PageFailure the page puts
 * into words — the service's own Swedish or English message when it gave one.
 */
import type { z } from "zod";
import {
  CreatedAssociation,
  ErrorBody,
  IssuedToken,
  Me,
  RevisionList,
  Status,
  TokenList,
} from "../shared/api";
import { ReportDiff } from "../shared/diff";
import type { ReportKind } from "../shared/report";
import { type ComparisonView, parseComparison } from "./comparison";
import type { PageFailureCode } from "./failures";

export type { PageFailureCode };

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class PageFailure extends Error {
  constructor(
    readonly code: PageFailureCode,
    /** The service's own message (Swedish, English) when it gave one. */
    readonly detail: { readonly sv: string; readonly en: string } | null = null,
    readonly status: number | null = null,
    /** The fields the service named ("orgnr"). */
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(code);
    this.name = "PageFailure";
  }
}

/** Whatever was thrown, as a failure the page can put into words. */
export function asFailure(e: unknown): PageFailure {
  return e instanceof PageFailure ? e : new PageFailure("service-error");
}

function failureOf(status: number, body: unknown): PageFailure {
  const parsed = ErrorBody.safeParse(body);
  const detail = parsed.success ? { sv: parsed.data.error.message, en: parsed.data.error.messageEn } : null;
  const fields = parsed.success ? (parsed.data.error.fields ?? []) : [];
  const code: PageFailureCode =
    status === 401
      ? "unauthenticated"
      : status === 403
        ? "forbidden"
        : status === 404
          ? "not-found"
          : status === 429
            ? "rate-limited"
            : status >= 500 || !parsed.success
              ? "service-error"
              : "rejected";
  return new PageFailure(code, detail, status, fields);
}

/** Long enough for the merged workbook of 80 associations; short enough that a dead service does not hang the page. */
const TIMEOUT_MS = 60_000;

type Method = "GET" | "POST" | "DELETE";

export class PageApi {
  constructor(
    private readonly token: string,
    /** The service's origin; the page's own by default. */
    private readonly base = "",
  ) {}

  private async send(method: Method, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/api/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        cache: "no-store",
        credentials: "omit",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new PageFailure("unreachable");
    }
    if (!response.ok) {
      const answer = await response.json().catch(() => null);
      throw failureOf(response.status, answer);
    }
    return response;
  }

  private async json<T extends z.ZodType>(
    schema: T,
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const response = await this.send(method, path, body);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new PageFailure("service-error", null, response.status);
    return parsed.data;
  }

  me() {
    return this.json(Me, "GET", "me");
  }

  status() {
    return this.json(Status, "GET", "status");
  }

  /** The merged view for a year, read as the comparison the page shows. */
  async comparison(kind: ReportKind, year: string): Promise<ComparisonView> {
    const response = await this.send("GET", `merged/${kind}/${encodeURIComponent(year)}`);
    const view = parseComparison(await response.json().catch(() => undefined));
    if (!view) throw new PageFailure("service-error", null, response.status);
    return view;
  }

  /** The merged workbook, fetched with the token (never in a URL) and handed over as a Blob. */
  async mergedWorkbook(kind: ReportKind, year: string): Promise<Blob> {
    const response = await this.send("GET", `merged/${kind}/${encodeURIComponent(year)}.xlsx`);
    return response.blob();
  }

  createAssociation(name: string, orgnr: string) {
    return this.json(CreatedAssociation, "POST", "associations", { name, orgnr });
  }

  issueAssociationToken(associationId: string, label: string | null) {
    return this.json(
      IssuedToken,
      "POST",
      `associations/${encodeURIComponent(associationId)}/tokens`,
      label ? { label } : {},
    );
  }

  issueNetworkToken(label: string) {
    return this.json(IssuedToken, "POST", "network-tokens", { label });
  }

  async revokeToken(tokenId: string, associationId: string | null): Promise<void> {
    await this.send(
      "DELETE",
      associationId === null
        ? `network-tokens/${encodeURIComponent(tokenId)}`
        : `associations/${encodeURIComponent(associationId)}/tokens/${encodeURIComponent(tokenId)}`,
    );
  }

  tokens() {
    return this.json(TokenList, "GET", "tokens");
  }

  private reportPath(associationId: string, kind: ReportKind, period: string): string {
    return `associations/${encodeURIComponent(associationId)}/reports/${kind}/${encodeURIComponent(period)}`;
  }

  revisions(associationId: string, kind: ReportKind, period: string) {
    return this.json(RevisionList, "GET", `${this.reportPath(associationId, kind, period)}/revisions`);
  }

  diff(associationId: string, kind: ReportKind, period: string, from: number, to: number) {
    return this.json(
      ReportDiff,
      "GET",
      `${this.reportPath(associationId, kind, period)}/diff?from=${from}&to=${to}`,
    );
  }
}

/** Who is signed in: the token's client and who the service says it is. */
export interface Session {
  readonly api: PageApi;
  readonly me: Me;
}
