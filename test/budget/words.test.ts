/** The Swedish vocabulary: which labels are totals, results, sections, which group and member a label names. */
import { describe, expect, it } from "vitest";
import {
  cleanLabel,
  groupOfWords,
  isResultLabel,
  isSubItem,
  memberOf,
  normaliseLabel,
  sectionOf,
  totalScopeOf,
} from "../../shared/budget/words";

const n = normaliseLabel;

describe("labels", () => {
  it("normalises bullets, stars, colons and spaces away", () => {
    expect(["- projekt Orvar", "Kommuner*", "  Summa:  ", "–\u00a0Lokaler"].map(n)).toEqual([
      "projekt orvar",
      "kommuner",
      "summa",
      "lokaler",
    ]);
    expect(["- projekt Orvar", "Kansli", "-5"].map(isSubItem)).toEqual([true, false, false]);
    expect(cleanLabel("-  projekt  Orvar")).toBe("projekt Orvar");
  });
});

describe("totals and results", () => {
  it.each([
    ["Total summa", "generic"],
    ["Totalt", "generic"],
    ["SUMMA", "generic"],
    ["Summa (tkr)", "generic"],
    ["Summa kostnader", "cost"],
    ["Kostnader totalt", "cost"],
    ["Totala kostnader", "cost"],
    ["Summa intäkter", "income"],
    ["Summa finansiering", "income"],
    ["Summa insatser", "sub"],
    ["Delsumma", "sub"],
    ["Summering", "generic"],
    ["Kansli", null],
    ["Totalförsvarets forskningsinstitut", null],
  ])("%s → %s", (label, scope) => {
    expect(totalScopeOf(n(label))).toBe(scope);
  });

  it.each([
    ["Över-/underskott +/-", true],
    ["Överskott/underskott", true],
    ["Årets resultat", true],
    ["Resultat", true],
    ["Underskott", true],
    ["Överskott 2007 fördelat på 3 år", false],
    ["Överskott från föregående år", false],
    ["Resultatenheten", false],
  ])("%s is a result row: %s", (label, result) => {
    expect(isResultLabel(n(label))).toBe(result);
  });

  it("knows section rows", () => {
    expect(
      ["INTÄKTER", "Kostnader", "Verksamhetens intäkter", "Finansiering", "Insatser"].map((l) =>
        sectionOf(n(l)),
      ),
    ).toEqual(["income", "cost", "income", "income", null]);
  });
});

describe("groups", () => {
  it.each([
    ["Finansiell ram", "finansiell ram"],
    ["Ram", "finansiell ram"],
    ["Medlemsbidrag", "medlemsbidrag"],
    ["Bidrag från kommunerna", "medlemsbidrag"],
    ["Försäkringskassan", "medlemsbidrag"],
    ["Region Örebro län", "medlemsbidrag"],
    ["Överskott 2007 fördelat på 3 år", "eget kapital"],
    ["Ingående eget kapital", "eget kapital"],
    ["Ränteintäkter", "övriga intäkter"],
    ["ESF-medel", "övriga intäkter"],
    ["ESF-projekt Unga vuxna", "insatser"],
    ["projekt Utgångspunkten (bil 1)", "insatser"],
    ["utbildningsinsatser (exkl. utb. i projekt)", "insatser"],
    ["Kartläggning", "insatser"],
    ["Förbundschef lön", "kansli och administration"],
    ["Lokalhyra", "kansli och administration"],
    ["Försäkringar", "kansli och administration"],
    ["Arvoden samt andra ersättningar", "styrelse"],
    ["Kostnad för revisorer", "revision"],
    ["Köp av Ekonomiadministration", "ekonomiadministration"],
    ["Utvärdering", "utvärdering"],
    ["Övriga kostnader", "övrigt"],
    ["information", null],
    // Words that really mean other; a bare cost word is an insats; a combined line its first group.
    ["Diverse", "övrigt"],
    ["Oförutsett", "övrigt"],
    ["Reserv", "övrigt"],
    ["Driftkostnader", "insatser"],
    ["Verksamhet", "insatser"],
    ["Styrelse och revision", "styrelse"],
    ["Revision och styrelse", "revision"],
    ["Ekonomiadministration", "ekonomiadministration"],
    ["Unga vuxna", null],
  ])("%s → %s", (label, group) => {
    expect(groupOfWords(n(label))).toBe(group);
  });
});

describe("members", () => {
  it.each([
    ["Försäkringskassa/Arbetsförmedlingen", "staten"],
    ["FK/AF", "staten"],
    ["Statligt bidrag", "staten"],
    ["Hälsa- och sjukvårdsnämnd", "regionen"],
    ["Västra Götalandsregionen", "regionen"],
    ["Landstinget", "regionen"],
    ["Kommuner*", "kommunerna"],
    ["Göteborgs stad", "kommunerna"],
    ["ESF", "övriga"],
    ["Ale", null],
  ])("%s → %s", (label, member) => {
    expect(memberOf(n(label))).toBe(member);
  });
});
