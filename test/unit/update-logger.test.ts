import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Context } from "../../src/bot/context.js";
import { SLOW_UPDATE_MS, updateLogger } from "../../src/bot/middlewares/update-logger.js";
import { createLogger } from "../../src/logger.js";

function fakeContext(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const ctx = { update: { update_id: 1, message: { text: "/help" } }, deps: { logger }, log: logger, handler: "help" };
  return { ctx: ctx as unknown as Context, lines };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("update logger", () => {
  it("When an update is handled quickly at info level, then nothing is logged", async () => {
    const { ctx, lines } = fakeContext("info");
    await updateLogger(ctx, async () => {});
    expect(lines).toEqual([]);
  });

  it("When an update takes a second or more, then one info line says so, without content", async () => {
    const { ctx, lines } = fakeContext("info");
    let t = 0;
    vi.spyOn(performance, "now").mockImplementation(() => t);
    await updateLogger(ctx, async () => {
      t += SLOW_UPDATE_MS;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "update handled", type: "message:command", handler: "help", slow: true });
    expect(JSON.stringify(lines[0])).not.toContain("/help");
  });

  it("When the level is debug, then every update has its line", async () => {
    const { ctx, lines } = fakeContext("debug");
    await updateLogger(ctx, async () => {});
    expect(lines).toEqual([expect.objectContaining({ msg: "update handled", handler: "help" })]);
  });
});
