// Runs the real app (createApp: bot, runner, database) in-process against the HTTP emulator,
// with logs captured so tests can assert what is (and is not) logged.
import { Writable } from "node:stream";
import { type Emulator, startEmulator, type TestUser } from "../../emulator/index.js";
import { type App, createApp } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, truncateAll } from "./db.js";

export const TEST_TOKEN = "123456:TEST-token-secret";

export interface TestBot {
  app: App;
  emu: Emulator;
  db: Database;
  logs: string[];
  /** Resolves once every update injected so far has been fully handled (state written, logged). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestBot(
  /** `db`: reuse a database (a restart of the same bot); it is then left open by stop(). */
  opts: { env?: Record<string, string>; now?: () => Date; emu?: Emulator; db?: Database } = {},
): Promise<TestBot> {
  const emu =
    opts.emu ??
    (await startEmulator({ globalRatePerSec: Number.POSITIVE_INFINITY, perChatPerSec: Number.POSITIVE_INFINITY }));
  const db = opts.db ?? (await createTestDatabase());
  const logs: string[] = [];
  let injected = 0;
  let handled = 0;
  let waiters: (() => void)[] = [];
  const wake = () => {
    if (handled < injected) return;
    for (const w of waiters) w();
    waiters = [];
  };
  emu.on("update", () => {
    injected++;
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      const line = String(chunk);
      logs.push(line);
      if (line.includes('"msg":"update handled"')) {
        handled++;
        wake();
      }
      done();
    },
  });
  const config = createConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    PSEUDONYM_KEY: "test-pseudonym-key-0123456789abcdef",
    LOG_LEVEL: "debug",
    // Scripted flows press faster than people do: the flood limit is tested on its own (test/bot/flood.test.ts).
    FLOOD_LIMIT_PER_10S: "10000",
    // No cron: tests run jobs themselves (scheduler.runNow) at their own clock. On the wall clock, the tips job
    // would send real tip slots to seeded officers whenever the suite runs in a slot's hours.
    JOBS: "off",
    ...opts.env,
  });
  const logger = createLogger({ level: "debug", destination: sink, secrets: [TEST_TOKEN] });
  const app = await createApp({ config, logger, db, ...(opts.now ? { now: opts.now } : {}) });
  await app.start();
  return {
    app,
    emu,
    db,
    logs,
    idle: () => (handled >= injected ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    async stop() {
      await app.stop();
      if (!opts.db) await db.close();
      if (!opts.emu) await emu.close();
    },
  };
}

/** Waits for the next bot message to this user whose text contains `fragment`. */
export async function replyContaining(emu: Emulator, user: TestUser, fragment: string, since: number) {
  const call = await emu.waitFor(
    (c) => c.ok && c.message?.chat.id === user.id && (c.message.text ?? "").includes(fragment),
    {
      since,
    },
  );
  return call.message?.text ?? "";
}

/** Creates an invite code directly through the service (as a trainer would with /invite). */
export async function seedInvite(
  bot: TestBot,
  role: "officer" | "trainer" | "staff" | "admin" = "officer",
  maxUses = 5,
) {
  const { code } = await bot.app.deps.enrolment.create({ role, maxUses, days: 7, createdBy: "seed", now: new Date() });
  return code;
}

const KHMER = /[\u1780-\u17FF]/;
export const hasKhmer = (s: string | undefined) => KHMER.test(s ?? "");

/** Every table row (as JSON text) in the public schema that contains `needle`; for privacy assertions. */
export async function rowsContaining(bot: TestBot, needle: string, tables?: string[]): Promise<string[]> {
  const all = await bot.db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const hits: string[] = [];
  for (const { table_name } of all) {
    if (tables && !tables.includes(table_name)) continue;
    const rows = await bot.db.prisma.$queryRawUnsafe<{ j: string }[]>(
      `SELECT row_to_json(t)::text AS j FROM "${table_name}" t`,
    );
    for (const { j } of rows) if (j.includes(needle)) hits.push(`${table_name}: ${j.slice(0, 200)}`);
  }
  return hits;
}

