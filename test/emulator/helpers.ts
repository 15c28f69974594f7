// Raw HTTP helpers for emulator tests: call a method the way any Bot API client would.
import type { Emulator } from "../../emulator/index.js";

export const TOKEN = "1234567:TEST-token_x";

export interface RawAnswer {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

export async function callApi(
  emu: Emulator,
  method: string,
  params: Record<string, unknown> = {},
  opts: { token?: string; form?: boolean } = {},
): Promise<RawAnswer> {
  const url = `${emu.apiRoot}/bot${opts.token ?? TOKEN}/${method}`;
  const init: RequestInit = opts.form
    ? {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(
          Object.entries(params).map(([k, v]): [string, string] => [
            k,
            typeof v === "object" ? JSON.stringify(v) : String(v),
          ]),
        ).toString(),
      }
    : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) };
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as RawAnswer["body"] };
}

export const keyboard = (callback_data: string) => ({ inline_keyboard: [[{ text: "Go", callback_data }]] });
