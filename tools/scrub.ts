// `npm run --silent scrub`: reads text lines on stdin and prints each one scrubbed (src/services/scrubber.ts) on
// stdout, one line out per line in, nothing else. Handy for checking the scrubber on real (consented) examples:
//   echo "Sokha, 12 years old, phone 012 345 678, said it was hard" | npm run --silent scrub
import { createInterface } from "node:readline";
import { scrub } from "../src/services/scrubber.js";

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) process.stdout.write(`${scrub(line).text}\n`);
