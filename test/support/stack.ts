/**
 * The stack a browser test runs against, set up once: the pane, the page and the playground
 * built into a temporary folder, the service on port 0 over an embedded database there,
 * playgrounds over fixtures when asked, and Debian's Chromium. `close()` stops what started, in
 * the reverse order, and removes the folder.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { Browser } from "playwright-core";
import { type Playground, startPlayground } from "../../playground/server";
import { startWebServer, type WebServer } from "../../service/server";
import { launchChromium } from "./browser";
import { fixture } from "./cli";

export interface StackOptions {
  /** Names the temporary folder: samsyn-<name>-…. */
  readonly name: string;
  /** Enables the admin endpoints; `admin()` calls them with it. */
  readonly adminToken?: string;
  /** Serve the network's page too. */
  readonly web?: boolean;
}

export interface BrowserStack {
  /** The temporary folder: addin/, web/, playground/ (built), data/ (the service's). */
  readonly dir: string;
  /** The service as it runs now (see restartService). */
  readonly service: WebServer;
  readonly browser: Browser;
  /** A request to the service with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** A new association through the admin endpoint: its id and its token. */
  createAssociation(name: string, orgnr: string): Promise<{ id: string; token: string }>;
  /** A playground over a fixture (by file name), pointed at the service; closed with the stack. */
  startPlayground(file: string): Promise<Playground>;
  /** Starts the service again on the same port and data, after the test stopped it. */
  restartService(): Promise<WebServer>;
  close(): Promise<void>;
}

const silent = pino({ level: "silent" });

export async function startBrowserStack(options: StackOptions): Promise<BrowserStack> {
  const dir = mkdtempSync(join(tmpdir(), `samsyn-${options.name}-`));
  const playgrounds: Playground[] = [];
  let service: WebServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    for (const p of playgrounds) await p.close();
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(process.execPath, ["scripts/build-addin.mjs", "--outdir", join(dir, "addin")], {
      stdio: "pipe",
    });
    const serve = (port: number) =>
      startWebServer({
        port,
        dataDir: join(dir, "data"),
        addinDir: join(dir, "addin"),
        ...(options.web ? { webDir: join(dir, "web") } : {}),
        ...(options.adminToken ? { adminToken: options.adminToken } : {}),
        logger: silent,
      });
    service = await serve(0);
    const port = service.port;
    browser = await launchChromium();
    const stack: BrowserStack = {
      dir,
      get service() {
        return service!;
      },
      browser,
      admin: (path, init = {}) =>
        fetch(`${service!.url}${path}`, {
          ...init,
          headers: {
            authorization: `Bearer ${options.adminToken ?? ""}`,
            "content-type": "application/json",
            ...init.headers,
          },
        }),
      async createAssociation(name, orgnr) {
        const res = await stack.admin("/api/associations", {
          method: "POST",
          body: JSON.stringify({ name, orgnr }),
        });
        if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string; token: string };
      },
      async startPlayground(file) {
        const playground = await startPlayground({
          port: 0,
          file: fixture(file),
          serviceUrl: service!.url,
          addinDir: join(dir, "addin"),
          playgroundDir: join(dir, "playground"),
          logger: silent,
        });
        playgrounds.push(playground);
        return playground;
      },
      async restartService() {
        service = await serve(port);
        return service;
      },
      close,
    };
    return stack;
  } catch (e) {
    await close();
    throw e;
  }
}
