// Builds the task pane into dist/addin/ (taskpane.html, taskpane.js, chunks/, commands.*, assets/),
// the playground page beside it into dist/playground/ (index.html, playground.js, playground.css)
// and the network's page into dist/web/ (index.html, web.js, chunks/, icon-32.png) with esbuild.
// The pane and the page are ES modules split into chunks: what they need before the first click
// is in taskpane.js / web.js and the chunks these import; the readers, the sync, the results,
// the charts, the history and the administration are chunks loaded when first used. Each file
// gets a .gz and a .br beside it, which the servers send to a browser that takes them. Needs no
// certificates: the service serves the pane at /addin/ and the page at / (see
// scripts/dev-https.mjs for HTTPS); `samsyn playground` serves the pane and the playground.
// Usage: node scripts/build-addin.mjs [--outdir dir] [--playground-outdir dir] [--web-outdir dir] [--dev]
//   --playground-outdir and --web-outdir default to "playground" and "web" next to --outdir.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
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

const common = {
  bundle: true,
  platform: "browser",
  target: BROWSER_TARGET,
  supported: BROWSER_SUPPORTED,
  jsx: "automatic",
  minify: !dev,
  sourcemap: dev ? "inline" : false,
  legalComments: "none",
  define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
  logLevel: "warning",
  metafile: true,
};

/** One page as an ES module: `name`.js in `dir`, the parts loaded later in `dir`/chunks/. */
const split = (entry, dir, name) =>
  build({
    ...common,
    entryPoints: { [name]: join(root, entry) },
    outdir: dir,
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });

/** The playground page: one classic script (it is not what a user of the pane waits for). */
const single = (entry, outfile) =>
  build({ ...common, entryPoints: [join(root, entry)], outfile, format: "iife" });

/**
 * The chunks an entry imports before it runs, named in its page's <head> as modulepreload links:
 * the browser fetches them beside the entry instead of after it (one round trip less).
 */
function withPreloads(html, metafile, entry, prefix) {
  const outputs = metafile.outputs;
  const key = Object.keys(outputs).find((k) => k.endsWith(`/${entry}`));
  const seen = new Set();
  const stack = [key];
  while (stack.length > 0) {
    const k = stack.pop();
    if (seen.has(k)) continue;
    seen.add(k);
    for (const i of outputs[k].imports) if (i.kind === "import-statement") stack.push(i.path);
  }
  seen.delete(key);
  const links = [...seen]
    .map(
      (k) =>
        `    <link rel="modulepreload" href="${prefix}${relative(dirname(key), k).replaceAll("\\", "/")}" />`,
    )
    .join("\n");
  const text = readFileSync(html, "utf8");
  writeFileSync(html, text.replace(/\n\s*<\/head>/, `\n${links}\n  </head>`));
}

/** A .gz and a .br beside every script, page and style: compressed once here, not per request. */
function compressAll(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|html|css)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    );
  }
}

for (const dir of [outdir, playgroundOutdir, webOutdir]) rmSync(dir, { recursive: true, force: true });
mkdirSync(join(outdir, "assets"), { recursive: true });
mkdirSync(playgroundOutdir, { recursive: true });
mkdirSync(webOutdir, { recursive: true });
const started = Date.now();
const [pane, , page] = await Promise.all([
  split("addin/ui/index.tsx", outdir, "taskpane"),
  single("playground/page/main.tsx", join(playgroundOutdir, "playground.js")),
  split("web/main.tsx", webOutdir, "web"),
]);
// Where bench/firstuse.ts finds what is in each file: beside the served folders, not in them.
writeFileSync(join(dirname(outdir), "addin.meta.json"), JSON.stringify(pane.metafile));
writeFileSync(join(dirname(webOutdir), "web.meta.json"), JSON.stringify(page.metafile));
for (const file of ["taskpane.html", "feature-check.js", "commands.html", "commands.js"])
  cpSync(join(root, "addin", file), join(outdir, file));
// The feature check loads before anything else: shipped without its comments (still ES5).
if (!dev) {
  const check = join(outdir, "feature-check.js");
  const small = await transform(readFileSync(check, "utf8"), {
    minify: true,
    target: "es5",
    legalComments: "none",
  });
  writeFileSync(check, small.code);
}
cpSync(join(root, "addin/assets"), join(outdir, "assets"), { recursive: true });
for (const file of ["index.html", "playground.css"])
  cpSync(join(root, "playground/page", file), join(playgroundOutdir, file));
cpSync(join(root, "web/index.html"), join(webOutdir, "index.html"));
withPreloads(join(outdir, "taskpane.html"), pane.metafile, "taskpane.js", "");
withPreloads(join(webOutdir, "index.html"), page.metafile, "web.js", "web/");
cpSync(join(root, "addin/assets/icon-32.png"), join(webOutdir, "icon-32.png"));
if (!dev) for (const dir of [outdir, webOutdir]) compressAll(dir);
console.log(`build-addin: ${outdir}, ${playgroundOutdir} and ${webOutdir} in ${Date.now() - started} ms`);
