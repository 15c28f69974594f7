// What a trainer's broadcast is made of (its versions, media and audience) and Telegram's limits on it. Pure,
// below both the broadcast service and the repository that stores drafts.
import { z } from "zod";
import { PROVINCES, UNIT_TYPES } from "./provinces.js";

export type Locale = "km" | "en";
/** Telegram's limits on what a bot may send. */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
export const INACTIVE_STEPS = [null, 7, 14, 30, 60] as const;

export const audienceSchema = z
  .object({
    provinces: z.array(z.enum(PROVINCES)).default([]),
    unitTypes: z.array(z.enum(UNIT_TYPES)).default([]),
    locale: z.enum(["km", "en"]).nullable().default(null),
    inactiveDays: z.number().int().min(1).max(365).nullable().default(null),
    includeTrainers: z.boolean().default(false),
  })
  .strict();
export type Audience = z.output<typeof audienceSchema>;
export const ALL_OFFICERS: Audience = audienceSchema.parse({});

export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}
export interface Version {
  text: string;
  entities: Entity[];
}
export interface Media {
  kind: "photo" | "document";
  fileId: string;
}
export interface Draft {
  /** With one version for everyone, it is `km` and `en` is null. */
  km: Version;
  en: Version | null;
  media: Media | null;
  audience: Audience;
  urgent: boolean;
}
