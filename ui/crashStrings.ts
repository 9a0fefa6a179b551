/**
 * Texts of the page shown after an unexpected error, in the pane and on the network's page alike.
 * Swedish first, English second; a missing text in either is a compile error.
 */
import type { Lang } from "../shared/messages";

export interface CrashStrings {
  readonly title: string;
  readonly body: string;
  readonly code: (code: string) => string;
  readonly reload: string;
}

export const CRASH: Readonly<Record<Lang, CrashStrings>> = {
  sv: {
    title: "Något gick fel i Samsyn",
    body: "Ett oväntat fel stoppade fönstret. Ladda om fönstret och försök igen; kvarstår felet, ange felkoden när du hör av dig.",
    code: (code) => `Felkod: ${code}`,
    reload: "Ladda om fönstret",
  },
  en: {
    title: "Something went wrong in Samsyn",
    body: "An unexpected error stopped the pane. Reload the pane and try again; if it happens again, give the error code when you get in touch.",
    code: (code) => `Error code: ${code}`,
    reload: "Reload the pane",
  },
};
