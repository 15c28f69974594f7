// /broadcast (trainers, admins): versions → text (optionally a photo or PDF with caption) → audience with a live
// count → preview exactly as officers will see it → now or later → confirm. Back works at every step; the
// role is checked again on confirm. BROADCAST_EDIT changes the time or a text of a broadcast not yet started.
import type { Message } from "grammy/types";
import type { Role } from "../../db/repositories/members.js";
import {
  ALL_OFFICERS,
  type Audience,
  buildPayload,
  type Draft,
  INACTIVE_STEPS,
  keepFormatting,
  type Locale,
  MAX_CAPTION,
  MAX_TEXT,
  type Media,
  nextLocalTime,
  parseLocalDateTime,
  type Version,
  versionFor,
} from "../../services/broadcasts.js";
import { isProvince, isUnitType, PROVINCES, UNIT_TYPES } from "../../services/provinces.js";
import { audienceSummary, formatWhen } from "../broadcast-views.js";
import { cb } from "../callback-data.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { deny } from "../filters/roles.js";
import { type Translate, translator } from "../i18n.js";
import { type Button, Cancelled, type Convo, grid, keyboard } from "./ask.js";

export const BROADCAST = "broadcast";
export const BROADCAST_EDIT = "broadcast-edit";
const TRAINERS: readonly Role[] = ["trainer", "admin"];
/** Scheduling further ahead than this is almost certainly a typo. */
const MAX_AHEAD_MS = 90 * 86_400_000;

type Input =
  | { kind: "button"; data: string; ctx: ConversationContext }
  | { kind: "text"; version: Version }
  | { kind: "media"; media: Media; version: Version };

interface InputOptions {
  tr: Translate;
  buttons: Button[][];
  /** Accept typed text up to this length. */
  textMax?: number;
  /** Accept a photo or a PDF with a caption. */
  media?: boolean;
  /** Shows the question again after a nudge. */
  again: () => Promise<unknown>;
}

/**
 * Waits for a button of this step, a text, or a photo/PDF. Buttons of other broadcast screens (progress,
 * /broadcasts, 👍) and of the main menu are passed on to the features; anything unexpected gets a nudge.
 */
async function input(conversation: Convo, opts: InputOptions): Promise<Input> {
  const { tr } = opts;
  const allowed = new Set(opts.buttons.flat().map((b) => b.data));
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (next.callbackQuery) {
      if (data && allowed.has(data)) {
        await next.answerCallbackQuery();
        return { kind: "button", data, ctx: next };
      }
      if (data?.startsWith("bc:")) {
        await next.answerCallbackQuery({ text: tr("common-button-expired") });
        continue;
      }
      await conversation.skip({ next: true });
    }
    const message = next.message;
    if (!message) continue;
    const text = message.text;
    if (text?.startsWith("/")) {
      if (text.slice(1).split(/[\s@]/)[0] === "cancel") throw new Cancelled();
      await next.reply(tr("common-finish-first"));
      await opts.again();
      continue;
    }
    const nudge = check(message, opts);
    if (typeof nudge !== "string") return nudge;
    await next.reply(nudge);
    await opts.again();
  }
}

/** The input as a text or media answer, or the reason (a localized nudge) it cannot be used. */
function check(message: Message, opts: InputOptions): Input | string {
  const { tr } = opts;
  const media: Media | null = message.photo?.length
    ? { kind: "photo", fileId: message.photo.at(-1)?.file_id ?? "" }
    : message.document
      ? { kind: "document", fileId: message.document.file_id }
      : null;
  if (message.text !== undefined && opts.textMax !== undefined) {
    if (message.text.length > opts.textMax) {
      return tr("broadcast-too-long", { max: String(opts.textMax), length: String(message.text.length) });
    }
    return { kind: "text", version: { text: message.text, entities: keepEntities(message.entities) } };
  }
  if (media && opts.media) {
    const pdf =
      media.kind === "photo" ||
      message.document?.mime_type === "application/pdf" ||
      /\.pdf$/i.test(message.document?.file_name ?? "");
    if (!pdf) return tr("broadcast-pdf-only");
    const caption = message.caption?.trim() ?? "";
    if (!caption) return tr("broadcast-caption-needed");
    if ((message.caption ?? "").length > MAX_CAPTION) {
      return tr("broadcast-too-long", { max: String(MAX_CAPTION), length: String((message.caption ?? "").length) });
    }
    const version = { text: message.caption ?? "", entities: keepEntities(message.caption_entities) };
    return { kind: "media", media, version };
  }
  if (media && opts.textMax !== undefined) return tr("broadcast-text-only");
  return tr(opts.textMax !== undefined ? "broadcast-compose-nudge" : "common-use-buttons");
}

