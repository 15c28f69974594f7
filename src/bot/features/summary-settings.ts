// /settings → whether my unit has a child-friendly interview room (any member), and the weekly summary digest
// (staff and admins; the role is checked again on the press).
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { keyboard } from "../conversations/ask.js";
import { requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { digestButton, roomButton } from "../keyboards/summary-settings.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const feature = composer.chatType("private");

feature.callbackQuery(
  roomButton.filter,
  logHandle("settings-room"),
  pressHandler(roomButton, async (ctx, { v }) => {
    if (!ctx.pseudonym || !ctx.member) return void (await ctx.answerCallbackQuery());
    if (v === "ask") {
      await ctx.answerCallbackQuery();
      const b = (answer: "yes" | "no" | "unsure") => ({
        text: ctx.t(`summary-room-${answer}`),
        data: roomButton.pack({ v: answer }),
      });
      await ctx.reply(ctx.t("summary-room-ask"), { reply_markup: keyboard([[b("yes"), b("no"), b("unsure")]]) });
      return;
    }
    ctx.member = await ctx.deps.members.update(ctx.pseudonym, { unitRoom: v });
    await ctx.deps.events.record(ctx.pseudonym, "settings.unit_room", { room: v });
    await ctx.answerCallbackQuery({ text: ctx.t("summary-room-saved") });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  }),
);

feature.callbackQuery(
  digestButton.filter,
  logHandle("settings-digest"),
  requireRole("summary-digest", ["staff", "admin"]),
  pressHandler(digestButton, async (ctx, { on }) => {
    if (!ctx.pseudonym) return void (await ctx.answerCallbackQuery());
    ctx.member = await ctx.deps.members.update(ctx.pseudonym, { summaryDigest: on });
    await ctx.deps.events.record(ctx.pseudonym, "summary.digest_changed", { on });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(on ? "summary-digest-saved-on" : "summary-digest-saved-off"));
  }),
);

export { composer as summarySettingsFeature };
