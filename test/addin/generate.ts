/** Generated participant lists of any length, shaped like Samverkansteamet's: valid, unique personnummer. */
import { type Grid, gridFromRows } from "../../shared/grid";
import { luhnValid } from "../../shared/identity";

const KOMMUNER = ["Lindesberg", "Nora", "Ljusnarsberg", "Hällefors"];
const REMITTENTER = ["Försäkringskassan", "Arbetsförmedlingen", "Socialtjänsten", "Psykiatrin"];
const ORSAKER = ["Arbete", "Studier", "Åter till remittent", "Annat"];

/** A personnummer born in 1990–1995, birth number from i (unique for i < 900 × days), valid check digit. */
function personnummer(i: number): string {
  const day = i % 2000;
  const birth = new Date(Date.UTC(1990, 0, 1) + day * 86_400_000);
  const serial = 100 + Math.floor(i / 2000);
  const yymmdd = `${String(birth.getUTCFullYear() % 100).padStart(2, "0")}${String(birth.getUTCMonth() + 1).padStart(2, "0")}${String(birth.getUTCDate()).padStart(2, "0")}`;
  const nine = `${yymmdd}${String(serial).padStart(3, "0")}`;
  for (let check = 0; check < 10; check++) {
    if (luhnValid(`${nine}${check}`))
      return `${birth.getUTCFullYear()}${nine.slice(2, 6)}-${nine.slice(6)}${check}`;
  }
  throw new Error("no check digit");
}

/** A sheet "Deltagare 2014" with a title, a blank row, a header row and `count` participants. */
export function participantList(count: number, sheet = "Deltagare 2014"): Grid {
  const rows: (string | number | null | { value: number; numberFormat: string })[][] = [
    ["Samverkansteamet – deltagarförteckning 2014"],
    [],
    [
      "Nr",
      "Personnummer",
      "Kön",
      "Hemkommun",
      "Remittent",
      "Kontakt med",
      "Inskriven",
      "Avslutad",
      "Avslutsorsak",
    ],
  ];
  const jan2014 = 41640;
  for (let i = 0; i < count; i++) {
    const pnr = personnummer(i);
    const woman = Number(pnr.at(-2)) % 2 === 0;
    const start = jan2014 + (i % 180);
    const closed = i % 3 !== 0;
    rows.push([
      i + 1,
      pnr,
      woman ? "Kvinna" : "Man",
      KOMMUNER[i % KOMMUNER.length]!,
      REMITTENTER[i % REMITTENTER.length]!,
      "Försäkringskassan",
      { value: start, numberFormat: "yyyy-mm-dd" },
      closed ? { value: start + 90 + (i % 60), numberFormat: "yyyy-mm-dd" } : null,
      closed ? ORSAKER[i % ORSAKER.length]! : null,
    ]);
  }
  return gridFromRows(sheet, rows);
}
