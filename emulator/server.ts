// The HTTP side: routes /bot<token>/<method>, reads the body, applies faults, validation, blocking and flood
// control in Telegram's order, answers {ok,result} or {ok:false,error_code,description,parameters}, and records.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Message } from "grammy/types";
import { parseBody, readBody } from "./body.js";
import { checkContent } from "./content-rules.js";
import { botUser, handle } from "./methods.js";
import { isSendingMethod, type RateLimiter } from "./rate-limit.js";
import { canonicalMethod, methodSpec } from "./spec.js";
import type { ChatStore } from "./state.js";
import { type ApiCall, ApiError, type Faults, type Params, tooManyRequests } from "./types.js";
import type { UpdateQueue } from "./updates.js";
import { checkUploads } from "./uploads.js";
import { checkToken, validateParams } from "./validate.js";
import type { WebhookDelivery } from "./webhook.js";

/** What the request handler needs from the emulator. */
export interface Core {
  chats: ChatStore;
  updates: UpdateQueue;
  webhook: WebhookDelivery;
  limiter: RateLimiter;
  faults(): Faults;
  random(): number;
  clock(): number;
  knownChatsOnly: boolean;
  record(call: Omit<ApiCall, "index">): void;
  warn(message: string): void;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function requestHandler(core: Core) {
  return (req: IncomingMessage, res: ServerResponse) => {
    serve(core, req, res).catch((err: unknown) => {
      reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    });
  };
}

function reply(res: ServerResponse, status: number, body: unknown): boolean {
  if (res.destroyed || res.writableEnded) return false;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
  return true;
}

async function serve(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const file = /^\/file\/bot([^/]+)\/files\/([^/]+)$/.exec(url.pathname);
  if (file) return serveFile(core, file[2] ?? "", res);
  const route = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
  const token = decodeURIComponent(route?.[1] ?? "");
  const call: Omit<ApiCall, "index"> = {
    method: route?.[2] ?? url.pathname,
    params: {},
    status: 0,
    ok: false,
    at,
    durationMs: 0,
    token,
  };
  const finish = (status: number, body: Record<string, unknown>) => {
    const written = status > 0 && reply(res, status, body);
    call.status = written ? status : 0;
    call.ok = written && status === 200;
    call.durationMs = Date.now() - at;
    core.record(call);
  };
  try {
    if (!route) throw new ApiError(404, "Not Found");
    const { params: raw, files } = await parseBody(req.headers["content-type"], await readBody(req), url.searchParams);
    call.params = raw;
    checkToken(token);
    const method = canonicalMethod(call.method);
    if (!method) throw new ApiError(404, "Not Found: method not found");
    call.method = method;

    const faults = core.faults();
    if (faults.methods ? faults.methods.includes(method) : method !== "getUpdates") {
      if (faults.latencyMs) await delay(faults.latencyMs);
      if (faults.dropRate && core.random() < faults.dropRate) {
        req.socket.destroy();
        call.error = { error_code: 0, description: "connection dropped by fault injection" };
        return finish(0, {});
      }
      if (faults.error5xxRate && core.random() < faults.error5xxRate) throw new ApiError(500, "Internal Server Error");
      if (faults.error400Rate && core.random() < faults.error400Rate) {
        throw new ApiError(400, "Bad Request: rejected by fault injection");
      }
    }

    const spec = methodSpec(method);
    if (!spec) throw new ApiError(404, "Not Found: method not found");
    const { params, warnings } = validateParams(method, spec, raw, files);
    call.params = params;
    for (const w of warnings) core.warn(w);
    const visible = checkContent(method, params);
    const photoSize = checkUploads(method, params, files);

    let result: unknown;
    if (method === "getUpdates") {
      if (core.webhook.active) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active");
      result = await core.updates.getUpdates(token, params, (cb) => res.on("close", cb));
    } else if (method === "setWebhook") {
      core.webhook.set(params);
      result = true;
    } else if (method === "deleteWebhook") {
      core.webhook.delete();
      result = true;
    } else if (method === "getWebhookInfo" && core.webhook.active) {
      result = core.webhook.info();
    } else {
      admit(core, method, params);
      const bot = botUser(token);
      const nowSec = Math.floor(core.clock() / 1000);
      const pendingUpdates = core.updates.unconfirmed().length;
      const out = handle({ method, params, visible, files, chats: core.chats, bot, nowSec, pendingUpdates, photoSize });
      result = out.result;
      if (out.message) call.message = out.message.message as Message;
    }
    call.result = result;
    finish(200, { ok: true, result });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(500, `Internal Server Error: ${String(err)}`);
    call.error = { error_code: e.code, description: e.description };
    const body: Record<string, unknown> = { ok: false, error_code: e.code, description: e.description };
    if (e.retryAfter !== undefined) {
      body.parameters = { retry_after: e.retryAfter };
      call.error.parameters = { retry_after: e.retryAfter };
    }
    finish(e.code, body);
  }
}

/** Blocked chats, chats that never wrote (if enforced), forced 429s and flood control. */
function admit(core: Core, method: string, params: Params): void {
  const sending = isSendingMethod(method);
  const chatId = params.chat_id;
  if ((sending || method === "sendChatAction") && typeof chatId === "number") {
    if (core.chats.blocked.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (core.chats.left.has(chatId)) {
      const type = core.chats.chatObject(chatId).type;
      throw new ApiError(403, `Forbidden: bot is not a member of the ${type === "channel" ? "channel" : "group"} chat`);
    }
    if (core.knownChatsOnly && chatId > 0 && !core.chats.started.has(chatId)) {
      throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    }
  }
  if (!sending) return;
  const retryAfter = core.limiter.admit(String(chatId ?? params.inline_message_id ?? ""));
  if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
}

function serveFile(core: Core, fileId: string, res: ServerResponse): void {
  const file = core.chats.file(decodeURIComponent(fileId));
  if (!file) {
    reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    return;
  }
  const data = file.data ?? Buffer.from(`emulated file ${file.file_id}\n`);
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": data.length });
  res.end(data);
}
