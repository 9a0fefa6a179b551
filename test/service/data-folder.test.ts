/**
 * The PGlite data folder holds the tokens' table and PGlite's own pg_hba.conf: only the user
 * the service runs as may read or write it, whatever the umask, and a folder other users can
 * write is refused at start with one line saying how to fix it.
 */
import { spawn } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startWebServer } from "../../service/server";
import { ADMIN, createAssociation, orgnr, putReport, simpleBudget } from "./helpers";

/** The CLI to its end, or killed after 20 s: a service that starts where it should refuse must not outlive the test. */
function refused(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["bin/samsyn.js", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

const root = mkdtempSync(path.join(tmpdir(), "samsyn-folder-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file and folder under `dir` (itself included) whose mode lets anyone but the owner in. */
function openToOthers(dir: string): { all: number; open: string[] } {
  const entries = [dir, ...readdirSync(dir, { recursive: true }).map((e) => path.join(dir, String(e)))];
  const open = entries
    .map((file) => ({ file, mode: lstatSync(file).mode }))
    .filter(({ mode }) => (mode & 0o077) !== 0)
    .map(({ file, mode }) => `${path.relative(dir, file) || "."} ${(mode & 0o777).toString(8)}`);
  return { all: entries.length, open };
}

/** Starts the service on `dataDir`, writes a report, and stops it; the folder's modes while it ran. */
async function writeOnce(dataDir: string, i: number): Promise<void> {
  const server = await startWebServer({
    port: 0,
    adminToken: ADMIN,
    logger: pino({ level: "silent" }),
    dataDir,
  });
  try {
    const a = await createAssociation(server.url, `Förbund ${i}`, i);
    expect((await putReport(server.url, a, "budget", "2015", simpleBudget(["2015"]))).status).toBe(201);
    // While it runs, the folder keeps everyone else out, and the files that matter are the owner's.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of ["pg_hba.conf", "postgresql.auto.conf", "samsyn.lock"])
      expect([file, statSync(path.join(dataDir, file)).mode & 0o777]).toEqual([file, 0o600]);
  } finally {
    await server.close();
  }
}

describe("the data folder", () => {
  it("When the service starts on a new folder under umask 022, then the folder is 0700 and its files 0600", async () => {
    process.umask(0o022);
    const dataDir = path.join(root, "new");
    await writeOnce(dataDir, 1);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, "pg_hba.conf")).mode & 0o777).toBe(0o600);
    const { all, open } = openToOthers(dataDir);
    expect(all).toBeGreaterThan(500);
    expect(open).toEqual([]);
  });

  it("When a folder was left 0755 with its files 0666, then the next start closes every one of them", async () => {
    const dataDir = path.join(root, "new");
    chmodSync(dataDir, 0o755);
    for (const e of readdirSync(dataDir, { recursive: true })) {
      const file = path.join(dataDir, String(e));
      chmodSync(file, lstatSync(file).isDirectory() ? 0o755 : 0o666);
    }
    expect(openToOthers(dataDir).open.length).toBeGreaterThan(500);
    process.umask(0o022);
    await writeOnce(dataDir, 2);
    expect(openToOthers(dataDir).open).toEqual([]);
  });

  it("When the folder is 0777, then samsyn serve refuses to start with one line and exit code 2", async () => {
    const dataDir = path.join(root, "open");
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const sv = await refused(["serve", "--port", "0", "--data", dataDir]);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toBe(
      `samsyn: Datamappen ${dataDir} kan skrivas av andra användare (777); kör chmod 700 ${dataDir} och starta igen.\n`,
    );
    const en = await refused(["serve", "--port", "0", "--data", dataDir, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(
      /^samsyn: The data folder .* can be written by other users \(777\); run chmod 700 .*\n$/,
    );
    // Nothing was opened or written in it.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("When the folder only its group can write (0770), then association add refuses it too", async () => {
    const dataDir = path.join(root, "group");
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o770);
    const r = await refused(["association", "add", "Förbund", "--orgnr", orgnr(3), "--data", dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(770); kör chmod 700");
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
