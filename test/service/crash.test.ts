/**
 * The service killed with SIGKILL in the middle of writes and started again: every revision it
 * acknowledged is there, whole, on PGlite (a data folder) and on PostgreSQL.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import {
  bearer,
  createAssociation,
  engines,
  killed,
  participantsReport,
  putReport,
  startService,
} from "./helpers";

describe.each(engines())("crash safety on $name", (engine) => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) await killed(c);
    await engine.cleanup();
  });

  it("When the service is killed with SIGKILL mid-write and started again, then every acknowledged revision is there, whole", async () => {
    const store = await engine.storeOptions();
    const first = await startService(store);
    children.push(first.child);
    const ale = await createAssociation(first.url, "Ale", 1);

    // Four writers in a loop; the kill lands while requests are in flight.
    const acknowledged = new Map<number, number>();
    // Markers from 5: the service refuses counts of 1–4 that are not suppressed.
    let sent = 4;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const marker = ++sent;
        try {
          const r = await putReport(
            first.url,
            ale,
            "participants",
            "2014",
            participantsReport("2014", { new: marker }),
          );
          if (r.status === 201) acknowledged.set(((await r.json()) as { revision: number }).revision, marker);
        } catch {
          return; // the connection died with the service
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.size < 25) await new Promise((r) => setTimeout(r, 20));
    await killed(first.child);
    stop = true;
    await Promise.all(writers);

    const second = await startService(store);
    children.push(second.child);
    const history = await fetch(
      `${second.url}/api/associations/${ale.id}/reports/participants/2014/revisions`,
      {
        headers: bearer(ale.token),
      },
    );
    const revisions = ((await history.json()) as { revisions: { revision: number }[] }).revisions.map(
      (r) => r.revision,
    );
    // Contiguous from 1: nothing half-written left a gap.
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i + 1));
    const missing = [...acknowledged.keys()].filter((rev) => !revisions.includes(rev));
    expect(missing).toEqual([]);
    const wrong: [number, number, unknown][] = [];
    for (const [revision, marker] of acknowledged) {
      const r = await fetch(
        `${second.url}/api/associations/${ale.id}/reports/participants/2014/revisions/${revision}`,
        {
          headers: bearer(ale.token),
        },
      );
      const body = (await r.json()) as { keyFigures?: { new: number } };
      if (r.status !== 200 || body.keyFigures?.new !== marker) wrong.push([revision, marker, body]);
    }
    expect(wrong).toEqual([]);
    // And it takes writes again.
    const next = await putReport(second.url, ale, "participants", "2014", participantsReport("2014"));
    expect([next.status, ((await next.json()) as { revision: number }).revision]).toEqual([
      201,
      revisions.length + 1,
    ]);
    await killed(second.child);
  }, 240_000);
});
