/**
 * An office behind one NAT is one address: after 30 failed logins from it, a stranger's
 * guesses wait out the window, but a request with a valid token is never answered 429
 * because of others' failures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import {
  ADMIN,
  bearer,
  createAssociation,
  engines,
  putReport,
  simpleBudget,
  startTestServer,
} from "./helpers";

for (const engine of engines())
  describe(`the failed-login limit, one office behind one address (${engine.name})`, () => {
    let server: WebServer;
    let ale: { id: string; token: string; tokenId: string };
    let revoked: { id: string; token: string; tokenId: string };

    beforeAll(async () => {
      server = await startTestServer(engine, { authFailureLimit: 30 });
      ale = await createAssociation(server.url, "Ale", 1);
      revoked = await createAssociation(server.url, "Kungälv", 2);
      const gone = await fetch(`${server.url}/api/associations/${revoked.id}/tokens/${revoked.tokenId}`, {
        method: "DELETE",
        headers: bearer(ADMIN),
      });
      expect(gone.status).toBe(204);
    });
    afterAll(async () => {
      await server?.close();
      await engine.cleanup();
    });

    it("When 30 logins from the address have failed, then a wrong or revoked key gets 429 and a valid one is answered as ever", async () => {
      const me = (token: string) => fetch(`${server.url}/api/me`, { headers: bearer(token) });
      const failed: number[] = [];
      for (let i = 0; i < 31; i++) failed.push((await me(`samsyn_guess_${i}`)).status);
      expect(failed.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(failed[30]).toBe(429);

      const guess = await me("samsyn_guess_again");
      expect([guess.status, Number(guess.headers.get("retry-after")) > 0]).toEqual([429, true]);
      expect(((await guess.json()) as { error: { code: string } }).error.code).toBe("too-many-failed-logins");
      expect((await me(revoked.token)).status).toBe(429);
      expect((await me("no-prefix-at-all")).status).toBe(429);

      // The office's colleagues, with their own keys, are not locked out.
      expect((await me(ale.token)).status).toBe(200);
      expect((await putReport(server.url, ale, "budget", "2015", simpleBudget(["2015"]))).status).toBe(201);
      expect((await fetch(`${server.url}/api/associations`, { headers: bearer(ADMIN) })).status).toBe(200);
      // …and their answers do not lift the limit for the guesses.
      expect((await me("samsyn_guess_later")).status).toBe(429);
    });
  });
