// The baseline of `npm run bench:updates`: a bare grammY bot with Mitt's grammY and runner settings, answering the
// same updates with one call each and nothing else (no database, no session, no i18n).
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "" } });
bot.command("start", (ctx) => ctx.reply("menu"));
bot.command("help", (ctx) => ctx.reply("help"));
bot.command("tip", (ctx) => ctx.reply("a tip"));
bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: "thanks" }));
await bot.init();
const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } } });
process.once("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
