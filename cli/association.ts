/** `samsyn association add`: an association straight into the store (offline), with its first token. */
import { randomUUID } from "node:crypto";
import { issueToken } from "../service/auth";
import { openStore, StoreLockedError } from "../service/store/engines";
import { orgnrMessage, validateOrganisationsnummer } from "../shared/identity";
import { CliFailure, EXIT } from "./failure";

export function storeFailure(e: unknown, dataDir: string | undefined): CliFailure {
  if (e instanceof StoreLockedError) {
    const pid = e.pid === null ? "" : ` (pid ${e.pid})`;
    return new CliFailure(
      EXIT.unreadable,
      `Datamappen ${e.dataDir} används av en annan process${pid}; stoppa tjänsten eller använd POST /api/associations`,
      `The data folder ${e.dataDir} is in use by another process${pid}; stop the service or use POST /api/associations`,
    );
  }
  const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  const which = process.env.DATABASE_URL ? "DATABASE_URL" : (dataDir ?? "./data");
  return new CliFailure(
    EXIT.unreadable,
    `Kan inte öppna databasen (${which}): ${why}`,
    `Cannot open the database (${which}): ${why}`,
  );
}

export async function addAssociation(name: string, flags: { orgnr: string; data?: string }): Promise<void> {
  const orgnr = validateOrganisationsnummer(flags.orgnr);
  if (!orgnr.ok) {
    const { sv, en } = orgnrMessage(flags.orgnr, orgnr.reason);
    throw new CliFailure(EXIT.invalid, sv, en);
  }
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw new CliFailure(EXIT.invalid, "Namnet ska vara 1–200 tecken", "The name must be 1–200 characters");
  const databaseUrl = process.env.DATABASE_URL;
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(
      databaseUrl ? { databaseUrl } : { dataDir: flags.data ?? process.env.SAMSYN_DATA ?? "./data" },
    );
  } catch (e) {
    throw storeFailure(e, flags.data);
  }
  try {
    const created = await store.createAssociation({
      id: randomUUID(),
      name: trimmed,
      orgnr: orgnr.normalised,
    });
    if (created === "orgnr-taken")
      throw new CliFailure(
        EXIT.invalid,
        `Det finns redan ett förbund med organisationsnummer ${orgnr.normalised}`,
        `An association with organisationsnummer ${orgnr.normalised} already exists`,
      );
    const token = await issueToken(store, "association", created.id, null);
    process.stdout.write(`id: ${created.id}\ntoken: ${token.token}\n`);
  } finally {
    await store.close();
  }
}
