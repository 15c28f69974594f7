// The last step of /broadcast: a confirmed draft becomes a broadcast. Roles can change while someone composes, so
// the server decides again here; the confirmation message becomes the progress message; and one sent now is
// stored before it starts, so should Mitt stop in between, the scheduler starts it (it is due).
import type { Role } from "../../db/repositories/members.js";
import type { Draft, Locale } from "../../services/broadcasts.js";
import { formatWhen } from "../broadcast-views.js";
import type { ConversationContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { deny } from "../filters/roles.js";
import type { Translate } from "../i18n.js";
import type { Convo } from "./ask.js";
import { show } from "./broadcast-input.js";

const TRAINERS: readonly Role[] = ["trainer", "admin"];

export interface Launch {
  conversation: Convo;
  ctx: ConversationContext;
  deps: BotDeps;
  tr: Translate;
  locale: Locale;
  draft: Draft;
  /** Epoch milliseconds, or null for now. */
  scheduledAt: number | null;
  /** Recipients, as the trainer confirmed them. */
  count: number;
}

/** `confirmed`: the press on the confirm button, whose message is edited from here on. */
export async function launchBroadcast(o: Launch, confirmed: ConversationContext): Promise<void> {
  const { conversation, deps, tr, draft, scheduledAt } = o;
  // Edited in place by the progress loop, so starting a broadcast adds no message to the trainer's chat.
  const confirmation = confirmed.callbackQuery?.message?.message_id ?? null;
  const created = await conversation.external(async (octx) => {
    if (!octx.pseudonym || !octx.member?.enrolled || !TRAINERS.includes(octx.member.role)) {
      await deny(octx, "broadcast.confirm");
      return null;
    }
    const id = await deps.broadcasts.create(octx.pseudonym, draft, scheduledAt === null ? null : new Date(scheduledAt));
    if (scheduledAt === null && confirmation !== null) await deps.broadcasts.setProgressMessage(id, confirmation);
    return id;
  });
  if (!created) return;
  // The broadcast exists now: a Telegram error from here on must not lead back to a step that creates it.
  await show(
    o.ctx,
    scheduledAt === null
      ? tr("broadcast-started", { count: o.count })
      : tr("broadcast-scheduled", { when: formatWhen(new Date(scheduledAt), o.locale, deps.config.TZ) }),
    [],
    confirmed,
  ).catch(() => undefined);
  if (scheduledAt === null) await conversation.external(() => deps.broadcasts.start(created));
}
