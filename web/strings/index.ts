/** The page's texts by language: Swedish first, English selectable. */
import type { Lang } from "../../shared/messages";
import { en } from "./en";
import { type PageStrings, sv } from "./sv";

export type { PageStrings };
export const STRINGS: Readonly<Record<Lang, PageStrings>> = { sv, en };
