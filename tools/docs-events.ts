// `npm run docs:events`: rewrites the event catalogue block in README.md from src/services/events.ts.
import { readFile, writeFile } from "node:fs/promises";
import { catalogueMarkdown } from "../src/domain/events.js";

const START = "<!-- events:start -->";
const END = "<!-- events:end -->";
const readme = await readFile("README.md", "utf8");
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
await writeFile("README.md", `${before}\n${catalogueMarkdown()}\n${after}`);
console.log("README.md event catalogue updated.");
