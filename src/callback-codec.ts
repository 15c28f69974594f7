// Typed callback data: one codec per kind of button, "namespace:field:field", at most 64 bytes (Telegram's
// limit). Data names an action, never an authority: every handler re-checks the sender's role on the server.
// Shared by the bot (src/bot/callback-data.ts adds grammY's press handler) and the services that build buttons for
// queued messages (tips, check-in reminders, broadcasts, peer requests), so both sides use the same codec.
//
// Hand-written rather than the `callback-data` package: that package only coerces String/Number, so a forged
// value ("tip:a:../../x:99") reaches the handler. Here every field is a zod schema, and data that does not
// match is refused before a handler sees it. Trailing fields whose schema accepts `undefined` (`.optional()`) may
// be left out, so one namespace can carry actions with fewer values ("tadm:list", "tadm:t:planning").
import { z } from "zod";

const SEPARATOR = ":";
const MAX_BYTES = 64;
const NAMESPACES = new Set<string>();

/** A field is a zod schema that reads the field's text (use z.coerce for numbers). */
type Fields = Record<string, z.ZodType>;
type Primitive = string | number | boolean;
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends z.input<F[K]> ? K : never }[keyof F];
export type Values<F extends Fields> = { [K in keyof F]: z.output<F[K]> };
type Inputs<F extends Fields> = { [K in Exclude<keyof F, OptionalKeys<F>>]: Primitive } & {
  [K in OptionalKeys<F>]?: Primitive;
};

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
  if (NAMESPACES.has(namespace)) throw new Error(`callback namespace used twice: ${namespace}`);
  NAMESPACES.add(namespace);
  const keys = Object.keys(fields) as (keyof F & string)[];
  const optional = keys.map((k) => fields[k]?.safeParse(undefined).success === true);
  const required = optional.lastIndexOf(false) + 1;
  const schema = z.object(fields);
  return {
    namespace,
    filter: new RegExp(`^${namespace}(?:${SEPARATOR}|$)`),
    pack(values) {
      const given = values as Record<string, Primitive | undefined>;
      const texts = keys.map((k) => {
        const v = given[k];
        if (v === undefined) return undefined;
        const text = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
        if (text.includes(SEPARATOR)) throw new Error(`callback field ${namespace}.${k} contains "${SEPARATOR}"`);
        return text;
      });
      let last = texts.length;
      while (last > required && texts[last - 1] === undefined) last--;
      const parts = texts.slice(0, last);
      if (parts.some((p) => p === undefined)) throw new Error(`callback data ${namespace}: a value is missing`);
      const data = [namespace, ...parts].join(SEPARATOR);
      if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data over 64 bytes: ${namespace}`);
      return data;
    },
    unpack(data) {
      if (!data) return null;
      const parts = data.split(SEPARATOR);
      if (parts[0] !== namespace || parts.length < required + 1 || parts.length > keys.length + 1) return null;
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
