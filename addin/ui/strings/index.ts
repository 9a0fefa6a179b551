/** The pane's texts by language: Swedish first, English selectable. */
import type { Lang } from "../../../shared/messages";
import { en } from "./en";
import { sv, type UiStrings } from "./sv";

export type { UiStrings };
export const STRINGS: Readonly<Record<Lang, UiStrings>> = { sv, en };
