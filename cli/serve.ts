/** `samsyn serve`: the sync service, the network's page and the task pane's files, until stopped. */

import { startWebServer } from "../service/server";
import { SamsynError } from "../shared/failures";
import type { Lang } from "../shared/messages";
import { storeFailure } from "./association";
import { EXIT, say } from "./failure";

export interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly data?: string;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new SamsynError({ code: "invalid-port", port: value });
  return port;
}

/** EADDRINUSE/EACCES as the one line a user can act on; anything else is not ours to explain. */
export function listenFailure(e: unknown, host: string, port: number): SamsynError | null {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== "EADDRINUSE" && code !== "EACCES") return null;
  return new SamsynError({ code: "cannot-listen", host, port, reason: code });
}

export async function serve(flags: ServeFlags, lang: Lang): Promise<void> {
  const port = parsePort(flags.port);
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({ port, host: flags.host, ...(flags.data ? { dataDir: flags.data } : {}) });
  } catch (e) {
    if (e instanceof SamsynError) throw e;
    throw listenFailure(e, flags.host, port) ?? storeFailure(e, flags.data);
  }
  const where =
    server.store.engine === "pglite" ? `, ${flags.data ?? process.env.SAMSYN_DATA ?? "./data"}` : "";
  process.stdout.write(
    say(
      lang,
      `Samsyn lyssnar på ${server.url} (${server.store.engine}${where})\n  Nätverkets sida: ${server.url}/\n  Aktivitetsfönstret: ${server.url}/addin/\n`,
      `Samsyn listening on ${server.url} (${server.store.engine}${where})\n  The network's page: ${server.url}/\n  The task pane: ${server.url}/addin/\n`,
    ),
  );
  if (!process.env.SAMSYN_ADMIN_TOKEN)
    process.stdout.write(
      say(
        lang,
        "SAMSYN_ADMIN_TOKEN är inte satt: admin-anropen är avstängda; använd samsyn association add\n",
        "SAMSYN_ADMIN_TOKEN is not set: the admin endpoints are off; use samsyn association add\n",
      ),
    );
  const stop = () => {
    server.close().then(
      () => process.exit(EXIT.ok),
      () => process.exit(EXIT.unreadable),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
