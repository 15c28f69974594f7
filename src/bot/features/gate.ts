// Locked by default: past this point only enrolled members get through. Everyone else gets the
// "you need an invite from your trainer" message, whatever they send or press.
import type { Context } from "../context.js";
import { deny } from "../filters/roles.js";
import { FlatComposer } from "../flat-composer.js";

const composer = new FlatComposer<Context>();

composer.use(async (ctx, next) => {
  if (ctx.member?.enrolled) return next();
  if (ctx.chat?.type !== "private") return;
  await deny(ctx, "locked");
});

export { composer as enrolledOnlyGate };
