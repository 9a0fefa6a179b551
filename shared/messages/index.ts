/** Turns an issue into words, in Swedish (first) or English. */
import type { Issue, IssueCode, IssueOf } from "../issues";
import { en } from "./en";
import { sv } from "./sv";

export type Lang = "sv" | "en";

export type MessageTemplates = { readonly [C in IssueCode]: (issue: IssueOf<C>) => string };

const TEMPLATES: Readonly<Record<Lang, MessageTemplates>> = { sv, en };

export function describeIssue(issue: Issue, lang: Lang = "sv"): string {
  const template = TEMPLATES[lang][issue.code] as (i: Issue) => string;
  return template(issue);
}
