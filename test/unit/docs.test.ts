import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { catalogueMarkdown } from "../../src/domain/events.js";

describe("README", () => {
  it("When the event catalogue changes, then the README's copy is the same (npm run docs:events)", async () => {
    const readme = await readFile("README.md", "utf8");
    expect(readme).toContain(catalogueMarkdown());
  });

  it("When a newcomer reads it, then it shows the two commands and every configuration variable", async () => {
    const readme = await readFile("README.md", "utf8");
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
    const example = await readFile(".env.example", "utf8");
    for (const name of example.matchAll(/^#?\s?([A-Z_]{3,})=/gm)) expect(readme).toContain(`\`${name[1]}\``);
  });
});
