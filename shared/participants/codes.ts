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

/**
 * The one list of avslutsorsak words: per code, the forms people write. A form matches the
 * start of the text up to a word's end ("Anställd", "Anställd på lager", not "Anställdas");
 * a stem (ending in "…") matches the start of a word too ("arbetssök…" in "Arbetssökande").
 * Checked in this order, so "Arbetssökande" is no "arbete" and "Åter till remittent" no "annat".
 * A text none of them fits is reported as info at its cell (the reader does not guess).
 */
export const AVSLUTSORSAK_FORMS: readonly {
  readonly code: Avslutsorsak;
  readonly forms: readonly string[];
}[] = [
  {
    code: "arbetssökande",
    forms: [
      "arbetssök…",
      "arbetsförmedlingen",
      "till arbetsförmedlingen",
      "inskriven på af",
      "inskriven hos af",
    ],
  },
  {
    code: "arbete",
    forms: [
      "arbete",
      "arbetet",
      "arbetar",
      "anställning",
      "anställd",
      "fått anställning",
      "fått arbete",
      "fått jobb",
      "jobb",
      "jobbar",
      "eget företag",
      "egen försörjning",
      "egenförsörjning",
      "subventionerat arbete",
      "osubventionerat arbete",
      "lönebidrag",
      "nystartsjobb",
      "extratjänst",
      "lönestöd",
    ],
  },
  {
    code: "studier",
    forms: [
      "studier",
      "studie…",
      "studerar",
      "studera",
      "börjat studera",
      "utbildning",
      "komvux",
      "vuxenutbildning",
      "folkhögskola",
      "gymnasie…",
      "skola",
      "högskola",
      "universitet",
    ],
  },
  {
    code: "åter till remittent",
    forms: [
      "åter till remittent",
      "åter remittent",
      "tillbaka till remittent",
      "återremitterad",
      "återgång till remittent",
    ],
  },
  {
    code: "annat",
    forms: [
      "annat",
      "annan",
      "övrigt",
      "övrig",
      "flytt…",
      "avbrott",
      "avbrut…",
      "sjukdom",
      "föräldraledig…",
      "avliden",
      "ej aktuell",
      "uteblev",
    ],
  },
];

const STEM = "…";
const LETTER = /[a-zåäöéü]/;

/** Avslutsorsak as written → its code; null when none of the forms fits. */
export function avslutsorsakOf(text: string): Avslutsorsak | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "") return null;
  for (const { code, forms } of AVSLUTSORSAK_FORMS)
    for (const form of forms) {
      const stem = form.endsWith(STEM);
      const start = stem ? form.slice(0, -1) : form;
      if (t.startsWith(start) && (stem || t.length === start.length || !LETTER.test(t[start.length]!)))
        return code;
    }
  return null;
}

export const toWorkOrStudies = (code: Avslutsorsak | null): boolean =>
  code === "arbete" || code === "studier";
