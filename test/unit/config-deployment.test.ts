// The deployment settings (src/config-deployment.ts): webhook mode needs its URL, secret and port; the outbox
// lease must outlast a send plus the longest 429 pause; every bad value is one clear line.
import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.js";

const TOKEN = { BOT_TOKEN: "123456:ABCdef" };

function errorLines(env: Record<string, string>): string[] {
  try {
    createConfig({ ...TOKEN, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.lines;
    throw err;
  }
  return [];
}

describe("deployment configuration", () => {
  it("When nothing is set, then Mitt polls, runs jobs in the bot process and opens no port", () => {
    const c = createConfig(TOKEN);
    expect(c.BOT_MODE).toBe("polling");
    expect(c.JOBS).toBe("bot");
    expect(c.PORT).toBeUndefined();
    expect(c.WEBHOOK_DELETE_ON_SHUTDOWN).toBe(false);
  });

  it("When BOT_MODE=webhook lacks URL, secret and port, then each is named on its own line", () => {
    const lines = errorLines({ BOT_MODE: "webhook" });
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["PORT", "WEBHOOK_SECRET", "WEBHOOK_URL"]);
  });

  it("When the webhook secret has characters Telegram refuses, then WEBHOOK_SECRET is named", () => {
    const lines = errorLines({
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://mitt.example.org/tg",
      WEBHOOK_SECRET: "short secret!",
      PORT: "8080",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^WEBHOOK_SECRET /);
  });

  it("When a complete webhook setup is given, then it is accepted", () => {
    const c = createConfig({
      ...TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://mitt.example.org/tg",
      WEBHOOK_SECRET: "a".repeat(32),
      PORT: "8080",
    });
    expect(c.PORT).toBe(8080);
  });

  it("When the outbox lease is not longer than a send plus the longest retry_after, then it is refused", () => {
    const lines = errorLines({
      DELIVERY_LEASE_SECONDS: "40",
      DELIVERY_SEND_TIMEOUT_SECONDS: "15",
      DELIVERY_MAX_RETRY_AFTER_SECONDS: "30",
    });
    expect(lines).toEqual([
      "DELIVERY_LEASE_SECONDS must be more than DELIVERY_SEND_TIMEOUT_SECONDS + DELIVERY_MAX_RETRY_AFTER_SECONDS (45)",
    ]);
  });

  it("When JOBS or PORT are not valid, then each is named", () => {
    const lines = errorLines({ JOBS: "sometimes", PORT: "99999" });
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["JOBS", "PORT"]);
  });
});
