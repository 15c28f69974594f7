// Everything handlers need, built once in app.ts and injected into ctx.deps by the first middleware.

import type { I18n } from "@grammyjs/i18n";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/generated/client.ts";
import type { createEventRepository } from "../db/repositories/events.js";
import type { InviteRepository } from "../db/repositories/invites.js";
import type { MemberRepository, Role } from "../db/repositories/members.js";
import type { Delivery } from "../delivery/delivery.js";
import type { Logger } from "../logger.js";
import type { BroadcastService } from "../services/broadcasts.js";
import type { CheckinService } from "../services/checkin-service.js";
import type { EnrolmentService } from "../services/enrolment.js";
import type { SummaryService } from "../services/metrics/summary-service.js";
import type { PeerConnect } from "../services/peer-connect.js";
import type { PeerRelay } from "../services/peer-relay.js";
import type { PracticeService } from "../services/practices.js";
import type { Pseudonymizer } from "../services/pseudonym.js";
import type { TipService } from "../services/tips.js";
import type { WellbeingContent } from "../services/wellbeing-content.js";
import type { Context } from "./context.js";

export interface BotDeps {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  i18n: I18n<Context>;
  pseudonyms: Pseudonymizer;
  members: MemberRepository;
  invites: InviteRepository;
  events: ReturnType<typeof createEventRepository>;
  enrolment: EnrolmentService;
  /** Bulk sending (tips, broadcasts, reminders) through the outbox. */
  delivery: Delivery;
  /** Refresher tips: messages, selection, feedback, quizzes. */
  tips: TipService;
  /** Trainer broadcasts (compose, schedule, control, report). */
  broadcasts: BroadcastService;
  /** Post-interview check-ins and the wellbeing ladder. */
  checkins: CheckinService;
  /** Practice notes: sharing, moderation, reading and reactions. */
  practices: PracticeService;
  /** Anonymous peer connect: requests, accepting, ending, blocking, timeouts. */
  peer: PeerConnect;
  /** The relay of open peer conversations, and reports. */
  peerRelay: PeerRelay;
  /** Staff summaries: aggregates with small groups suppressed, as text, charts and CSV. */
  summaries: SummaryService;
  /** Crisis words, support contacts and self-care cards (content/wellbeing). */
  wellbeingContent: WellbeingContent;
  /** Telegram command menus per language and role; created by createBot (it needs the bot's api). */
  commands: CommandMenus;
  /** Injectable clock so tests can control time. */
  now: () => Date;
}

/** The per-chat and default command menus (src/bot/commands.ts). */
export interface CommandMenus {
  applyDefaults(): Promise<void>;
  applyForChat(chatId: number, role: Role): Promise<void>;
}
