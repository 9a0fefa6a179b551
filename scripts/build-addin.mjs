// Builds the task pane into dist/addin/ (taskpane.html, taskpane.js, commands.*, assets/) with
// esbuild. Needs no certificates: the service serves it at /addin/ (see scripts/dev-https.mjs for HTTPS).
// Usage: node scripts/build-addin.mjs [--outdir dir] [--dev]
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--outdir");
const outdir = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, "dist/addin");
const dev = args.includes("--dev");

rmSync(outdir, { recursive: true, force: true });
mkdirSync(join(outdir, "assets"), { recursive: true });
const started = Date.now();
await build({
  entryPoints: [join(root, "addin/ui/index.tsx")],
  outfile: join(outdir, "taskpane.js"),
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
for (const file of ["taskpane.html", "commands.html", "commands.js"])
  cpSync(join(root, "addin", file), join(outdir, file));
cpSync(join(root, "addin/assets"), join(outdir, "assets"), { recursive: true });
console.log(`build-addin: ${outdir} in ${Date.now() - started} ms`);
