// The live progress message of each running broadcast, in its creator's private chat: sent · failed · blocked ·
// remaining, with Pause/Resume · Cancel. A small loop in the bot process looks at running broadcasts once a
// second (one query when none runs) and edits each message at most once every 3 seconds, only when it
// changed. When a job is done (or cancelled and settled) it closes the broadcast exactly once and sends the
// final report. The chat is looked up from `identities` each time: broadcasts store only a pseudonym.
import type { I18n } from "@grammyjs/i18n";
import { type Api, GrammyError } from "grammy";
import type { BroadcastRecord } from "../db/repositories/broadcasts.js";
import type { MemberRepository } from "../db/repositories/members.js";
import { isQuiet, type QuietHours } from "../delivery/quiet-hours.js";
import type { Logger } from "../logger.js";
import { countsOf } from "../services/broadcast-report.js";
import type { BroadcastService, Locale } from "../services/broadcasts.js";
import { progressKeyboard, progressText, reportText } from "./broadcast-views.js";
import type { Context } from "./context.js";
import { translator } from "./i18n.js";

export interface BroadcastProgressOptions {
  api: Api;
  service: BroadcastService;
  members: Pick<MemberRepository, "chatIdOf">;
  i18n: I18n<Context>;
  logger: Logger;
  /** Default quiet hours, to tell the trainer why a non-urgent broadcast is waiting. */
  quiet: { timeZone: string; hours: QuietHours; now: () => Date };
  tickMs?: number;
  /** Telegram-friendly pace for edits of one message. */
  minEditMs?: number;
}

export function createBroadcastProgress(opts: BroadcastProgressOptions) {
  const { api, service, members, i18n } = opts;
  const tickMs = opts.tickMs ?? 1000;
  const minEditMs = opts.minEditMs ?? 3000;
  const log = opts.logger.child({ component: "broadcast-progress" });
  /** What each progress message shows now, and when it was last sent or edited (monotonic ms). */
  const shown = new Map<string, { text: string; at: number }>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  const clock = () => performance.now();

  /**
   * Shows `text` in the progress message: an edit, or a new message when there is none or it is gone. True when
   * the trainer now sees it. An edit that fails for another reason (a Telegram outage, a refusal) is tried again at
   * the next tick: a new message each time would flood the trainer's chat.
   */
  async function edit(
    b: BroadcastRecord,
    chatId: number,
    text: string,
    status: BroadcastRecord["status"],
    tr: Tr,
  ): Promise<boolean> {
    const reply_markup = progressKeyboard(tr, b.id, status);
    if (b.progressMessageId) {
      try {
        await api.editMessageText(chatId, b.progressMessageId, text, reply_markup ? { reply_markup } : {});
        return true;
      } catch (err) {
        const description = err instanceof GrammyError ? (err.description ?? "") : "";
        if (description.includes("not modified")) return true;
        if (!/message to edit not found|message can't be edited/.test(description)) {
          log.warn({ msg: "progress message could not be edited; trying again later", broadcast: b.id, err });
          return false;
        }
        log.warn({ msg: "progress message is gone; sending a new one", broadcast: b.id });
      }
    }
    const message = await api.sendMessage(chatId, text, reply_markup ? { reply_markup } : {});
    await service.setProgressMessage(b.id, message.message_id);
    return true;
  }

  async function step(b: BroadcastRecord & { creatorLocale: Locale }) {
    if (!b.jobId) {
      // Started but never queued (the process stopped in between), or cancelled before it was.
      if (b.status === "cancelled") await service.finish(b);
      else await service.ensureQueued(b.id);
      return;
    }
    const progress = await service.progress(b);
    if (!progress) return;
    // A progress message first seen here was just written elsewhere (the confirmation the trainer pressed): the
    // pause between two edits of one message counts from now.
    if (!shown.has(b.id) && b.progressMessageId) shown.set(b.id, { text: "", at: clock() });
    const last = shown.get(b.id);
    if (last && clock() - last.at < minEditMs) return;
    const tr = translator(i18n, b.creatorLocale);
    const chatId = await members.chatIdOf(b.createdBy);
    const counts = countsOf(progress);
    const ended = progress.status === "done" || (progress.status === "cancelled" && progress.sending === 0);
    if (ended) {
      if (!(await service.finish(b))) return;
      shown.delete(b.id);
      if (chatId === null) return;
      const final = b.status === "cancelled" ? "cancelled" : "finished";
      await edit(b, chatId, progressText(tr, b, counts, final), final, tr);
      await api.sendMessage(chatId, reportText(tr, b, counts, await service.usefulCount(b.id)));
      return;
    }
    if (chatId === null) return;
    const held =
      b.status === "sending" && !b.urgent && isQuiet(opts.quiet.now(), opts.quiet.timeZone, opts.quiet.hours);
    const text = progressText(tr, b, counts, held ? "quiet" : b.status);
    if (last?.text === text && b.progressMessageId) return;
    // A failed edit is tried again after the same pause as any edit.
    const done = await edit(b, chatId, text, b.status, tr);
    shown.set(b.id, { text: done ? text : (last?.text ?? ""), at: clock() });
  }

  async function tick() {
    const active = await service.active();
    const live = new Set(active.map((b) => b.id));
    for (const id of shown.keys()) if (!live.has(id)) shown.delete(id);
    for (const b of active) {
      if (!running) return;
      await step(b).catch((err) => log.error({ msg: "broadcast progress step failed", broadcast: b.id, err }));
    }
  }

  function schedule() {
    timer = setTimeout(() => {
      current = tick()
        .catch((err) => log.error({ msg: "broadcast progress tick failed", err }))
        .finally(() => {
          current = undefined;
          if (running) schedule();
        });
    }, tickMs);
    timer.unref();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    /** Stops the loop and waits for a tick in progress (before the database closes). */
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
  };
}

type Tr = ReturnType<typeof translator>;
export type BroadcastProgress = ReturnType<typeof createBroadcastProgress>;
