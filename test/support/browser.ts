/**
 * Debian's Chromium (installed by scripts/setup-system.sh, never a downloaded build), headless,
 * with the flags that keep it from reaching for the network on its own: this machine reaches
 * no host but its own.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The fake Excel as one script for a page (playground/fake-excel/browser-host.ts): served in
 * place of office.js, so the pane runs over a workbook in a plain browser.
 */
export async function fakeOfficeScript(): Promise<string> {
  const bundled = await build({
    entryPoints: [join(import.meta.dirname, "../../playground/fake-excel/browser-host.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome100",
    logLevel: "silent",
  });
  return bundled.outputFiles[0]!.text;
}
