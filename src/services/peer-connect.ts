// Anonymous peer connect: an officer asks for a peer; opted-in supporters with free capacity get the request
// (only an alias, never who asked); the first to accept opens a relayed conversation (peer-relay.ts); either
// side can end it; a supporter can decline or block. A request nobody accepts in time closes with the external
// contacts and an apology. At night (quiet hours) a request goes at once only to supporters who take night
// requests; without them it waits for the morning, and the officer is told exactly that.
//
// Requests to supporters and the "nobody answered" message go through the outbox (they may wait for the
// morning and must survive restarts). Messages that are part of the live conversation ("connected", "ended")
// go straight to Telegram through `telegram`, so they never arrive after relayed text. No grammY here.
import { isQuiet, nextAllowedAt } from "../delivery/quiet-hours.js";
import { localParts } from "../domain/local-time.js";
import { newAlias, peerRequestData } from "./peer-aliases.js";
import { createPeerClosing, requestKey, sideOf } from "./peer-closing.js";
import { asLocale, outgoing } from "./peer-support.js";
import type { AcceptOutcome, PeerConnectDeps, PeerSource, RequestOutcome } from "./peer-types.js";

export { localDay, requestKey, sideOf } from "./peer-closing.js";
export type { AcceptOutcome, PeerButton, PeerSource, PeerTelegram, RequestOutcome } from "./peer-types.js";

export function createPeerConnect(d: PeerConnectDeps) {
  const random = d.random ?? Math.random;
  const { day, alias, localeOf, retire, closeUnanswered, endOpen, withdraw } = createPeerClosing(d);

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
