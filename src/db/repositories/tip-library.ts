// The shapes of the in-memory tip library (tips.ts loads it; tip-views.ts orders it for an officer), below both.
import type { TipQuiz } from "../../content/tips.js";

export interface TipRecord {
  id: string;
  topicId: string;
  topicKm: string;
  topicEn: string;
  textKm: string;
  textEn: string;
  source: string;
  quiz: TipQuiz | null;
  origin: "content" | "trainer";
  archived: boolean;
}

export interface TopicRecord {
  id: string;
  position: number;
  nameKm: string;
  nameEn: string;
  tips: number;
}

export interface Library {
  version: string | null;
  byId: Map<string, TipRecord>;
  topics: TopicRecord[];
  /** Active tips of each topic, in order. */
  byTopic: Map<string, TipRecord[]>;
}

/** A tip row as the library keeps it, with its topic's names. */
export function toRecord(
  row: {
    id: string;
    topicId: string;
    textKm: string;
    textEn: string;
    source: string;
    quiz: unknown;
    origin: string;
    archivedAt: Date | null;
  },
  names: { km: string; en: string },
): TipRecord {
  return {
    id: row.id,
    topicId: row.topicId,
    topicKm: names.km,
    topicEn: names.en,
    textKm: row.textKm,
    textEn: row.textEn,
    source: row.source,
    quiz: (row.quiz as TipQuiz | null) ?? null,
    origin: row.origin === "trainer" ? "trainer" : "content",
    archived: row.archivedAt !== null,
  };
}
