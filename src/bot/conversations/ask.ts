// Shared question helpers for conversations. They make every step robust to what people really send:
// a sticker or a photo instead of a button press, an old button, a command, a text that is too long.
// Each gets a short nudge in the person's language and the same question again; nothing is lost.
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { Context, ConversationContext } from "../context.js";
import type { Translate } from "../i18n.js";
import { repeatedPress } from "./presses.js";

export type Convo = Conversation<Context, ConversationContext>;
export interface Button {
  text: string;
  data: string;
}

export function keyboard(rows: Button[][]): InlineKeyboard {
  return InlineKeyboard.from(rows.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
}

/** Thrown inside a conversation when the person sends /cancel; see cancellable(). */
export class Cancelled extends Error {}

/** Wraps a conversation so /cancel at any question ends it with a short confirmation. */
export function cancellable(builder: (conversation: Convo, ctx: ConversationContext) => Promise<void>) {
  return async (conversation: Convo, ctx: ConversationContext) => {
    try {
      await builder(conversation, ctx);
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
      const text = await conversation.external((octx) => octx.t("common-cancelled"));
      await ctx.reply(text);
    }
  };
}

export type Answer = { kind: "button"; data: string } | { kind: "text"; value: string };

interface AskOptions {
  tr: Translate;
  text: string;
  rows: Button[][];
  /** Accept typed text too (with this maximum length). Without it, only buttons are accepted. */
  textMaxLength?: number;
  /** Key of the nudge shown when something else arrives. */
  nudgeKey?: string;
}

export async function ask(conversation: Convo, ctx: ConversationContext, opts: AskOptions): Promise<Answer> {
  const allowed = new Set(opts.rows.flat().map((b) => b.data));
  const markup = opts.rows.length ? { reply_markup: keyboard(opts.rows) } : {};
  await ctx.reply(opts.text, markup);
  // A nudge and the question again, as one message.
  const again = (nudge: string) => ctx.reply(`${nudge}\n\n${opts.text}`, markup);
  for (;;) {
    const next = await conversation.wait();
    if (repeatedPress(conversation, next)) continue;
    const data = next.callbackQuery?.data;
    if (next.callbackQuery) {
      if (data && allowed.has(data)) {
        await next.answerCallbackQuery();
        return { kind: "button", data };
      }
      await next.answerCallbackQuery({ text: opts.tr("common-button-expired") });
      continue;
    }
    const text = next.message?.text;
    if (text !== undefined) {
      const command = text.startsWith("/") ? text.slice(1).split(/[\s@]/)[0] : undefined;
      if (command === "cancel") throw new Cancelled();
      if (command === undefined && opts.textMaxLength !== undefined) {
        if (text.length <= opts.textMaxLength) return { kind: "text", value: text };
        await again(opts.tr("common-text-too-long", { max: opts.textMaxLength }));
        continue;
      }
      if (command !== undefined) {
        await again(opts.tr("common-finish-first"));
        continue;
      }
    }
    await again(opts.tr(opts.nudgeKey ?? (opts.textMaxLength ? "common-send-text" : "common-use-buttons")));
  }
}

/** A question answered only by buttons; returns the pressed button's data. */
export async function choose(conversation: Convo, ctx: ConversationContext, opts: Omit<AskOptions, "textMaxLength">) {
  const answer = await ask(conversation, ctx, opts);
  return answer.kind === "button" ? answer.data : "";
}

/** Lays buttons out `perRow` to a row. */
export function grid(buttons: Button[], perRow: number): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}
