/** Vitest global setup: the tests run the `samsyn` command as users do, built from the current source. */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build-node.mjs"], {
    cwd: resolve(import.meta.dirname, "../.."),
    stdio: ["ignore", "ignore", "inherit"],
  });
}