const keepEntities = (entities: Message["entities"]) => keepFormatting(entities);

/** Sends a screen as a new message, or edits the message whose button was pressed. */
async function show(ctx: ConversationContext, text: string, rows: Button[][], pressed?: ConversationContext) {
  const reply_markup = keyboard(rows);
  if (pressed?.callbackQuery?.message) {
    try {
      await pressed.editMessageText(text, { reply_markup });
      return;
    } catch {
      // The message is too old to edit or unchanged: fall back to a new one.
    }
  }
  await ctx.reply(text, { reply_markup });
}

/** Sends an outbox payload to this chat: the preview is the very message officers get. */
async function sendPayload(ctx: ConversationContext, payload: ReturnType<typeof buildPayload>) {
  switch (payload.method) {
    case "sendPhoto": {
      const { photo, ...rest } = payload.params;
      return ctx.replyWithPhoto(photo, rest as Parameters<ConversationContext["replyWithPhoto"]>[1]);
    }
    case "sendDocument": {
      const { document, ...rest } = payload.params;
      return ctx.replyWithDocument(document, rest as Parameters<ConversationContext["replyWithDocument"]>[1]);
    }
    default: {
      const { text, ...rest } = payload.params;
      return ctx.reply(text, rest as Parameters<ConversationContext["reply"]>[1]);
    }
  }
}

/** Date and time (Phnom Penh): quick buttons or typed. Returns epoch ms, or null for Back. */
async function askTime(conversation: Convo, ctx: ConversationContext, deps: BotDeps, tr: Translate, locale: Locale) {
  const tz = deps.config.TZ;
  const now = await conversation.external(() => deps.now().getTime());
  const at8 = nextLocalTime(new Date(now), tz, 8, 0);
  const at14 = nextLocalTime(new Date(now), tz, 14, 0);
  const buttons: Button[][] = [
    [
      { text: tr("broadcast-tomorrow-at", { time: "08:00" }), data: cb("bc", "t", 8) },
      { text: tr("broadcast-tomorrow-at", { time: "14:00" }), data: cb("bc", "t", 14) },
    ],
    [{ text: tr("common-back"), data: cb("bc", "back") }],
  ];
  const question = tr("broadcast-ask-time", { example: formatExample(at8, tz) });
  const again = () => ctx.reply(question, { reply_markup: keyboard(buttons) });
  await again();
  for (;;) {
    const answer = await input(conversation, { tr, buttons, textMax: 60, again });
    if (answer.kind === "button") {
      if (answer.data === cb("bc", "back")) return null;
      return (answer.data.endsWith(":8") ? at8 : at14).getTime();
    }
    if (answer.kind !== "text") continue;
    const nowAgain = await conversation.external(() => deps.now().getTime());
    const at = parseLocalDateTime(answer.version.text, tz, new Date(nowAgain));
    let problem: string | undefined;
    if (!at) problem = tr("broadcast-bad-time", { example: formatExample(at8, tz) });
    else if (at.getTime() <= nowAgain) problem = tr("broadcast-time-past", { when: formatWhen(at, locale, tz) });
    else if (at.getTime() - nowAgain > MAX_AHEAD_MS) problem = tr("broadcast-time-far");
    if (!problem && at) return at.getTime();
    await ctx.reply(problem ?? "");
    await again();
  }
}

/** "25/11/2026 08:00" for the instant, in the time zone: the format people are asked to type. */
function formatExample(at: Date, tz: string): string {
  const p = new Intl.DateTimeFormat("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: tz,
  }).format(at);
  return p.replace(",", "");
}

type Step = "versions" | "km" | "en" | "audience" | "provinces" | "units" | "preview" | "when" | "schedule" | "confirm";

