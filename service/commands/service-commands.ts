/**
 * The service's commands: `serve`, `association add` (offline, straight into the store) and
 * `push` (a workbook's reports to a running service). One line on stderr for an error, exit
 * codes 0 ok, 1 rejected by the service, 2 cannot read the file or reach the service.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Command } from "commander";
import { CLIENT_HEADER, type ClientKind } from "../../shared/api";
import { validateOrganisationsnummer } from "../../shared/identity";
import { type PushableReport, pushableReports, readWorkbook } from "../../shared/inspect";
import { parsePeriod, periodMessage } from "../../shared/period";
import { issueToken } from "../auth";
import { SettingError, startWebServer } from "../server";
import { openStore, StoreLockedError } from "../store/engines";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";

const EXIT_REJECTED = 1;
const EXIT_UNREADABLE = 2;

/** A one-line failure: Swedish / English, never a stack trace. */
class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

function storeFailure(e: unknown, dataDir: string | undefined): CommandFailure {
  if (e instanceof StoreLockedError)
    return new CommandFailure(
      EXIT_UNREADABLE,
      `Datamappen ${e.dataDir} används av en annan process${e.pid === null ? "" : ` (pid ${e.pid})`}; stoppa tjänsten eller använd POST /api/associations / The data folder is in use by another process`,
    );
  const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  return new CommandFailure(
    EXIT_UNREADABLE,
    `Kan inte öppna databasen (${process.env.DATABASE_URL ? "DATABASE_URL" : (dataDir ?? "./data")}): ${why} / Cannot open the database`,
  );
}

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    const failure =
      e instanceof CommandFailure
        ? e
        : new CommandFailure(
            EXIT_UNREADABLE,
            e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e),
          );
    process.stderr.write(`samsyn: ${failure.message}\n`);
    process.exitCode = failure.exitCode;
  }
}

async function serve(opts: { port: string; host: string; data?: string }): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CommandFailure(EXIT_UNREADABLE, `Ogiltig port "${opts.port}" / Invalid port`);
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({
      port,
      host: opts.host,
      ...(opts.data ? { dataDir: opts.data } : {}),
    });
  } catch (e) {
    if (e instanceof SettingError) throw new CommandFailure(EXIT_UNREADABLE, e.message);
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE" || (e as NodeJS.ErrnoException).code === "EACCES")
      throw new CommandFailure(
        EXIT_UNREADABLE,
        `Kan inte lyssna på ${opts.host}:${port} (${(e as NodeJS.ErrnoException).code}); välj en annan port med --port / Cannot listen on that port`,
      );
    throw storeFailure(e, opts.data);
  }
  process.stdout.write(
    `Samsyn listening on ${server.url} (${server.store.engine}${server.store.engine === "pglite" ? `, ${opts.data ?? process.env.SAMSYN_DATA ?? "./data"}` : ""})\n`,
  );
  if (!process.env.SAMSYN_ADMIN_TOKEN)
    process.stdout.write(
      "SAMSYN_ADMIN_TOKEN är inte satt: admin-anropen är avstängda; använd samsyn association add / admin endpoints are off\n",
    );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function addAssociation(name: string, opts: { orgnr: string; data?: string }): Promise<void> {
  const orgnr = validateOrganisationsnummer(opts.orgnr);
  if (!orgnr.ok)
    throw new CommandFailure(
      EXIT_REJECTED,
      `Ogiltigt organisationsnummer "${opts.orgnr}" (${orgnr.reason}) / Invalid organisationsnummer`,
    );
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw new CommandFailure(
      EXIT_REJECTED,
      "Namnet ska vara 1–200 tecken / The name must be 1–200 characters",
    );
  const databaseUrl = process.env.DATABASE_URL;
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(
      databaseUrl ? { databaseUrl } : { dataDir: opts.data ?? process.env.SAMSYN_DATA ?? "./data" },
    );
  } catch (e) {
    throw storeFailure(e, opts.data);
  }
  try {
    const created = await store.createAssociation({
      id: randomUUID(),
      name: trimmed,
      orgnr: orgnr.normalised,
    });
    if (created === "orgnr-taken")
      throw new CommandFailure(
        EXIT_REJECTED,
        `Det finns redan ett förbund med organisationsnummer ${orgnr.normalised} / orgnr already registered`,
      );
    const token = await issueToken(store, "association", created.id, null);
    process.stdout.write(`id: ${created.id}\ntoken: ${token.token}\n`);
  } finally {
    await store.close();
  }
}

