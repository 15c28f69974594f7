// Types shared by peer connect (peer-connect.ts, peer-closing.ts, peer-relay.ts) and the bot layer.
import type { MemberRepository } from "../db/repositories/members.js";
import type { PeerRepository } from "../db/repositories/peer.js";
import type { Delivery } from "../delivery/delivery.js";
import type { QuietHours } from "../delivery/quiet-hours.js";
import type { EventSink } from "../domain/events.js";

export type PeerSource = "command" | "menu" | "ladder" | "progress" | "crisis";
export type Locale = "km" | "en";
export type Vars = Record<string, string | number>;

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
