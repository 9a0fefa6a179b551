/**
 * The PGlite data folder is held by one process at a time, by an OS lock that dies with its
 * holder: two servers started together, a restart after kill -9, and a server that is pid 1
 * in a PID namespace of its own (as in a container).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, bearer, killed, orgnr, type Running, startService } from "./helpers";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "samsyn-lock-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** One side of a race: the running service, or the one line it exited with. */
const attempt = (dir: string, wrapper: readonly string[] = []): Promise<Running | string> =>
  startService({ dataDir: dir }, {}, wrapper).catch((e: unknown) =>
    e instanceof Error ? e.message : String(e),
  );

const UNSHARE = ["unshare", "--fork", "--pid", "--mount-proc", "--kill-child"];
const unshareWorks = spawnSync(UNSHARE[0]!, [...UNSHARE.slice(1), "true"]).status === 0;

async function addAssociation(url: string, i: number): Promise<number> {
  const r = await fetch(`${url}/api/associations`, {
    method: "POST",
    headers: bearer(ADMIN),
    body: JSON.stringify({ name: `Förbund ${i}`, orgnr: orgnr(i) }),
  });
  return r.status;
}

describe("the data-folder lock", () => {
  it("When two servers start together on one folder (with a stale lock file), then exactly one runs, four times over", async () => {
    for (let trial = 0; trial < 4; trial++) {
      const dir = freshDir();
      // Left by a process long gone, or by pid 1 of some container: neither may matter.
      writeFileSync(path.join(dir, "samsyn.lock"), trial % 2 === 0 ? "4194000\n" : "1\n");
      const both = await Promise.all([attempt(dir), attempt(dir)]);
      const running = both.filter((b): b is Running => typeof b !== "string");
      const refused = both.filter((b): b is string => typeof b === "string");
      try {
        expect([running.length, refused.length]).toEqual([1, 1]);
        expect(refused[0]).toMatch(/exited with 2: .*används av en annan process/);
        expect(await addAssociation(running[0]!.url, trial)).toBe(201);
      } finally {
        for (const r of running) await killed(r.child);
      }
    }
  }, 300_000);

  it("When the holder is killed with SIGKILL, then the next server starts at once and finds the data", async () => {
    const dir = freshDir();
    const first = await startService({ dataDir: dir });
    expect(await addAssociation(first.url, 1)).toBe(201);
    await killed(first.child);
    const second = await startService({ dataDir: dir });
    try {
      const list = await fetch(`${second.url}/api/associations`, { headers: bearer(ADMIN) });
      expect(((await list.json()) as unknown[]).length).toBe(1);
    } finally {
      await killed(second.child);
    }
  }, 120_000);

  it.skipIf(!unshareWorks)(
    "When the server is pid 1 in its own PID namespace and is killed, then it restarts as pid 1 on the same folder; meanwhile no one else gets in",
    async () => {
      const dir = freshDir();
      const first = await startService({ dataDir: dir }, {}, UNSHARE);
      let second: Running | undefined;
      try {
        expect(await addAssociation(first.url, 1)).toBe(201);
        // Another server beside it, outside its namespace: the lock, not the pid, says no.
        const beside = await attempt(dir);
        expect(typeof beside === "string" ? beside : "started").toMatch(/används av en annan process/);
        await killed(first.child);
        second = await startService({ dataDir: dir }, {}, UNSHARE);
        expect(await addAssociation(second.url, 2)).toBe(201);
      } finally {
        await killed(first.child);
        if (second) await killed(second.child);
      }
    },
    180_000,
  );
});
