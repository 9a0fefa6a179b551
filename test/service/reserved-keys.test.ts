/**
 * A key named `__proto__` in a body is refused as `constructor` is, naming where it is: zod
 * leaves it out of what it parses, so it used to be dropped without a word (201).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import {
  ADMIN,
  bearer,
  createAssociation,
  orgnr,
  participantsReport,
  pgliteEngine,
  putReport,
  simpleBudget,
  startTestServer,
} from "./helpers";

interface Answer {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly { path: string; message: string }[];
}

const answer = async (r: Response): Promise<Answer> => {
  const body = (await r.json()) as { error?: { code: string; fields?: { path: string; message: string }[] } };
  return { status: r.status, code: body.error?.code ?? "", fields: body.error?.fields ?? [] };
};

describe("keys named __proto__ and constructor", () => {
  const engine = pgliteEngine();
  let server: WebServer;
  let ale: { id: string; token: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    ale = await createAssociation(server.url, "Ale", 1);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When a hemkommun is named __proto__ or constructor, then both are refused with 400 naming it, and nothing is stored", async () => {
    const text = JSON.stringify(participantsReport("2015"));
    const send = async (key: string) =>
      answer(
        await putReport(
          server.url,
          ale,
          "participants",
          "2015",
          text.replace(`"byHemkommun":{`, `"byHemkommun":{"${key}":10,`),
        ),
      );
    const ctor = await send("constructor");
    const proto = await send("__proto__");
    expect(ctor).toMatchObject({
      status: 400,
      code: "invalid-body",
      fields: [{ path: "keyFigures.byHemkommun.constructor" }],
    });
    expect(proto).toMatchObject({
      status: 400,
      code: "invalid-body",
      fields: [{ path: "keyFigures.byHemkommun.__proto__" }],
    });
    const stored = await fetch(`${server.url}/api/associations/${ale.id}/reports/participants/2015`, {
      headers: bearer(ale.token),
    });
    expect(stored.status).toBe(404);
  });

  it("When __proto__ is a key anywhere else in a report or an association, then it is refused with 400 naming where", async () => {
    const budget = JSON.stringify(simpleBudget(["2016"]));
    const inAmounts = await answer(
      await putReport(
        server.url,
        ale,
        "budget",
        "2016",
        budget.replace(`"amounts":{`, `"amounts":{"__proto__":{"2017":5},`),
      ),
    );
    expect(inAmounts).toMatchObject({
      status: 400,
      code: "invalid-body",
      fields: [{ path: "lines.0.amounts.__proto__" }],
    });
    const atTop = await answer(
      await putReport(
        server.url,
        ale,
        "budget",
        "2016",
        budget.replace(/^\{/, `{"__proto__":{"kind":"participants"},`),
      ),
    );
    expect(atTop).toMatchObject({ status: 400, code: "invalid-body", fields: [{ path: "__proto__" }] });
    const association = await answer(
      await fetch(`${server.url}/api/associations`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: `{"name":"Kungälv","orgnr":"${orgnr(2)}","__proto__":{"admin":true}}`,
      }),
    );
    expect(association).toMatchObject({ status: 400, code: "invalid-body" });
    expect((await putReport(server.url, ale, "budget", "2016", budget)).status).toBe(201);
  });
});
