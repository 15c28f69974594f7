// Sends one outbox payload through its own grammY Api (no auto-retry: the worker decides what a 429 or a
// 5xx means for the whole queue) and sorts Telegram's answer into the outcomes the worker acts on.
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { OutboxPayload } from "../db/repositories/outbox.js";
import { isUpload } from "./uploads.js";

export type SendOutcome =
  | { kind: "sent"; messageId: number }
  | { kind: "rate_limited"; retryAfterSec: number }
  | { kind: "blocked"; reason: string }
  | { kind: "rejected"; reason: string }
  | { kind: "transient"; reason: string };

export type Sender = (chatId: number, payload: OutboxPayload) => Promise<SendOutcome>;

export function createTelegramSender(token: string, apiRoot: string, timeoutSeconds = 15): Sender {
  const api = new Api(token, { apiRoot, timeoutSeconds });
  const call = (chatId: number, { method, params }: Pick<OutboxPayload, "method" | "params">) => {
    // A renderer's upload (a chart) goes as a multipart file; everything else as it was queued.
    const files = Object.entries(params).map(([k, v]) => [k, isUpload(v) ? new InputFile(v.data, v.filename) : v]);
    const body = { chat_id: chatId, ...Object.fromEntries(files) };
    // The payload was built by Mitt's own code for exactly these methods.
    if (method === "sendPhoto") return api.raw.sendPhoto(body as Parameters<Api["raw"]["sendPhoto"]>[0]);
    if (method === "sendDocument") return api.raw.sendDocument(body as Parameters<Api["raw"]["sendDocument"]>[0]);
    return api.raw.sendMessage(body as Parameters<Api["raw"]["sendMessage"]>[0]);
  };
  return async (chatId, payload) => {
    try {
      const message = await call(chatId, payload);
      return { kind: "sent", messageId: message.message_id };
    } catch (err) {
      return classify(err);
    }
  };
}

/**
 * Never throws, whatever it is given: a Bot API server that answers without `description` or `parameters` (some
 * do) gives a GrammyError whose fields are undefined.
 */
export function classify(err: unknown): SendOutcome {
  if (err instanceof GrammyError) {
    const code = typeof err.error_code === "number" ? err.error_code : 0;
    const described = typeof err.description === "string" && err.description ? err.description : `error ${code}`;
    const reason = described.replace(/\s+/g, " ").slice(0, 160);
    const retryAfter = err.parameters?.retry_after;
    if (code === 429) return { kind: "rate_limited", retryAfterSec: typeof retryAfter === "number" ? retryAfter : 5 };
    if (code === 403) return { kind: "blocked", reason };
    if (code >= 500 || code === 0) return { kind: "transient", reason: `server_error ${code}` };
    return { kind: "rejected", reason };
  }
  if (err instanceof HttpError) return { kind: "transient", reason: "network" };
  return { kind: "transient", reason: "unknown" };
}
