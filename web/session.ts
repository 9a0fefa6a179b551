/**
 * What the page remembers: the token only in this tab's sessionStorage (gone with the tab or at
 * "Logga ut"), the language in localStorage (harmless, and kept for the next visit). Storage a
 * browser refuses (private modes, policies) reads as nothing remembered.
 */
import type { Lang } from "../shared/messages";

const TOKEN_KEY = "samsyn.page.token";
const LANG_KEY = "samsyn.page.lang";

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Not remembered; the page still works for this visit.
  }
}

const session = () => window.sessionStorage;
const local = () => window.localStorage;

export const storedToken = (): string | null => read(session, TOKEN_KEY);
export const rememberToken = (token: string): void => write(session, TOKEN_KEY, token);
export const forgetToken = (): void => write(session, TOKEN_KEY, null);

export function storedLang(): Lang | null {
  const stored = read(local, LANG_KEY);
  return stored === "sv" || stored === "en" ? stored : null;
}
export const rememberLang = (lang: Lang): void => write(local, LANG_KEY, lang);
