// npm run dev:local — try Mitt without Telegram: starts the local Bot API emulator, runs the bot against it
// (logs in ./data/local/bot.log), and opens a chat in this terminal as a test user.
//   --port 8081  --user 1001  --lang km  --name Dara  --admin (make the user an administrator)
//   --bot src/main.ts (entry to run)  --no-bot (emulator only; run the bot yourself with TELEGRAM_API_ROOT)
//   --env-db (keep DATABASE_URL from the environment/.env; default: embedded database in ./data/local)
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { type ApiCall, type SentMessage, startEmulator, type TestUser, toView } from "../emulator/index.js";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "8081" },
    user: { type: "string", default: "1001" },
    lang: { type: "string", default: "km" },
    name: { type: "string", default: "Dara" },
    bot: { type: "string", default: "src/main.ts" },
    "no-bot": { type: "boolean", default: false },
    admin: { type: "boolean", default: false },
    "env-db": { type: "boolean", default: false },
  },
});

const TOKEN = "1000000001:LOCALDEV";
const DATA_DIR = "./data/local";
const LOG_FILE = path.join(DATA_DIR, "bot.log");
const HELP = `Type a message, or:
  /command args   send a command            #2        press button 2 of the last message with buttons
  :sticker  :photo [caption]  :voice        :user 1002 en [Name]   switch user
  :block  :unblock   :log [lines]   :restart (the bot)   :help   :quit (or Ctrl-C)`;

const emu = await startEmulator({ port: Number(args.port) });
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });

let user: TestUser = makeUser(Number(args.user), args.lang, args.name);
let child: ChildProcess | undefined;
let stopping = false;
let logStart = 0;

function makeUser(id: number, lang?: string, name?: string): TestUser {
  return emu.user({ id, first_name: name ?? `User ${id}`, ...(lang ? { language_code: lang } : {}) });
}

function print(text: string): void {
  if (process.stdout.isTTY) {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
  }
  process.stdout.write(`${text}\n`);
  rl.setPrompt(`${user.info.first_name} (${user.id})> `);
  rl.prompt(true);
}

/** The last lines the current bot run wrote to its log. */
function logTail(lines = 30): string {
  if (!existsSync(LOG_FILE)) return "(no bot log yet)";
  const run = readFileSync(LOG_FILE).subarray(logStart).toString("utf8").trimEnd();
  return run ? run.split("\n").slice(-lines).join("\n") : "(the bot wrote nothing to its log)";
}

function startBot(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  const log = openSync(LOG_FILE, "a");
  writeSync(log, `\n--- dev-local ${new Date().toISOString()} ---\n`);
  logStart = fstatSync(log).size;
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    DATA_DIR,
    LOG_LEVEL: "warn",
  };
  if (!args["env-db"]) env.DATABASE_URL = "";
  if (args.admin) env.ADMIN_TELEGRAM_IDS = String(user.id);
  const proc = spawn(process.execPath, [tsxCli, args.bot], { env, stdio: ["ignore", log, log] });
  closeSync(log);
  child = proc;
  proc.on("exit", (code, signal) => {
    if (child === proc) child = undefined;
    if (stopping) return;
    print(`\n!! The bot exited (${signal ?? `code ${code}`}). Last lines of ${LOG_FILE}:\n${logTail()}`);
    print("Type :restart to start it again, or :quit.");
  });
}

function describeMessage(m: SentMessage, edited: boolean): string {
  const kind = m.kind === "text" ? "" : `[${m.kind}] `;
  const body = `${kind}${m.text ?? m.caption ?? ""}`.replace(/\n/g, "\n      ");
  let n = 0;
  const rows = m.buttons.map((row) => row.map((b) => `[${++n}] ${b.text}${b.url ? ` (${b.url})` : ""}`).join("   "));
  const keyboard = rows.length ? `\n      ${rows.join("\n      ")}` : "";
  return `Mitt${edited ? " (edited)" : ""}: ${body}${keyboard}`;
}

emu.on("call", (call: ApiCall) => {
  const chatId = call.params.chat_id;
  if (!call.ok) {
    // An aborted long poll (status 0) is the bot stopping, not a failure.
    if (call.method !== "getUpdates" || call.status !== 0) {
      print(`!! ${call.method} → ${call.status} ${call.error?.description ?? ""}`);
    }
    return;
  }
  if (call.message) {
    const text = describeMessage(toView(call.message), call.method.startsWith("edit"));
    print(call.message.chat.id === user.id ? text : `  → to ${call.message.chat.id}: ${text.split("\n")[0]}`);
  } else if (call.method === "answerCallbackQuery" && typeof call.params.text === "string") {
    print(`Mitt (${call.params.show_alert ? "alert" : "popup"}): ${call.params.text}`);
  } else if (call.method === "sendChatAction" && chatId === user.id) {
    print(`Mitt is ${String(call.params.action)}…`);
  }
});

/** Presses button n (numbered across rows) of the latest message with buttons; returns a notice if it can't. */
function pressNumber(n: number): string | undefined {
  const withButtons = user.messages().filter((m) => m.buttons.length > 0);
  const message = withButtons.at(-1);
  const button = message?.buttons.flat()[n - 1];
  if (!message || !button) return `No button #${n}.`;
  if (button.callback_data === undefined) return `Button #${n} opens ${button.url ?? "nothing"}.`;
  user.pressData(button.callback_data, message.message_id);
  return undefined;
}

async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  rl.close();
  const proc = child;
  if (proc && proc.exitCode === null) {
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  await emu.close();
  process.exit(0);
}

/** Acts on one typed line; returns a notice to print, if any. */
function handleLine(line: string): string | undefined {
  const input = line.trim();
  const [word = "", ...rest] = input.split(/\s+/);
  if (!input) return undefined;
  if (/^#\d+$/.test(input)) return pressNumber(Number(input.slice(1)));
  if (!input.startsWith(":")) {
    user.send(input);
    return undefined;
  }
  switch (word) {
    case ":quit":
    case ":q":
      void shutdown();
      return undefined;
    case ":sticker":
      user.sendSticker();
      return undefined;
    case ":photo":
      user.sendPhoto(rest.join(" ") || undefined);
      return undefined;
    case ":voice":
      user.sendVoice();
      return undefined;
    case ":block":
      user.block();
      return `${user.info.first_name} blocked the bot.`;
    case ":unblock":
      user.unblock();
      return `${user.info.first_name} unblocked the bot.`;
    case ":log":
      return logTail(Number(rest[0] ?? 30));
    case ":restart":
      if (child) return "The bot is still running.";
      startBot();
      return "Bot restarted.";
    case ":user": {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id <= 0) return "Usage: :user 1002 en [Name]";
      user = makeUser(id, rest[1], rest.slice(2).join(" ") || undefined);
      return `Now chatting as ${user.info.first_name} (${id}, ${user.info.language_code ?? "no language"}).`;
    }
    default:
      return HELP;
  }
}

rl.on("line", (line) => {
  const notice = handleLine(line);
  if (notice) print(notice);
});
rl.on("SIGINT", () => void shutdown());
rl.on("close", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

if (!args["no-bot"]) startBot();
print(
  `Emulator on ${emu.apiRoot} (token ${TOKEN}). ${args["no-bot"] ? "Start the bot yourself with TELEGRAM_API_ROOT set." : `Bot log: ${LOG_FILE}`}\n${HELP}`,
);
