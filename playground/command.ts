/**
 * `samsyn playground [FILE.xlsx] [--port P] [--service URL]`: the task pane in a plain browser
 * over the fake Excel, loaded with FILE. Builds the pane first when it has not been built, so
 * trying Samsyn needs no step beyond npm install.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { WorkbookReadError } from "../service/xlsx/read";
import {
  DEFAULT_ADDIN_DIR,
  DEFAULT_PLAYGROUND_DIR,
  DEFAULT_SERVICE_URL,
  PlaygroundSettingError,
  startPlayground,
} from "./server";

const EXIT_UNREADABLE = 2;

interface PlaygroundFlags {
  readonly port: string;
  readonly host: string;
  readonly service?: string;
}

function fail(sv: string, en: string): void {
  process.stderr.write(`samsyn: ${sv} / ${en}\n`);
  process.exitCode = EXIT_UNREADABLE;
}

/** Whether the service answers, so the user learns at once why signing in would fail. */
async function serviceAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

function buildIfMissing(): void {
  if (existsSync(path.join(DEFAULT_ADDIN_DIR, "taskpane.js")) && existsSync(DEFAULT_PLAYGROUND_DIR)) return;
  process.stdout.write(
    "Bygger aktivitetsfönstret och lekplatsen … / Building the task pane and the playground …\n",
  );
  execFileSync(process.execPath, [path.resolve(DEFAULT_ADDIN_DIR, "../../scripts/build-addin.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function playground(file: string | undefined, flags: PlaygroundFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return fail(`Ogiltig port "${flags.port}"`, "Invalid port");
  let started: Awaited<ReturnType<typeof startPlayground>>;
  try {
    started = await startPlayground({
      port,
      host: flags.host,
      ...(file ? { file } : {}),
      ...(flags.service ? { serviceUrl: flags.service } : {}),
    });
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof PlaygroundSettingError)
      return fail(e.messageSv, e.messageEn);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES")
      return fail(
        `Kan inte lyssna på ${flags.host}:${port} (${code}); välj en annan port med --port`,
        "Cannot listen on that port",
      );
    throw e;
  }
  // After the file and the port are known to be good: a bad argument fails at once, unbuilt or not.
  try {
    buildIfMissing();
  } catch {
    await started.close();
    return fail(
      "Aktivitetsfönstret kunde inte byggas: kör npm run build",
      "The task pane could not be built",
    );
  }
  process.stdout.write(`Samsyns lekplats / Samsyn playground: ${started.url}\n`);
  if (await serviceAnswers(started.serviceUrl))
    process.stdout.write(`Tjänsten / service: ${started.serviceUrl}\n`);
  else
    process.stdout.write(
      `Tjänsten på ${started.serviceUrl} svarar inte: att läsa in och skriva tabeller går bra, men för att logga in och skicka, starta den (npm start) eller ange --service / the service does not answer: start it to sign in and send\n`,
    );
  const stop = () => {
    started.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export function registerPlaygroundCommand(program: Command): void {
  program
    .command("playground")
    .description(
      "aktivitetsfönstret i webbläsaren över en arbetsbok, utan Excel / the task pane in a browser, without Excel",
    )
    .argument("[file]", "arbetsbok att börja med (.xlsx) / workbook to start with")
    .option("--port <port>", "port", "4000")
    .option("--host <host>", "adress att lyssna på / address to listen on", "127.0.0.1")
    .option(
      "--service <url>",
      `Samsyn-tjänsten / the Samsyn service (SAMSYN_SERVICE_URL, ${DEFAULT_SERVICE_URL})`,
    )
    .action(playground);
}
