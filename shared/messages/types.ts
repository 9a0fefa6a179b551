/** The shape of a language's issue messages: one template per issue code. */
import type { IssueCode, IssueOf } from "../issues";

export type Lang = "sv" | "en";

export type MessageTemplates = { readonly [C in IssueCode]: (issue: IssueOf<C>) => string };
