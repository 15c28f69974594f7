// Prisma 7 CLI configuration. Only `prisma generate` is used from the CLI; migrations run through
// the WASM schema engine (src/db/migrations.ts), because the native engine cannot be downloaded here.
import { defineConfig } from "prisma/config";

// Any existing executable stops the CLI from downloading its native schema engine. We point it at
// node itself (not /bin/true) so that a stray `prisma migrate …` fails loudly instead of silently
// applying nothing. See ../shared/design/offline-prisma.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
