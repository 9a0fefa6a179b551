/**
 * Texts of the page the pane shows instead of its work outside Excel (the crash page's are
 * in ui/crashStrings.ts). Swedish first, English second; a missing text in either is a compile error.
 */
import type { Lang } from "../../../shared/messages";

export interface OutsideStrings {
  readonly title: string;
  readonly what: string;
  readonly runsInExcel: string;
  readonly howTitle: string;
  readonly steps: readonly string[];
  readonly desktop: string;
  readonly localNetwork: string;
  readonly playgroundTitle: string;
  readonly playgroundLink: string;
  readonly playgroundHow: string;
  readonly otherLanguage: string;
}

export const OUTSIDE: Readonly<Record<Lang, OutsideStrings>> = {
  sv: {
    title: "Samsyn körs i Excel",
    what: "Samsyn gör samordningsförbundets budget- och deltagararbetsböcker till kontrollerade Excel-tabeller, med summor och över-/underskott som räknas om, och skickar sammanställningar till nätverket.",
    runsInExcel:
      "Det här är Samsyns aktivitetsfönster. Det fungerar bara inuti Excel, så här i webbläsaren finns inget att visa.",
    howTitle: "Så lägger du till Samsyn i Excel",
    steps: [
      "Hämta filen manifest.xml från den som driver er Samsyn-tjänst.",
      "Excel på webben: Start → Tillägg → Fler tillägg → Ladda upp mitt tillägg, och välj manifest.xml.",
      "Samsyn syns sedan som en knapp på fliken Start.",
    ],
    desktop:
      "Excel för Windows eller Mac: lägg manifest.xml i en delad katalog som du anger under Arkiv → Alternativ → Säkerhetscenter → Betrodda tilläggskataloger, eller be IT att distribuera tillägget.",
    localNetwork:
      "Om webbläsaren frågar om åtkomst till det lokala nätverket när Excel på webben öppnar Samsyn från din egen dator: tillåt det.",
    playgroundTitle: "Prova utan Excel",
    playgroundLink: "Öppna Samsyns lekplats",
    playgroundHow:
      "Utan Excel kan du prova Samsyn i lekplatsen: kör samsyn playground och öppna adressen som skrivs ut.",
    otherLanguage: "English",
  },
  en: {
    title: "Samsyn runs in Excel",
    what: "Samsyn turns a samordningsförbund's budget and participant workbooks into checked Excel tables, with totals and surplus that stay right, and sends summaries to the network.",
    runsInExcel:
      "This is Samsyn's task pane. It works only inside Excel, so there is nothing to show here in the browser.",
    howTitle: "How to add Samsyn to Excel",
    steps: [
      "Get the file manifest.xml from whoever runs your Samsyn service.",
      "Excel on the web: Home → Add-ins → More Add-ins → Upload My Add-in, and choose manifest.xml.",
      "Samsyn then shows as a button on the Home tab.",
    ],
    desktop:
      "Excel for Windows or Mac: put manifest.xml in a shared folder listed under File → Options → Trust Center → Trusted Add-in Catalogs, or ask IT to deploy the add-in.",
    localNetwork:
      "If the browser asks for access to the local network when Excel on the web opens Samsyn from your own computer: allow it.",
    playgroundTitle: "Try it without Excel",
    playgroundLink: "Open Samsyn's playground",
    playgroundHow:
      "Without Excel you can try Samsyn in the playground: run samsyn playground and open the address it prints.",
    otherLanguage: "Svenska",
  },
};
