// Checks a request against the Bot API method table: coerces form/multipart strings to the declared types,
// rejects missing required parameters and files that were not uploaded, and reports unknown parameters.
import type { UploadedFile } from "./body.js";
import type { FieldSpec, MethodSpec } from "./spec.js";
import { ApiError, badRequest, type Params } from "./types.js";

const SCALARS = new Set(["String", "Integer", "Float", "Boolean", "InputFile"]);

export interface ValidationResult {
  params: Params;
  warnings: string[];
}

export function validateParams(
  method: string,
  spec: MethodSpec,
  raw: Params,
  files: Map<string, UploadedFile>,
): ValidationResult {
  const params: Params = {};
  const warnings: string[] = [];
  const fields = new Map(spec.fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(raw)) {
    const field = fields.get(name);
    if (!field) {
      // Telegram ignores unknown parameters, and so do we, but a test should hear about them.
      if (!files.has(name)) warnings.push(`${method}: unknown parameter "${name}"`);
      params[name] = value;
      continue;
    }
    params[name] = coerce(field, value);
  }
  for (const field of spec.fields) {
    const value = params[field.name];
    if (field.required && (value === undefined || value === null)) {
      throw badRequest(`parameter "${field.name}" is required`);
    }
    if (typeof value === "string" && value.startsWith("attach://") && !files.has(value.slice(9))) {
      throw badRequest(`file "${value}" was not uploaded in the request`);
    }
  }
  return { params, warnings };
}

function coerce(field: FieldSpec, value: unknown): unknown {
  const types = field.types;
  if (typeof value === "string") {
    if (types.includes("String") || types.includes("InputFile")) {
      if (types.includes("Integer") && /^-?\d+$/.test(value)) return Number(value);
      return value;
    }
    if (types.every((t) => t === "Integer" || t === "Float")) {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n))
        throw badRequest(`invalid parameter "${field.name}": expected a number`);
      return n;
    }
    if (types.every((t) => t === "Boolean")) {
      if (value === "true" || value === "1") return true;
      if (value === "false" || value === "0" || value === "") return false;
      throw badRequest(`invalid parameter "${field.name}": expected a Boolean`);
    }
    // An object or array type sent as a JSON string (always so in form and multipart bodies).
    try {
      return JSON.parse(value);
    } catch {
      throw field.name === "reply_markup"
        ? badRequest("can't parse reply keyboard markup JSON object")
        : badRequest(`can't parse ${field.name} JSON object`);
    }
  }
  if (value === undefined || value === null) return value;
  if (types.every((t) => t === "Integer") && !Number.isInteger(value)) {
    throw badRequest(`invalid parameter "${field.name}": expected an Integer`);
  }
  if (types.every((t) => t === "Integer" || t === "Float") && typeof value !== "number") {
    throw badRequest(`invalid parameter "${field.name}": expected a number`);
  }
  if (types.every((t) => t === "Boolean") && typeof value !== "boolean") {
    throw badRequest(`invalid parameter "${field.name}": expected a Boolean`);
  }
  if (types.every((t) => !SCALARS.has(t)) && (typeof value !== "object" || value === null)) {
    throw field.name === "reply_markup"
      ? badRequest("can't parse reply keyboard markup JSON object")
      : badRequest(`can't parse ${field.name} JSON object`);
  }
  return value;
}

/** Telegram's 401 for malformed or unknown tokens. */
export function checkToken(token: string): void {
  if (!/^\d+:[\w-]+$/.test(token)) throw new ApiError(401, "Unauthorized");
}
