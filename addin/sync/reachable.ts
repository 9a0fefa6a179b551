/**
 * Which Samsyn services the pane may reach. The browser decides, by the pane's CSP
 * (`connect-src`): any other address is blocked before a request leaves. So the pane offers
 * exactly what its policy allows, and says so when an address is not among them.
 * - Served by the service (at /addin/, or through the playground, which passes /api on): its
 *   CSP is `connect-src 'self'`, and the service is the pane's own origin.
 * - Hosted elsewhere: `scripts/host-pane.mjs` writes into taskpane.html a CSP that allows
 *   exactly the configured service origins, and beside it
 *   `<meta name="samsyn-services" content="https://a https://b">` naming the same ones.
 * (Excel's AppDomains do not widen this: Microsoft's "Specify domains you want to open in the
 * add-in window" page says AppDomains govern navigation, not the pane's requests.)
 */

const META = 'meta[name="samsyn-services"]';

/** https anywhere; http only on this computer, where Excel's own pane may be served plainly. */
export function allowedServiceOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/**
 * The services this pane may reach, as origins; its own origin when the page names none. Null
 * outside a browser page (the tests' Node), where no CSP applies.
 */
export function reachableServices(doc: Document | undefined = globalThis.document): string[] | null {
  if (!doc) return null;
  const named = doc.querySelector(META)?.getAttribute("content");
  const list = (named ?? "").split(/\s+/).filter((s) => allowedServiceOrigin(s));
  return list.length > 0 ? list : [doc.location.origin];
}

/** Whether the pane's policy lets it reach this address (a base URL with or without a path). */
export function isReachable(serviceUrl: string, services: readonly string[] | null): boolean {
  if (services === null) return true;
  try {
    return services.includes(new URL(serviceUrl).origin);
  } catch {
    return false;
  }
}