/** Full onboarding by button presses (English), returning the user. */
export async function enrol(bot: TestBot, user: TestUser, role: "officer" | "trainer" | "staff" | "admin" = "officer") {
  await user.askCommand("start");
  await user.askPress("English");
  await user.askPress("Continue");
  await user.askPress("I agree");
  if (!bot.app.deps.config.ADMIN_TELEGRAM_IDS.includes(user.id)) await user.ask(await seedInvite(bot, role));
  await user.askPress("Kampot");
  await user.askPress("Child Protection Unit");
  await user.askPress("Mon, Wed and Fri");
  await user.askPress("08:00");
  return user;
}

/**
 * Full onboarding by button presses in Khmer. `tips` is the label of the tip-frequency button (default: no tips
 * for now); with another choice, `time` is pressed next. Returns the last reply (the main menu).
 */
export async function enrolKhmer(
  bot: TestBot,
  user: TestUser,
  opts: { role?: "officer" | "trainer" | "staff" | "admin"; tips?: string; time?: string } = {},
) {
  await user.askCommand("start");
  await user.askPress("ភាសាខ្មែរ");
  await user.askPress("បន្ត");
  await user.askPress("ខ្ញុំយល់ព្រម");
  await user.ask(await seedInvite(bot, opts.role ?? "officer"));
  await user.askPress("កំពត");
  await user.askPress("អង្គភាពការពារកុមារ");
  const afterTips = await user.askPress(opts.tips ?? "មិនទាន់ចង់បានគន្លឹះទេ");
  return opts.time ? user.askPress(opts.time) : afterTips;
}

/**
 * For `beforeEach` in files that share one running bot: waits until the bot is idle, then empties every table
 * but the tip library (trainer tips and archive marks are undone), so no test sees rows another test left.
 */
export async function freshData(bot: TestBot): Promise<void> {
  await bot.idle();
  await truncateAll(bot.db, ["tips", "tip_topics"]);
  await bot.db.prisma.tip.deleteMany({ where: { origin: { not: "content" } } });
  await bot.db.prisma.tip.updateMany({
    where: { archivedAt: { not: null } },
    data: { archivedAt: null, archivedBy: null },
  });
}

/** The pseudonym the bot gave this Telegram user at consent (random, found through `identities`), or "". */
export async function pseudonymOf(bot: TestBot, telegramUserId: number): Promise<string> {
  const row = await bot.db.prisma.identity.findUnique({
    where: { telegramUserId: BigInt(telegramUserId) },
    select: { pseudonym: true },
  });
  return row?.pseudonym ?? "";
}

/**
 * Enrols `user` straight through the repositories (consent, then enrolment), as an earlier onboarding would
 * have left them: for tests about something else, where walking onboarding by buttons would only cost time.
 */
export async function seedEnrolled(
  bot: TestBot,
  user: TestUser,
  role: "officer" | "trainer" | "staff" | "admin" = "officer",
  opts: { locale?: "km" | "en"; province?: string; unitType?: "ahtjp" | "cybercrime" | "cpu" | "other" } = {},
): Promise<TestUser> {
  const { members, pseudonyms } = bot.app.deps;
  bot.emu.chats.rememberUser(user.info);
  const { pseudonym } = await members.recordConsent({
    locale: opts.locale ?? (user.info.language_code === "en" ? "en" : "km"),
    telegramUserId: user.id,
    chatId: user.id,
    mint: () => {
      const fresh = pseudonyms.fresh();
      return { pseudonym: fresh, handle: pseudonyms.handleOf(fresh) };
    },
  });
  await members.enrol(pseudonym, { role, province: opts.province ?? "kampot", unitType: opts.unitType ?? "cpu" });
  return user;
}
