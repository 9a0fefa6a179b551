/**
 * The pane's texts by language: Swedish first, in the pane's first script; English selectable,
 * a chunk loaded when it is chosen or remembered (index.tsx loads it before drawing the pane).
 */
import type { Lang } from "../../../shared/messages";
import { sv, type UiStrings } from "./sv";

export type { UiStrings };

const loaded: Partial<Record<Lang, UiStrings>> = { sv };

/** The texts of `lang`, loaded once. */
export async function loadStrings(lang: Lang): Promise<UiStrings> {
  if (lang === "en") loaded.en ??= (await import("./en")).en;
  return loaded[lang] ?? sv;
}

/** The texts of `lang` if loaded (see loadStrings), else Swedish's. */
export const stringsOf = (lang: Lang): UiStrings => loaded[lang] ?? sv;
