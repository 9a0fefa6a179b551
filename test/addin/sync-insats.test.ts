/**
 * Sending a participant list with an insats column, as the pane and `samsyn push` do: one
 * shareable report per insats, each carrying the insats's name under insats.ts's rules and each
 * suppressed, and none for the whole list (the whole beside its parts would give a hidden count
 * away). What those requests carry is read in privacy.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ymdOf } from "../../shared/calendar";
import { identifyingIn } from "../../shared/insats";
import { exposedAcrossPeriods } from "../../shared/participants/periods";
import { exposedCounts } from "../../shared/participants/share";
import { insatsGroupsOf, insatsNames, pushableReports } from "../../shared/push";
import { ParticipantsReport } from "../../shared/report";
import { sydostReading } from "./sync-insats-reading";

const INSATSER = ["IPS – individanpassat stöd till arbete", "Jobbcoacher", "Unga till arbete"];

describe("per-insats reports", () => {
  it("When Sydost's list with its Insats column is sent for 2023, then one suppressed report per insats leaves, named as the list names it, and none for the whole list", async () => {
    const reading = await sydostReading();
    const list = reading.participantReadings[0]!;
    const groups = insatsGroupsOf(list)!;
    expect(groups.map((g) => g.insats).sort()).toEqual(INSATSER);
    const reports = pushableReports(reading, { periods: { Deltagare: ["2023"] } }).filter(
      (r) => r.kind === "participants",
    );
    expect(reports.map((r) => [r.period, r.insats]).sort()).toEqual(INSATSER.map((i) => ["2023", i]));
    for (const r of reports) {
      const report = ParticipantsReport.parse(r.report);
      expect(report.insats).toBe(r.insats);
      expect(exposedCounts(report, 5)).toEqual([]);
      // The rows of that insats whose stay touches 2023, counted here from the list itself.
      const rows = groups
        .find((g) => g.insats === r.insats)!
        .participants.filter((p) => {
          if (p.start === null) return false;
          const start = ymdOf(p.start).year;
          const end = p.end === null ? Number.POSITIVE_INFINITY : ymdOf(p.end).year;
          return start <= 2023 && end >= 2023;
        });
      const shown = report.keyFigures.participants;
      expect(shown === null ? rows.length < 5 : shown === rows.length).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it("When an insats is named with a personnummer or two names are the same once cut to 80 characters, then they leave as Insats N and with (2)", () => {
    const long = `${"Arbetsträning i samverkan med kommunernas arbetsmarknadsenheter ".repeat(2)}`;
    const names = insatsNames([
      { insats: "Jobbcoacher", participants: [] },
      { insats: "Anna 19850710-5032", participants: [] },
      { insats: `${long}A`, participants: [] },
      { insats: `${long}B`, participants: [] },
    ]);
    expect(names[0]).toBe("Jobbcoacher");
    expect(names[1]).toBe("Insats 2");
    expect([...names[2]!].length).toBeLessThanOrEqual(80);
    expect(names[3]).toBe(`${[...names[2]!].slice(0, 74).join("")} (2)`);
    for (const n of names) expect(identifyingIn(n)).toBeNull();
  });

  it("When each insats's half-year is published already, then the year's reports per insats are checked against their own insats's and expose nothing together", async () => {
    const reading = await sydostReading();
    // As filed: each under its insats.
    const participants = (r: ReturnType<typeof pushableReports>) =>
      r.flatMap((x) =>
        x.report.kind === "participants"
          ? [{ ...(x.insats ? { insats: x.insats } : {}), report: x.report }]
          : [],
      );
    const first = participants(pushableReports(reading, { periods: { Deltagare: ["2023-H1"] } }));
    const again = participants(
      pushableReports(reading, { periods: { Deltagare: ["2023"] }, published: first }),
    );
    expect(again.map((r) => r.insats).sort()).toEqual(INSATSER);
    for (const r of again) {
      expect(exposedCounts(r.report, 5)).toEqual([]);
      const h1 = first.filter((p) => p.insats === r.insats);
      expect(h1).toHaveLength(1);
      expect(exposedAcrossPeriods(r, first, 5)).toEqual([]);
    }
  });
});
