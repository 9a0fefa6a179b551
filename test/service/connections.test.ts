/**
 * Slow clients cannot hold the service's sockets: headers must arrive within 20 s however
 * slowly they trickle, and one address holds at most 128 connections open; past that a new
 * one is answered 429 (too-many-connections) while other addresses are served as ever.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEADERS_TIMEOUT_MS, MAX_CONNECTIONS_PER_ADDRESS, type WebServer } from "../../service/server";
import { pgliteEngine, startTestServer } from "./helpers";

/** A socket from `localAddress` that has sent the start of a request and never its end. */
function halfRequest(port: number, localAddress = "127.0.0.1"): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, localAddress }, () => {
      socket.write("GET /healthz HTTP/1.1\r\nHost: samsyn\r\n");
      resolve(socket);
    });
    socket.on("error", reject);
  });
}

/** Everything the server sends on the socket until it closes it. */
const untilClosed = (socket: Socket): Promise<string> =>
  new Promise((resolve) => {
    let text = "";
    socket.on("data", (c: Buffer) => {
      text += c.toString();
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(text));
  });

/** GET /healthz from `localAddress`: its status and body. */
function healthz(port: number, localAddress: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", localAddress, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("slow and many connections", () => {
  const engine = pgliteEngine();
  let server: WebServer;

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When a client trickles its headers a line every 2 s, then the service closes the socket within 20 s", async () => {
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(20_000);
    const started = Date.now();
    const socket = await halfRequest(server.port);
    const closed = untilClosed(socket);
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Slow-${Date.now()}: 1\r\n`);
    }, 2_000);
    try {
      const answer = await closed;
      const heldMs = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(heldMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 1_000);
      expect(heldMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2_500);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  }, 40_000);

  it("When one address holds 128 connections open, then its next one is answered 429 and another address is served", async () => {
    const held: Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS_PER_ADDRESS; i++) held.push(await halfRequest(server.port));
      const over = await halfRequest(server.port);
      const answer = await untilClosed(over);
      expect(answer).toMatch(/^HTTP\/1\.1 429 /);
      expect(answer).toContain("Retry-After: 5");
      const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
        error: { code: string; message: string };
      };
      expect(body.error.code).toBe("too-many-connections");
      expect(body.error.message).toBe(
        "För många öppna anslutningar från din adress (högst 128). Försök igen om en stund.",
      );
      // A colleague elsewhere is not held up by this address's sockets.
      expect((await healthz(server.port, "127.0.0.2")).status).toBe(200);
    } finally {
      for (const s of held) s.destroy();
    }
    // Once they are closed, the address is served again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await healthz(server.port, "127.0.0.1")).status).toBe(200);
  });
});
