/**
 * `samsyn manifest --url https://samsyn.example.se -o manifest.xml`: the add-in manifest for a
 * deployment. The repository's manifest.xml (the pane at https://localhost:3000) is the template;
 * every URL and the AppDomain move to the deployment's origin, and the add-in gets an id of its
 * own, derived from the URL, so that writing it again gives the same add-in.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MANIFEST_TEMPLATE = resolve(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";
const EXIT_BAD_ARGUMENT = 2;

export class ManifestUrlError extends Error {}

/** The deployment's base URL, without a trailing slash; Office loads add-ins only over HTTPS. */
export function deploymentBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ManifestUrlError(`"${url}" är ingen adress / is not a URL`);
  }
  if (parsed.protocol !== "https:")
    throw new ManifestUrlError(
      `Excel laddar bara tillägg över https / Excel loads add-ins over https only: ${url}`,
    );
  if (parsed.search || parsed.hash || parsed.username)
    throw new ManifestUrlError(
      `ingen fråga, fragment eller användare i adressen / no query, fragment or user: ${url}`,
    );
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/** A UUID (version 5 layout, SHA-1 over the base URL): the same deployment, the same add-in id. */
export function deploymentId(base: string): string {
  const hash = createHash("sha1").update(`samsyn-addin:${base}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The template with its URLs, AppDomain and id set for the deployment at `url`. */
export function productionManifest(template: string, url: string, id?: string): string {
  const base = deploymentBase(url);
  const origin = new URL(base).origin;
  const addinId = id ?? deploymentId(base);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(addinId))
    throw new ManifestUrlError(`"${addinId}" är ingen GUID / is not a GUID`);
  return template
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${addinId}</Id>`)
    .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${escapeXml(origin)}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, `${escapeXml(base)}/`)
    .replace(
      /<!--[\s\S]*?-->\n/,
      `<!-- Samsyn's Excel task-pane add-in, served at ${escapeXml(base)}/addin/ (samsyn manifest). -->\n`,
    );
}

export function registerManifestCommand(program: Command): void {
  program
    .command("manifest")
    .description(
      "skriv tilläggets manifest för en driftsättning / write the add-in manifest for a deployment",
    )
    .requiredOption("--url <url>", "tjänstens https-adress / the service's https address")
    .option("-o, --out <file>", "manifestfil / manifest file (standard: skriv ut / default: print)")
    .option(
      "--id <guid>",
      "tilläggets id / the add-in's id (standard: härlett ur adressen / default: from the URL)",
    )
    .action((opts: { url: string; out?: string; id?: string }) => {
      let manifest: string;
      try {
        manifest = productionManifest(readFileSync(MANIFEST_TEMPLATE, "utf8"), opts.url, opts.id);
      } catch (error) {
        if (!(error instanceof ManifestUrlError)) throw error;
        process.stderr.write(`samsyn: ${error.message}\n`);
        process.exitCode = EXIT_BAD_ARGUMENT;
        return;
      }
      if (opts.out) writeFileSync(opts.out, manifest);
      else process.stdout.write(manifest);
    });
}
