// Starting a conversation from a menu button or a command while another one is open (a press that an open
// conversation passed on, such as the main menu in the middle of a broadcast draft) must neither fail nor throw the
// open one away: the person is asked to finish it, or to send /cancel, first.
import type { Context } from "../context.js";

export async function enterWhenFree(ctx: Context, id: string, ...args: unknown[]): Promise<void> {
  if (Object.values(ctx.conversation.active()).some((n) => n > 0)) {
    await ctx.reply(ctx.t("common-finish-first"));
    return;
  }
  await ctx.conversation.enter(id, ...args);
}
