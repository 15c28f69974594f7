// Part of `npm run build`: makes dist/pglite-template/ (a migrated, empty embedded database) when the migrations
// or the PGlite version changed since it was last made. See src/db/pglite-template.ts.
import { ensurePgliteTemplate } from "../pglite-template.js";

const made = await ensurePgliteTemplate();
console.log(made ? "embedded database template made" : "embedded database template is up to date");
