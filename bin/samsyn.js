#!/usr/bin/env node
// The `samsyn` command: the CLI as built into plain JavaScript by `npm run build` (npm install
// runs it too). Development and the tests run the TypeScript itself through tsx.
import { existsSync } from "node:fs";

const built = new URL("../dist/node/samsyn.mjs", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write("samsyn: inte byggt, kör npm run build / not built, run npm run build\n");
  process.exit(2);
}
await import(built.href);
