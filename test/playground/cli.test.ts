/**
 * `samsyn playground` as a user runs it: it prints the address and serves the workbook there;
 * a file it cannot read, a bad port or a bad service address fail at once with one line and
 * exit code 2.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { fixture, ROOT, samsyn } from "../support/cli";

let child: ChildProcess | null = null;

afterEach(() => {
  child?.kill("SIGTERM");
  child = null;
});

/** Starts the command and resolves with the address it prints. */
function startCommand(args: readonly string[]): Promise<string> {
  child = spawn(process.execPath, [resolve(ROOT, "bin/samsyn.js"), ...args], { cwd: ROOT });
  const running = child;
  return new Promise((done, fail) => {
    let out = "";
    running.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(?:lekplats|playground): (http:\/\/\S+)/.exec(out)?.[1];
      if (url) done(url);
    });
    running.on("exit", (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
}

describe("samsyn playground", () => {
  it("When started with a workbook, then it prints its address and serves that workbook there", async () => {
    const url = await startCommand([
      "playground",
      fixture("infosamverkan-projektbudget.xlsx"),
      "--port",
      "0",
      "--service",
      "http://127.0.0.1:9",
    ]);
    const book = (await (await fetch(new URL("/playground/book.json", url))).json()) as BookJson;
    expect(book.sheets.length).toBeGreaterThan(0);
    const page = await fetch(url);
    expect([page.status, page.headers.get("content-security-policy")]).toEqual([
      200,
      expect.stringContaining("script-src 'self'"),
    ]);
    expect((await fetch(new URL("/addin/taskpane.html", url))).status).toBe(200);
  }, 180_000);

  it("When the file cannot be read, then one line says why and the exit code is 2", async () => {
    const result = await samsyn(["playground", "finns-inte.xlsx", "--port", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^samsyn: Filen finns-inte\.xlsx finns inte/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    const english = await samsyn(["playground", "finns-inte.xlsx", "--port", "0", "--lang", "en"]);
    expect([english.code, english.stderr]).toEqual([
      2,
      expect.stringMatching(/^samsyn: Cannot open finns-inte\.xlsx/),
    ]);
  });

  it("When the port or the service address is wrong, then it says so", async () => {
    const port = await samsyn(["playground", "--port", "tre"]);
    expect([port.code, port.stderr]).toEqual([
      2,
      "samsyn: Ogiltig port ”tre”; skriv ett tal från 0 till 65535.\n",
    ]);
    const service = await samsyn(["playground", "--port", "0", "--service", "ftp://x"]);
    expect([service.code, service.stderr]).toEqual([2, expect.stringContaining("Tjänstens adress")]);
  });
});
