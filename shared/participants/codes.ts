/**
 * The words of participant lists: which header names which field, and the coded columns
 * (kön, avslutsorsak) with the synonyms people type, mapped to one small code list.
 */

export type Field =
  | "nr"
  | "personnummer"
  | "kon"
  | "hemkommun"
  | "remittent"
  | "kontaktMed"
  | "inskriven"
  | "avslutad"
  | "avslutsorsak"
  /** The insats the row belongs to, where one list holds several. */
  | "insats";

/** The field names issues use: the header wording most lists have. */
export const FIELD_LABEL: Readonly<Record<Field, string>> = {
  nr: "Nr",
  personnummer: "Personnummer",
  kon: "Kön",
  hemkommun: "Hemkommun",
  remittent: "Remittent",
  kontaktMed: "Kontakt med",
  inskriven: "Inskrivningsdatum",
  avslutad: "Avslutsdatum",
  avslutsorsak: "Avslutsorsak",
  insats: "Insats",
};

/** Lower case, no parenthesised notes ("Inskriven (datum)"), only letters and digits. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9åäöéü]+/g, "");
}

const HEADER_WORDS: Readonly<Record<Field, readonly string[]>> = {
  nr: ["nr", "lopnr", "löpnr", "löpnummer", "nummer", "radnr"],
  personnummer: [
    "personnummer",
    "pnr",
    "personnr",
    "persnr",
    "samordningsnummer",
    "samordningsnr",
    "personnummersamordningsnummer",
    "personsamordningsnummer",
    "personellersamordningsnummer",
    "idnummer",
  ],
  kon: ["kön", "kon", "mankvinna", "kvinnaman", "mk", "km"],
  hemkommun: ["hemkommun", "kommun", "bostadskommun", "folkbokföringskommun", "kommuntillhörighet"],
  remittent: [
    "remittent",
    "remitteradav",
    "remitterandemyndighet",
    "remitterandeaktör",
    "remitterandeverksamhet",
    "remissfrån",
    "remitterande",
  ],
  kontaktMed: ["kontaktmed", "kontakter", "myndighetskontakter", "myndighetskontakt", "aktörer", "kontakt"],
  inskriven: [
    "inskriven",
    "startdatum",
    "inskrivningsdatum",
    "start",
    "inskrivning",
    "datuminskrivning",
    "inskrivendatum",
    "påbörjad",
  ],
  avslutad: [
    "avslutad",
    "slutdatum",
    "avslutsdatum",
    "slut",
    "utskriven",
    "utskrivningsdatum",
    "avslutaddatum",
  ],
  avslutsorsak: [
    "avslutsorsak",
    "orsaktillavslut",
    "avslutsanledning",
    "anledningtillavslut",
    "orsakavslut",
    "avslutningsorsak",
    "utskrivningsorsak",
  ],
  insats: ["insats", "insatsnamn", "insatsensnamn", "verksamhet", "projekt", "projektnamn", "aktivitet"],
};

const FIELD_BY_HEADER: ReadonlyMap<string, Field> = new Map(
  (Object.entries(HEADER_WORDS) as [Field, readonly string[]][]).flatMap(([field, words]) =>
    words.map((w): [string, Field] => [w, field]),
  ),
);

/** The field a header cell names, or null. */
export function fieldOfHeader(text: string): Field | null {
  const key = headerKey(text);
  return key === "" ? null : (FIELD_BY_HEADER.get(key) ?? null);
}

export type Kon = "kvinna" | "man";

const KON: ReadonlyMap<string, Kon> = new Map([
  ["k", "kvinna"],
  ["kv", "kvinna"],
  ["kvinna", "kvinna"],
  ["kvinnor", "kvinna"],
  ["f", "kvinna"],
  ["flicka", "kvinna"],
  ["female", "kvinna"],
  ["woman", "kvinna"],
  ["m", "man"],
  ["man", "man"],
  ["män", "man"],
  ["pojke", "man"],
  ["male", "man"],
]);

/** Kön as written → "kvinna"/"man"; null when the text is none of the known forms. */
export function konOf(text: string): Kon | null {
  return KON.get(text.trim().toLowerCase().replace(/\.$/, "")) ?? null;
}

export const AVSLUTSORSAKER = ["arbete", "studier", "arbetssökande", "åter till remittent", "annat"] as const;
export type Avslutsorsak = (typeof AVSLUTSORSAKER)[number];

/** Beginnings of what people write, checked in order; the first that fits gives the code. */
const AVSLUTSORSAK_PREFIXES: readonly [string, Avslutsorsak][] = [
  ["arbetssök", "arbetssökande"],
  ["arbetsförmedlingen", "arbetssökande"],
  ["till arbetsförmedlingen", "arbetssökande"],
  ["inskriven på af", "arbetssökande"],
  ["arbete", "arbete"],
  ["arbetet", "arbete"],
  ["anställning", "arbete"],
  ["jobb", "arbete"],
  ["eget företag", "arbete"],
  ["egen försörjning", "arbete"],
  ["egenförsörjning", "arbete"],
  ["subventionerat arbete", "arbete"],
  ["osubventionerat arbete", "arbete"],
  ["lönebidrag", "arbete"],
  ["nystartsjobb", "arbete"],
  ["studier", "studier"],
  ["studie", "studier"],
  ["studerar", "studier"],
  ["utbildning", "studier"],
  ["komvux", "studier"],
  ["folkhögskola", "studier"],
  ["skola", "studier"],
  ["åter till remittent", "åter till remittent"],
  ["åter remittent", "åter till remittent"],
  ["tillbaka till remittent", "åter till remittent"],
  ["återremitterad", "åter till remittent"],
  ["återgång till remittent", "åter till remittent"],
  ["annat", "annat"],
  ["annan", "annat"],
  ["övrigt", "annat"],
  ["övrig", "annat"],
  ["flytt", "annat"],
  ["avbrott", "annat"],
  ["avbrut", "annat"],
  ["sjukdom", "annat"],
  ["föräldraledig", "annat"],
  ["avliden", "annat"],
  ["ej aktuell", "annat"],
  ["uteblev", "annat"],
];

/** Avslutsorsak as written → its code; null when unknown. */
export function avslutsorsakOf(text: string): Avslutsorsak | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "") return null;
  for (const [prefix, code] of AVSLUTSORSAK_PREFIXES) {
    if (t.startsWith(prefix) && (t.length === prefix.length || !/[a-zåäö]/.test(t[prefix.length]!)))
      return code;
  }
  // Word-stem prefixes ("arbetssök…", "avbrut…", "föräldraledig…") match inside a word too.
  for (const [prefix, code] of AVSLUTSORSAK_PREFIXES)
    if (STEMS.has(prefix) && t.startsWith(prefix)) return code;
  return null;
}

const STEMS: ReadonlySet<string> = new Set(["arbetssök", "flytt", "avbrut", "föräldraledig", "studie"]);

export const toWorkOrStudies = (code: Avslutsorsak | null): boolean =>
  code === "arbete" || code === "studier";
