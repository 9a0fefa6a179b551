/**
 * The built pane's and page's files as a browser should get them: compressed (the .br or .gz
 * that scripts/build-addin.mjs wrote beside each script, page and style, picked by the
 * request's Accept-Encoding), and the chunks — whose names change with their content — kept by
 * the browser for a year, so Excel opening the pane again asks only for taskpane.html and
 * taskpane.js (answered 304 when unchanged).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

const TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The encodings this request takes, best first, that the build wrote. */
function encodingsOf(accept: string | undefined): { readonly suffix: string; readonly name: string }[] {
  const takes = (name: string) =>
    new RegExp(`(^|[,\\s])${name}(?!;q=0(\\.0*)?([,\\s]|$))`).test(accept ?? "");
  return [
    ...(takes("br") ? [{ suffix: ".br", name: "br" }] : []),
    ...(takes("gzip") ? [{ suffix: ".gz", name: "gzip" }] : []),
  ];
}

/** express.static over `dir`, sending a file's compressed twin where there is one and the browser takes it. */
export function staticFiles(dir: string, index: string[] | false): RequestHandler {
  const plain = express.static(dir, { fallthrough: true, index, setHeaders: cacheHeaders });
  const compressed = express.static(dir, {
    fallthrough: true,
    index: false,
    setHeaders: (res, file) => {
      const original = file.replace(/\.(br|gz)$/, "");
      res.setHeader("Content-Type", TYPES[path.extname(original)] ?? "application/octet-stream");
      res.setHeader("Content-Encoding", file.endsWith(".br") ? "br" : "gzip");
      cacheHeaders(res, original);
    },
  });
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return plain(req, res, next);
    const requested = req.path.endsWith("/") && index ? `${req.path}${index[0]}` : req.path;
    if (!TYPES[path.extname(requested)]) return plain(req, res, next);
    res.vary("Accept-Encoding");
    const encoding = encodingsOf(req.get("accept-encoding")).find(({ suffix }) =>
      existsSync(path.join(dir, `${decodeURIComponent(requested)}${suffix}`)),
    );
    if (!encoding) return plain(req, res, next);
    const url = req.url;
    const query = url.indexOf("?");
    req.url = `${requested}${encoding.suffix}${query >= 0 ? url.slice(query) : ""}`;
    compressed(req, res, (error?: unknown) => {
      req.url = url;
      if (error) return next(error);
      plain(req, res, next);
    });
  };
}

/** A chunk's name carries its content's hash: kept a year. Everything else is checked each time. */
function cacheHeaders(res: { setHeader(name: string, value: string): unknown }, file: string): void {
  res.setHeader(
    "Cache-Control",
    /[\\/]chunks[\\/][^\\/]+-[A-Z0-9]{8}\.js$/.test(file)
      ? "public, max-age=31536000, immutable"
      : "no-cache",
  );
}
