/** `samsyn push`: a workbook's reports (aggregates only, as the pane sends them) to a running service. */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { CLIENT_HEADER, type ClientKind, PublishedReports } from "../shared/api";
import { SamsynError } from "../shared/failures";
import type { Lang } from "../shared/messages";
import { askedPeriod } from "../shared/period";
import { type PushableReport, pushableReports } from "../shared/push";
import { readWorkbook } from "../shared/read-workbook";
import type { ParticipantsReport, ReportKind } from "../shared/report";
import { readWorkbookFile } from "../xlsx/read";
import { say } from "./failure";

export interface PushFlags {
  readonly to: string;
  readonly association: string;
  readonly token: string;
  readonly period?: string;
}

/** The workbook's reports as the core reads them; with a period, participants' key figures for it. */
async function pushableOf(
  file: string,
  period: string | undefined,
  published: () => Promise<ParticipantsReport[]>,
): Promise<PushableReport[]> {
  const reading = readWorkbook(await readWorkbookFile(file), period ? { participants: { period } } : {});
  // Asked only when there is a participant list: participants reports are checked across periods.
  const before = reading.participantReadings.length > 0 ? await published() : [];
  return pushableReports(reading, { source: path.basename(file), published: before });
}

async function send(url: URL, init: RequestInit, base: URL): Promise<Response> {
  // One retry: the Idempotency-Key makes a second try after a dropped connection safe.
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (attempt === 1) {
        const detail = e instanceof Error ? e.message : String(e);
        throw new SamsynError({ code: "service-unreachable", origin: base.origin, detail });
      }
    }
  }
}

/** The service's own words for what it refused, in both languages. */
function refusal(status: number, body: unknown, kind: ReportKind, period: string): SamsynError {
  const error = (body as { error?: { message?: string; messageEn?: string } } | null)?.error;
  return new SamsynError({
    code: "service-refused",
    kind,
    period,
    status,
    sv: error?.message ?? null,
    en: error?.messageEn ?? null,
  });
}

export async function push(file: string, flags: PushFlags, lang: Lang): Promise<void> {
  let base: URL;
  try {
    base = new URL(flags.to);
  } catch {
    throw new SamsynError({ code: "invalid-url", url: flags.to });
  }
  // The grammar the core and the API read (shared/period.ts), filed under its canonical key.
  const asked = flags.period === undefined ? undefined : askedPeriod(flags.period).key;
  const api = (rest: string) =>
    new URL(
      `api/associations/${encodeURIComponent(flags.association)}/${rest}`,
      base.href.endsWith("/") ? base : `${base.href}/`,
    );
  const auth = { authorization: `Bearer ${flags.token}` };
  const published = async (): Promise<ParticipantsReport[]> => {
    const response = await send(api("reports/participants"), { headers: auth }, base);
    const body = (await response.json().catch(() => null)) as unknown;
    const list = PublishedReports.safeParse(body);
    if (!response.ok || !list.success) throw refusal(response.status, body, "participants", asked ?? "");
    return list.data.reports.flatMap((r) => (r.report.kind === "participants" ? [r.report] : []));
  };
  const reports = await pushableOf(file, asked, published);
  if (reports.length === 0) throw new SamsynError({ code: "nothing-to-push", file });
  for (const found of reports) {
    // A budget is filed under --period when given; participants already carry the period asked for.
    const period = found.kind === "budget" ? (asked ?? found.period) : found.period;
    const url = api(`reports/${found.kind}/${encodeURIComponent(period)}`);
    const response = await send(
      url,
      {
        method: "PUT",
        headers: {
          ...auth,
          "content-type": "application/json",
          "idempotency-key": randomUUID(),
          [CLIENT_HEADER]: "cli" satisfies ClientKind,
        },
        body: JSON.stringify(found.report),
      },
      base,
    );
    const body = (await response.json().catch(() => null)) as { revision?: number } | null;
    if (!response.ok) throw refusal(response.status, body, found.kind, period);
    const kind = say(lang, found.kind === "budget" ? "budget" : "deltagare", found.kind);
    process.stdout.write(`${kind} ${period}: version ${body?.revision ?? "?"}\n`);
  }
}
