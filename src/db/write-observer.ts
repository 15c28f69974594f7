// Reports every SQL statement that may change rows, as Prisma sends it through its driver adapter: once the
// statement has run, and again when its transaction ends (another connection sees the change only after the
// commit). In-memory caches of database rows (sender-cache.ts) listen here, so no write can bypass them:
// model calls, raw SQL and interactive transactions all pass through the adapter. Hand-written: Prisma's client
// extensions see model calls but not what a raw statement touches, and would change the client's type everywhere.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";

export type WriteListener = (query: SqlQuery) => void;

/** Statements that can change rows. A CTE may write (WITH … UPDATE), so it counts as one: better a needless report. */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|TRUNCATE|MERGE|WITH|COPY|ALTER|DROP)\b/i;

export const isWrite = (sql: string) => WRITE.test(sql);

/** Statements whose target tables are not read from the text here: treated as writing every table. */
const WRITES_ANYTHING = /^\s*(TRUNCATE|MERGE|COPY|ALTER|DROP)\b/i;
/** The target of each INSERT, UPDATE or DELETE in a statement (CTEs included), schema and quotes left out. */
const TARGET = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"?\w+"?\.)?"?(\w+)"?/gi;

/**
 * The tables a write statement changes, or "any" when that cannot be told from its text. Tables it only reads
 * (joins, subqueries) are not listed. `DO UPDATE SET` and `FOR UPDATE SKIP` add harmless names ("SET", "SKIP").
 */
export function writtenTables(sql: string): Set<string> | "any" {
  if (WRITES_ANYTHING.test(sql)) return "any";
  const tables = new Set<string>();
  for (const m of sql.matchAll(TARGET)) tables.add((m[1] as string).toLowerCase());
  return tables;
}

/** Makes the factory's connections report writes to `listener` (the factory object itself is patched and returned). */
export function observeWrites<F extends SqlDriverAdapterFactory>(factory: F, listener: WriteListener): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => observeAdapter(await connect(), listener);
  return factory;
}

function observeAdapter(adapter: SqlDriverAdapter, listener: WriteListener): SqlDriverAdapter {
  observeQueryable(adapter, listener);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const tx = await startTransaction(...args);
    const written: SqlQuery[] = [];
    observeQueryable(tx, (q) => {
      written.push(q);
      listener(q);
    });
    for (const end of ["commit", "rollback"] as const) {
      const original = tx[end].bind(tx);
      tx[end] = () => original().finally(() => written.forEach(listener));
    }
    return tx;
  };
  return adapter;
}

function observeQueryable(q: SqlQueryable, listener: WriteListener): void {
  for (const name of ["queryRaw", "executeRaw"] as const) {
    const original = q[name].bind(q) as (query: SqlQuery) => Promise<never>;
    q[name] = (query: SqlQuery) => {
      if (!isWrite(query.sql)) return original(query);
      // Reported before and after: a read that starts while the write runs must not be remembered as current.
      listener(query);
      return original(query).finally(() => listener(query));
    };
  }
}
