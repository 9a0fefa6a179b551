/** `samsyn push`: a workbook's reports (aggregates only, as the pane sends them) to a running service. */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { asClientFailure, SamsynClient } from "../shared/client";
import { SamsynError } from "../shared/failures";
import type { Lang } from "../shared/messages";
import type { PublishedReport } from "../shared/participants/periods";
import { askedPeriod } from "../shared/period";
import { type PushableReport, publishedParticipants, pushableReports } from "../shared/push";
import { readWorkbook } from "../shared/read-workbook";
import type { ReportKind } from "../shared/report";
import { ROUTES } from "../shared/routes";
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
  published: () => Promise<PublishedReport[]>,
): Promise<PushableReport[]> {
  const reading = readWorkbook(await readWorkbookFile(file), period ? { participants: { period } } : {});
  // Asked only when there is a participant list: participants reports are checked across periods.
  const before = reading.participantReadings.length > 0 ? await published() : [];
  return pushableReports(reading, { source: path.basename(file), published: before });
}

/** Long enough for a large report on a slow line; a service that does not answer no longer hangs the command. */
export const PUSH_TIMEOUT_MS = 60_000;

/** A client failure as the command's: no answer is an unreachable service, an answer its refusal in its own words. */
function failureOf(e: unknown, origin: string, kind: ReportKind, period: string): SamsynError {
  const failure = asClientFailure(e);
  if (failure.status === null) {
    const cause = failure.cause instanceof Error ? failure.cause.message : failure.code;
    return new SamsynError({ code: "service-unreachable", origin, detail: cause });
  }
  return new SamsynError({
    code: "service-refused",
    kind,
    period,
    status: failure.status,
    sv: failure.detail?.sv ?? null,
    en: failure.detail?.en ?? null,
  });
}

/** One retry when no answer came: the Idempotency-Key makes a second try after a dropped connection safe. */
async function once<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (asClientFailure(e).status !== null) throw e;
    return call();
  }
}

export async function push(
  file: string,
  flags: PushFlags,
  lang: Lang,
  timeoutMs = PUSH_TIMEOUT_MS,
): Promise<void> {
  let base: URL;
  try {
    base = new URL(flags.to);
  } catch {
    throw new SamsynError({ code: "invalid-url", url: flags.to });
  }
  // The grammar the core and the API read (shared/period.ts), filed under its canonical key.
  const asked = flags.period === undefined ? undefined : askedPeriod(flags.period).key;
  const client = new SamsynClient({
    baseUrl: `${base.origin}${base.pathname.replace(/\/+$/, "")}`,
    token: () => flags.token,
    timeoutMs,
    client: "cli",
    transport: (url, init) => fetch(url, init),
  });
  const id = flags.association;
  const published = async (): Promise<PublishedReport[]> => {
    const answer = await once(() =>
      client.call(ROUTES.publishedReports, { params: { id, kind: "participants" } }),
    ).catch((e: unknown) => {
      throw failureOf(e, base.origin, "participants", asked ?? "");
    });
    return publishedParticipants(answer.data);
  };
  const reports = await pushableOf(file, asked, published);
  if (reports.length === 0) throw new SamsynError({ code: "nothing-to-push", file });
  for (const found of reports) {
    // A budget is filed under --period when given; participants already carry the period asked for.
    const period = found.kind === "budget" ? (asked ?? found.period) : found.period;
    const headers = { "Idempotency-Key": randomUUID() };
    const answer = await once(() =>
      client.call(ROUTES.putReport, {
        params: { id, kind: found.kind, period },
        // A list with an insats column: each insats's report filed under its name.
        ...(found.insats ? { query: { insats: found.insats } } : {}),
        headers,
        body: found.report,
      }),
    ).catch((e: unknown) => {
      throw failureOf(e, base.origin, found.kind, period);
    });
    const kind = say(lang, found.kind === "budget" ? "budget" : "deltagare", found.kind);
    const insats = found.insats ? `, ${found.insats}` : "";
    process.stdout.write(`${kind} ${period}${insats}: version ${answer.data.revision}\n`);
  }
}
