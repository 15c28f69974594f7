import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { EVENT_CATALOGUE } from "../../src/domain/events.js";
import { METRIC_PASSIVE_EVENTS, METRICS, nameKey } from "../../src/services/metrics/catalogue.js";
import { metricsMarkdown } from "../../src/services/metrics/catalogue-doc.js";

const i18n = createI18n();

describe("metric catalogue", () => {
  it("When the catalogue changes, then docs/metrics.md is the same as generated (npm run docs:metrics)", async () => {
    const file = await readFile("docs/metrics.md", "utf8");
    expect(file).toBe(metricsMarkdown((locale, key) => i18n.t(locale, key)));
  });

  it("When a metric is defined, then it has a Khmer and an English name, a numerator, a window, sources and a rule", () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS) {
      const km = i18n.t("km", nameKey(m.id));
      const en = i18n.t("en", nameKey(m.id));
      expect(km, m.id).toMatch(/[\u1780-\u17FF]/);
      expect(en, m.id).not.toBe(nameKey(m.id));
      expect(m.numerator && m.window && m.suppression && m.sources.length, m.id).toBeTruthy();
      if (m.kind !== "count") expect(m.denominator, m.id).toBeTruthy();
    }
  });

  it("When domain.md §d's table is read, then every one of its metrics is in the catalogue, with broadcasts and paused tips", () => {
    const ids = new Set(METRICS.map((m) => m.id));
    for (const id of [
      "activation",
      "active-officers",
      "tip-ack",
      "quiz-accuracy",
      "reflection-completion",
      "adherence-ground-rules",
      "adherence-room",
      "adherence-breaks",
      "adherence-recording",
      "open-prompt-most",
      "room-use",
      "action-follow-through",
      "peer-sharing",
      "commitment-to-share",
      "wellbeing-response",
      "wellbeing-high",
      "wellbeing-mean",
      "support-uptake",
      "retention-4w",
      "retention-12w",
      "retention-26w",
      "broadcast-delivered",
      "broadcast-blocked",
      "broadcast-useful",
      "tips-paused",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(METRICS.filter((m) => m.section === "wellbeing").every((m) => m.scope === "programme")).toBe(true);
  });

  it("When an event is named as not something the person did, then it is a catalogue event or a feature still to come", () => {
    const upcoming = ["practice.", "peer."];
    for (const type of METRIC_PASSIVE_EVENTS) {
      expect(Object.hasOwn(EVENT_CATALOGUE, type) || upcoming.some((p) => type.startsWith(p)), type).toBe(true);
    }
  });

  it("When the README is read, then it links the metric catalogue", async () => {
    expect(await readFile("README.md", "utf8")).toContain("docs/metrics.md");
  });
});
