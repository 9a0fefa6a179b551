/**
 * Debian's Chromium (installed by scripts/setup-system.sh, never a downloaded build), headless,
 * with the flags that keep it from reaching for the network on its own: this machine reaches
 * no host but its own.
 */
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
