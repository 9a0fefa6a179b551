/**
 * The one SQL implementation of the Store, written against a tiny query/transaction adapter so
 * that PGlite and PostgreSQL run exactly the same statements. Revisions are inserted, never
 * updated; the primary key (association, kind, period, revision) decides concurrent writers.
 */
import { createHash } from "node:crypto";
import { ClientKind, type RevisionInfo, type Status } from "../../shared/api";
import { coveredYears, type ReportHead } from "../../shared/merge";
import { type BudgetGroup, Report, type ReportKind } from "../../shared/report";
import { keptByRevision, revisionKey } from "./kept";
import type {
  Association,
  FoundToken,
  GroupOverride,
  PutReportInput,
  PutReportResult,
  Store,
  StoredRevision,
  StoredRevisionText,
  TokenRecord,
  TokenScope,
} from "./types";

export type Row = Record<string, unknown>;

/**
 * A statement every request runs (the token lookup, the write): PostgreSQL keeps it parsed and
 * planned per connection instead of doing that work on each call. Its columns are named, never
 * `*`: a prepared `SELECT *` fails once a later migration adds a column.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

export const prepared = (name: string, text: string): Prepared => ({ name: `samsyn_${name}`, text });

export interface SqlRunner {
  query(sql: string | Prepared, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDb extends SqlRunner {
  readonly engine: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Migrations, in order; each runs once, in a transaction, recorded in schema_migrations. */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE associations (
       id text PRIMARY KEY,
       name text NOT NULL,
       orgnr text NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE tokens (
       id text PRIMARY KEY,
       hash text NOT NULL UNIQUE,
       scope text NOT NULL CHECK (scope IN ('association', 'network')),
       association_id text REFERENCES associations(id),
       label text,
       created_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz,
       CHECK ((scope = 'association') = (association_id IS NOT NULL)))`,
    `CREATE TABLE report_revisions (
       association_id text NOT NULL REFERENCES associations(id),
       kind text NOT NULL CHECK (kind IN ('budget', 'participants')),
       period text NOT NULL,
       revision integer NOT NULL CHECK (revision > 0),
       body jsonb NOT NULL,
       body_hash text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (association_id, kind, period, revision))`,
    `CREATE TABLE idempotency_keys (
       association_id text NOT NULL REFERENCES associations(id),
       key text NOT NULL,
       kind text NOT NULL,
       period text NOT NULL,
       revision integer NOT NULL,
       body_hash text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (association_id, key))`,
    `CREATE TABLE group_overrides (
       association_id text NOT NULL REFERENCES associations(id),
       label text NOT NULL,
       group_name text NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (association_id, label))`,
  ],
  [
    // The years a revision answers for, so the merge chooses reports without loading bodies.
    "ALTER TABLE report_revisions ADD COLUMN years text[]",
    `UPDATE report_revisions SET years = ARRAY(
       SELECT DISTINCT m[1]
         FROM jsonb_array_elements_text(
                CASE WHEN kind = 'budget' THEN body->'periods' ELSE jsonb_build_array(body->'period') END) AS p,
              regexp_matches(p, '(?:^|\\D)((?:19|20)\\d{2})(?!\\d)') AS m
        ORDER BY 1)`,
    "ALTER TABLE report_revisions ALTER COLUMN years SET NOT NULL",
  ],
  [
    // Who sent each revision and from where; rows from before stay unknown (null), "api", no override.
    "ALTER TABLE report_revisions ADD COLUMN token_id text REFERENCES tokens(id)",
    `ALTER TABLE report_revisions ADD COLUMN client text NOT NULL DEFAULT 'api'
       CHECK (client IN ('addin', 'cli', 'api'))`,
    "ALTER TABLE report_revisions ADD COLUMN override boolean NOT NULL DEFAULT false",
  ],
  [
    // When each token last got past authentication, written at most once a minute per token.
    "ALTER TABLE tokens ADD COLUMN last_used_at timestamptz",
  ],
  [
    // A participant list with an insats column files one report per insats: the insats is part
    // of where a report is filed. '' is the whole list, as every report before was filed.
    "ALTER TABLE report_revisions ADD COLUMN insats text NOT NULL DEFAULT ''",
    "ALTER TABLE report_revisions DROP CONSTRAINT report_revisions_pkey",
    "ALTER TABLE report_revisions ADD PRIMARY KEY (association_id, kind, period, insats, revision)",
    "ALTER TABLE idempotency_keys ADD COLUMN insats text NOT NULL DEFAULT ''",
  ],
];

const MIGRATION_LOCK = 7_270_001;

/** Runs the migrations not yet applied; tests pass a prefix to build a database as an older version left it. */
export async function migrate(
  db: SqlDb,
  migrations: readonly (readonly string[])[] = MIGRATIONS,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Two servers starting against one PostgreSQL must not both migrate.
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await tx.query("SELECT version FROM schema_migrations");
    const applied = new Set(done.map((r) => Number(r.version)));
    for (const [i, statements] of migrations.entries()) {
      const version = i + 1;
      if (applied.has(version)) continue;
      for (const statement of statements) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
    }
  });
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const iso = (v: unknown): string => new Date(v as string | Date).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";

const toAssociation = (r: Row): Association => ({
  id: String(r.id),
  name: String(r.name),
  orgnr: String(r.orgnr),
  createdAt: iso(r.created_at),
});

const toToken = (r: Row): TokenRecord => ({
  id: String(r.id),
  scope: r.scope as TokenScope,
  associationId: r.association_id === null ? null : String(r.association_id),
  label: r.label === null ? null : String(r.label),
  createdAt: iso(r.created_at),
  revokedAt: isoOrNull(r.revoked_at),
  lastUsedAt: isoOrNull(r.last_used_at),
});

/** The token that sent a revision, from a row joined with tokens (token_id, token_label). */
const tokenRefOf = (r: Row) =>
  r.token_id === null || r.token_id === undefined
    ? null
    : { id: String(r.token_id), label: r.token_label === null ? null : String(r.token_label) };

/** A token recorded as used this long ago is used "now" for lastUsedAt: no write before it is older. */
const TOKEN_USE_RESOLUTION = "1 minute";

const toRevision = (r: Row): StoredRevision => ({
  associationId: String(r.association_id),
  kind: r.kind as ReportKind,
  period: String(r.period),
  insats: r.insats === undefined || r.insats === null ? "" : String(r.insats),
  revision: Number(r.revision),
  // Stored bodies were validated on the way in; parse again so a type never lies.
  report: Report.parse(json(r.body)),
  createdAt: iso(r.created_at),
});

// The age is judged by the database's clock, the one that wrote last_used_at.
const FIND_TOKEN = prepared(
  "find_token",
  `SELECT id, scope, association_id, label, created_at, revoked_at, last_used_at,
          coalesce(last_used_at > now() - interval '${TOKEN_USE_RESOLUTION}', false) AS used_within_minute
     FROM tokens WHERE hash = $1 AND revoked_at IS NULL`,
);

// The condition again here: of several requests that all saw an old time, one writes.
const RECORD_TOKEN_USE = prepared(
  "record_token_use",
  `UPDATE tokens SET last_used_at = now()
    WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - interval '${TOKEN_USE_RESOLUTION}')`,
);

const PUT_REPORT = prepared(
  "put_report",
  `WITH prior AS (
     SELECT kind, period, insats, revision, body_hash FROM idempotency_keys
      WHERE $2::text IS NOT NULL AND association_id = $1 AND key = $2
   ), latest AS (
     SELECT coalesce(max(revision), 0) AS current FROM report_revisions
      WHERE association_id = $1 AND kind = $3 AND period = $4 AND insats = $12
   ), created AS (
     INSERT INTO report_revisions
       (association_id, kind, period, insats, revision, body, body_hash, years, token_id, client, override)
     SELECT $1, $3, $4, $12, current + 1, $5::jsonb, $7, ARRAY(SELECT jsonb_array_elements_text($8::jsonb)), $9, $10, $11
       FROM latest
      WHERE NOT EXISTS (SELECT 1 FROM prior) AND ($6::int = -1 OR current = $6::int)
     RETURNING revision
   ), remembered AS (
     INSERT INTO idempotency_keys (association_id, key, kind, period, insats, revision, body_hash)
     SELECT $1, $2, $3, $4, $12, revision, $7 FROM created WHERE $2::text IS NOT NULL
   )
   SELECT (SELECT current FROM latest) AS current,
          (SELECT revision FROM created) AS created,
          p.kind AS prior_kind, p.period AS prior_period, p.insats AS prior_insats, p.revision AS prior_revision,
          p.body_hash AS prior_hash
     FROM (SELECT 1) AS one LEFT JOIN prior p ON true`,
);

// The latest of each (association, period, insats) first, then the year: an older revision that
// covered the year does not answer once a newer one of the same report no longer does.
const LATEST_HEADS = prepared(
  "latest_heads_insats",
  `SELECT association_id, period, insats, revision, created_at, years FROM (
     SELECT DISTINCT ON (association_id, period, insats) association_id, period, insats, revision, created_at, years
       FROM report_revisions WHERE kind = $1
      ORDER BY association_id, period, insats, revision DESC) latest
    WHERE $2 = ANY(years)`,
);

// Each key looked up by the primary key, so a query's cost does not grow with the history.
const GET_REVISIONS = prepared(
  "get_revisions_insats",
  `SELECT r.association_id, r.kind, r.period, r.insats, r.revision, r.created_at, r.body::text AS body
     FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS k(association_id, period, revision, insats)
     JOIN LATERAL (
       SELECT association_id, kind, period, insats, revision, created_at, body FROM report_revisions
        WHERE association_id = k.association_id AND kind = $1
          AND period = k.period AND insats = k.insats AND revision = k.revision) r ON true`,
);

// The latest of each (period, insats) of one association's reports of a kind.
const LATEST_REPORTS = prepared(
  "latest_reports_insats",
  `SELECT DISTINCT ON (period, insats) association_id, kind, period, insats, revision, body, created_at
     FROM report_revisions WHERE association_id = $1 AND kind = $2
    ORDER BY period, insats, revision DESC`,
);

/** One guarded writer of an association at a time: the lock's key, by association. */
const GUARD_LOCK = "SELECT pg_advisory_xact_lock(hashtext('samsyn.publish'), hashtext($1))";

const MAX_ATTEMPTS = 50;
const REVISIONS_PER_QUERY = 32;

/** Bodies kept in memory, at most this many characters (a few MB: every association's reports many times over). */
const BODY_CHARACTERS_KEPT = 16 * 1024 * 1024;

export class SqlStore implements Store {
  private readonly bodies = keptByRevision<StoredRevisionText>(BODY_CHARACTERS_KEPT);

  constructor(private readonly db: SqlDb) {}

  get engine(): "pglite" | "postgres" {
    return this.db.engine;
  }

  async createAssociation(input: { id: string; name: string; orgnr: string }) {
    try {
      const rows = await this.db.query(
        "INSERT INTO associations (id, name, orgnr) VALUES ($1, $2, $3) RETURNING *",
        [input.id, input.name, input.orgnr],
      );
      return toAssociation(rows[0]!);
    } catch (e) {
      if (isUniqueViolation(e)) return "orgnr-taken" as const;
      throw e;
    }
  }

  async getAssociation(id: string): Promise<Association | null> {
    const rows = await this.db.query("SELECT * FROM associations WHERE id = $1", [id]);
    return rows[0] ? toAssociation(rows[0]) : null;
  }

  async listAssociations(): Promise<Association[]> {
    const rows = await this.db.query("SELECT * FROM associations ORDER BY name, id");
    return rows.map(toAssociation);
  }

  async addToken(input: {
    id: string;
    hash: string;
    scope: TokenScope;
    associationId: string | null;
    label: string | null;
  }): Promise<TokenRecord> {
    const rows = await this.db.query(
      `INSERT INTO tokens (id, hash, scope, association_id, label) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [input.id, input.hash, input.scope, input.associationId, input.label],
    );
    return toToken(rows[0]!);
  }

  async findToken(hash: string): Promise<FoundToken | null> {
    const rows = await this.db.query(FIND_TOKEN, [hash]);
    const r = rows[0];
    return r ? { ...toToken(r), usedWithinMinute: r.used_within_minute === true } : null;
  }

  async recordTokenUse(id: string): Promise<void> {
    await this.db.query(RECORD_TOKEN_USE, [id]);
  }

  async listAllTokens(): Promise<TokenRecord[]> {
    const rows = await this.db.query("SELECT * FROM tokens ORDER BY created_at, id");
    return rows.map(toToken);
  }

  async listTokens(associationId: string | null): Promise<TokenRecord[]> {
    const rows =
      associationId === null
        ? await this.db.query("SELECT * FROM tokens WHERE association_id IS NULL ORDER BY created_at, id")
        : await this.db.query("SELECT * FROM tokens WHERE association_id = $1 ORDER BY created_at, id", [
            associationId,
          ]);
    return rows.map(toToken);
  }

  async revokeToken(id: string, associationId: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE tokens SET revoked_at = now()
        WHERE id = $1 AND revoked_at IS NULL AND association_id IS NOT DISTINCT FROM $2 RETURNING id`,
      [id, associationId],
    );
    return rows.length > 0;
  }

  async putReport(input: PutReportInput): Promise<PutReportResult> {
    const body = JSON.stringify(input.report);
    const bodyHash = sha256(body);
    const years = JSON.stringify(coveredYears(input.report));
    const { tokenId, client, override } = input.source;
    // One statement, so one round trip and one commit: the idempotency key seen before, the
    // latest revision, and — when neither stops it — the insert of latest + 1 (with its key).
    // Two writers on one base both read the same latest; the primary key lets only one insert
    // latest + 1, and the other's statement fails whole and is retried, then sees the winner.
    // $6 is the base: −1 writes unconditionally, 0 only when there is none (If-None-Match: *).
    const params = [
      input.associationId,
      input.idempotencyKey ?? null,
      input.kind,
      input.period,
      body,
      input.base === undefined ? -1 : (input.base ?? 0),
      bodyHash,
      years,
      tokenId,
      client,
      override,
      input.insats ?? "",
    ];
    // A guarded write reads what is published and writes in one transaction, holding the
    // association's lock: two periods sent at once are checked one after the other.
    const { guard } = input;
    const write = guard
      ? () =>
          this.db.transaction(async (tx) => {
            await tx.query(GUARD_LOCK, [input.associationId]);
            const latest = (await tx.query(LATEST_REPORTS, [input.associationId, input.kind])).map(
              toRevision,
            );
            guard(latest.filter((r) => r.period !== input.period || r.insats !== (input.insats ?? "")));
            return tx.query(PUT_REPORT, params);
          })
      : () => this.db.query(PUT_REPORT, params);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let rows: Row[];
      try {
        rows = await write();
      } catch (e) {
        if (isUniqueViolation(e)) continue;
        throw e;
      }
      const r = rows[0]!;
      if (r.prior_revision !== null && r.prior_revision !== undefined)
        return {
          status: "replayed",
          revision: Number(r.prior_revision),
          kind: String(r.prior_kind),
          period: String(r.prior_period),
          ...(r.prior_insats ? { insats: String(r.prior_insats) } : {}),
          sameBody: r.prior_hash === bodyHash,
        };
      if (r.created !== null && r.created !== undefined)
        return { status: "created", revision: Number(r.created) };
      const current = Number(r.current);
      return { status: "conflict", current: current === 0 ? null : current };
    }
    throw new Error(`putReport: no revision after ${MAX_ATTEMPTS} attempts`);
  }

  async getReport(
    associationId: string,
    kind: ReportKind,
    period: string,
    revision?: number,
    insats = "",
  ): Promise<StoredRevision | null> {
    const rows =
      revision === undefined
        ? await this.db.query(
            `SELECT * FROM report_revisions WHERE association_id = $1 AND kind = $2 AND period = $3
                AND insats = $4 ORDER BY revision DESC LIMIT 1`,
            [associationId, kind, period, insats],
          )
        : await this.db.query(
            `SELECT * FROM report_revisions
              WHERE association_id = $1 AND kind = $2 AND period = $3 AND revision = $4 AND insats = $5`,
            [associationId, kind, period, revision, insats],
          );
    return rows[0] ? toRevision(rows[0]) : null;
  }

  async latestReports(associationId: string, kind: ReportKind): Promise<StoredRevision[]> {
    return (await this.db.query(LATEST_REPORTS, [associationId, kind])).map(toRevision);
  }

  async history(
    associationId: string,
    kind: ReportKind,
    period: string,
    insats = "",
  ): Promise<RevisionInfo[]> {
    // The label is read from the token, so a revision shows the name its token has.
    const rows = await this.db.query(
      `SELECT r.revision, r.created_at, r.token_id, t.label AS token_label, r.client, r.override
         FROM report_revisions r LEFT JOIN tokens t ON t.id = r.token_id
        WHERE r.association_id = $1 AND r.kind = $2 AND r.period = $3 AND r.insats = $4 ORDER BY r.revision`,
      [associationId, kind, period, insats],
    );
    return rows.map((r) => ({
      revision: Number(r.revision),
      createdAt: iso(r.created_at),
      token: tokenRefOf(r),
      client: ClientKind.parse(r.client),
      override: r.override === true,
    }));
  }

  async status(): Promise<Status> {
    // One query, one snapshot: every association, with the latest revision of each report it
    // filed (none: one row of nulls). DISTINCT ON walks the primary key's order.
    const rows = await this.db.query(
      `SELECT a.id, a.name, a.orgnr, h.kind, h.period, h.insats, h.revision, h.created_at, h.years,
              h.token_id, t.label AS token_label, h.client
         FROM associations a
         LEFT JOIN (
           SELECT DISTINCT ON (association_id, kind, period, insats)
                  association_id, kind, period, insats, revision, created_at, years, token_id, client
             FROM report_revisions
            ORDER BY association_id, kind, period, insats, revision DESC) h ON h.association_id = a.id
         LEFT JOIN tokens t ON t.id = h.token_id
        ORDER BY a.name, a.id, h.kind, h.period, h.insats`,
    );
    const status: Status = { associations: [], reports: [] };
    for (const r of rows) {
      const id = String(r.id);
      if (status.associations.at(-1)?.id !== id)
        status.associations.push({ id, name: String(r.name), orgnr: String(r.orgnr) });
      if (r.revision === null) continue;
      status.reports.push({
        associationId: id,
        kind: r.kind as ReportKind,
        period: String(r.period),
        // Filed per insats: only where the list had an insats column (else the whole list, no field).
        ...(r.insats ? { insats: String(r.insats) } : {}),
        // The years stored with the revision by coveredYears (merge.ts): the ones latestHeads gives the merge.
        years: [...(r.years as string[])],
        revision: Number(r.revision),
        createdAt: iso(r.created_at),
        token: tokenRefOf(r),
        client: ClientKind.parse(r.client),
      });
    }
    return status;
  }

  async latestHeads(kind: ReportKind, year: string): Promise<ReportHead[]> {
    const rows = await this.db.query(LATEST_HEADS, [kind, year]);
    return rows.map((r) => ({
      associationId: String(r.association_id),
      period: String(r.period),
      ...(r.insats ? { insats: String(r.insats) } : {}),
      revision: Number(r.revision),
      createdAt: iso(r.created_at),
      years: r.years as string[],
    }));
  }

  async getRevisions(kind: ReportKind, keys: readonly ReportHead[]): Promise<StoredRevisionText[]> {
    // A stored revision never changes: the ones loaded before come from memory, so a merge
    // after a new revision loads that one. Kept for one database, by its primary key.
    const keyOf = (k: ReportHead) => revisionKey({ ...k, kind });
    const found = new Map<string, StoredRevisionText>();
    const missing: ReportHead[] = [];
    for (const k of keys) {
      const kept = this.bodies.get(keyOf(k));
      if (kept) found.set(keyOf(k), kept);
      else missing.push(k);
    }
    // A few at a time: PGlite runs each query on the event loop, so no one query may be long.
    for (let i = 0; i < missing.length; i += REVISIONS_PER_QUERY) {
      const chunk = missing.slice(i, i + REVISIONS_PER_QUERY);
      const rows = await this.db.query(GET_REVISIONS, [
        kind,
        chunk.map((k) => k.associationId),
        chunk.map((k) => k.period),
        chunk.map((k) => k.revision),
        chunk.map((k) => k.insats ?? ""),
      ]);
      for (const r of rows) {
        // Frozen: the same object answers every later merge that asks for this revision.
        const revision: StoredRevisionText = Object.freeze({
          associationId: String(r.association_id),
          kind: r.kind as ReportKind,
          period: String(r.period),
          insats: String(r.insats ?? ""),
          revision: Number(r.revision),
          createdAt: iso(r.created_at),
          body: String(r.body),
        });
        this.bodies.set(revisionKey(revision), revision);
        found.set(revisionKey(revision), revision);
      }
    }
    // In the order asked for; a key with no revision stored is left out.
    return keys.flatMap((k) => found.get(keyOf(k)) ?? []);
  }

  async setGroupOverride(o: GroupOverride): Promise<void> {
    await this.db.query(
      `INSERT INTO group_overrides (association_id, label, group_name) VALUES ($1, $2, $3)
       ON CONFLICT (association_id, label) DO UPDATE SET group_name = EXCLUDED.group_name, updated_at = now()`,
      [o.associationId, o.label, o.group],
    );
  }

  async removeGroupOverride(associationId: string, label: string): Promise<boolean> {
    const rows = await this.db.query(
      "DELETE FROM group_overrides WHERE association_id = $1 AND label = $2 RETURNING label",
      [associationId, label],
    );
    return rows.length > 0;
  }

  async groupOverrides(associationId?: string): Promise<GroupOverride[]> {
    const rows =
      associationId === undefined
        ? await this.db.query("SELECT * FROM group_overrides ORDER BY association_id, label")
        : await this.db.query("SELECT * FROM group_overrides WHERE association_id = $1 ORDER BY label", [
            associationId,
          ]);
    return rows.map((r) => ({
      associationId: String(r.association_id),
      label: String(r.label),
      group: r.group_name as BudgetGroup,
    }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
