// /summary for programme staff and admins (trainers: the tips and broadcast parts only): pick a period and a
// breakdown with buttons, then get the text, the PNG charts and the CSV of one suppressed view. The role is
// checked again on every press; button data names only a period and a breakdown.
import { InputFile } from "grammy";
import { z } from "zod";
import type { Role } from "../../db/repositories/members.js";
import { formatMonth } from "../../services/metrics/format.js";
import { PERIOD_TOKEN, recentMonths } from "../../services/metrics/periods.js";
import { callbackData, pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { keyboard } from "../conversations/ask.js";
import { hasRole, requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");

const SUMMARY_ROLES: readonly Role[] = ["trainer", "staff", "admin"];
const FULL_ROLES: readonly Role[] = ["staff", "admin"];
const token = z.string().regex(PERIOD_TOKEN);
/** Step 1: a period ("month" opens the month list). */
export const periodButton = callbackData("sumper", { p: z.union([token, z.literal("month")]) });
/** Step 2: the breakdown, which runs the summary. */
export const goButton = callbackData("sumgo", { p: token, b: z.enum(["none", "province", "unit"]) });

const guard = requireRole("summary", SUMMARY_ROLES);
const locale = (ctx: Context) => (ctx.member?.locale === "en" ? "en" : "km");

async function askPeriod(ctx: Context) {
  const b = (p: string) => ({ text: ctx.t(`summary-period-${p}`), data: periodButton.pack({ p }) });
  const rows = [
    [b("4w"), b("quarter")],
    [b("month"), b("all")],
  ];
  const note = hasRole(ctx, FULL_ROLES) ? "" : `\n${ctx.t("summary-trainer-note")}`;
  await ctx.reply(ctx.t("summary-ask-period") + note, { reply_markup: keyboard(rows) });
}

feature.command("summary", logHandle("summary"), guard, askPeriod);
feature.callbackQuery("menu:summary", logHandle("summary"), guard, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askPeriod(ctx);
});

feature.callbackQuery(
  periodButton.filter,
  logHandle("summary"),
  guard,
  pressHandler(periodButton, async (ctx, { p }) => {
    await ctx.answerCallbackQuery();
    if (p === "month") {
      const months = recentMonths(ctx.deps.now(), ctx.deps.config.TZ).map((m) => ({
        text: formatMonth(`${m.slice(1, 5)}-${m.slice(5, 7)}-01`, locale(ctx)),
        data: periodButton.pack({ p: m }),
      }));
      const rows = [0, 3, 6, 9].map((i) => months.slice(i, i + 3));
      await ctx.editMessageText(ctx.t("summary-ask-month"), { reply_markup: keyboard(rows) });
      return;
    }
    const b = (breakdown: "none" | "province" | "unit") => ({
      text: ctx.t(`summary-breakdown-${breakdown}`),
      data: goButton.pack({ p, b: breakdown }),
    });
    await ctx.editMessageText(ctx.t("summary-ask-breakdown"), {
      reply_markup: keyboard([[b("none")], [b("province"), b("unit")]]),
    });
  }),
);

feature.callbackQuery(
  goButton.filter,
  logHandle("summary"),
  guard,
  pressHandler(goButton, async (ctx, { p, b }) => {
    await ctx.answerCallbackQuery();
    // One answer per question: the buttons go, and a note says the summary is on its way.
    await ctx.editMessageText(ctx.t("summary-working")).catch(() => undefined);
    await ctx.replyWithChatAction("upload_photo").catch(() => undefined);
    const scope = hasRole(ctx, FULL_ROLES) ? "full" : "tips";
    const view = await ctx.deps.summaries.compute(p, b, scope);
    if (!view || !ctx.pseudonym) {
      await ctx.reply(ctx.t("common-button-expired"));
      return;
    }
    const report = await ctx.deps.summaries.report(view, locale(ctx));
    for (const text of report.texts) await ctx.reply(text);
    for (const chart of report.charts) {
      await ctx.replyWithPhoto(new InputFile(chart.png, `${chart.id}.png`), { caption: chart.title });
    }
    await ctx.replyWithDocument(new InputFile(report.csv.data, report.csv.filename), {
      caption: ctx.t("summary-csv-caption"),
    });
    await ctx.deps.summaries.recordSent(ctx.pseudonym, view);
  }),
);

export { composer as summaryFeature };
