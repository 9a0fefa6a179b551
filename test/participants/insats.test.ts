/** The insats name that leaves the association: a short name, never an identity — the service's rule and the client's. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyingIn, insatsProblem, MAX_INSATS_LENGTH, shareableInsats } from "../../shared/insats";
import { shareableReport } from "../../shared/participants/share";

/** Insats names as associations write them: years, age spans, numbers and all. */
const NAMES = [
  "Samverkansteamet",
  "Unga vuxna 2041",
  "Projekt 18-29",
  "Projekt 18–29 år",
  "Unga 16-24",
  "Kvinnohälsa",
  "Insats 2041-2043",
  "ESF-projekt Steg 2 (2041–2043)",
  "Arbetsträning 50+",
  "Aktivitetshuset, Nora",
  "Fokus arbete 2.0",
  "Jobbcoach 1:1",
  "IPS – Individual Placement and Support",
  "Grupp 3, ht 2041",
  "Dnr 2041/123",
  "Dnr 2041-000123",
  "Dnr SF 2041:17",
  "Team 20-64",
  "Lotsen 2041 v. 12-26",
  "Projekt 201801",
  "Barn 0-6 år",
  "Samordningsförbundet 222000-1289",
  "Trappan 1, 2 och 3",
  "KAIROS 2040–2042, 40 platser",
  "Steg för steg (2041-01-01 – 2041-12-31)",
  "Rehabkoordinator @ vårdcentralen",
];

const IDENTIFYING: [string, string][] = [
  ["19121212-1212 Anna Andersson", "personnummer"],
  ["Anna 121212-1212", "personnummer"],
  ["Anna 1212121212", "personnummer"],
  ["Anna 191212121212", "personnummer"],
  ["Anna 121212+1212", "personnummer"],
  ["Anna 121212 1212", "personnummer"],
  ["Anna 19121212–1212", "personnummer"],
  ["Anna １９１２１２１２－１２１２", "personnummer"],
  ["Anna 1912\u200b1212-1212", "personnummer"],
  ["Sam 701272-1235", "samordningsnummer"],
  ["Sam 19701291-1235", "samordningsnummer"],
  ["Kontakt anna.andersson@nora.se", "e-mail"],
  ["Ring 070-123 45 67", "phone"],
  ["Ring 08-12 34 56", "phone"],
  ["Ring +46 70 123 45 67", "phone"],
  ["Tel. (0587) 812 34", "phone"],
  ["2041 0701-23 45 67 Anna", "phone"],
];

/** YYMMDD or YYYYMMDD and a four-digit number, day + 60 for a samordningsnummer, in the forms people type. */
const idNumber = fc
  .record({
    century: fc.constantFrom("", "18", "19", "20"),
    yy: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    coordination: fc.boolean(),
    sep: fc.constantFrom("", "-", "+", " ", "\u2013"),
    birth: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ century, yy, month, day, coordination, sep, birth }) => {
    const two = (n: number) => String(n).padStart(2, "0");
    return `${century}${two(yy)}${two(month)}${two(coordination ? day + 60 : day)}${sep}${String(birth).padStart(4, "0")}`;
  });

/** Text around it that does not run on into the number: ends and starts without a digit. */
const around = fc.string({ maxLength: 30 }).map((s) => s.replace(/\d+$|^\d+/g, ""));

describe("the insats rule", () => {
  it("Property: a personnummer or samordningsnummer anywhere in a name is refused, in every form", () => {
    fc.assert(
      fc.property(around, idNumber, around, (before, id, after) => {
        const name = `${before.replace(/\d$/, "")}${id}${after.replace(/^\d/, "")}`;
        expect(identifyingIn(name), name).toMatch(/^(personnummer|samordningsnummer)$/);
        expect(shareableInsats(name)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("When a name holds a personnummer, samordningsnummer, e-mail address or phone number, then it is refused as that", () => {
    expect(IDENTIFYING.map(([name]) => [name, identifyingIn(name)])).toEqual(IDENTIFYING);
  });

  it("When a name is an ordinary insats name, with years, spans and numbers, then it passes as it is", () => {
    expect(NAMES.filter((name) => insatsProblem(name) !== null)).toEqual([]);
    expect(NAMES.map(shareableInsats)).toEqual(NAMES);
  });

  it("When a name is longer than 80 characters, then the service refuses it and a client cuts it", () => {
    const long = `${"Samverkan för unga vuxna i norra länsdelen ".repeat(3)}`;
    expect(insatsProblem(long)).toEqual({ tooLong: [...long].length });
    expect(insatsProblem("å".repeat(MAX_INSATS_LENGTH))).toBeNull();
    const cut = shareableInsats(long)!;
    expect([...cut].length).toBeLessThanOrEqual(MAX_INSATS_LENGTH);
    expect(long.startsWith(cut)).toBe(true);
    // A number cut in two at the limit does not leave either.
    expect(shareableInsats(`${"x".repeat(75)} 19121212-1212`)).toBeNull();
  });

  it("Property: what a client shares as insats is null or a name the service takes", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      fc.tuple(around, idNumber, around).map(([a, id, b]) => `${a} ${id} ${b}`),
      fc.constantFrom(...NAMES, ...IDENTIFYING.map(([n]) => n)),
    );
    fc.assert(
      fc.property(text, (name) => {
        const shared = shareableReport([], { insats: name, period: "2041" }).insats;
        if (shared !== null) expect(insatsProblem(shared), shared).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("When a reading's insats holds a personnummer, then the shared report's insats is null; an ordinary name is kept", () => {
    expect(shareableReport([], { insats: "19121212-1212 Anna Andersson", period: "2041" }).insats).toBeNull();
    expect(shareableReport([], { insats: " Unga vuxna 2041 ", period: "2041" }).insats).toBe(
      "Unga vuxna 2041",
    );
  });
});
