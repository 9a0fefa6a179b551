/** `samsyn association add`: an association straight into the store (offline), with its first token. */
import { randomUUID } from "node:crypto";
import { issueToken } from "../service/auth";
import { openStore, StoreLockedError } from "../service/store/engines";
import { SamsynError } from "../shared/failures";
import { validateOrganisationsnummer } from "../shared/identity";

export function storeFailure(e: unknown, dataDir: string | undefined): SamsynError {
  // Already one the user can act on (a data folder others can write).
  if (e instanceof SamsynError) return e;
  if (e instanceof StoreLockedError)
    return new SamsynError({ code: "data-folder-locked", dataDir: e.dataDir, pid: e.pid });
  const detail = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
  const which = process.env.DATABASE_URL ? "DATABASE_URL" : (dataDir ?? "./data");
  return new SamsynError({ code: "database-unavailable", which, detail });
}

export async function addAssociation(name: string, flags: { orgnr: string; data?: string }): Promise<void> {
  const orgnr = validateOrganisationsnummer(flags.orgnr);
  if (!orgnr.ok) throw new SamsynError({ code: "invalid-orgnr", text: flags.orgnr, reason: orgnr.reason });
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw new SamsynError({ code: "invalid-name" });
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
    if (created === "orgnr-taken") throw new SamsynError({ code: "orgnr-taken", orgnr: orgnr.normalised });
    const token = await issueToken(store, "association", created.id, null);
    process.stdout.write(`id: ${created.id}\ntoken: ${token.token}\n`);
  } finally {
    await store.close();
  }
}
