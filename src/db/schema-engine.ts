// Loads Prisma's own migration engine (the Rust schema engine compiled to WASM) and creates an engine
// bound to a driver adapter. Hand-written because Prisma 7's CLI needs a native engine binary that
// cannot be downloaded on our machines, and no library wraps the WASM build for Node 20.
// The package's API "will break without prior warning": it is pinned exactly in package.json and
// used only through src/db/migrations.ts, which has tests.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = Awaited<ReturnType<typeof glue.SchemaEngine.new>>;

let loaded: Promise<void> | undefined;

/** Node 20 cannot import the package entry (it imports a .wasm ES module), so we instantiate it. */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports: Record<string, unknown> = { ...glue };
    // The engine arms a 10 s timer it never clears; unref it so short commands exit at once.
    for (const name of Object.keys(glue)) {
      if (name.startsWith("__wbg_setTimeout_")) {
        imports[name] = (fn: () => void, ms: number) => {
          const timer = setTimeout(fn, ms >>> 0);
          timer.unref();
          return timer;
        };
      }
    }
    const { instance } = await wasmApi().instantiate(bytes, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return loaded;
}

// @types/node does not declare the WebAssembly global; this is the one call we need.
function wasmApi() {
  return (
    globalThis as unknown as {
      WebAssembly: {
        instantiate(b: Uint8Array, i: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
      };
    }
  ).WebAssembly;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export async function createSchemaEngine(
  schema: SchemaFile,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  await loadWasm();
  return glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => onLog(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
