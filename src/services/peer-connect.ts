// Anonymous peer connect: an officer asks for a peer; opted-in supporters with free capacity get the request
// (only an alias, never who asked); the first to accept opens a relayed conversation (peer-relay.ts); either
// side can end it; a supporter can decline or block. A request nobody accepts in time closes with the external
// contacts and an apology. At night (quiet hours) a request goes at once only to supporters who take night
// requests; without them it waits for the morning, and the officer is told exactly that.
//
// Requests to supporters and the "nobody answered" message go through the outbox (they may wait for the
// morning and must survive restarts). Messages that are part of the live conversation ("connected", "ended")
// go straight to Telegram through `telegram`, so they never arrive after relayed text. No grammY here.
import type { MemberRepository } from "../db/repositories/members.js";
import type { PeerConversationRecord, PeerRepository, PeerSide } from "../db/repositories/peer.js";
import type { Delivery } from "../delivery/delivery.js";
import { isQuiet, nextAllowedAt, type QuietHours } from "../delivery/quiet-hours.js";
import type { EventSink } from "./events.js";
import { localParts } from "./local-time.js";
import { messageBand, newAlias, peerRequestData } from "./peer-aliases.js";
import { asLocale, outgoing } from "./peer-support.js";

export type PeerSource = "command" | "menu" | "ladder" | "progress" | "crisis";
type Locale = "km" | "en";
type Vars = Record<string, string | number>;

export interface PeerButton {
  text: string;
  callback_data: string;
}

/** The Telegram side, implemented in src/bot/peer-telegram.ts. Nothing sent through it is stored or logged. */
export interface PeerTelegram {
  /** Sends a message to a member's private chat now; its message id, or null if it could not be delivered. */
  send(pseudonym: string, text: string, buttons?: PeerButton[][]): Promise<number | null>;
  /** copyMessage from one member's chat to another's (a copy carries no link to where it came from). */
  copy(to: string, from: string, messageId: number): Promise<boolean>;
  /** Replaces the buttons of a message the bot sent to a member. */
  setButtons(pseudonym: string, messageId: number, buttons: PeerButton[][]): Promise<void>;
}

export interface PeerConnectDeps {
  repo: PeerRepository;
  members: Pick<MemberRepository, "find">;
  events: EventSink;
  delivery: Pick<Delivery, "queue" | "cancel">;
  telegram: PeerTelegram;
  t: (locale: Locale, key: string, vars?: Vars) => string;
  /** The external contacts (content/wellbeing/contacts.yaml) as text, in a language. */
  contacts: (locale: Locale) => string;
  timeZone: string;
  quiet: QuietHours;
  /** Open conversations a supporter may have at once. */
  maxOpen: number;
  /** How long a request waits for a supporter once supporters can see it. */
  timeoutMs: number;
  now: () => Date;
  random?: () => number;
}

export type RequestOutcome =
  | { kind: "open"; alias: string }
  | { kind: "waiting"; id: string }
  | { kind: "none" }
  /** `from`: local "HH:MM" when supporters will see it (held until the morning), or null: they see it now. */
  | { kind: "sent"; id: string; notified: number; night: boolean; from: string | null };

export type AcceptOutcome =
  | { kind: "ok"; alias: string }
  | { kind: "gone" }
  | { kind: "full" }
  | { kind: "not_supporter" };

export const requestKey = (id: string) => `peer-request:${id}`;

/** The local calendar day of `at`, as stored in the day columns (never a time of day). */
export const localDay = (at: Date, timeZone: string) => new Date(`${localParts(at, timeZone).date}T00:00:00Z`);

/** Which side `pseudonym` is on, or null when it is not part of the conversation. */
export function sideOf(c: PeerConversationRecord, pseudonym: string): PeerSide | null {
  if (c.requester === pseudonym) return "requester";
  return c.supporter === pseudonym ? "supporter" : null;
}

