#!/usr/bin/env node
// The `samsyn` command: the CLI as built into plain JavaScript by `npm run build` (npm install
// runs it too). Development and the tests run the TypeScript itself through tsx.
import { existsSync } from "node:fs";

const built = new URL("../dist/node/samsyn.mjs", import.meta.url);
if (!existsSync(built)) {
  // The one text outside shared/messages: without the build there are no messages to load.
  const args = process.argv;
  const english = args.some((a, i) => a === "--lang=en" || (a === "en" && args[i - 1] === "--lang"));
  process.stderr.write(
    english ? "samsyn: not built; run npm run build\n" : "samsyn: inte byggt; kör npm run build\n",
  );
  process.exit(2);
}
await import(built.href);
