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
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");
const DIST = path.join(ROOT, "dist");
const ENTRIES = ["main", "worker"];
const CHUNK_PREFIX = "bundle-";
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
      if (args.path.endsWith(path.join("generated", "internal", "class.ts"))) contents = await wasmFromFile(contents);
      return { contents, loader: "ts" };
    });
  },
};

/**
 * Prisma's generated client loads its query compiler from a module holding the WASM as one base64 string: 4.5 MB
 * of JavaScript to parse, a string to decode, then a compile on the main thread, while the first query waits. The
 * build writes the WASM beside the bundle, and the bundle compiles it from there off the main thread. Should a
 * Prisma upgrade change that code, it is left as it is (and works, only slower).
 */
async function wasmFromFile(classTs: string): Promise<string> {
  const loader =
    /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/query_compiler_[\w.]+)\.wasm-base64\.mjs"\)\s*return await decodeBase64AsWasm\(wasm\)/;
  const found = loader.exec(classTs);
  if (!found?.[1]) {
    console.warn("bundle: Prisma's query compiler loader has changed; it is bundled as Prisma wrote it");
    return classTs;
  }
  const { wasm } = (await import(`${found[1]}.wasm-base64.mjs`)) as { wasm: string };
  const file = `${path.basename(found[1])}.wasm`;
  await mkdir(DIST, { recursive: true });
  await writeFile(path.join(DIST, file), Buffer.from(wasm, "base64"));
  const bytes = `(await import("node:fs/promises")).readFile(new URL(${JSON.stringify(`./${file}`)}, import.meta.url))`;
  return classTs.replace(loader, `return await WebAssembly.compile(await ${bytes})`);
}

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

// Chunks are named by their content: those of an earlier build go first.
for (const file of await readdir(DIST).catch(() => [])) {
  if (file.startsWith(CHUNK_PREFIX)) await rm(path.join(DIST, file));
}

await build({
  entryPoints: ENTRIES.map((name) => ({ in: path.join(SRC, `${name}.ts`), out: name })),
  outdir: DIST,
  bundle: true,
  platform: "node",
  format: "esm",
  // What is imported with import() (the bot's modules from main.ts, charts, the schema engine) goes to chunks of
  // its own: a package it imports is then loaded when it is, not at start (Skia alone is 25 MB). Chunks sit
  // beside the entries, so the places given by placeAsCompiled hold for them too.
  splitting: true,
  chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
  target: "node20",
  external: EXTERNAL,
  plugins: [placeAsCompiled],
  banner: { js: banner },
  // No keepNames: it calls a helper that redefines `name` on every function the code creates, closures made per
  // update included, and that was a quarter of the CPU of a `/help` (README, Performance). What needed names
  // still has them: the log names an error by its own `name` first (src/logger.ts), and node-fetch (grammY's)
  // recognises an AbortSignal by its constructor's name, which its CommonJS module keeps (test/process/built.test.ts
  // polls and replies through the bundle).
  keepNames: false,
  legalComments: "none",
  logLevel: "warning",
});
