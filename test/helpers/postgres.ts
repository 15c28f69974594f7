// Small admin helpers for the real-Postgres test mode.
import pg from "pg";

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements one by one on one connection (CREATE DATABASE cannot run in a transaction). */
export async function adminQuery(adminUrl: string, sql: string | string[]): Promise<{ datname: string }[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    let rows: { datname: string }[] = [];
    for (const statement of Array.isArray(sql) ? sql : [sql]) rows = (await client.query(statement)).rows;
    return rows;
  } finally {
    await client.end();
  }
}