/** The workbook's reports as the core reads them; with --period, participants' key figures for that period. */
async function pushableOf(file: string, period: string | undefined): Promise<PushableReport[]> {
  let grids: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    grids = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CommandFailure(EXIT_UNREADABLE, e.message);
    throw e;
  }
  const reading = readWorkbook(grids, period ? { participants: { period } } : {});
  return pushableReports(reading, { source: path.basename(file) });
}

async function push(
  file: string,
  opts: { to: string; association: string; token: string; period?: string },
): Promise<void> {
  let base: URL;
  try {
    base = new URL(opts.to);
  } catch {
    throw new CommandFailure(EXIT_UNREADABLE, `Ogiltig adress "${opts.to}" / Invalid URL`);
  }
  // The grammar the core and the API read (shared/period.ts), filed under its canonical key.
  const asked = opts.period === undefined ? undefined : parsePeriod(opts.period)?.key;
  if (opts.period !== undefined && asked === undefined) {
    const { sv, en } = periodMessage(opts.period);
    throw new CommandFailure(EXIT_UNREADABLE, `${sv} / ${en}`);
  }
  const reports = await pushableOf(file, asked);
  if (reports.length === 0)
    throw new CommandFailure(
      EXIT_UNREADABLE,
      `Ingen budget eller deltagarlista hittades i ${file} / No report found in the workbook`,
    );
  for (const found of reports) {
    // A budget is filed under --period when given; participants already carry the period asked for.
    const period = found.kind === "budget" ? (asked ?? found.period) : found.period;
    const report = found.report;
    const url = new URL(
      `api/associations/${encodeURIComponent(opts.association)}/reports/${found.kind}/${encodeURIComponent(period)}`,
      base.href.endsWith("/") ? base : `${base.href}/`,
    );
    const init: RequestInit = {
      method: "PUT",
      headers: {
        authorization: `Bearer ${opts.token}`,
        "content-type": "application/json",
        // One key per report and run: a retry after a dropped connection makes no second revision.
        "idempotency-key": randomUUID(),
        [CLIENT_HEADER]: "cli" satisfies ClientKind,
      },
      body: JSON.stringify(report),
    };
    let response: Response | undefined;
    for (let attempt = 0; attempt < 2 && !response; attempt++) {
      try {
        response = await fetch(url, init);
      } catch (e) {
        if (attempt === 1)
          throw new CommandFailure(
            EXIT_UNREADABLE,
            `Kan inte nå tjänsten på ${base.origin}: ${e instanceof Error ? e.message : String(e)} / Cannot reach the service`,
          );
      }
    }
    const body = (await response!.json().catch(() => null)) as {
      revision?: number;
      error?: { message?: string; messageEn?: string };
    } | null;
    if (!response!.ok)
      throw new CommandFailure(
        EXIT_REJECTED,
        `${found.kind} ${period}: ${body?.error?.message ?? `HTTP ${response!.status}`} / ${body?.error?.messageEn ?? ""}`,
      );
    process.stdout.write(`${found.kind} ${period}: revision ${body?.revision ?? "?"}\n`);
  }
}

export function registerServiceCommands(program: Command): void {
  program
    .command("serve")
    .description("starta synktjänsten / start the sync service")
    .option("--port <port>", "port (0 = valfri ledig)", process.env.PORT ?? "3000")
    .option("--host <host>", "adress att lyssna på / address to listen on", process.env.HOST ?? "127.0.0.1")
    .option("--data <dir>", "datamapp för den inbyggda databasen / embedded database folder")
    .action((opts: { port: string; host: string; data?: string }) => run(() => serve(opts)));

  program
    .command("association")
    .description("förbund / associations")
    .command("add")
    .description("lägg till ett förbund och skriv ut dess id och token / add an association")
    .argument("<name>", "förbundets namn")
    .requiredOption("--orgnr <orgnr>", "organisationsnummer")
    .option("--data <dir>", "datamapp / data folder")
    .action((name: string, opts: { orgnr: string; data?: string }) => run(() => addAssociation(name, opts)));

  program
    .command("push")
    .description("skicka arbetsbokens rapporter till tjänsten / push the workbook's reports")
    .argument("<file>", "arbetsbok (.xlsx)")
    .requiredOption("--to <url>", "tjänstens adress / service URL")
    .requiredOption("--association <id>", "förbundets id")
    .requiredOption("--token <token>", "förbundets token")
    .option("--period <period>", "period att skicka under / period to file under")
    .action((file: string, opts: { to: string; association: string; token: string; period?: string }) =>
      run(() => push(file, opts)),
    );
}
