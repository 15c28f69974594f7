// /users (admins): people by their short pseudonymous handle — never a Telegram name — with their role,
// and buttons to change the role or the peer-supporter flag.
import { InlineKeyboard } from "grammy";
import type { MemberRecord, Role } from "../../db/repositories/members.js";
import { menu, userButton } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const ADMIN: Role[] = ["admin"];
const ROLES: Role[] = ["officer", "trainer", "staff", "admin"];

async function listUsers(ctx: Context) {
  const users = await ctx.deps.members.listForAdmin(40);
  const kb = new InlineKeyboard();
  users.forEach((u, i) => {
    kb.text(u.handle, userButton.pack({ act: "show", handle: u.handle }));
    if (i % 4 === 3) kb.row();
  });
  const lines = users.map((u) => `${u.handle} · ${ctx.t(`role-${u.role}`)}${u.peerSupporter ? " · 🤝" : ""}`);
  await ctx.reply(`${ctx.t("users-title")}\n\n${lines.join("\n")}`, { reply_markup: kb });
}

async function showUser(ctx: Context, u: MemberRecord) {
  const kb = new InlineKeyboard();
  for (const r of ROLES)
    kb.text(
      `${u.role === r ? "✅ " : ""}${ctx.t(`role-${r}`)}`,
      userButton.pack({ act: "role", handle: u.handle, value: r }),
    );
  // The supporter button carries the value it sets, so a press delivered twice does not undo itself.
  const sup = userButton.pack({ act: "sup", handle: u.handle, value: u.peerSupporter ? "0" : "1" });
  kb.row().text(ctx.t(u.peerSupporter ? "users-supporter-off" : "users-supporter-on"), sup);
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
composer.callbackQuery(menu("users"), logHandle("users"), requireRole("users", ADMIN), async (ctx) => {
  await ctx.answerCallbackQuery();
  await listUsers(ctx);
});

composer.callbackQuery(
  userButton.filter,
  logHandle("users"),
  requireRole("users", ADMIN),
  pressHandler(userButton, async (ctx, { act: action, handle, value }) => {
    const target = await ctx.deps.members.findByHandle(handle);
    const roleArg = value as Role | undefined;
    const valid =
      action === "show" || (action === "role" ? ROLES.includes(roleArg as Role) : value === "0" || value === "1");
    if (!target || !valid) {
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
    const supporter = action === "sup" ? value === "1" : target.peerSupporter;
    const updated = await ctx.deps.members.setRole(target.pseudonym, role, supporter);
    await ctx.deps.events.record(target.pseudonym, "role.changed", { to: role, peerSupporter: supporter });
    const chatId = await ctx.deps.members.chatIdOf(target.pseudonym);
    if (chatId) await ctx.deps.commands.applyForChat(chatId, role).catch(() => {});
    await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
    await showUser(ctx, updated);
  }),
);

export { composer as usersFeature };
