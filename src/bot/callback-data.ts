// Typed callback data: one codec per kind of button, "namespace:field:field", at most 64 bytes (Telegram's
// limit). Data names an action, never an authority: every handler re-checks the sender's role on the server.
//
// Hand-written rather than the `callback-data` package: that package only coerces String/Number, so a forged
// value ("tip:a:../../x:99") reaches the handler. Here every field is a zod schema, and data that does not
// match is refused before a handler sees it (pressHandler answers it as an expired button).
import type { Filter, Middleware } from "grammy";
import { z } from "zod";
import type { Context } from "./context.js";

const SEPARATOR = ":";
const MAX_BYTES = 64;

/** A field is a zod schema that reads the field's text (use z.coerce for numbers). */
type Fields = Record<string, z.ZodType>;
type Values<F extends Fields> = { [K in keyof F]: z.output<F[K]> };
type Inputs<F extends Fields> = { [K in keyof F]: string | number | boolean };

export interface CallbackCodec<F extends Fields> {
  readonly namespace: string;
  /** Builds the data; throws on a value with a separator or data over 64 bytes (a programming error). */
  pack(values: Inputs<F>): string;
  /** The values, or null when the data is not this codec's or a field does not validate (forged or stale). */
  unpack(data: string | undefined): Values<F> | null;
  /** Matches every data of this namespace (valid or not), for `composer.callbackQuery(codec.filter, …)`. */
  readonly filter: RegExp;
}

export function callbackData<const F extends Fields>(namespace: string, fields: F): CallbackCodec<F> {
  if (!/^[a-z][a-z0-9]{0,11}$/.test(namespace)) throw new Error(`bad callback namespace: ${namespace}`);
  const keys = Object.keys(fields) as (keyof F & string)[];
  const schema = z.object(fields);
  return {
    namespace,
    filter: new RegExp(`^${namespace}(?:${SEPARATOR}|$)`),
    pack(values) {
      const parts = keys.map((k) => {
        const v = values[k];
        const text = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
        if (text.includes(SEPARATOR)) throw new Error(`callback field ${namespace}.${k} contains "${SEPARATOR}"`);
        return text;
      });
      const data = [namespace, ...parts].join(SEPARATOR);
      if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data over 64 bytes: ${namespace}`);
      return data;
    },
    unpack(data) {
      if (!data) return null;
      const parts = data.split(SEPARATOR);
      if (parts[0] !== namespace || parts.length !== keys.length + 1) return null;
      const parsed = schema.safeParse(Object.fromEntries(keys.map((k, i) => [k, parts[i + 1]])));
      return parsed.success ? (parsed.data as Values<F>) : null;
    },
  };
}

/** Reads a boolean packed as "1"/"0". */
export const flag = z.enum(["0", "1"]).transform((v) => v === "1");
/** A small non-negative integer (pages, indexes, counts). */
export const index = (max: number) => z.coerce.number().int().min(0).max(max);
/** An id made of letters, digits, "_" and "-" (tip ids, topic ids, handles, short uuids). */
export const slug = (max = 40) => z.string().regex(new RegExp(`^[\\w-]{1,${max}}$`));

type PressContext = Filter<Context, "callback_query:data">;

/**
 * Middleware for one codec: unpacks the data and calls `handle` with typed values. Data of this namespace that
 * does not validate is answered as an expired button (and logged without its content), so it never spins.
 */
export function pressHandler<F extends Fields>(
  codec: CallbackCodec<F>,
  handle: (ctx: PressContext, values: Values<F>) => Promise<unknown>,
): Middleware<PressContext> {
  return async (ctx) => {
    const values = codec.unpack(ctx.callbackQuery.data);
    if (!values) {
      ctx.log.warn({ msg: "malformed button", namespace: codec.namespace });
      await ctx.answerCallbackQuery({ text: ctx.t("common-button-expired") });
      return;
    }
    await handle(ctx, values);
  };
}

/**
 * @deprecated Untyped data from before the codecs; being replaced feature by feature by `callbackData`.
 * New code must not use it.
 */
export function cb(namespace: string, ...parts: (string | number)[]): string {
  const data = [namespace, ...parts].join(SEPARATOR);
  if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data over 64 bytes: ${namespace}`);
  return data;
}

/** @deprecated See `cb`. */
export function parseCb(data: string | undefined, namespace: string): string[] | null {
  if (!data) return null;
  const parts = data.split(SEPARATOR);
  return parts[0] === namespace ? parts.slice(1) : null;
}
