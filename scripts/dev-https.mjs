// Serves Samsyn over HTTPS for sideloading into Excel (which only loads https task panes):
// starts the service on a private http port and puts an https proxy with the Office dev
// certificates in front of it, at https://localhost:3000 (what manifest.xml points at).
// Once: npx office-addin-dev-certs install   (creates and trusts ~/.office-addin-dev-certs)
// Then: npm run build && node --import tsx scripts/dev-https.mjs [--port 3000]
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { homedir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 3000;
const certDir = join(homedir(), ".office-addin-dev-certs");
const files = {
  key: join(certDir, "localhost.key"),
  cert: join(certDir, "localhost.crt"),
  ca: join(certDir, "ca.crt"),
};

if (!Object.values(files).every(existsSync)) {
  console.error(`dev-https: no certificates in ${certDir}; run: npx office-addin-dev-certs install`);
  process.exit(1);
}
if (!existsSync("dist/addin/taskpane.html"))
  console.warn("dev-https: dist/addin is missing; run: npm run build");

const { startWebServer } = await import("../service/server.ts");
const service = await startWebServer({ port: 0 });

const proxy = https.createServer(
  { key: readFileSync(files.key), cert: readFileSync(files.cert), ca: readFileSync(files.ca) },
  (req, res) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: service.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("Samsyn-tjänsten svarar inte / the Samsyn service does not answer");
    });
    req.pipe(upstream);
  },
);
proxy.listen(port, "localhost", () => {
  console.log(`dev-https: https://localhost:${port}/addin/taskpane.html (service on ${service.url})`);
});

const stop = async () => {
  proxy.close();
  await service.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
