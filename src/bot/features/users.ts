// /users (admins): people by their short pseudonymous handle — never a Telegram name — with their role,
// and buttons to change the role or the peer-supporter flag.
import { Composer, InlineKeyboard } from "grammy";
import type { MemberRecord, Role } from "../../db/repositories/members.js";
import { cb } from "../callback-data.js";
import type { Context } from "../context.js";
import { requireRole } from "../filters/roles.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new Composer<Context>();
const ADMIN: Role[] = ["admin"];
const ROLES: Role[] = ["officer", "trainer", "staff", "admin"];

async function listUsers(ctx: Context) {
  const users = await ctx.deps.members.listForAdmin(40);
  const kb = new InlineKeyboard();
  users.forEach((u, i) => {
    kb.text(u.handle, cb("usr", "show", u.handle));
    if (i % 4 === 3) kb.row();
  });
  const lines = users.map((u) => `${u.handle} · ${ctx.t(`role-${u.role}`)}${u.peerSupporter ? " · 🤝" : ""}`);
  await ctx.reply(`${ctx.t("users-title")}\n\n${lines.join("\n")}`, { reply_markup: kb });
}

async function showUser(ctx: Context, u: MemberRecord) {
  const kb = new InlineKeyboard();
  for (const r of ROLES) kb.text(`${u.role === r ? "✅ " : ""}${ctx.t(`role-${r}`)}`, cb("usr", "role", u.handle, r));
  kb.row().text(ctx.t(u.peerSupporter ? "users-supporter-off" : "users-supporter-on"), cb("usr", "sup", u.handle));
  await ctx.reply(
    ctx.t("users-card", {
      handle: u.handle,
      role: ctx.t(`role-${u.role}`),
      province: u.province ? ctx.t(`province-${u.province}`) : "—",
      unit: u.unitType ? ctx.t(`unit-${u.unitType}`) : "—",
      supporter: u.peerSupporter ? "yes" : "no",
    }),
    { reply_markup: kb },
  );
}

composer.command("users", logHandle("users"), requireRole("users", ADMIN), async (ctx) => {
  const handle = ctx.match.trim();
  const u = handle ? await ctx.deps.members.findByHandle(handle) : null;
  if (u) await showUser(ctx, u);
  else await listUsers(ctx);
});
composer.callbackQuery("menu:users", logHandle("users"), requireRole("users", ADMIN), async (ctx) => {
  await ctx.answerCallbackQuery();
  await listUsers(ctx);
});

composer.callbackQuery(
  /^usr:(show|role|sup):([0-9A-Z-]{7})(?::([a-z]+))?$/,
  logHandle("users"),
  requireRole("users", ADMIN),
  async (ctx) => {
    const [, action, handle = "", roleArg] = ctx.match;
    const target = await ctx.deps.members.findByHandle(handle);
    if (!target || (action === "role" && !ROLES.includes(roleArg as Role))) {
      await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
      return;
    }
    if (action === "show") {
      await ctx.answerCallbackQuery();
      await showUser(ctx, target);
      return;
    }
    if (target.pseudonym === ctx.pseudonym) {
      await ctx.answerCallbackQuery({ text: ctx.t("users-not-self"), show_alert: true });
      return;
    }
    const role = action === "role" ? (roleArg as Role) : target.role;
    const supporter = action === "sup" ? !target.peerSupporter : target.peerSupporter;
    const updated = await ctx.deps.members.setRole(target.pseudonym, role, supporter);
    await ctx.deps.events.record(target.pseudonym, "role.changed", { to: role, peerSupporter: supporter });
    const chatId = await ctx.deps.members.chatIdOf(target.pseudonym);
    if (chatId) await ctx.deps.commands.applyForChat(chatId, role).catch(() => {});
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
    await showUser(ctx, updated);
  },
);

export { composer as usersFeature };
