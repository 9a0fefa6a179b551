/**
 * The built pane's files as the service sends them: compressed where the browser takes it (the
 * .br or .gz the build wrote beside each file), and the chunks, whose names change with their
 * content, kept a year, while taskpane.html and taskpane.js are checked each time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../../service/server";

const dir = mkdtempSync(path.join(tmpdir(), "samsyn-static-"));
const SCRIPT = "console.log('Läs in');\n".repeat(50);
const CHUNK = "export const a = 1;\n".repeat(50);
let server: WebServer;

beforeAll(async () => {
  mkdirSync(path.join(dir, "chunks"));
  const files: [string, string][] = [
    ["taskpane.html", '<!doctype html><script type="module" src="taskpane.js"></script>'],
    ["taskpane.js", SCRIPT],
    ["chunks/chunk-ABCD1234.js", CHUNK],
  ];
  for (const [name, text] of files) {
    writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text));
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(text));
  }
  writeFileSync(path.join(dir, "plain.js"), "void 0;");
  server = await startWebServer({
    port: 0,
    dataDir: "memory://",
    addinDir: dir,
    logger: pino({ level: "silent" }),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A raw GET, so the bytes are seen as sent (fetch would undo the compression). */
const raw = (url: string, encoding?: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    get(url, { headers: encoding === undefined ? {} : { "accept-encoding": encoding } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
    }).on("error", reject);
  });

describe("the pane's built files", () => {
  it("When the browser takes br or gzip, then a script comes as its compressed twin, typed as a script; without, the file itself", async () => {
    const br = await raw(`${server.url}/addin/taskpane.js`, "gzip, deflate, br");
    const gz = await raw(`${server.url}/addin/taskpane.js`, "gzip");
    const none = await raw(`${server.url}/addin/taskpane.js`);
    const refused = await raw(`${server.url}/addin/taskpane.js`, "br;q=0, identity");
    expect([br.status, br.headers["content-encoding"], br.headers["content-type"], br.headers.vary]).toEqual([
      200,
      "br",
      "text/javascript; charset=utf-8",
      "Accept-Encoding",
    ]);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect([gz.headers["content-encoding"], gunzipSync(gz.body).toString()]).toEqual(["gzip", SCRIPT]);
    expect([none.headers["content-encoding"], none.body.toString()]).toEqual([undefined, SCRIPT]);
    expect([refused.headers["content-encoding"], refused.body.toString()]).toEqual([undefined, SCRIPT]);
    // The pane's page itself, asked for as the folder, and a file the build did not compress.
    const page = await raw(`${server.url}/addin/`, "br");
    expect([page.headers["content-type"], brotliDecompressSync(page.body).toString()]).toEqual([
      "text/html; charset=utf-8",
      '<!doctype html><script type="module" src="taskpane.js"></script>',
    ]);
    const plain = await raw(`${server.url}/addin/plain.js`, "br");
    expect([plain.headers["content-encoding"], plain.body.toString()]).toEqual([undefined, "void 0;"]);
    expect((await raw(`${server.url}/addin/taskpane.js.br`, "br")).status).toBe(200);
  });

  it("When a chunk is asked for, then the browser may keep it a year; taskpane.html and taskpane.js are checked each time", async () => {
    const chunk = await raw(`${server.url}/addin/chunks/chunk-ABCD1234.js`, "br");
    expect([
      chunk.status,
      chunk.headers["cache-control"],
      brotliDecompressSync(chunk.body).toString(),
    ]).toEqual([200, "public, max-age=31536000, immutable", CHUNK]);
    for (const file of ["taskpane.html", "taskpane.js"]) {
      const r = await raw(`${server.url}/addin/${file}`, "gzip");
      expect([file, r.headers["cache-control"], typeof r.headers["last-modified"]]).toEqual([
        file,
        "no-cache",
        "string",
      ]);
    }
    expect((await raw(`${server.url}/addin/chunks/chunk-NOPE0000.js`, "br")).status).toBe(404);
  });
});
