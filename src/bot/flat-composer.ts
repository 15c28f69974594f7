// A grammY Composer whose middleware runs from a flat list. Written by hand because no plugin does this and grammY's
// own Composer nests: every `use` wraps the chain so far in an async function (`concat`), and every `filter` (hence
// every `command`, `on` and `callbackQuery`) adds an async `lazy` step that builds a new Composer on each update.
// An update reaching a feature low in the list was suspended in about 60 async frames while it waited for its reply;
// with the runner's 500 updates in flight those frames and their closures outgrew V8's young generation, and the
// copying showed as a quarter of the CPU in garbage collection (README, Performance). Here a step that passes
// (`return next()`) leaves nothing suspended, and a filter that does not match costs one function call.
// Behaviour is grammY's: middleware runs in order, `next` may be called once, a filter's predicate may be async,
// and what is added to a composer after it was registered still runs. Everything else (`fork`, `errorBoundary`,
// `drop`, `lazy`) is inherited and built on `use` and `filter`.
import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;

function toFn<C extends Context>(mw: Middleware<C>): MiddlewareFn<C> {
  return typeof mw === "function" ? mw : (ctx, next) => mw.middleware()(ctx, next);
}

const ignore = () => undefined;

function dispatch<C extends Context>(fns: MiddlewareFn<C>[], i: number, ctx: C, next: NextFunction): Promise<void> {
  const fn = fns[i];
  if (fn === undefined) return next();
  let called = false;
  const nextStep = () => {
    if (called) return Promise.reject(new Error("`next` already called before!"));
    called = true;
    return dispatch(fns, i + 1, ctx, next);
  };
  try {
    const result = fn(ctx, nextStep);
    // The common case, an async middleware, costs no extra promise.
    return result instanceof Promise ? (result as Promise<void>) : Promise.resolve(result).then(ignore);
  } catch (err) {
    return Promise.reject(err);
  }
}

export class FlatComposer<C extends Context> extends Composer<C> {
  private readonly steps: MiddlewareFn<C>[];
  private readonly run: MiddlewareFn<C>;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    const steps = middleware.map(toFn);
    this.steps = steps;
    // Reads the list when it runs, so middleware added later is included (as with grammY's Composer).
    this.run = (ctx, next) => dispatch(steps, 0, ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Array<Middleware<C>>): FlatComposer<C> {
    const composer = new FlatComposer<C>(...middleware);
    this.steps.push(composer.middleware());
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): FlatComposer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): FlatComposer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): FlatComposer<C> {
    const composer = new FlatComposer<C>(...middleware);
    const matched = composer.middleware();
    this.steps.push((ctx, next) => {
      const ok = predicate(ctx);
      if (ok instanceof Promise) return ok.then((yes) => (yes ? matched(ctx, next) : next()));
      return ok ? matched(ctx, next) : next();
    });
    return composer;
  }
}
