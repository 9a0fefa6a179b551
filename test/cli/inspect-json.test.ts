/**
 * What `samsyn inspect --json` gave for the public fixtures before budgets learned utfall,
 * equity and insats lists (saved in test/cli/inspect-json/): it still gives exactly that, byte
 * for byte. New fields may only appear where a workbook holds what they describe.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, samsyn } from "../support/cli";

const SAVED = [
  "ale-kungalv-stenungsund-tjorn-vp2008",
  "infosamverkan-projektbudget",
  "infosamverkan-uppfoljning",
  "samverkansteamet-deltagare-2014",
] as const;

describe("inspect --json on the public fixtures", () => {
  for (const name of SAVED)
    it(`When ${name}.xlsx is inspected, then the JSON is byte-identical to what it was`, async () => {
      const saved = await readFile(resolve(ROOT, "test/cli/inspect-json", `${name}.json`), "utf8");
      const run = await samsyn(["inspect", `../shared/fixtures/${name}.xlsx`, "--json"]);
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(saved);
    });
});
