// /healthz and /readyz of a running instance: ready while PostgreSQL answers, unready once it does not (here the
// database sits behind a TCP proxy the test stops: the machine's PostgreSQL cannot be stopped from a test), and
// ready again within 10 seconds of its return; the process survives the outage. PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { backend, createProcessDatabaseEnv } from "../helpers/db.js";
import { freePort, tcpProxy, until } from "../helpers/fleet.js";
import { startBotProcess } from "../helpers/process.js";

let emu: Emulator;
let dbEnv: Awaited<ReturnType<typeof createProcessDatabaseEnv>>;

beforeAll(async () => {
  emu = await startEmulator();
  dbEnv = await createProcessDatabaseEnv();
});
afterAll(async () => {
  await emu.close();
  await dbEnv.cleanup();
});

const status = async (port: number, path: string) => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
};

describe("readiness", () => {
  it.runIf(backend() === "postgres")(
    "When PostgreSQL goes away, then /readyz turns unready while /healthz stays up, and ready again within 10 s of its return",
    async () => {
      const target = new URL(dbEnv.env.DATABASE_URL as string);
      const proxy = tcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      const viaProxy = new URL(target);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      const port = await freePort();
      const bot = startBotProcess({
        BOT_TOKEN: "123456:READYZ",
        TELEGRAM_API_ROOT: emu.apiRoot,
        PORT: String(port),
        ...dbEnv.env,
        DATABASE_URL: viaProxy.toString(),
      });
      await bot.waitForLine("Mitt is running", 60_000);
      expect(await status(port, "/healthz")).toBe(200);
      expect(await status(port, "/readyz")).toBe(200);

      await proxy.stop();
      await until(async () => (await status(port, "/readyz")) === 503, 10_000, "/readyz unready");
      expect(await status(port, "/healthz")).toBe(200);

      await proxy.start();
      const back = await until(async () => (await status(port, "/readyz")) === 200, 10_000, "/readyz ready again");
      expect(back).toBeLessThan(10_000);
      expect(bot.child.exitCode).toBeNull();
      expect(await bot.stop("SIGTERM")).toBe(0);
      await proxy.stop();
    },
    60_000,
  );
});
