/**
 * The page's only way to the network: the one client (shared/client.ts) towards the service
 * that served it (same origin, so nothing leaves it), the token in the Authorization header
 * and never in a URL. Every failure comes back as a ClientFailure the page puts into words —
 * the service's own Swedish or English message when it gave one.
 */
import type { Me } from "../shared/api";
import { SamsynClient } from "../shared/client";
import type { ReportKind } from "../shared/report";
import { ROUTES } from "../shared/routes";
import type { ComparisonView } from "./comparison";

/** Long enough for the merged workbook of 80 associations; short enough that a dead service does not hang the page. */
const TIMEOUT_MS = 60_000;

export class PageApi {
  private readonly client: SamsynClient;
  constructor(
    token: string,
    /** The service's origin; the page's own by default. */
    base = "",
  ) {
    this.client = new SamsynClient({
      baseUrl: base,
      token: () => token,
      timeoutMs: TIMEOUT_MS,
      transport: (url, init) => fetch(url, init),
    });
  }

  async me() {
    return (await this.client.call(ROUTES.me, {})).data;
  }

  async status() {
    return (await this.client.call(ROUTES.status, {})).data;
  }

  /** The merged view for a year, read as the comparison the page shows. */
  async comparison(kind: ReportKind, year: string, insats?: string): Promise<ComparisonView> {
    return (
      await this.client.call(ROUTES.merged, {
        params: { kind, period: year },
        ...(insats ? { query: { insats } } : {}),
      })
    ).data;
  }

  /** The merged workbook, fetched with the token (never in a URL) and handed over as a Blob. */
  async mergedWorkbook(kind: ReportKind, year: string, insats?: string): Promise<Blob> {
    return (
      await this.client.call(ROUTES.mergedWorkbook, {
        params: { kind, period: year },
        ...(insats ? { query: { insats } } : {}),
      })
    ).data;
  }

  async createAssociation(name: string, orgnr: string) {
    return (await this.client.call(ROUTES.createAssociation, { body: { name, orgnr } })).data;
  }

  async issueAssociationToken(associationId: string, label: string | null) {
    const answer = await this.client.call(ROUTES.issueAssociationToken, {
      params: { id: associationId },
      body: label ? { label } : {},
    });
    return answer.data;
  }

  async issueNetworkToken(label: string) {
    return (await this.client.call(ROUTES.issueNetworkToken, { body: { label } })).data;
  }

  async revokeToken(tokenId: string, associationId: string | null): Promise<void> {
    if (associationId === null) await this.client.call(ROUTES.revokeNetworkToken, { params: { tokenId } });
    else await this.client.call(ROUTES.revokeAssociationToken, { params: { id: associationId, tokenId } });
  }

  async tokens() {
    return (await this.client.call(ROUTES.tokens, {})).data;
  }

  /** A report's revisions; `insats` where it is filed under one (a list with an insats column). */
  async revisions(associationId: string, kind: ReportKind, period: string, insats?: string) {
    const params = { id: associationId, kind, period };
    return (await this.client.call(ROUTES.revisions, { params, ...(insats ? { query: { insats } } : {}) }))
      .data;
  }

  async diff(
    associationId: string,
    kind: ReportKind,
    period: string,
    from: number,
    to: number,
    insats?: string,
  ) {
    const params = { id: associationId, kind, period };
    const query = { from: String(from), to: String(to), ...(insats ? { insats } : {}) };
    return (await this.client.call(ROUTES.diff, { params, query })).data;
  }
}

/** Who is signed in: the token's client and who the service says it is. */
export interface Session {
  readonly api: PageApi;
  readonly me: Me;
}
