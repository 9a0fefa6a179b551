/**
 * What the pane remembers of the user and takes from Office: the language they chose (in the
 * pane's storage, so the next workbook opens in it too) and Office's theme, light or dark.
 */
import type { Lang } from "../../shared/messages";
import { readStored, writeStored } from "../pane-storage";

const LANG_KEY = "samsyn.lang";

export function storedLang(): Lang | null {
  const stored = readStored(LANG_KEY);
  return stored === "sv" || stored === "en" ? stored : null;
}

export const rememberLang = (lang: Lang): void => writeStored(LANG_KEY, lang);

export type PaneTheme = "light" | "dark";

/** Relative luminance of "#RRGGBB" (WCAG), or null for anything else. */
function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Office.context.officeTheme: isDarkTheme where Office has it (Black and Dark Gray themes),
 * else the body background's darkness; light where Office gives no theme (the web, a browser).
 * Excel has no theme-changed event (OfficeThemeChanged is Outlook's), so it is read at start.
 */
export function themeOf(theme: Partial<Office.OfficeTheme> | undefined | null): PaneTheme {
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}
