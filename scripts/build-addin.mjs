// Builds the task pane into dist/addin/ (taskpane.html, taskpane.js, commands.*, assets/), the
// playground page beside it into dist/playground/ (index.html, playground.js, playground.css) and
// the network's page into dist/web/ (index.html, web.js, icon-32.png) with esbuild. Needs no
// certificates: the service serves the pane at /addin/ and the page at / (see
// scripts/dev-https.mjs for HTTPS); `samsyn playground` serves the pane and the playground.
// Usage: node scripts/build-addin.mjs [--outdir dir] [--playground-outdir dir] [--web-outdir dir] [--dev]
//   --playground-outdir and --web-outdir default to "playground" and "web" next to --outdir.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BROWSER_SUPPORTED, BROWSER_TARGET } from "./browser-target.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outdir");
const outdir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, "dist/addin");
const playgroundIndex = args.indexOf("--playground-outdir");
const playgroundOutdir =
  playgroundIndex >= 0 ? resolve(args[playgroundIndex + 1]) : join(dirname(outdir), "playground");
const webIndex = args.indexOf("--web-outdir");
const webOutdir = webIndex >= 0 ? resolve(args[webIndex + 1]) : join(dirname(outdir), "web");
const dev = args.includes("--dev");

/** One browser bundle; the pane and the playground page are built alike. */
const bundle = (entry, outfile) =>
  build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: BROWSER_TARGET,
    supported: BROWSER_SUPPORTED,
    jsx: "automatic",
    minify: !dev,
    sourcemap: dev ? "inline" : false,
    legalComments: "none",
    define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
    logLevel: "warning",
  });

for (const dir of [outdir, playgroundOutdir, webOutdir]) rmSync(dir, { recursive: true, force: true });
mkdirSync(join(outdir, "assets"), { recursive: true });
mkdirSync(playgroundOutdir, { recursive: true });
mkdirSync(webOutdir, { recursive: true });
const started = Date.now();
await Promise.all([
  bundle("addin/ui/index.tsx", join(outdir, "taskpane.js")),
  bundle("playground/page/main.tsx", join(playgroundOutdir, "playground.js")),
  bundle("web/main.tsx", join(webOutdir, "web.js")),
]);
for (const file of ["taskpane.html", "feature-check.js", "commands.html", "commands.js"])
  cpSync(join(root, "addin", file), join(outdir, file));
cpSync(join(root, "addin/assets"), join(outdir, "assets"), { recursive: true });
for (const file of ["index.html", "playground.css"])
  cpSync(join(root, "playground/page", file), join(playgroundOutdir, file));
cpSync(join(root, "web/index.html"), join(webOutdir, "index.html"));
cpSync(join(root, "addin/assets/icon-32.png"), join(webOutdir, "icon-32.png"));
console.log(`build-addin: ${outdir}, ${playgroundOutdir} and ${webOutdir} in ${Date.now() - started} ms`);
