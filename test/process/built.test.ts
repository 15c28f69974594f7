// Production runs the compiled JavaScript (`npm start` builds, then runs node dist/main.js): the build must
// work on a clean checkout and the compiled bot must find its locales, content and migrations.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { hasKhmer } from "../helpers/bot.js";
import { createProcessDatabaseEnv } from "../helpers/db.js";
import { type BotProcess, startBuiltBotProcess } from "../helpers/process.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;
let bot: BotProcess | undefined;

beforeAll(async () => {
  emu = await startEmulator();
  dbEnv = await createProcessDatabaseEnv();
});
afterAll(async () => {
  await bot?.stop();
  await emu.close();
  await dbEnv.cleanup();
});

describe("the compiled bot", { timeout: 180_000 }, () => {
  it("When the project is built, then node dist/main.js starts and answers a Khmer /start in Khmer", async () => {
    await promisify(execFile)("npm", ["run", "build", "--silent"], { cwd: ROOT });
    bot = startBuiltBotProcess({ BOT_TOKEN: "123456:BUILT", TELEGRAM_API_ROOT: emu.apiRoot, ...dbEnv.env });
    await bot.waitForLine("Mitt is running", 60_000);
    const reply = await emu.user({ id: 8_300_001, language_code: "km" }).askCommand("start");
    expect(hasKhmer(reply.text)).toBe(true);
  });
});
