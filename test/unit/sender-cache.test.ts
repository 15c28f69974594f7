import { describe, expect, it } from "vitest";
import { createSenderCache, ONE_PERSON, PATCH_ONE } from "../../src/db/sender-cache.js";

interface Row {
  pseudonym: string;
  role: string;
}
const write = (sql: string, args: unknown[] = []) => ({ sql, args, argTypes: [] });

function setUp() {
  let clock = 0;
  const rows = new Map<number, Row>([
    [1, { pseudonym: "p1", role: "officer" }],
    [2, { pseudonym: "p2", role: "officer" }],
  ]);
  const loads: number[] = [];
  const cache = createSenderCache<Row>({ pseudonymOf: (r) => r.pseudonym, ttlMs: 1000, monotonicMs: () => clock });
  const read = (id: number) =>
    cache.get(id, async () => {
      loads.push(id);
      const row = rows.get(id);
      return row ? { ...row } : null;
    });
  return { cache, rows, loads, read, advance: (ms: number) => (clock += ms) };
}

describe("sender cache", () => {
  it("When a sender is read twice within the expiry, then the database is asked once", async () => {
    const { read, loads } = setUp();
    expect(await read(1)).toEqual({ pseudonym: "p1", role: "officer" });
    expect(await read(1)).toEqual({ pseudonym: "p1", role: "officer" });
    expect(await read(3)).toBeNull();
    expect(await read(3)).toBeNull();
    expect(loads).toEqual([1, 3]);
  });

  it("When the expiry passes, then the sender is read again", async () => {
    const { read, loads, advance } = setUp();
    await read(1);
    advance(1001);
    await read(1);
    expect(loads).toEqual([1, 1]);
  });

  it("When a write names one person's session or conversation key, then only that person is read again", async () => {
    const { cache, read, loads } = setUp();
    await read(1);
    await read(2);
    cache.onWrite(write(`INSERT INTO "public"."kv_state" ("key","value") VALUES ($1,$2)`, ["session:p1", "{}"]));
    await read(1);
    await read(2);
    cache.onWrite(write(`DELETE FROM "public"."kv_state" WHERE "key" LIKE $1`, ["%:p2"]));
    await read(1);
    await read(2);
    expect(loads).toEqual([1, 2, 1, 2]);
  });

  it("When a write touches members or identities, or kv_state without a person's key, then everyone is read again", async () => {
    const { cache, read, loads, rows } = setUp();
    await read(1);
    await read(2);
    rows.set(2, { pseudonym: "p2", role: "trainer" });
    cache.onWrite(write(`UPDATE "public"."members" SET "role" = $1 WHERE "handle" = $2`, ["trainer", "ABC"]));
    expect(await read(2)).toEqual({ pseudonym: "p2", role: "trainer" });
    await read(1);
    cache.onWrite(write(`UPDATE "public"."kv_state" SET "value" = $1 WHERE "key" = $2`, ["x", "content:version"]));
    await read(1);
    cache.onWrite(write(`INSERT INTO "public"."usage_events" ("type") VALUES ($1)`, ["session:p1"]));
    await read(1);
    expect(loads).toEqual([1, 2, 2, 1, 1]);
  });

  it("When a write happens while a sender is being read, then what that read saw is not kept", async () => {
    const { cache, rows } = setUp();
    let release: () => void = () => {};
    const slow = cache.get(1, async () => {
      const before = { ...(rows.get(1) as Row) };
      await new Promise<void>((r) => {
        release = r;
      });
      return before;
    });
    rows.set(1, { pseudonym: "p1", role: "trainer" });
    cache.onWrite(write(`UPDATE "public"."members" SET "role" = $1 WHERE "pseudonym" = $2`, ["trainer", "p1"]));
    release();
    expect(await slow).toEqual({ pseudonym: "p1", role: "officer" });
    expect(await cache.get(1, async () => ({ ...(rows.get(1) as Row) }))).toEqual({ pseudonym: "p1", role: "trainer" });
  });

  it("When a write names another person's state while a sender is being read, then the read is kept", async () => {
    const { cache, rows, loads, read } = setUp();
    let release: () => void = () => {};
    const slow = cache.get(1, async () => {
      loads.push(1);
      await new Promise<void>((r) => {
        release = r;
      });
      return { ...(rows.get(1) as Row) };
    });
    cache.onWrite(write(`INSERT INTO "public"."kv_state" ("key","value") VALUES ($1,$2)`, ["conv:p2", "{}"]));
    release();
    await slow;
    await read(1);
    expect(loads).toEqual([1]);
  });

  it("When a statement only reads sender tables while writing another, then nothing is dropped", async () => {
    const { cache, read, loads } = setUp();
    await read(1);
    cache.onWrite(
      write(`WITH picked AS (SELECT o.id FROM outbox o LEFT JOIN members m ON m.pseudonym = o.recipient)
        UPDATE outbox SET state = 'sending' FROM picked WHERE outbox.id = picked.id`),
    );
    await read(1);
    cache.onWrite(write(`TRUNCATE "outbox", "members" CASCADE`));
    await read(1);
    expect(loads).toEqual([1, 1]);
  });

  it("When a statement is marked as changing one person's rows, then only that person is read again", async () => {
    const { cache, read, loads } = setUp();
    await read(1);
    await read(2);
    cache.onWrite(write(`UPDATE members ${ONE_PERSON(1)} SET last_active_on = $2 WHERE pseudonym = $1`, ["p1", "x"]));
    await read(1);
    await read(2);
    expect(loads).toEqual([1, 2, 1]);
  });

  it("When a statement carries a patch the cache knows, then that person's entry is changed and not read again", async () => {
    const loads: number[] = [];
    const cache = createSenderCache<Row>({
      pseudonymOf: (r) => r.pseudonym,
      patches: { promote: (row, args) => ({ ...row, role: String(args[1]) }) },
    });
    const read = (id: number) =>
      cache.get(id, async () => {
        loads.push(id);
        return { pseudonym: `p${id}`, role: "officer" };
      });
    await read(1);
    await read(2);
    cache.onWrite(write(`UPDATE members ${PATCH_ONE("promote", 1)} SET role = $2 WHERE pseudonym = $1`, ["p1", "x"]));
    expect(await read(1)).toEqual({ pseudonym: "p1", role: "x" });
    expect(await read(2)).toEqual({ pseudonym: "p2", role: "officer" });
    expect(loads).toEqual([1, 2]);
  });

  it("When a statement carries a patch the cache does not know, then that person is read again", async () => {
    const { cache, read, loads } = setUp();
    await read(1);
    await read(2);
    cache.onWrite(write(`UPDATE members ${PATCH_ONE("unknown", 1)} SET role = $2 WHERE pseudonym = $1`, ["p1", "x"]));
    await read(1);
    await read(2);
    expect(loads).toEqual([1, 2, 1]);
  });

  it("When more senders are read than it holds, then the oldest is dropped", async () => {
    let loads = 0;
    const cache = createSenderCache<Row>({ pseudonymOf: (r) => r.pseudonym, maxEntries: 2 });
    const load = (id: number) => async () => {
      loads++;
      return { pseudonym: `p${id}`, role: "officer" };
    };
    for (const id of [1, 2, 3, 3, 2, 1]) await cache.get(id, load(id));
    expect(cache.size).toBe(2);
    expect(loads).toBe(4);
  });
});
