// Prepares the built task pane for hosting on another origin than the Samsyn service (a static
// web server): a copy of dist/addin whose taskpane.html carries a CSP that lets the pane reach
// exactly the given services, and names them for the pane to offer (addin/sync/reachable.ts).
// Each service must allow the pane's origin: SAMSYN_PANE_ORIGINS on the service.
// Usage: node scripts/host-pane.mjs --services https://samsyn.example.se[,https://…] [--from dist/addin] -o DIR
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const OFFICE_JS = "https://appsforoffice.microsoft.com";

/** https anywhere; http only on this computer (as the pane's own check, addin/sync/reachable.ts). */
export function serviceOrigins(list) {
  const origins = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url;
    try {
      url = new URL(origin);
    } catch {}
    const local =
      url && url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (!url || url.origin !== origin || !(url.protocol === "https:" || local))
      throw new Error(`${origin}: skriv en adress som https://samsyn.example.se (http bara för localhost)`);
  }
  if (origins.length === 0) throw new Error("--services: minst en adress");
  return origins;
}

/** taskpane.html with the policy and the list of services in its head. */
export function hostedHtml(html, origins) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS}`,
    `connect-src 'self' ${OFFICE_JS} ${origins.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${OFFICE_JS}`,
    "font-src 'self' data:",
  ].join("; ");
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />\n` +
    `    <meta name="samsyn-services" content="${origins.join(" ")}" />\n    `;
  return html.replace(/<title>/, `${meta}<title>`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const from = resolve(arg("--from") ?? "dist/addin");
  const to = arg("-o") ?? arg("--outdir");
  const services = arg("--services");
  if (!to || !services) {
    console.error(
      "node scripts/host-pane.mjs --services https://samsyn.example.se [--from dist/addin] -o DIR",
    );
    process.exit(2);
  }
  try {
    const origins = serviceOrigins(services);
    cpSync(from, resolve(to), { recursive: true });
    const file = join(resolve(to), "taskpane.html");
    writeFileSync(file, hostedHtml(readFileSync(file, "utf8"), origins));
    console.log(`host-pane: ${resolve(to)} reaches ${origins.join(", ")}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