export function createBroadcastConversation(deps: BotDeps) {
  return async function broadcast(conversation: Convo, ctx: ConversationContext) {
    const start = await conversation.external((octx) => ({ locale: octx.member?.locale ?? "km" }));
    const locale: Locale = start.locale === "en" ? "en" : "km";
    const tr = translator(deps.i18n, locale);
    const tz = deps.config.TZ;
    const back: Button = { text: tr("common-back"), data: cb("bc", "back") };
    const cancel: Button = { text: tr("broadcast-stop"), data: cb("bc", "x") };
    let both = true;
    let km: Version | null = null;
    let en: Version | null = null;
    let media: Media | null = null;
    let audience: Audience = { ...ALL_OFFICERS, provinces: [], unitTypes: [] };
    let urgent = false;
    let when: number | null = null;
    let step: Step = "versions";
    let pressed: ConversationContext | undefined;
    const count = () => conversation.external(() => deps.broadcasts.countAudience(audience));

    for (;;) {
      switch (step) {
        case "versions": {
          const buttons = [
            [{ text: tr("broadcast-versions-both"), data: cb("bc", "v", "both") }],
            [{ text: tr("broadcast-versions-one"), data: cb("bc", "v", "one") }],
            [cancel],
          ];
          const again = () => ctx.reply(tr("broadcast-ask-versions"), { reply_markup: keyboard(buttons) });
          await again();
          const answer = await input(conversation, { tr, buttons, again });
          if (answer.kind !== "button") break;
          if (answer.data === cancel.data) throw new Cancelled();
          both = answer.data.endsWith(":both");
          if (!both) en = null;
          step = "km";
          break;
        }
        case "km":
        case "en": {
          // The second version follows the first: a caption for the same photo or PDF, or a text.
          const second: boolean = step === "en";
          const key = second
            ? media
              ? "broadcast-ask-caption-en"
              : "broadcast-ask-text-en"
            : both
              ? "broadcast-ask-text-km"
              : "broadcast-ask-text-one";
          const textMax = second && media ? MAX_CAPTION : MAX_TEXT;
          const buttons = [[back, cancel]];
          const again = () => ctx.reply(tr(key, { max: String(textMax) }), { reply_markup: keyboard(buttons) });
          await again();
          const answer = await input(conversation, { tr, buttons, textMax, media: !second, again });
          if (answer.kind === "button") {
            if (answer.data === cancel.data) throw new Cancelled();
            step = second ? "km" : "versions";
            break;
          }
          if (second) en = answer.version;
          else {
            km = answer.version;
            media = answer.kind === "media" ? answer.media : null;
          }
          step = second || !both ? "audience" : "en";
          break;
        }
        case "audience": {
          const n = await count();
          const rows: Button[][] = [
            [
              { text: tr("broadcast-filter-provinces", { n: audience.provinces.length }), data: cb("bc", "prov") },
              { text: tr("broadcast-filter-units", { n: audience.unitTypes.length }), data: cb("bc", "units") },
            ],
            [
              {
                text: tr("broadcast-filter-language", {
                  value: audience.locale ? tr(`language-name-${audience.locale}`) : tr("broadcast-all"),
                }),
                data: cb("bc", "lang"),
              },
              {
                text: audience.inactiveDays
                  ? tr("broadcast-filter-inactive-days", { days: audience.inactiveDays })
                  : tr("broadcast-filter-inactive-any"),
                data: cb("bc", "ina"),
              },
            ],
            [
              {
                text: `${audience.includeTrainers ? "✅" : "☐"} ${tr("broadcast-filter-trainers")}`,
                data: cb("bc", "tr"),
              },
            ],
            [back, { text: tr("common-continue"), data: cb("bc", "next") }],
          ];
          const text = `${tr("broadcast-ask-audience")}\n\n${audienceSummary(tr, audience)}\n\n${tr("broadcast-count", { count: n })}`;
          await show(ctx, text, rows, pressed);
          const answer = await input(conversation, { tr, buttons: rows, again: () => show(ctx, text, rows) });
          pressed = answer.kind === "button" ? answer.ctx : undefined;
          if (answer.kind !== "button") break;
          const action = answer.data.split(":")[1];
          if (action === "back") {
            pressed = undefined;
            step = both ? "en" : "km";
          } else if (action === "prov") step = "provinces";
          else if (action === "units") step = "units";
          else if (action === "lang") {
            audience = {
              ...audience,
              locale: audience.locale === null ? "km" : audience.locale === "km" ? "en" : null,
            };
          } else if (action === "ina") {
            const i = INACTIVE_STEPS.indexOf(audience.inactiveDays as (typeof INACTIVE_STEPS)[number]);
            audience = { ...audience, inactiveDays: INACTIVE_STEPS[(i + 1) % INACTIVE_STEPS.length] ?? null };
          } else if (action === "tr") audience = { ...audience, includeTrainers: !audience.includeTrainers };
          else if (action === "next") {
            if (n === 0) {
              await ctx.reply(tr("broadcast-nobody"));
              pressed = undefined;
            } else {
              pressed = undefined;
              step = "preview";
            }
          }
          break;
        }
        case "provinces":
        case "units": {
          const isProv = step === "provinces";
          const chosen: string[] = isProv ? audience.provinces : audience.unitTypes;
          const mark = (v: string) => (chosen.includes(v) ? "✅ " : "");
          const options: Button[] = isProv
            ? PROVINCES.map((p) => ({ text: `${mark(p)}${tr(`province-${p}`)}`, data: cb("bc", "p", p) }))
            : UNIT_TYPES.map((u) => ({ text: `${mark(u)}${tr(`unit-${u}`)}`, data: cb("bc", "u", u) }));
          const rows = [
            ...grid(options, isProv ? 2 : 1),
            [
              { text: tr("broadcast-all"), data: cb("bc", "clr") },
              { text: tr("broadcast-done"), data: cb("bc", "done") },
            ],
          ];
          const n = await count();
          const text = `${tr(isProv ? "broadcast-pick-provinces" : "broadcast-pick-units")}\n${tr("broadcast-count", { count: n })}`;
          await show(ctx, text, rows, pressed);
          const answer = await input(conversation, { tr, buttons: rows, again: () => show(ctx, text, rows) });
          pressed = answer.kind === "button" ? answer.ctx : undefined;
          if (answer.kind !== "button") break;
          const [, action, value = ""] = answer.data.split(":");
          const toggle = <T extends string>(list: T[], v: T) =>
            list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
          if (action === "done") step = "audience";
          else if (action === "clr")
            audience = {
              ...audience,
              provinces: isProv ? [] : audience.provinces,
              unitTypes: isProv ? audience.unitTypes : [],
            };
          else if (action === "p" && isProvince(value))
            audience = { ...audience, provinces: toggle(audience.provinces, value) };
          else if (action === "u" && isUnitType(value))
            audience = { ...audience, unitTypes: toggle(audience.unitTypes, value) };
          break;
        }
        case "preview": {
          for (const l of (both ? ["km", "en"] : ["km"]) as Locale[]) {
            await ctx.reply(tr(both ? `broadcast-preview-${l}` : "broadcast-preview-one"));
            const button = { text: deps.i18n.t(l, "broadcast-useful"), data: cb("bcu", "preview") };
            await sendPayload(ctx, buildPayload(versionFor({ km, en }, l), media, button));
          }
          step = "when";
          break;
        }
        case "when": {
          const n = await count();
          const buttons = [
            [
              { text: tr("broadcast-send-now"), data: cb("bc", "now") },
              { text: tr("broadcast-send-later"), data: cb("bc", "later") },
            ],
            [
              { text: tr("broadcast-change-text"), data: cb("bc", "edit") },
              { text: tr("broadcast-change-audience"), data: cb("bc", "aud") },
            ],
            [cancel],
          ];
          const again = () => ctx.reply(tr("broadcast-ask-when", { count: n }), { reply_markup: keyboard(buttons) });
          await again();
          const answer = await input(conversation, { tr, buttons, again });
          if (answer.kind !== "button") break;
          const action = answer.data.split(":")[1];
          if (action === "x") throw new Cancelled();
          if (action === "now") {
            when = null;
            step = "confirm";
          } else if (action === "later") step = "schedule";
          else if (action === "edit") step = "versions";
          else if (action === "aud") step = "audience";
          break;
        }
        case "schedule": {
          const at = await askTime(conversation, ctx, deps, tr, locale);
          if (at === null) step = "when";
          else {
            when = at;
            step = "confirm";
          }
          break;
        }
        case "confirm": {
          const n = await count();
          const { start: qs, end: qe } = deps.config.QUIET_HOURS;
          const rows: Button[][] = [
            [{ text: tr("broadcast-confirm-button"), data: cb("bc", "ok") }],
            [{ text: `${urgent ? "✅" : "☐"} ${tr("broadcast-urgent")}`, data: cb("bc", "urg") }],
            [back, cancel],
          ];
          const text = tr("broadcast-confirm", {
            count: n,
            when: when === null ? tr("broadcast-now") : formatWhen(new Date(when), locale, tz),
            quiet: urgent ? tr("broadcast-quiet-ignored") : tr("broadcast-quiet-respected", { start: qs, end: qe }),
          });
          await show(ctx, text, rows, pressed);
          const answer = await input(conversation, { tr, buttons: rows, again: () => show(ctx, text, rows) });
          pressed = answer.kind === "button" ? answer.ctx : undefined;
          if (answer.kind !== "button") break;
          const action = answer.data.split(":")[1];
          if (action === "x") throw new Cancelled();
          if (action === "urg") {
            urgent = !urgent;
            break;
          }
          pressed = undefined;
          if (action === "back") {
            step = "when";
            break;
          }
          if (!km) {
            step = "versions";
            break;
          }
          const draft: Draft = { km, en: both ? en : null, media, audience, urgent };
          const scheduledAt = when;
          const created = await conversation.external(async (octx) => {
            // Roles can change while someone composes: the server decides again at the last step.
            if (!octx.pseudonym || !octx.member?.enrolled || !TRAINERS.includes(octx.member.role)) {
              await deny(octx, "broadcast.confirm");
              return null;
            }
            const id = await deps.broadcasts.create(
              octx.pseudonym,
              draft,
              scheduledAt === null ? null : new Date(scheduledAt),
            );
            if (scheduledAt === null) await deps.broadcasts.start(id);
            return id;
          });
          if (!created) return;
          await ctx.reply(
            scheduledAt === null
              ? tr("broadcast-started", { count: n })
              : tr("broadcast-scheduled", { when: formatWhen(new Date(scheduledAt), locale, tz) }),
          );
          return;
        }
      }
    }
  };
}