export function createPeerConnect(d: PeerConnectDeps) {
  const random = d.random ?? Math.random;
  const day = (at: Date) => localDay(at, d.timeZone);
  const alias = (locale: Locale, code: string | null) => d.t(locale, "peer-alias", { code: code ?? "?" });
  const localeOf = async (pseudonym: string | null) =>
    asLocale(pseudonym ? (await d.members.find(pseudonym))?.locale : undefined);

  /** Turns the buttons of every delivered copy of a request into one "closed" label; drops unsent copies. */
  async function retire(id: string, except: string | null, labelKey: string): Promise<void> {
    const key = requestKey(id);
    const job = await d.repo.jobOf(key);
    if (job) await d.delivery.cancel(job);
    for (const r of await d.repo.deliveredRequests(key)) {
      if (r.recipient === except) continue;
      const label = d.t(await localeOf(r.recipient), labelKey);
      await d.telegram.setButtons(r.recipient, r.messageId, [
        [{ text: label, callback_data: peerRequestData("x", id) }],
      ]);
    }
  }

  /** Closes a request nobody took: the officer gets an apology and the external contacts. */
  async function closeUnanswered(c: PeerConversationRecord, reason: "no_answer" | "all_declined") {
    const status = reason === "no_answer" ? "timed_out" : "declined";
    if (!(await d.repo.close(c.id, ["requested"], status, "system", day(d.now())))) return false;
    await retire(c.id, null, "peer-request-expired");
    const locale = await localeOf(c.requester);
    const text = d.t(locale, "peer-unanswered", { contacts: d.contacts(locale) });
    await d.delivery.queue({ key: `peer-unanswered:${c.id}`, kind: "notification", urgent: true }, [
      outgoing(c.requester, text),
    ]);
    await d.events.record(c.requester, "peer.timed_out", { night: c.night, reason });
    return true;
  }

  async function endOpen(c: PeerConversationRecord, by: PeerSide): Promise<boolean> {
    if (!(await d.repo.close(c.id, ["open"], "ended", by, day(d.now())))) return false;
    const other = by === "requester" ? c.supporter : c.requester;
    const locale = await localeOf(other);
    const who = alias(locale, by === "requester" ? c.requesterAlias : c.supporterAlias);
    if (other) await d.telegram.send(other, d.t(locale, "peer-ended-by-other", { alias: who }));
    const messages = messageBand(c.requesterMessages + c.supporterMessages);
    await d.events.record(c.requester, "peer.ended", { by, messages, stage: "conversation" });
    return true;
  }

  async function withdraw(c: PeerConversationRecord): Promise<boolean> {
    if (!(await d.repo.close(c.id, ["requested"], "withdrawn", "requester", day(d.now())))) return false;
    await retire(c.id, null, "peer-request-withdrawn");
    await d.events.record(c.requester, "peer.ended", { by: "requester", messages: "0", stage: "request" });
    return true;
  }

  return {
    /** The requester's own waiting request or open conversation, if any. */
    activeRequestOf: (pseudonym: string) => d.repo.activeRequestOf(pseudonym),
    openFor: (pseudonym: string) => d.repo.openFor(pseudonym),
    get: (id: string) => d.repo.get(id),

    async request(requester: string, source: PeerSource): Promise<RequestOutcome> {
      const active = await d.repo.activeRequestOf(requester);
      if (active?.status === "open") return { kind: "open", alias: active.supporterAlias ?? "?" };
      if (active) return { kind: "waiting", id: active.id };
      const now = d.now();
      const night = isQuiet(now, d.timeZone, d.quiet);
      const all = await d.repo.candidates(requester, d.maxOpen);
      const nightOnes = all.filter((c) => c.peerNight);
      // At night: at once (urgent) to those who take night requests; without them, everyone in the morning.
      const urgent = night && nightOnes.length > 0;
      const recipients = urgent ? nightOnes : all;
      if (!recipients.length) {
        await d.events.record(requester, "peer.requested", { source, night, available: false });
        return { kind: "none" };
      }
      const visibleAt = night && !urgent ? nextAllowedAt(now, d.timeZone, d.quiet) : now;
      const c = await d.repo.create({
        requester,
        requesterAlias: newAlias(random),
        source,
        night,
        notified: recipients.length,
        day: day(now),
        expiresAt: new Date(visibleAt.getTime() + d.timeoutMs),
      });
      const rows = recipients.map((r) => {
        const locale = asLocale(r.locale);
        const b = (action: "a" | "d" | "b", key: string) => ({
          text: d.t(locale, key),
          callback_data: peerRequestData(action, c.id),
        });
        const text = d.t(locale, night ? "peer-request-night" : "peer-request", {
          alias: alias(locale, c.requesterAlias),
        });
        return outgoing(r.pseudonym, text, [
          [b("a", "peer-accept")],
          [b("d", "peer-decline"), b("b", "peer-block-button")],
        ]);
      });
      await d.delivery.queue({ key: requestKey(c.id), kind: "notification", urgent }, rows);
      await d.events.record(requester, "peer.requested", { source, night, available: true });
      // The ladder's own event, kept so the ladder's uptake reads as before.
      if (source === "ladder" || source === "crisis") {
        await d.events.record(requester, "escalation.accepted", {
          step: source === "crisis" ? "crisis" : "peer",
          share: "none",
        });
      }
      const from = night && !urgent ? hhmm(visibleAt, d.timeZone) : null;
      return { kind: "sent", id: c.id, notified: recipients.length, night, from };
    },

    /** A supporter accepts: the first press wins; the others' buttons then say it was taken. */
    async accept(id: string, supporter: string): Promise<AcceptOutcome> {
      const c = await d.repo.get(id);
      if (c?.status !== "requested" || c.requester === supporter) return { kind: "gone" };
      const me = await d.members.find(supporter);
      if (!me?.enrolled || !me.peerSupporter) return { kind: "not_supporter" };
      const mine = await d.repo.openFor(supporter);
      if (mine.filter((o) => o.supporter === supporter).length >= d.maxOpen) return { kind: "full" };
      // The alias must tell this conversation apart from the supporter's others.
      let requesterAlias = c.requesterAlias;
      const taken = mine.flatMap((o) => [o.requesterAlias, o.supporterAlias]);
      if (taken.includes(requesterAlias)) {
        requesterAlias = newAlias(random, taken);
        await d.repo.setRequesterAlias(id, requesterAlias);
      }
      const supporterAlias = newAlias(random, [requesterAlias]);
      const today = day(d.now());
      if (!(await d.repo.accept(id, supporter, supporterAlias, today))) return { kind: "gone" };
      await retire(id, supporter, "peer-request-taken");
      const locale = await localeOf(c.requester);
      const told = await d.telegram.send(
        c.requester,
        d.t(locale, "peer-connected-requester", { alias: alias(locale, supporterAlias) }),
      );
      if (told === null) {
        // The officer can no longer be reached (blocked the bot, or deleted their data): close it at once.
        await d.repo.close(id, ["open"], "ended", "system", today);
        return { kind: "gone" };
      }
      await d.events.record(c.requester, "peer.accepted", {});
      return { kind: "ok", alias: requesterAlias };
    },

    /** A supporter declines (and with `block`, is never matched with this officer again). */
    async decline(id: string, supporter: string, block: boolean): Promise<boolean> {
      const c = await d.repo.get(id);
      if (c?.status !== "requested" || c.requester === supporter) return false;
      if (block) await d.repo.block(supporter, c.requester, day(d.now()));
      const after = await d.repo.decline(id);
      if (!after) return false;
      await d.events.record(supporter, "peer.declined", { blocked: block });
      if (after.declines >= after.notified) await closeUnanswered(after, "all_declined");
      return true;
    },

    /** /end: ends an open conversation (the other side is told), or withdraws one's own waiting request. */
    async end(pseudonym: string, id: string): Promise<"ended" | "withdrawn" | null> {
      const c = await d.repo.get(id);
      const side = c && sideOf(c, pseudonym);
      if (!c || !side) return null;
      if (c.status === "requested" && side === "requester") return (await withdraw(c)) ? "withdrawn" : null;
      return c.status === "open" && (await endOpen(c, side)) ? "ended" : null;
    },

    /** A supporter blocks the officer of an open conversation: it ends, and the pair is never matched again. */
    async block(supporter: string, id: string): Promise<boolean> {
      const c = await d.repo.get(id);
      if (!c || c.supporter !== supporter || c.status !== "open") return false;
      await d.repo.block(supporter, c.requester, day(d.now()));
      await d.events.record(supporter, "peer.declined", { blocked: true });
      return endOpen(c, "supporter");
    },

    /** Before "delete my data": closes everything this person is part of; the other side is told neutrally. */
    async leaveAll(pseudonym: string): Promise<number> {
      let closed = 0;
      for (const c of await d.repo.activeFor(pseudonym)) {
        const side = sideOf(c, pseudonym);
        if (!side) continue;
        if (await (c.status === "requested" ? withdraw(c) : endOpen(c, side))) closed++;
      }
      return closed;
    },

    /** Scheduled (src/jobs/peer-jobs.ts): requests nobody accepted in time. */
    async expire(now: Date): Promise<number> {
      let closed = 0;
      for (const c of await d.repo.expired(now)) if (await closeUnanswered(c, "no_answer")) closed++;
      return closed;
    },
  };
}

function hhmm(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

export type PeerConnect = ReturnType<typeof createPeerConnect>;
