/** Svenska: every text of the task pane (issue messages come from shared/messages). */
import type { ClientFailureCode } from "../../../shared/client";
import { periodLabel, YEAR_EXAMPLE } from "../../../shared/period";
import type { ExcelFailure } from "../../excel/errors";

export const sv = {
  lang: "sv",
  title: "Samsyn",
  subtitle: "Budget och deltagare som kontrollerade Excel-tabeller",
  language: "Språk",
  languages: { sv: "Svenska", en: "English" },
  source: "Vad ska läsas in?",
  sourceSheet: "Hela det aktiva bladet",
  sourceSelection: "Markeringen",
  import: "Läs in",
  write: "Skriv tabellerna",
  refresh: "Uppdatera tabellerna",
  refreshHint: "Läser bladet igen och uppdaterar samma tabeller; din formatering behålls.",
  importing: "Läser bladet …",
  writing: "Skriver tabellerna …",
  written: (sheets: string) => `Klart: ${sheets}.`,
  undoOneStep: "Ångra (Ctrl+Z) tar tillbaka hela skrivningen i ett steg.",
  undoSteps:
    "Excels Ångra (Ctrl+Z) når inte hela skrivningen: den ångrar en ändring i taget. Vill du få bort resultatet, ta bort Samsyn-bladen och tryck Ta bort markeringar.",
  followup: "Uppföljning Finsam",
  followupHint:
    "Skriver ett blad med det du för in i Uppföljning Finsam, varje värde länkat till sin cell i arbetsboken.",
  unmark: "Ta bort markeringar",
  marksHint:
    "Skriv tabellerna markerar cellerna som kontrollerna gäller på källbladet, med färg och en anteckning. Din egen cellfärg sparas och kommer tillbaka när felet är åtgärdat, eller när du trycker Ta bort markeringar.",
  nothingYet: "Välj ett blad i arbetsboken och tryck på Läs in.",
  noTables: "Ingen budget- eller deltagartabell hittades på bladet.",
  tabs: { tables: "Tabeller", issues: "Kontroller", keyFigures: "Nyckeltal" },
  sheet: "Blad",
  range: "Område",
  periods: "Perioder",
  unit: "Enhet",
  unitHint: "Beloppen räknas om till kronor.",
  headerRow: "Rubrikrad",
  headerRowHint: "Radnumret där kolumnrubrikerna står.",
  lines: "Rader",
  line: "Rad",
  section: "Del",
  group: "Grupp",
  sections: { income: "Intäkt", cost: "Kostnad" },
  kinds: {
    budget: "Budget",
    contributions: "Medlemsbidrag",
    participants: "Deltagarlista",
    followup: "Uppföljning",
    insatser: "Insatser",
  },
  total: { income: "Summa intäkter", cost: "Summa kostnader", surplus: "Över-/underskott" },
  outcome: {
    heading: (year: string) => `Budget och utfall ${year}`,
    views: { year: "Helår", half: "Halvår" },
    viewsLabel: (year: string) => `Helår eller halvår ${year}`,
    against: (budgetYear: string, outcomePeriod: string) =>
      `Budget för ${budgetYear} mot utfall ${periodLabel(outcomePeriod, "sv")}.`,
    columns: { budget: "Budget", outcome: "Utfall", deviation: "Avvikelse" },
    deviationHint: "Belopp i kr. Avvikelse = utfall − budget.",
  },
  rows: "rader",
  corrected: "Rättat av dig",
  issues: (n: number) =>
    n === 0 ? "Kontrollerna hittade inget." : n === 1 ? "1 kontroll slog ut" : `${n} kontroller slog ut`,
  severity: { error: "Fel", warning: "Varning", info: "Info" },
  showCell: (cell: string) => `Visa cell ${cell}`,
  moreIssues: (shown: number, total: number) =>
    `Visar de första ${shown} av ${total}. Alla finns på bladet Samsyn kontroller när tabellerna är skrivna.`,
  wholeSheet: "hela bladet",
  keyFigures: {
    period: "Period",
    heading: (period: string) => `Nyckeltal för ${period}`,
    periodHint: "Det är den här perioden som skickas till Samsyn.",
  },
  preview: {
    heading: "Det här skickas",
    hint: "Kryssa i det som ska skickas. Siffrorna är precis de som lämnar förbundet; .. är ett dolt antal: för litet för att visas, eller ett som annars kunde räknas fram ur det förbundet redan har skickat.",
    showFigures: (n: number) => `Visa siffrorna (${n})`,
    columns: { label: "Rad", period: "Period", value: "Värde" },
    totals: { income: "Summa intäkter", cost: "Summa kostnader", surplus: "Över-/underskott" },
    /** The period column of an utfall, beside the budget's: "utfall 2023", "utfall jan–jun 2023". */
    outcome: (period: string) => `utfall ${period}`,
    equity: {
      opening: "Ingående eget kapital",
      result: "Årets resultat",
      closing: "Utgående eget kapital",
    },
    nothingTicked: "Kryssa i minst en rapport för att skicka.",
    perInsats:
      "Listan har en insatskolumn: en rapport per insats skickas, ingen för hela listan (hela listan bredvid insatserna kunde avslöja ett dolt antal). Rader utan insats skickas inte.",
  },
  privacy: "Deltagaruppgifterna stannar i arbetsboken. Samsyn skickar inga deltagarrader någonstans.",
  failures: {
    "cell-edit-mode": "Avsluta redigeringen av cellen först (tryck Enter eller Esc) och försök igen.",
    "several-areas":
      "Markera ett enda område: flera markerade områden går inte att läsa in som en tabell. Klicka i tabellen eller markera ett sammanhängande block och försök igen.",
    "other-workbook":
      "Excel bytte till en annan arbetsbok medan Samsyn arbetade. Gå tillbaka till den här arbetsboken och försök igen.",
    "not-allowed-now":
      "Excel tillät inte ändringen just nu. Avsluta redigeringen av cellen om du redigerar en (Enter eller Esc), ta bort bladskyddet om bladet är skyddat, och försök igen.",
    "refused-input":
      "Excel tog inte emot det Samsyn skulle skriva. Läs in bladet igen och försök på nytt; kvarstår felet, skicka felkoden InvalidArgument till den som ger dig support.",
    "excel-internal":
      "Excel kunde inte slutföra åtgärden (ett internt fel). Stanna kvar i den här arbetsboken, vänta en stund och försök igen; det som redan skrivits finns kvar och skrivs inte dubbelt.",
    "too-large":
      "Bladet är för stort för att läsas eller skrivas på en gång. Markera en del av det och försök igen.",
    "not-found": "Bladet eller tabellen finns inte längre. Läs in bladet igen.",
    "already-exists": "Det finns redan ett blad eller en tabell med det namnet.",
    "access-denied": "Arbetsboken är skrivskyddad eller du saknar behörighet att ändra den.",
    "no-followup":
      "Arbetsboken har ingen budget och ingen lista över insatserna, så det finns inget att föra in i Uppföljning Finsam.",
    "no-data": "Det finns inget att läsa in på bladet.",
    unknown: "Något gick fel i Excel. Försök igen; om felet kvarstår, starta om tillägget.",
  } satisfies Record<ExcelFailure, string>,
  sync: {
    heading: "Samsyn-tjänsten",
    serviceUrl: "Tjänstens adress",
    serviceUrlHint: "Tjänsterna som tillägget installerades för.",
    service: (address: string) => `Tjänst: ${address}`,
    token: "Nyckel",
    tokenHint:
      "Förbundets nyckel, eller en nätverksnyckel för den som bara läser sammanställningen. Den sparas i tilläggets webbläsarlagring på den här datorn, aldrig i arbetsboken.",
    signIn: "Logga in",
    signOut: "Logga ut",
    signingIn: "Loggar in …",
    signedInAs: (who: string) => `Inloggad som ${who}`,
    network: "nätverket (läser sammanställningen)",
    admin: "administratör",
    send: "Skicka till Samsyn",
    sendHint:
      "Skickar budgetarna och deltagarnas sammanräknade nyckeltal, aldrig en deltagarrad. Små antal döljs.",
    sendNeedsRead: "Läs in ett blad först.",
    sendNeedsAssociation: "Bara ett förbunds nyckel kan skicka; en nätverksnyckel läser sammanställningen.",
    budgetYear: "Budgetår",
    budgetYearHint: "Tomt: budgetens första år.",
    sending: "Skickar …",
    reportName: (kind: "budget" | "participants", period: string, insats?: string) =>
      `${kind === "budget" ? "Budget" : "Deltagare"} ${periodLabel(period, "sv")}${insats ? `, ${insats}` : ""}`,
    sent: (version: number) => `skickad som version ${version}`,
    queued: "väntar på att skickas",
    tooLargeToWait:
      "tjänsten gick inte att nå, och rapporten är för stor för att vänta i arbetsboken. Skicka igen när tjänsten går att nå.",
    conflicted: "någon annan har skickat en nyare version",
    waiting: (n: number) =>
      n === 1 ? "1 rapport väntar på att skickas" : `${n} rapporter väntar på att skickas`,
    waitingHint:
      "Tjänsten gick inte att nå. Rapporten finns kvar i arbetsboken och skickas när du öppnar Samsyn nästa gång eller trycker Försök igen.",
    retry: "Försök igen",
    conflictTitle: (report: string) => `${report}: tjänsten har en version du inte har sett`,
    keptTitle: (report: string) => `${report}: bladet har andra siffror än versionen du behöll`,
    keptExplained:
      "Du valde Behåll deras, men bladet har fortfarande dina siffror. Skicka din version ändå (det syns i historiken), eller ändra bladet till deras siffror.",
    versionNumber: (version: number) => `(version ${version})`,
    conflictBy: (who: string, when: string, from: string) => `Skickad av ${who} ${when} (${from}).`,
    conflictUnknownSender: "Vem som skickade den går inte att säga.",
    clients: { addin: "från Excel", cli: "från kommandoraden", api: "från ett annat program" },
    conflictNone: "Siffrorna är desamma; bara annat har ändrats.",
    conflictColumns: { label: "Rad", period: "Period", theirs: "Deras", mine: "Min" },
    conflictMore: (n: number) => `… och ${n} rader till.`,
    sendMine: "Skicka min version ändå",
    keepTheirs: "Behåll deras",
    keptTheirs: (sheet: string) =>
      `Deras version finns på bladet ${sheet}. Arbetsboken bygger nu på den. Ditt eget blad har kvar dina siffror: skickar du dem frågar Samsyn först.`,
    fetchHeading: "Nätverkets sammanställning",
    year: "År",
    kind: "Typ",
    kinds: { budget: "Budget", participants: "Deltagare" },
    fetchComparison: "Hämta sammanställning",
    fetching: "Hämtar …",
    fetched: (sheet: string, reporting: number, total: number) =>
      `Sammanställningen finns på bladet ${sheet}: ${reporting} av ${total} förbund har rapporterat.`,
    badYear: `Skriv ett år med fyra siffror, till exempel ${YEAR_EXAMPLE}.`,
    failures: {
      "bad-address": "Adressen ska börja med https://, till exempel https://samsyn.example.se.",
      "blocked-address":
        "Tillägget får inte nå den adressen: det når bara Samsyn-tjänsten det hämtades från, eller de tjänster det installerades för. Välj en av dem, eller be den som installerade tillägget att lägga till adressen.",
      unreachable:
        "Tjänsten går inte att nå. Kontrollera adressen och nätverket och försök igen; inget har gått förlorat.",
      "timed-out": "Tjänsten svarade inte i tid. Försök igen om en stund; inget har gått förlorat.",
      unauthenticated:
        "Nyckeln gäller inte (fel eller återkallad). Be nätverkets samordnare om en ny nyckel och logga in igen.",
      forbidden: "Nyckeln ger inte rätt till det här. Logga in med förbundets egen nyckel.",
      "not-found": "Det finns inget att hämta för det valet.",
      "too-large": "Rapporten är större än tjänsten tar emot. Dela upp bladet och skicka igen.",
      "rate-limited": "För många försök just nu. Vänta en stund och försök igen.",
      "service-error": "Tjänsten svarade med ett fel. Försök igen om en stund; inget har gått förlorat.",
      rejected: "Tjänsten tog inte emot rapporten.",
    } satisfies Record<ClientFailureCode, string>,
  },
  dismiss: "Stäng",
  tooOld: (version: string) =>
    `Den här Excel-versionen saknar funktioner som Samsyn behöver (kravnivå ${version}). Uppdatera Excel eller använd Excel på webben.`,
};

export type UiStrings = typeof sv;
