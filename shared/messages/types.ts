/** The shape of a language's messages: one template per issue code and one per failure code. */
import type { FailureCode, FailureOf } from "../failures";
import type { IssueCode, IssueOf } from "../issues";

export type Lang = "sv" | "en";

export type MessageTemplates = { readonly [C in IssueCode]: (issue: IssueOf<C>) => string };

export type FailureTemplates = { readonly [C in FailureCode]: (failure: FailureOf<C>) => string };
