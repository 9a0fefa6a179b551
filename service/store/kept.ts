/**
 * What never changes once stored — a revision's body, its parsed report — kept in memory by
 * the revision's primary key, the least recently used let go first once the bodies together
 * pass a size. A value kept is never stale.
 */
import { LRUCache } from "lru-cache";

/** A revision's primary key as one string. */
export const revisionKey = (r: {
  readonly associationId: string;
  readonly kind: string;
  readonly period: string;
  /** The insats a report is filed under; '' or absent for the whole list. */
  readonly insats?: string | undefined;
  readonly revision: number;
}): string => `${r.associationId}\u0000${r.kind}\u0000${r.period}\u0000${r.insats ?? ""}\u0000${r.revision}`;

/** Values by revision key, at most `characters` of body text together. */
export const keptByRevision = <T extends { readonly body: string }>(
  characters: number,
): LRUCache<string, T> =>
  new LRUCache<string, T>({
    maxSize: characters,
    sizeCalculation: (value) => Math.max(1, value.body.length),
  });
