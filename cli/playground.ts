/**
 * `samsyn playground [FILE.xlsx] [--port P] [--service URL]`: the task pane in a plain browser
 * over the fake Excel, loaded with FILE. Builds the pane first when it has not been built, so
 * trying Samsyn needs no step beyond npm install.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_ADDIN_DIR, DEFAULT_PLAYGROUND_DIR, startPlayground } from "../playground/server";
import { PROJECT_ROOT } from "../service/project-root";
import { SamsynClient } from "../shared/client";
import { SamsynError } from "../shared/failures";
import type { Lang } from "../shared/messages";
import { ROUTES } from "../shared/routes";
import { EXIT, say } from "./failure";
import { listenFailure, parsePort } from "./serve";

export interface PlaygroundFlags {
  readonly port: string;
  readonly host: string;
  readonly service?: string;
}

/** Whether the service answers, so the user learns at once why signing in would fail. */
async function serviceAnswers(url: string): Promise<boolean> {
  const client = new SamsynClient({
    baseUrl: url.replace(/\/+$/, ""),
    token: () => null,
    timeoutMs: 1500,
    transport: (to, init) => fetch(to, init),
  });
  return client.call(ROUTES.health, {}).then(
    () => true,
    () => false,
  );
}

function buildIfMissing(lang: Lang): void {
  if (existsSync(path.join(DEFAULT_ADDIN_DIR, "taskpane.js")) && existsSync(DEFAULT_PLAYGROUND_DIR)) return;
  process.stdout.write(
    say(
      lang,
      "Bygger aktivitetsfönstret och lekplatsen …\n",
      "Building the task pane and the playground …\n",
    ),
  );
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts/build-addin.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function playground(
  file: string | undefined,
  flags: PlaygroundFlags,
  lang: Lang,
): Promise<void> {
  const port = parsePort(flags.port);
  let started: Awaited<ReturnType<typeof startPlayground>>;
  try {
    started = await startPlayground({
      port,
      host: flags.host,
      ...(file ? { file } : {}),
      ...(flags.service ? { serviceUrl: flags.service } : {}),
    });
  } catch (e) {
    if (e instanceof SamsynError) throw e;
    throw listenFailure(e, flags.host, port) ?? e;
  }
  // After the file and the port are known to be good: a bad argument fails at once, unbuilt or not.
  try {
    buildIfMissing(lang);
  } catch {
    await started.close();
    throw new SamsynError({ code: "build-failed" });
  }
  process.stdout.write(
    say(lang, `Samsyns lekplats: ${started.url}\n`, `Samsyn playground: ${started.url}\n`),
  );
  if (await serviceAnswers(started.serviceUrl))
    process.stdout.write(say(lang, `Tjänsten: ${started.serviceUrl}\n`, `Service: ${started.serviceUrl}\n`));
  else
    process.stdout.write(
      say(
        lang,
        `Tjänsten på ${started.serviceUrl} svarar inte: att läsa in och skriva tabeller går bra, men för att logga in och skicka, starta tjänsten eller starta lekplatsen med tjänstens adress (--service)\n`,
        `The service at ${started.serviceUrl} does not answer: reading and writing tables works, but to sign in and send, start it (npm start) or give --service\n`,
      ),
    );
  const stop = () => {
    started.close().then(
      () => process.exit(EXIT.ok),
      () => process.exit(EXIT.unreadable),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
