// /mydata: plainly, what Mitt holds about me.
import { menu } from "../buttons.js";
import type { Context } from "../context.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();

async function showMyData(ctx: Context) {
  const m = ctx.member;
  if (!m || !ctx.pseudonym) return;
  const prisma = ctx.deps.prisma;
  const [events, freeTexts, checkIns, notes] = await Promise.all([
    prisma.usageEvent.count({ where: { pseudonym: ctx.pseudonym } }),
    prisma.freeText.count({ where: { pseudonym: ctx.pseudonym } }),
    prisma.checkIn.count({ where: { pseudonym: ctx.pseudonym } }),
    prisma.practiceNote.count({ where: { author: ctx.pseudonym } }),
  ]);
  await ctx.reply(
    ctx.t("mydata-summary", {
      handle: m.handle,
      role: ctx.t(`role-${m.role}`),
      language: ctx.t(`language-name-${m.locale}`),
      province: m.province ? ctx.t(`province-${m.province}`) : "—",
      unit: m.unitType ? ctx.t(`unit-${m.unitType}`) : "—",
      room: ctx.t(`summary-room-${m.unitRoom ?? "unset"}`),
      since: m.createdOn,
      events,
      freeTexts,
      checkIns,
      days: ctx.deps.config.FREE_TEXT_RETENTION_DAYS,
      notes,
    }),
  );
}

composer.command("mydata", logHandle("mydata"), showMyData);
composer.callbackQuery(menu("mydata"), logHandle("mydata"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMyData(ctx);
});

export { composer as myDataFeature };
