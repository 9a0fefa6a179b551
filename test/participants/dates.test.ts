/** Calendar days and date cells (periods: test/period.test.ts). */
import { differenceInCalendarDays, differenceInYears } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, dayOf, isoOf, ymdOf } from "../../shared/calendar";
import { dayOfCell, dayOfText } from "../../shared/participants/dates";

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe("calendar days", () => {
  it("property: dayOf and ymdOf agree with the UTC calendar", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d));
          const exists = real.getUTCMonth() === m - 1;
          expect(dayOf(y, m, d)).toBe(exists ? utcDay(y, m, d) : null);
          if (exists) expect(ymdOf(utcDay(y, m, d))).toEqual({ year: y, month: m, day: d });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: ages and stays agree with date-fns on local calendar dates", () => {
    const date = fc.record({
      y: fc.integer({ min: 1900, max: 2100 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a.y * 10_000 + a.m * 100 + a.d <= b.y * 10_000 + b.m * 100 + b.d ? [a, b] : [b, a];
        const dayFrom = dayOf(from.y, from.m, from.d)!;
        const dayTo = dayOf(to.y, to.m, to.d)!;
        const localFrom = new Date(from.y, from.m - 1, from.d);
        const localTo = new Date(to.y, to.m - 1, to.d);
        expect(ageOn(dayFrom, dayTo)).toBe(differenceInYears(localTo, localFrom));
        expect(dayTo - dayFrom).toBe(differenceInCalendarDays(localTo, localFrom));
      }),
      { numRuns: 2000 },
    );
  });

  it("ages in whole years, the birthday itself counting", () => {
    const birth = dayOf(1996, 2, 29)!;
    expect(ageOn(birth, dayOf(2014, 2, 28)!)).toBe(17);
    expect(ageOn(birth, dayOf(2014, 3, 1)!)).toBe(18);
    expect(ageOn(dayOf(1990, 6, 7)!, dayOf(2014, 6, 7)!)).toBe(24);
    expect(ageOn(dayOf(1990, 6, 7)!, dayOf(2014, 6, 6)!)).toBe(23);
  });
});

describe("date cells", () => {
  it("reads Excel serials with a date format, bare serials of our era, and YYYYMMDD numbers", () => {
    expect(dayOfCell(41797, "yyyy-mm-dd")).toBe(utcDay(2014, 6, 7));
    expect(dayOfCell(41797.75, "yyyy-mm-dd hh:mm")).toBe(utcDay(2014, 6, 7));
    expect(dayOfCell(41797, null)).toBe(utcDay(2014, 6, 7));
    expect(dayOfCell(20140607, null)).toBe(utcDay(2014, 6, 7));
    expect(dayOfCell(20141307, null)).toBe("invalid");
    expect(dayOfCell(12, null)).toBe("invalid");
    expect(dayOfCell(true, null)).toBe("invalid");
    expect(dayOfCell(null, null)).toBeNull();
    expect(dayOfCell("  ", null)).toBeNull();
  });

  it("reads the text forms people type, and refuses dates that do not exist", () => {
    const june7 = utcDay(2014, 6, 7);
    for (const t of [
      "2014-06-07",
      "2014-6-7",
      "20140607",
      "7/6 2014",
      "7/6/2014",
      "07.06.2014",
      "2014-06-07 00:00",
      "2014-06-07T00:00:00Z",
      "2014/06/07",
    ])
      expect(dayOfText(t), t).toBe(june7);
    for (const t of ["2014-02-30", "31/4 2014", "juni 2014", "2014", "7/6", "14-06-07"])
      expect(dayOfText(t), t).toBeNull();
    expect(isoOf(june7)).toBe("2014-06-07");
  });
});
