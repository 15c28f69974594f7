// `npm run docs:metrics`: writes docs/metrics.md from the metric catalogue (src/services/metrics/catalogue*.ts),
// with each metric's Khmer and English name from locales/*/summary.ftl. A test checks the file is up to date.
import { writeFile } from "node:fs/promises";
import { createI18n } from "../src/bot/i18n.js";
import { metricsMarkdown } from "../src/services/metrics/catalogue-doc.js";

const i18n = createI18n();
await writeFile(
  "docs/metrics.md",
  metricsMarkdown((locale, key) => i18n.t(locale, key)),
);
console.log("docs/metrics.md written.");
