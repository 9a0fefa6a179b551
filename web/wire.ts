/**
 * Answers of the API the page reads whose schemas are not (yet) in shared/: kept to the
 * service's contract and parsed like every other answer. To go once shared/api.ts has them.
 */
import { z } from "zod";
import { ClientKind, TokenRef } from "../shared/api";
import { ReportKind } from "../shared/report";

export const StatusReport = z.object({
  associationId: z.string(),
  kind: ReportKind,
  period: z.string(),
  years: z.array(z.string()),
  revision: z.number().int().positive(),
  createdAt: z.string(),
  token: TokenRef.nullable(),
  client: ClientKind,
});
export type StatusReport = z.infer<typeof StatusReport>;

export const Status = z.object({
  associations: z.array(z.object({ id: z.string(), name: z.string(), orgnr: z.string() })),
  reports: z.array(StatusReport),
});
export type Status = z.infer<typeof Status>;

export const CreatedAssociation = z.object({ id: z.string(), token: z.string(), tokenId: z.string() });
export const IssuedToken = z.object({ tokenId: z.string(), token: z.string() });

export const TokenInfo = z.object({
  id: z.string(),
  scope: z.enum(["association", "network"]),
  associationId: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;
export const TokenList = z.array(TokenInfo);

/** A network total of participant counts: the known sum, a lower bound where counts are hidden. */
export const NetworkCount = z.object({
  value: z.number(),
  lowerBound: z.boolean(),
  suppressedIn: z.number().int().nonnegative(),
});
export type NetworkCount = z.infer<typeof NetworkCount>;
