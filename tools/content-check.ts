// `npm run content:check [-- --dir DIR]`: validates the refresher-tip library (content/tips/*.yaml). Prints each
// problem on its own line to stderr and, as the last stdout line, {"tips":N,"topics":N,"quizzes":N,"errors":N}.
// Exits 1 when there is any problem.
import path from "node:path";
import { parseArgs } from "node:util";
import { checkTipLibrary, TIPS_DIR } from "../src/content/tips.js";

const { values } = parseArgs({ options: { dir: { type: "string" } } });
const dir = values.dir ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.dir) : TIPS_DIR;
const { library, errors } = await checkTipLibrary(dir);
for (const error of errors) console.error(error);
const summary = {
  tips: library?.tips.length ?? 0,
  topics: library?.topics.length ?? 0,
  quizzes: library?.tips.filter((t) => t.quiz).length ?? 0,
  errors: errors.length,
};
console.log(JSON.stringify(summary));
process.exitCode = errors.length > 0 ? 1 : 0;