/** Changes the time ("time") or a text ("km", "en") of a broadcast that has not started yet. */
export function createBroadcastEdit(deps: BotDeps) {
  return async function broadcastEdit(conversation: Convo, ctx: ConversationContext, id: string, field: string) {
    const info = await conversation.external(async (octx) => {
      const b = await deps.broadcasts.get(String(id));
      return {
        locale: octx.member?.locale === "en" ? ("en" as const) : ("km" as const),
        open: b?.status === "scheduled",
        media: Boolean(b?.media),
        both: Boolean(b?.en),
      };
    });
    const tr = translator(deps.i18n, info.locale);
    if (!info.open) {
      await ctx.reply(tr("broadcast-too-late"));
      return;
    }
    try {
      if (field === "time") {
        const at = await askTime(conversation, ctx, deps, tr, info.locale);
        if (at === null) {
          await ctx.reply(tr("common-cancelled"));
          return;
        }
        const ok = await conversation.external((octx) =>
          hasTrainerRole(octx.member) ? deps.broadcasts.reschedule(id, new Date(at)) : false,
        );
        await ctx.reply(
          ok
            ? tr("broadcast-rescheduled", { when: formatWhen(new Date(at), info.locale, deps.config.TZ) })
            : tr("broadcast-too-late"),
        );
        return;
      }
      const locale: Locale = field === "en" ? "en" : "km";
      const textMax = info.media ? MAX_CAPTION : MAX_TEXT;
      const key = info.both ? `broadcast-ask-new-text-${locale}` : "broadcast-ask-new-text-one";
      const buttons = [[{ text: tr("broadcast-stop"), data: cb("bc", "x") }]];
      const again = () => ctx.reply(tr(key, { max: String(textMax) }), { reply_markup: keyboard(buttons) });
      await again();
      const answer = await input(conversation, { tr, buttons, textMax, again });
      if (answer.kind !== "text") throw new Cancelled();
      const ok = await conversation.external((octx) =>
        hasTrainerRole(octx.member) ? deps.broadcasts.editText(id, locale, answer.version) : false,
      );
      await ctx.reply(ok ? tr("broadcast-text-changed") : tr("broadcast-too-late"));
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      await ctx.reply(tr("common-cancelled"));
    }
  };
}

function hasTrainerRole(member: { enrolled: boolean; role: Role } | null): boolean {
  return !!member?.enrolled && TRAINERS.includes(member.role);
}
