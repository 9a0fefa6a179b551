/**
 * The command line's own errors (cli/main.ts, cli/failure.ts): an unknown command or option, a
 * missing argument or value are failures of the one model — one line in the language of
 * --lang, Swedish by default, exit 2 — never commander's English.
 */
import { describe, expect, it } from "vitest";
import { samsyn } from "../support/cli";

describe("When the command line cannot be read", () => {
  it("then each error is one Swedish line naming what was typed, and exit 2", async () => {
    const cases: [string[], string][] = [
      [
        ["inpsect", "a.xlsx"],
        "samsyn: Okänt kommando ”inpsect”; menade du inspect? Skriv samsyn --help för hjälp.",
      ],
      [
        ["inspect", "--perod", "2014", "a.xlsx"],
        "samsyn: Okänd flagga ”--perod”; menade du --period? Skriv samsyn inspect --help för hjälp.",
      ],
      [["inspect"], "samsyn: Det saknas ett argument: file. Skriv samsyn inspect --help för hjälp."],
      [
        ["push", "a.xlsx", "--to"],
        "samsyn: Flaggan --to behöver ett värde. Skriv samsyn push --help för hjälp.",
      ],
      [
        ["inspect", "--lang", "de", "a.xlsx"],
        "samsyn: Värdet ”de” går inte att använda; välj sv, en. Skriv samsyn inspect --help för hjälp.",
      ],
      [
        ["association", "add", "Ale", "--data", "/tmp/x"],
        "samsyn: Flaggan --orgnr måste anges. Skriv samsyn association add --help för hjälp.",
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => samsyn(args)));
    expect(results.map((r) => [r.code, r.stderr.trim(), r.stdout])).toEqual(
      cases.map(([, line]) => [2, line, ""]),
    );
  });

  it("then with --lang en the same error is said in English", async () => {
    const r = await samsyn(["inspect", "--perod", "2014", "a.xlsx", "--lang", "en"]);
    expect([r.code, r.stderr.trim()]).toEqual([
      2,
      'samsyn: Unknown option "--perod"; did you mean --period? See samsyn inspect --help.',
    ]);
  });

  it("then --help is no error: the help in both languages, exit 0", async () => {
    const r = await samsyn(["inspect", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Användning / usage: samsyn inspect");
    expect(r.stdout).toContain("Flaggor / options:");
    expect(r.stdout).toContain("period (2014, 2014-H1, 2014-Q3, 2014-05, 2013-2015)");
  });
});
