/**
 * `samsyn manifest --url https://samsyn.example.se -o manifest.xml`: the add-in manifest for a
 * deployment. The repository's manifest.xml (the pane at https://localhost:3000) is the template;
 * every URL and the AppDomain move to the deployment's origin, and the add-in gets an id of its
 * own, derived from the URL, so that writing it again gives the same add-in.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../service/project-root";
import { SamsynError } from "../shared/failures";

export const MANIFEST_TEMPLATE = resolve(PROJECT_ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";

/** The deployment's base URL, without a trailing slash; Office loads add-ins only over HTTPS. */
export function deploymentBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SamsynError({ code: "invalid-url", url });
  }
  if (parsed.protocol !== "https:") throw new SamsynError({ code: "url-not-https", url });
  if (parsed.search || parsed.hash || parsed.username) throw new SamsynError({ code: "url-has-extras", url });
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
    throw new SamsynError({ code: "invalid-guid", id: addinId });
  return template
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${addinId}</Id>`)
    .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${escapeXml(origin)}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, `${escapeXml(base)}/`)
    .replace(
      /<!--[\s\S]*?-->\n/,
      `<!-- Samsyn's Excel task-pane add-in, served at ${escapeXml(base)}/addin/ (samsyn manifest). -->\n`,
    );
}

/** Writes the deployment's manifest to `out`, or prints it. */
export function writeManifest(flags: { url: string; out?: string; id?: string }): void {
  const manifest = productionManifest(readFileSync(MANIFEST_TEMPLATE, "utf8"), flags.url, flags.id);
  if (flags.out) writeFileSync(flags.out, manifest);
  else process.stdout.write(manifest);
}
