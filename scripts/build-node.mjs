// Builds the `samsyn` command (CLI and service) into plain JavaScript in dist/node/, so that
// bin/samsyn.js, `npm start` and a deployment start without compiling TypeScript. Packages stay
// imports from node_modules; only our own code is bundled. The merge thread's worker is the
// same file in both worlds: it loads merge-job.mjs from beside it, or merge-job.ts through tsx.
// Usage: node scripts/build-node.mjs [--outdir dir]
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outdir");
const outdir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, "dist/node");

// Written over in place, never removed first: a test run or a server may be loading the last
// build this moment. Chunk names carry a content hash, so a new build never changes an old chunk.
mkdirSync(join(outdir, "chunks"), { recursive: true });
const started = Date.now();
const result = await build({
  // merge-job beside the chunks: the merge thread's worker is started from the chunk that holds
  // service/merge-thread.ts and loads ./merge-job.mjs from beside itself.
  entryPoints: { samsyn: join(root, "cli/main.ts"), "chunks/merge-job": join(root, "service/merge-job.ts") },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Each command's modules in their own chunk, loaded when the command runs (cli/main.ts).
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node20.6",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
cpSync(join(root, "service/merge-worker.mjs"), join(outdir, "chunks/merge-worker.mjs"));
// The worker is found by a URL relative to the file that starts it: that file must be a chunk.
const starters = Object.keys(result.metafile.outputs)
  .filter((f) => f.endsWith(".mjs") && readFileSync(f, "utf8").includes('new URL("./merge-worker.mjs"'))
  .map((f) => dirname(resolve(f)));
if (starters.length !== 1 || starters[0] !== join(outdir, "chunks"))
  throw new Error(`build-node: the merge worker is started from ${starters.join(", ")}, not from chunks/`);
console.log(`build-node: ${outdir} in ${Date.now() - started} ms`);
