// The Bot API method table (emulator/bot-api-methods.json, built by build-spec.ts) plus an explicit allow-list.
import { readFileSync } from "node:fs";

export interface FieldSpec {
  name: string;
  types: string[];
  required: boolean;
}
export interface MethodSpec {
  returns: string[];
  fields: FieldSpec[];
}

const table = JSON.parse(readFileSync(new URL("./bot-api-methods.json", import.meta.url), "utf8")) as {
  source: string;
  methods: Record<string, MethodSpec>;
};

/**
 * Methods newer than the spec file (Bot API 10.1) that the bot is allowed to call. grammY 1.46 targets 10.3 and
 * also knows deleteEphemeralMessage and editEphemeralMessage*; Mitt uses none of them, so this stays empty
 * until it does. Add `name: { returns, fields }` here, copied from the Bot API docs.
 */
export const EXTRA_METHODS: Record<string, MethodSpec> = {};

export const SPEC_SOURCE = table.source;
const methods = new Map<string, MethodSpec>(Object.entries({ ...table.methods, ...EXTRA_METHODS }));
// Telegram treats method names case-insensitively.
const byLowerName = new Map<string, string>([...methods.keys()].map((k) => [k.toLowerCase(), k]));

/** The canonical method name, or undefined if Telegram has no such method. */
export function canonicalMethod(name: string): string | undefined {
  return byLowerName.get(name.toLowerCase());
}

export function methodSpec(name: string): MethodSpec | undefined {
  return methods.get(name);
}

export function methodNames(): string[] {
  return [...methods.keys()];
}
