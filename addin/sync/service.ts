/**
 * The task pane's only way to the network: requests to the Samsyn service the user signed in
 * to, and nowhere else. It sends shareable reports only — each body is checked against the
 * service's own strict report schema before it leaves, so a participant row cannot go out
 * even by mistake — and reads who the token is, a report's revisions and the merged view.
 * Every request goes through the one client (shared/client.ts); every failure comes back as a
 * ClientFailure the pane puts into words; nothing throws raw.
 */
import { type Me, OVERRIDE_HEADER, type RevisionInfo } from "../../shared/api";
import { ClientFailure, SamsynClient } from "../../shared/client";
import type { MergedView } from "../../shared/merge";
import type { PublishedReport } from "../../shared/participants/periods";
import { publishedParticipants } from "../../shared/push";
import { Report, type ReportKind } from "../../shared/report";
import { ROUTES } from "../../shared/routes";
import type { ReportAddress, SendCondition } from "../../shared/sync";

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
const REQUEST_TIMEOUT_MS = 20_000;

/** The address as the user typed it, made into a base URL; throws bad-address. */
export function normaliseServiceUrl(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new ClientFailure("bad-address");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ClientFailure("bad-address");
  if (url.username || url.password || url.search || url.hash) throw new ClientFailure("bad-address");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

const reportParams = (a: ReportAddress) => ({ id: a.associationId, kind: a.kind, period: a.period });
/** Filed under an insats: the one query the report routes take. */
const insatsQuery = (a: ReportAddress) => (a.insats ? { query: { insats: a.insats } } : {});

export class ServiceClient {
  readonly serviceUrl: string;
  private readonly client: SamsynClient;
  constructor(credentials: Credentials, timeoutMs = REQUEST_TIMEOUT_MS) {
    this.serviceUrl = normaliseServiceUrl(credentials.serviceUrl);
    this.client = new SamsynClient({
      baseUrl: this.serviceUrl,
      token: () => credentials.token,
      timeoutMs,
      client: "addin",
      // The pane's one way to the network: the shared client asks, this fetch carries it.
      transport: (url, init) => fetch(url, init),
    });
  }

  /** Who the token is: an association, the network, or the admin. */
  async me(): Promise<Me> {
    return (await this.client.call(ROUTES.me, {})).data;
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
    if (!checked.success || checked.data.kind !== address.kind) throw new ClientFailure("rejected");
    try {
      const answer = await this.client.call(ROUTES.putReport, {
        params: reportParams(address),
        ...insatsQuery(address),
        headers: {
          "Idempotency-Key": idempotencyKey,
          ...(condition.kind === "new"
            ? { "If-None-Match": "*" }
            : { "If-Match": `"${condition.revision}"` }),
          ...(condition.kind === "override" ? { [OVERRIDE_HEADER]: "1" } : {}),
        },
        body: checked.data,
      });
      return { status: "sent", revision: answer.data.revision, replayed: answer.data.replayed === true };
    } catch (e) {
      const current = e instanceof ClientFailure && e.status === 409 ? e.service?.currentRevision : undefined;
      if (current !== undefined) return { status: "conflict", current };
      throw e;
    }
  }

  /** The service's latest revision of a report, with who sent it. */
  async latest(address: ReportAddress): Promise<TheirVersion> {
    const { data: report, headers } = await this.client.call(ROUTES.report, {
      params: reportParams(address),
      ...insatsQuery(address),
    });
    const revision = Number(/\d+/.exec(headers.get("etag") ?? "")?.[0] ?? Number.NaN);
    if (!Number.isInteger(revision) || revision < 1) throw new ClientFailure("service-error");
    const history = await this.client
      .call(ROUTES.revisions, { params: reportParams(address), ...insatsQuery(address) })
      .catch(() => null);
    const info = history?.data.revisions.find((r) => r.revision === revision) ?? null;
    return { revision, report, info };
  }

  /**
   * What the association has published of its participants reports, the latest of each period:
   * what a new one is checked against across periods before it is shown and sent.
   */
  async published(associationId: string): Promise<PublishedReport[]> {
    const { data } = await this.client.call(ROUTES.publishedReports, {
      params: { id: associationId, kind: "participants" },
    });
    return publishedParticipants(data);
  }

  /** The network's merged view of a kind for a year; of participants, of one insats where one is named. */
  async merged(kind: ReportKind, year: string, insats?: string): Promise<MergedView> {
    return (
      await this.client.call(ROUTES.merged, {
        params: { kind, period: year },
        ...(insats ? { query: { insats } } : {}),
      })
    ).data;
  }
}

/** A fresh Idempotency-Key; crypto.randomUUID where the page is a secure context (Excel's always is). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
