/**
 * Where the pane runs, decided once at start: inside Excel (office.js), inside the playground
 * (an iframe whose same-origin parent lends it a host over the fake Excel), or neither (a plain
 * browser tab: show what Samsyn is). The playground contract is declared here, once, for both
 * the pane and the playground page.
 */
import type { Lang } from "../../shared/messages";
import type { ExcelHost } from "../excel/host";

/** The name of the parent window's property the playground sets. */
export const PLAYGROUND_GLOBAL = "samsynPlayground";

/**
 * What the playground page puts at `window.samsynPlayground` for the pane in its iframe: an
 * ExcelHost over its FakeBook plus the display language Office would report ("sv-SE").
 * The host runs in the parent's JS realm: what it hands the pane are the parent's objects.
 */
export interface PlaygroundBridge extends ExcelHost {
  readonly displayLanguage: string;
}

export type Placement =
  | { readonly kind: "excel"; readonly lang: Lang }
  | { readonly kind: "playground"; readonly bridge: PlaygroundBridge; readonly lang: Lang }
  | { readonly kind: "outside"; readonly lang: Lang; readonly playgroundUrl: string | null };

/** How long office.js may take to say which host it is in before the pane stops waiting. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/** Swedish unless Office reports another language; then English, the pane's second language. */
export const langOf = (displayLanguage: string | undefined | null): Lang =>
  !displayLanguage || displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";

function isBridge(value: unknown): value is PlaygroundBridge {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.run === "function" && typeof v.supports === "function";
}

/** The parent's playground host, or null: no parent, a parent without one, or a cross-origin parent (Excel). */
export function playgroundBridge(win: Window): PlaygroundBridge | null {
  if (win.parent === win) return null;
  try {
    const candidate = (win.parent as unknown as Record<string, unknown>)[PLAYGROUND_GLOBAL];
    return isBridge(candidate) ? candidate : null;
  } catch {
    // A cross-origin parent throws SecurityError on any property read: that is Excel on the web.
    return null;
  }
}

/**
 * The playground's address when this page came from a playground server. Both servers send the
 * pane's files unchanged; the playground marks them with a Server-Timing entry
 * (`samsyn-playground;desc="/"`), which the page reads from its own navigation timing without
 * a request of its own.
 */
export function playgroundUrlOf(win: Window): string | null {
  const nav = win.performance?.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  const mark = nav?.serverTiming?.find((entry) => entry.name === "samsyn-playground");
  if (!mark) return null;
  try {
    return new URL(mark.description || "/", win.location.href).href;
  } catch {
    return null;
  }
}

interface OfficeReadyInfo {
  readonly host: unknown;
}

type OfficeGlobal = { onReady?: () => Promise<OfficeReadyInfo> } | undefined;

let readyOnce: Promise<OfficeReadyInfo | null> | undefined;
/** Office.onReady asked once; null when office.js is missing (offline, blocked) or it fails. */
function onReady(): Promise<OfficeReadyInfo | null> {
  if (!readyOnce) {
    const office = (globalThis as { Office?: OfficeGlobal }).Office;
    readyOnce =
      typeof office?.onReady === "function"
        ? office.onReady().then(
            (info) => info ?? null,
            () => null,
          )
        : Promise.resolve(null);
  }
  return readyOnce;
}

/**
 * Resolves if office.js ever says it is in Excel, however late: a slow Excel start must not
 * leave the user on the outside page. Never resolves outside Excel.
 */
export function lateExcel(): Promise<void> {
  return onReady().then((info) => (info?.host === "Excel" ? undefined : new Promise<void>(() => {})));
}

/** Office.onReady's answer, or null when office.js is missing or has not answered in time. */
async function officeReady(timeoutMs: number): Promise<OfficeReadyInfo | null> {
  // Offline (or blocked) the <script> failed before this bundle ran: decide now.
  if (typeof (globalThis as { Office?: OfficeGlobal }).Office?.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([onReady(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Decides where the pane runs. The playground is asked first: a same-origin parent offering a
 * host can only be the playground (Excel's parent is another origin, or there is none), and
 * asking it needs no wait for office.js, which in a plain browser loads slowly or not at all.
 */
export async function findPlacement(win: Window, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Placement> {
  const bridge = playgroundBridge(win);
  if (bridge) return { kind: "playground", bridge, lang: langOf(bridge.displayLanguage) };
  const info = await officeReady(timeoutMs);
  if (info && info.host === "Excel") {
    return { kind: "excel", lang: langOf(Office.context.displayLanguage) };
  }
  return { kind: "outside", lang: "sv", playgroundUrl: playgroundUrlOf(win) };
}
