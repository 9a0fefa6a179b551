/** Turns an issue into words, in Swedish (first) or English. */
import type { Issue } from "../issues";
import { en } from "./en";
import { sv } from "./sv";
import type { Lang, MessageTemplates } from "./types";

export type { Lang, MessageTemplates };

const TEMPLATES: Readonly<Record<Lang, MessageTemplates>> = { sv, en };

export function describeIssue(issue: Issue, lang: Lang = "sv"): string {
  const template = TEMPLATES[lang][issue.code] as (i: Issue) => string;
  return template(issue);
}
