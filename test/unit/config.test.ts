import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.js";

function errorsOf(env: Record<string, string | undefined>): string[] {
  try {
    createConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.lines;
    throw err;
  }
  return [];
}

describe("configuration", () => {
  it("When only a valid token is given, then every default applies", () => {
    const c = createConfig({ BOT_TOKEN: "123456:TEST" });
    expect(c.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TZ).toBe("Asia/Phnom_Penh");
    expect(c.ADMIN_TELEGRAM_IDS).toEqual([]);
    expect(c.SEND_RATE_PER_SEC).toBe(25);
  });

  it("When BOT_TOKEN is malformed, then one line names BOT_TOKEN", () => {
    const lines = errorsOf({ BOT_TOKEN: "abc" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^BOT_TOKEN /);
  });

  it("When BOT_TOKEN is missing, then the message explains @BotFather and the local emulator", () => {
    const text = errorsOf({}).join("\n");
    expect(text).toContain("@BotFather");
    expect(text).toContain("npm run dev:local");
  });

  it("When several values are bad, then each bad variable gets its own line", () => {
    const lines = errorsOf({
      BOT_TOKEN: "1:x",
      ADMIN_TELEGRAM_IDS: "12,abc",
      TZ: "Mars/Base",
      DATABASE_URL: "mysql://x",
    });
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["ADMIN_TELEGRAM_IDS", "DATABASE_URL", "TZ"]);
  });

  it("When NODE_ENV is production without PSEUDONYM_KEY, then start-up is refused", () => {
    expect(errorsOf({ BOT_TOKEN: "1:x", NODE_ENV: "production" }).join()).toMatch(/^PSEUDONYM_KEY /);
  });

  it("When admin ids are listed with spaces, then they are parsed as numbers", () => {
    expect(createConfig({ BOT_TOKEN: "1:x", ADMIN_TELEGRAM_IDS: " 11, 22 " }).ADMIN_TELEGRAM_IDS).toEqual([11, 22]);
  });
});
