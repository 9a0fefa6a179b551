// Builds the task pane into dist/addin/ (taskpane.html, taskpane.js, commands.*, assets/) and the
// playground page beside it into dist/playground/ (index.html, playground.js, playground.css) with
// esbuild. Needs no certificates: the service serves the pane at /addin/ (see scripts/dev-https.mjs
// for HTTPS); `samsyn playground` serves both.
// Usage: node scripts/build-addin.mjs [--outdir dir] [--playground-outdir dir] [--dev]
//   --playground-outdir defaults to "playground" next to --outdir.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outdir");
const outdir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, "dist/addin");
const playgroundIndex = args.indexOf("--playground-outdir");
const playgroundOutdir =
  playgroundIndex >= 0 ? resolve(args[playgroundIndex + 1]) : join(dirname(outdir), "playground");
const dev = args.includes("--dev");

/** One browser bundle; the pane and the playground page are built alike. */
const bundle = (entry, outfile) =>
  build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "edge100", "safari15", "firefox100"],
    jsx: "automatic",
    minify: !dev,
    sourcemap: dev ? "inline" : false,
    legalComments: "none",
    define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
    logLevel: "warning",
  });

for (const dir of [outdir, playgroundOutdir]) rmSync(dir, { recursive: true, force: true });
mkdirSync(join(outdir, "assets"), { recursive: true });
mkdirSync(playgroundOutdir, { recursive: true });
const started = Date.now();
await Promise.all([
  bundle("addin/ui/index.tsx", join(outdir, "taskpane.js")),
  bundle("playground/page/main.tsx", join(playgroundOutdir, "playground.js")),
]);
for (const file of ["taskpane.html", "commands.html", "commands.js"])
  cpSync(join(root, "addin", file), join(outdir, file));
cpSync(join(root, "addin/assets"), join(outdir, "assets"), { recursive: true });
for (const file of ["index.html", "playground.css"])
  cpSync(join(root, "playground/page", file), join(playgroundOutdir, file));
console.log(`build-addin: ${outdir} and ${playgroundOutdir} in ${Date.now() - started} ms`);
