// The tip message as an officer reads it, rendered with the real locale files for every tip in content/tips:
// the source line under a Khmer tip names the topic in Khmer and says in Khmer that the reference is English.
import { beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { loadTipLibrary, type TipLibrary } from "../../src/content/tips.js";
import type { TipRecord } from "../../src/db/repositories/tips.js";
import { createTipService, type TipServiceDeps } from "../../src/services/tips.js";

let library: TipLibrary;
let message: ReturnType<typeof createTipService>["message"];

beforeAll(async () => {
  library = await loadTipLibrary();
  const i18n = createI18n();
  // message() only translates; nothing else of the service is touched here.
  const deps = { t: (locale, key, vars) => i18n.t(locale, key, vars) } as Pick<TipServiceDeps, "t">;
  ({ message } = createTipService(deps as TipServiceDeps));
});

function records(): TipRecord[] {
  return library.tips.map((tip) => {
    const topic = library.topics.find((t) => t.id === tip.topicId);
    if (!topic) throw new Error(`no topic ${tip.topicId}`);
    return {
      id: tip.id,
      topicId: tip.topicId,
      topicKm: topic.name.km,
      topicEn: topic.name.en,
      textKm: tip.text.km,
      textEn: tip.text.en,
      source: tip.source,
      quiz: tip.quiz ?? null,
      origin: "content",
      archived: false,
    };
  });
}

const sourceLine = (text: string) => text.split("\n").find((line) => line.startsWith("— ")) ?? "";

describe("the tip message's source line", () => {
  it("When any content tip is rendered in Khmer, then its source line has the Khmer topic name and a Khmer lead-in, and no English topic name", () => {
    const tips = records();
    expect(tips.length).toBeGreaterThan(50);
    for (const tip of tips) {
      const line = sourceLine(message(tip, "km").text);
      expect(line, tip.id).toBe(`— ប្រភព៖ ${tip.topicKm} · ឯកសារយោង (ភាសាអង់គ្លេស)៖ ${tip.source}`);
      // Apart from the English reference itself, the line is all Khmer: no English topic name or label ("Planning;").
      const rest = line.replace(tip.source, "");
      expect(rest, tip.id).not.toContain(tip.topicEn);
      expect(rest, tip.id).not.toMatch(/[A-Za-z]/);
    }
  });

  it("When the first planning tip is rendered in both languages, then each source line names the topic in that language", () => {
    const planning = records().find((t) => t.id === "planning-01") as TipRecord;
    const km = sourceLine(message(planning, "km").text);
    const en = sourceLine(message(planning, "en").text);
    expect(km).toContain("រៀបចំផែនការមុនពេលសម្ភាស · ឯកសារយោង (ភាសាអង់គ្លេស)៖ Scottish Government");
    expect(km).not.toContain("Planning");
    expect(en).toBe(
      "— Source: Plan before you interview; Scottish Government, Guidance on Joint Investigative Interviewing of Child Witnesses (2011), App. A",
    );
  });

  it("When a trainer's own tip is rendered, then the source line says it comes from the trainers, in each language", () => {
    const own: TipRecord = { ...records()[0], id: "own-1", source: "trainer", origin: "trainer" } as TipRecord;
    expect(sourceLine(message(own, "km").text)).toBe("— ប្រភព៖ គន្លឹះពីគ្រូបណ្តុះបណ្តាលរបស់អ្នក");
    expect(sourceLine(message(own, "en").text)).toBe("— Source: a tip from your trainers");
  });
});
