import { once } from "node:events";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { callApi } from "./helpers.js";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("emulator: getUpdates", () => {
  it("When an update is injected during a long poll, then the poll returns it at once and the next offset confirms it", async () => {
    emu = await startEmulator();
    const e = emu;
    const waiting = once(e, "poll");
    const started = Date.now();
    const poll = callApi(e, "getUpdates", { timeout: 30 });
    await waiting;
    const injected = e.user({ id: 1001, first_name: "Dara", language_code: "km" }).send("សួស្តី");
    const answer = await poll;
    expect(Date.now() - started).toBeLessThan(5000);
    const updates = answer.body.result as Update[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.update_id).toBe(injected.update_id);
    expect(updates[0]?.message?.text).toBe("សួស្តី");
    expect(updates[0]?.message?.from?.language_code).toBe("km");
    expect(Number.isInteger(updates[0]?.message?.date)).toBe(true);
    expect(updates[0]?.message?.date).toBeLessThan(1e11);

    const again = await callApi(e, "getUpdates", { timeout: 0 });
    expect((again.body.result as Update[]).map((u) => u.update_id)).toEqual([injected.update_id]);
    const confirmed = await callApi(e, "getUpdates", { offset: injected.update_id + 1, timeout: 0 });
    expect(confirmed.body.result).toEqual([]);
    expect(e.pendingUpdates()).toEqual([]);
  });

  it("When limit is given, then at most that many updates come back in order", async () => {
    emu = await startEmulator();
    const e = emu;
    const u = e.user({ id: 1 });
    for (const t of ["a", "b", "c"]) u.send(t);
    const answer = await callApi(e, "getUpdates", { limit: 2 });
    expect((answer.body.result as Update[]).map((x) => x.message?.text)).toEqual(["a", "b"]);
  });

  it("When a second poller uses the same token, then the pending poll gets 409 Conflict", async () => {
    emu = await startEmulator();
    const e = emu;
    const waiting = once(e, "poll");
    const first = callApi(e, "getUpdates", { timeout: 30 });
    await waiting;
    const second = await callApi(e, "getUpdates", { timeout: 0 });
    expect(second.status).toBe(200);
    const conflicted = await first;
    expect(conflicted.status).toBe(409);
    expect(conflicted.body.description).toMatch(/^Conflict: terminated by other getUpdates request/);
  });

  it("When pollConflict is reject-newer, then the new poller gets 409 and the pending one keeps waiting", async () => {
    emu = await startEmulator({ pollConflict: "reject-newer" });
    const e = emu;
    const waiting = once(e, "poll");
    const first = callApi(e, "getUpdates", { timeout: 30 });
    await waiting;
    expect((await callApi(e, "getUpdates", { timeout: 0 })).status).toBe(409);
    e.user({ id: 1 }).send("still here");
    expect(((await first).body.result as Update[])[0]?.message?.text).toBe("still here");
  });

  it("When the emulator closes during a long poll, then close does not hang and the poll ends", async () => {
    const e = await startEmulator();
    const waiting = once(e, "poll");
    const poll = callApi(e, "getUpdates", { timeout: 50 }).catch((err: unknown) => err);
    await waiting;
    await e.close();
    await poll;
  });
});
