/** Turns an issue or a failure into words, in Swedish (first) or English. */
import type { Failure } from "../failures";
import type { Issue } from "../issues";
import { en, enFailures } from "./en";
import { sv, svFailures } from "./sv";
import type { FailureTemplates, Lang, MessageTemplates } from "./types";

export type { FailureTemplates, Lang, MessageTemplates };

const TEMPLATES: Readonly<Record<Lang, MessageTemplates>> = { sv, en };
const FAILURE_TEMPLATES: Readonly<Record<Lang, FailureTemplates>> = { sv: svFailures, en: enFailures };

export function describeIssue(issue: Issue, lang: Lang = "sv"): string {
  const template = TEMPLATES[lang][issue.code] as (i: Issue) => string;
  return template(issue);
}

export function describeFailure(failure: Failure, lang: Lang = "sv"): string {
  const template = FAILURE_TEMPLATES[lang][failure.code] as (f: Failure) => string;
  return template(failure);
}
