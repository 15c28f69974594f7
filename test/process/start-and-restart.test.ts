// The bot as `npm start` runs it: a real process, real HTTP to the emulator, a real database
// (PGlite in DATA_DIR, or the run's Postgres when TEST_DATABASE_URL is set).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { hasKhmer } from "../helpers/bot.js";
import { createProcessDatabaseEnv } from "../helpers/db.js";
import { type BotProcess, startBotProcess } from "../helpers/process.js";

let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let running: BotProcess | undefined;
const ADMIN_ID = 8_100_003;

beforeAll(async () => {
  emu = await startEmulator();
  dbEnv = await createProcessDatabaseEnv();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(async () => {
  await emu.close();
  await dbEnv.cleanup();
});

async function boot(): Promise<BotProcess> {
  running = startBotProcess({
    BOT_TOKEN: "123456:TEST",
    TELEGRAM_API_ROOT: emu.apiRoot,
    ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
    ...dbEnv.env,
  });
  await running.waitForLine("Mitt is running", 60_000);
  return running;
}

// Real processes start slowly on a busy 2-core machine (each loads TypeScript and an embedded database).
describe("npm start", { timeout: 120_000 }, () => {
  it("When the token is malformed, then start-up fails with a line naming BOT_TOKEN", async () => {
    const p = startBotProcess({ BOT_TOKEN: "abc", TELEGRAM_API_ROOT: emu.apiRoot, ...dbEnv.env });
    expect(await p.exited).not.toBe(0);
    expect(p.lines.join("\n")).toMatch(/^BOT_TOKEN /m);
  });

  it("When it starts, then the health line names the mode, the database backend and the bot", async () => {
    const p = await boot();
    const health = JSON.parse(await p.waitForLine("Mitt is running"));
    expect(health).toMatchObject({ mode: "polling", bot: "mitt_local_bot" });
    expect(["pglite", "postgres"]).toContain(health.db);
    expect(emu.calls.some((c) => c.method === "getMe")).toBe(true);
  });

  // How fast is measured by `npm run bench:updates`, not here.
  it("When a Khmer user sends /start, then a Khmer answer comes", async () => {
    await boot();
    const u = emu.user({ id: 8_100_001, language_code: "km" });
    const reply = await u.askCommand("start");
    expect(hasKhmer(reply.text)).toBe(true);
  });

  it("When the process restarts between two steps of a conversation, then the conversation resumes at the same step", async () => {
    let p = await boot();
    const u = emu.user({ id: 8_100_002, language_code: "en" });
    await u.askCommand("start");
    expect((await u.askPress("English")).text).toContain("Welcome to Mitt");
    await u.askPress("Continue"); // now at the privacy notice
    expect(await p.stop("SIGTERM")).toBe(0);
    expect(p.lines.join("\n")).toContain('"msg":"stopped"');

    p = await boot();
    expect((await u.askPress("I agree")).text).toContain("invite code");
  });

  it("When the process restarts, then it still knows an enrolled user", async () => {
    await boot();
    const u = emu.user({ id: ADMIN_ID, language_code: "km" }); // admins enrol without an invite code
    await u.askCommand("start");
    await u.askPress("ភាសាខ្មែរ");
    await u.askPress("បន្ត");
    await u.askPress("ខ្ញុំយល់ព្រម");
    await u.askPress("កំពត");
    await u.askPress("ផ្សេងៗ");
    await u.askPress("ថ្ងៃច័ន្ទ ពុធ និងសុក្រ");
    expect((await u.askPress("08:00")).text).toContain("អ្នកគ្រប់គ្រង");
    await running?.stop();
    await boot();
    const menu = await u.askCommand("start");
    expect(menu.text).toContain("ម៉ឺនុយមេ");
    expect(menu.buttons.flat().map((b) => b.text)).toContain("👥 អ្នកប្រើប្រាស់");
  });
});
