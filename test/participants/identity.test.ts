/** Identity numbers: every written form of a personnummer, samordningsnummer and organisationsnummer. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnValid, parsePersonnummer, validateOrganisationsnummer } from "../../shared/identity";
import { idForms, personBorn, rngFrom, TODAY } from "./generate";

describe("parsePersonnummer", () => {
  it("reads 12 and 10 digits, with and without dash, to the same person", () => {
    for (const text of ["19811218-9876", "198112189876", "811218-9876", "8112189876", " 811218 - 9876 "]) {
      const result = parsePersonnummer(text, TODAY);
      expect(result, text).toEqual({
        ok: true,
        value: { birthDate: "1981-12-18", samordningsnummer: false, kon: "man", normalised: "19811218-9876" },
      });
    }
  });

  it("gives a 10-digit number the century that puts the birth on or before today", () => {
    const may2012 = parsePersonnummer("121212-1212", TODAY);
    expect(may2012.ok && may2012.value.birthDate).toBe("2012-12-12");
    // A day after today in this century: the person was born a century earlier.
    const person = personBorn(rngFrom(3), new Date(Date.UTC(1926, 11, 26)), "man");
    const tenDigits = idForms(person.pnr)[2]!;
    expect(tenDigits.startsWith("261226-")).toBe(true);
    const later = parsePersonnummer(tenDigits, TODAY);
    expect(later.ok && later.value.birthDate).toBe("1926-12-26");
  });

  it('reads "+" as a person of 100 or more', () => {
    const result = parsePersonnummer("121212+1212", TODAY);
    expect(result.ok && result.value).toMatchObject({ birthDate: "1912-12-12", normalised: "19121212-1212" });
  });

  it("reads a samordningsnummer: day + 60, birth date without it, normalised with it", () => {
    const result = parsePersonnummer("701063-2391", TODAY);
    expect(result).toEqual({
      ok: true,
      value: { birthDate: "1970-10-03", samordningsnummer: true, kon: "man", normalised: "19701063-2391" },
    });
  });

  it("tells kön from the birth number: odd = man, even = kvinna", () => {
    const kvinna = parsePersonnummer("19871227-9028", TODAY);
    expect(kvinna.ok && kvinna.value.kon).toBe("kvinna");
  });

  it("names why a number is refused: format, date, checksum", () => {
    const reasons = [
      ["19871227-90", "format"],
      ["1987-12-27-9028", "format"],
      ["abc", "format"],
      ["", "format"],
      ["871327-9028", "date"],
      ["870230-9028", "date"],
      ["870092-9028", "date"],
      ["19871227-9029", "checksum"],
      ["8712279020", "checksum"],
    ] as const;
    for (const [text, reason] of reasons)
      expect(parsePersonnummer(text, TODAY), text).toEqual({ ok: false, reason });
  });

  it("refuses a 12-digit number born after today", () => {
    const person = personBorn(rngFrom(2), new Date(Date.UTC(2026, 11, 1)), "kvinna");
    expect(parsePersonnummer(person.pnr, TODAY)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(person.pnr, new Date(Date.UTC(2027, 0, 1))).ok).toBe(true);
  });

  it("accepts 29 February only in a leap year", () => {
    const rng = rngFrom(1);
    const leap = personBorn(rng, new Date(Date.UTC(2000, 1, 29)), "kvinna");
    expect(parsePersonnummer(leap.pnr, TODAY).ok).toBe(true);
    expect(parsePersonnummer("19010229-0000", TODAY)).toEqual({ ok: false, reason: "date" });
  });

  it("property: every form of a generated valid number parses to its birth date and kön", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.date({
          min: new Date(Date.UTC(1927, 0, 1)),
          max: new Date(Date.UTC(2026, 10, 24)),
          noInvalidDate: true,
        }),
        fc.boolean(),
        fc.boolean(),
        (seed, birthTime, man, samordning) => {
          const birth = new Date(
            Date.UTC(birthTime.getUTCFullYear(), birthTime.getUTCMonth(), birthTime.getUTCDate()),
          );
          const person = personBorn(rngFrom(seed), birth, man ? "man" : "kvinna", samordning);
          for (const form of idForms(person.pnr)) {
            const result = parsePersonnummer(form, TODAY);
            expect(result.ok, form).toBe(true);
            if (!result.ok) return;
            expect(result.value.birthDate).toBe(birth.toISOString().slice(0, 10));
            expect(result.value.kon).toBe(person.kon);
            expect(result.value.samordningsnummer).toBe(samordning);
            expect(result.value.normalised).toBe(person.pnr);
          }
        },
      ),
    );
  });

  it("property: changing any one digit of a valid number is caught", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, pos, delta) => {
          const person = personBorn(
            rngFrom(seed),
            new Date(Date.UTC(1980 + (seed % 30), seed % 12, 1 + (seed % 28))),
            "man",
          );
          const ten = person.pnr.replace("-", "").slice(2);
          const digit = (Number(ten[pos]) + delta) % 10;
          const changed = `${ten.slice(0, pos)}${digit}${ten.slice(pos + 1)}`;
          expect(luhnValid(changed)).toBe(false);
          expect(parsePersonnummer(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });
});

describe("readIdentity on any text (property)", () => {
  it("never throws, and accepts only [CC]YYMMDD[-+]NNNN", () => {
    const shape = /^(\d{2})?\d{6}[-+]?\d{4}$/;
    const chars = fc.constantFrom(..."0123456789-+ /.a".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars, minLength: 9, maxLength: 14 })), (text) => {
        const result = parsePersonnummer(text, TODAY);
        if (result.ok) expect(text.replace(/\s+/g, "")).toMatch(shape);
        else expect(["format", "date", "checksum"]).toContain(result.reason);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("validateOrganisationsnummer", () => {
  it("accepts ten digits with or without dash, and the 16 prefix", () => {
    for (const text of ["556036-0793", "5560360793", "16556036-0793", "165560360793", "222000-1644"])
      expect(validateOrganisationsnummer(text), text).toMatchObject({ ok: true });
    expect(validateOrganisationsnummer("5560360793")).toEqual({ ok: true, normalised: "556036-0793" });
  });

  it("refuses a month part under 20, a wrong check digit, anything else", () => {
    expect(validateOrganisationsnummer("811218-9876")).toEqual({ ok: false, reason: "month" });
    expect(validateOrganisationsnummer("556036-0794")).toEqual({ ok: false, reason: "checksum" });
    expect(validateOrganisationsnummer("55603-0793")).toEqual({ ok: false, reason: "format" });
    expect(validateOrganisationsnummer("Samordningsförbundet")).toEqual({ ok: false, reason: "format" });
  });
});
