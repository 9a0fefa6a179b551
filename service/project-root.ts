/**
 * The repository's root folder, found from this module's own place: the same whether the code
 * runs as TypeScript (service/…) or from the build (dist/node/samsyn.mjs), and whatever the
 * current directory is.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "samsyn"
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`samsyn's package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
