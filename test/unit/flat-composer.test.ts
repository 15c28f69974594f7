import { Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FlatComposer } from "../../src/bot/flat-composer.js";

const me = { id: 1, is_bot: true, first_name: "Mitt", username: "mitt_bot" } as UserFromGetMe;

function contextFor(text: string): Context {
  const entities = text.startsWith("/")
    ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]?.length ?? 0 }]
    : [];
  const update = {
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 7, type: "private", first_name: "A" },
      from: { id: 7, is_bot: false, first_name: "A" },
      text,
      entities,
    },
  } as Update;
  return new Context(update, new Api("0:test"), me);
}

const run = (composer: FlatComposer<Context>, ctx: Context, after: () => void = () => {}) =>
  composer.middleware()(ctx, async () => after());

describe("FlatComposer (grammY's middleware order from a flat list)", () => {
  it("When middleware is registered with use, then it runs in order and the last next reaches the caller's next", async () => {
    const seen: string[] = [];
    const composer = new FlatComposer<Context>((_ctx, next) => {
      seen.push("a");
      return next();
    });
    composer.use(async (_ctx, next) => {
      seen.push("b");
      await next();
      seen.push("b after");
    });
    composer.use(
      new FlatComposer<Context>((_ctx, next) => {
        seen.push("c");
        return next();
      }),
    );
    await run(composer, contextFor("hi"), () => seen.push("outer"));
    expect(seen).toEqual(["a", "b", "c", "outer", "b after"]);
  });

  it("When a middleware does not call next, then nothing after it runs", async () => {
    const seen: string[] = [];
    const composer = new FlatComposer<Context>(() => {
      seen.push("stop");
    });
    composer.use(() => {
      seen.push("never");
    });
    await run(composer, contextFor("hi"), () => seen.push("outer"));
    expect(seen).toEqual(["stop"]);
  });

  it("When a middleware calls next twice, then the second call is refused with grammY's error", async () => {
    const composer = new FlatComposer<Context>(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(run(composer, contextFor("hi"))).rejects.toThrow("`next` already called before!");
  });

  it("When a plain function middleware throws, then the composed middleware rejects instead of throwing", async () => {
    const composer = new FlatComposer<Context>(() => {
      throw new Error("boom");
    });
    const result = run(composer, contextFor("hi"));
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toThrow("boom");
  });

  it("When a command does not match, then the update goes on; when it matches, then only its handler runs", async () => {
    const seen: string[] = [];
    const composer = new FlatComposer<Context>();
    composer.command("tip", () => {
      seen.push("tip");
    });
    composer.command("help", () => {
      seen.push("help");
    });
    composer.use(() => {
      seen.push("fallback");
    });
    await run(composer, contextFor("/help"));
    await run(composer, contextFor("hello"));
    expect(seen).toEqual(["help", "fallback"]);
  });

  it("When a filter's predicate is async, then the answer is awaited before choosing the way", async () => {
    const seen: string[] = [];
    const composer = new FlatComposer<Context>();
    composer.filter(
      async (ctx) => ctx.msg?.text === "yes",
      () => {
        seen.push("matched");
      },
    );
    composer.use(() => {
      seen.push("passed");
    });
    await run(composer, contextFor("yes"));
    await run(composer, contextFor("no"));
    expect(seen).toEqual(["matched", "passed"]);
  });

  it("When middleware is added to a registered part afterwards, then it runs as with grammY's Composer", async () => {
    const seen: string[] = [];
    const root = new FlatComposer<Context>();
    const feature = new FlatComposer<Context>();
    root.use(feature);
    const help = feature.command("help");
    help.use(() => {
      seen.push("late handler");
    });
    await run(root, contextFor("/help"));
    expect(seen).toEqual(["late handler"]);
  });

  it("When an error boundary holds a failing handler, then its handler gets the error and the update goes on", async () => {
    const caught: string[] = [];
    const root = new FlatComposer<Context>();
    const inside = root.errorBoundary((err, next) => {
      caught.push((err.error as Error).message);
      return next();
    });
    inside.use(() => {
      throw new Error("inside");
    });
    root.use(() => {
      caught.push("after the boundary");
    });
    await run(root, contextFor("hi"));
    expect(caught).toEqual(["inside", "after the boundary"]);
  });
});
