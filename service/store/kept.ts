/**
 * Values kept in memory by key, the least recently used let go first once their sizes pass a
 * limit together. For what never changes once stored — a revision, its parsed report — so a
 * value kept is never stale.
 */
export class Kept<T> {
  private readonly values = new Map<string, T>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  get(key: string): T | undefined {
    const found = this.values.get(key);
    if (found !== undefined) {
      // Most recently used last: the first key is the one to let go.
      this.values.delete(key);
      this.values.set(key, found);
    }
    return found;
  }

  set(key: string, value: T): void {
    const prior = this.values.get(key);
    if (prior !== undefined) this.total -= this.sizeOf(prior);
    this.values.delete(key);
    const size = this.sizeOf(value);
    if (size > this.limit) return;
    this.values.set(key, value);
    this.total += size;
    for (const [k, v] of this.values) {
      if (this.total <= this.limit) break;
      this.values.delete(k);
      this.total -= this.sizeOf(v);
    }
  }

  get size(): number {
    return this.values.size;
  }
}

/** A revision's primary key as one string. */
export const revisionKey = (r: {
  readonly associationId: string;
  readonly kind: string;
  readonly period: string;
  readonly revision: number;
}): string => `${r.associationId}\u0000${r.kind}\u0000${r.period}\u0000${r.revision}`;
