// /help: what this person can do, for their role (or how to join, before enrolment).
import { menu } from "../buttons.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();

async function showHelp(ctx: Context) {
  const role = ctx.member?.enrolled ? ctx.member.role : "guest";
  // Broadcast commands are described in broadcast.ftl, next to the feature.
  const extra =
    role === "trainer" || role === "admin"
      ? `\n${ctx.t("broadcast-help")}\n${ctx.t("tips-admin-help")}\n${ctx.t("practices-moderate-help")}`
      : "";
  // Tip and check-in commands are described next to their features (tips.ftl, checkin.ftl).
  const everyone =
    role === "guest" ? "" : `\n${ctx.t("tip-help")}\n${ctx.t("checkin-help")}\n${ctx.t("practices-help")}`;
  const summary = role === "trainer" || role === "staff" || role === "admin" ? `\n${ctx.t("summary-help")}` : "";
  await ctx.reply(ctx.t(`help-${role}`) + everyone + extra + summary);
}

composer.command("help", logHandle("help"), showHelp);
composer.callbackQuery(menu("help"), logHandle("help"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHelp(ctx);
});

export { composer as helpFeature };
