// /invite and /invites (trainers and admins). The flow is three button choices carried in callback data
// (role → uses → days); every press re-checks the role, and trainers may only invite officers.
import { InlineKeyboard } from "grammy";
import type { Role } from "../../db/repositories/members.js";
import { inviteButton, menu } from "../buttons.js";
import { pressHandler } from "../callback-data.js";
import type { Context } from "../context.js";
import { deny, requireRole } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";
import { logHandle } from "../middlewares/update-logger.js";

const composer = new FlatComposer<Context>();
const TRAINERS: Role[] = ["trainer", "admin"];
const USES = [1, 5, 20, 50];
const DAYS = [1, 7, 30];

export function invitableRoles(role: Role | undefined): Role[] {
  if (role === "admin") return ["officer", "trainer", "staff", "admin"];
  if (role === "trainer") return ["officer"];
  return [];
}

async function startInvite(ctx: Context) {
  const kb = new InlineKeyboard();
  for (const r of invitableRoles(ctx.member?.role))
    kb.text(ctx.t(`role-${r}`), inviteButton.pack({ act: "r", arg: r })).row();
  await ctx.reply(ctx.t("invite-choose-role"), { reply_markup: kb });
}

const guarded = composer.filter(() => true);
guarded.command("invite", logHandle("invite"), requireRole("invite", TRAINERS), startInvite);
guarded.callbackQuery(menu("invites"), logHandle("invites"), requireRole("invites", TRAINERS), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showInvites(ctx);
});

// Every press in the "inv" namespace, well-formed or not, passes the role check first.
guarded.callbackQuery(
  inviteButton.filter,
  logHandle("invite"),
  requireRole("invite", TRAINERS),
  pressHandler(inviteButton, async (ctx, { act, arg, uses, days }) => {
    if (act === "x") return revoke(ctx, arg);
    const role = arg as Role;
    if (
      !invitableRoles(ctx.member?.role).includes(role) ||
      (uses && !USES.includes(uses)) ||
      (days && !DAYS.includes(days))
    ) {
      await deny(ctx, "invite.role");
      return;
    }
    await ctx.answerCallbackQuery();
    if (uses === undefined) {
      const kb = new InlineKeyboard();
      for (const n of USES) kb.text(String(n), inviteButton.pack({ act: "r", arg: role, uses: n }));
      await ctx.reply(ctx.t("invite-choose-uses"), { reply_markup: kb });
      return;
    }
    if (days === undefined) {
      const kb = new InlineKeyboard();
      for (const d of DAYS)
        kb.text(ctx.t("invite-days", { days: d }), inviteButton.pack({ act: "r", arg: role, uses, days: d }));
      await ctx.reply(ctx.t("invite-choose-days"), { reply_markup: kb });
      return;
    }
    const { code, expiresAt } = await ctx.deps.enrolment.create({
      role,
      maxUses: uses,
      days,
      createdBy: ctx.pseudonym ?? "",
      now: ctx.deps.now(),
    });
    await ctx.deps.events.record(ctx.pseudonym ?? "", "invite.created", { role, maxUses: uses, days });
    ctx.handler = "invite.created";
    await ctx.reply(
      ctx.t("invite-created", {
        code,
        role: ctx.t(`role-${role}`),
        uses,
        expires: formatDate(expiresAt, ctx.member?.locale ?? "km"),
      }),
    );
  }),
);

async function showInvites(ctx: Context) {
  const list = await ctx.deps.invites.listActive(ctx.deps.now());
  if (list.length === 0) {
    await ctx.reply(ctx.t("invites-none"));
    return;
  }
  const kb = new InlineKeyboard();
  const lines = list.map((inv, i) => {
    kb.text(ctx.t("invites-revoke", { n: i + 1 }), inviteButton.pack({ act: "x", arg: inv.id })).row();
    return ctx.t("invites-line", {
      n: i + 1,
      role: ctx.t(`role-${inv.role}`),
      uses: inv.uses,
      max: inv.maxUses,
      expires: formatDate(new Date(inv.expiresAt), ctx.member?.locale ?? "km"),
    });
  });
  await ctx.reply(`${ctx.t("invites-title")}\n\n${lines.join("\n")}`, { reply_markup: kb });
}

guarded.command("invites", logHandle("invites"), requireRole("invites", TRAINERS), showInvites);

async function revoke(ctx: Context, id: string) {
  ctx.handler = "invites";
  const ok = /^[0-9a-f-]{36}$/.test(id) && (await ctx.deps.invites.revoke(id));
  if (ok) await ctx.deps.events.record(ctx.pseudonym ?? "", "invite.revoked", {});
  await ctx.answerCallbackQuery({ text: ctx.t(ok ? "invites-revoked" : "common-button-expired") });
  if (ok) await showInvites(ctx);
}

export function formatDate(d: Date, locale: "km" | "en"): string {
  return new Intl.DateTimeFormat(locale === "km" ? "km-KH" : "en-GB", {
    dateStyle: "medium",
    timeZone: "Asia/Phnom_Penh",
  }).format(d);
}

export { composer as invitesFeature };
