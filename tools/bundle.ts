// `npm run build`, after tsc: bundles the bot and the worker into one file each (dist/main.js, dist/worker.js,
// replacing tsc's), so a start reads, resolves and compiles one file instead of ~250 of ours and ~600 of the
// packages'. Half the time of loading the modules, and start-up waits for that (README, Performance).
// tsc's other files stay in dist/: the migration child (dist/db/cli/migrate.js) and the build's own tools run them.
//
// Kept outside the bundle: packages that find files next to their own code (PGlite's WASM and data, Prisma's
// query compiler, pino's worker transport, Skia's native module) and the driver adapters with what they import
// (pg too: one copy of it, shared with @prisma/adapter-pg).
// Code that finds files from its own place (import.meta.dirname, import.meta.url) is given its place in dist/
// as tsc would have emitted it, so "../../locales" from src/bot/i18n.ts still means the same folder.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");
const ENTRIES = ["main", "worker"];
const EXTERNAL = [
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
  "pglite-prisma-adapter",
  "@prisma/*",
  "pg",
  "@napi-rs/canvas",
  "pino",
  "pino-pretty",
];

/** Rewrites import.meta.dirname and import.meta.url of a file under src/ to what they were in tsc's dist/. */
const placeAsCompiled: Plugin = {
  name: "place-as-compiled",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, "utf8");
      if (args.path.startsWith(SRC) && contents.includes("import.meta.")) {
        const asCompiled = path.relative(SRC, args.path).replace(/\.ts$/, ".js").split(path.sep).join("/");
        // Both are relative to the bundle, which sits at the top of dist/.
        const url = `new URL(${JSON.stringify(`./${asCompiled}`)}, import.meta.url).href`;
        const dirname = `__mittDirname(${url})`;
        contents = contents.replace(/import\.meta\.url\b/g, url).replace(/import\.meta\.dirname\b/g, dirname);
      }
      return { contents, loader: "ts" };
    });
  },
};

// CommonJS packages inside an ES module bundle still ask for require, __filename and __dirname.
const banner = [
  'import { createRequire as __mittCreateRequire } from "node:module";',
  'import { dirname as __mittDirnameOf } from "node:path";',
  'import { fileURLToPath as __mittFileURLToPath } from "node:url";',
  "const require = __mittCreateRequire(import.meta.url);",
  "const __filename = __mittFileURLToPath(import.meta.url);",
  "const __dirname = __mittDirnameOf(__filename);",
  "const __mittDirname = (url) => __mittDirnameOf(__mittFileURLToPath(url));",
].join("\n");

await build({
  entryPoints: ENTRIES.map((name) => ({ in: path.join(SRC, `${name}.ts`), out: name })),
  outdir: path.join(ROOT, "dist"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: EXTERNAL,
  plugins: [placeAsCompiled],
  banner: { js: banner },
  // Class and function names stay as written: error types reach the log by name, and node-fetch (grammY's)
  // recognises an AbortSignal by its constructor's name.
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
});
