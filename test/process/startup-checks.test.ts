// Settings that only the world can confirm stop start-up with one line naming them and a non-zero exit, instead
// of hanging or failing later with a misleading message (grammY alone retries an unreachable Bot API for ever).
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { type BotProcess, startBotProcess, startWorkerProcess } from "../helpers/process.js";

let emu: Emulator;
let silent: Server;
let silentPort = 0;
const held = new Set<Socket>();
let closedPort = 0;

beforeAll(async () => {
  emu = await startEmulator();
  // A server that accepts connections and never answers, as a firewall that drops packets would look.
  silent = createServer((socket) => held.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await emu.close();
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const good = () => ({ BOT_TOKEN: "123456:CHECKS", TELEGRAM_API_ROOT: emu.apiRoot, DATA_DIR: "/tmp/mitt-checks" });

async function failsNaming(p: BotProcess, setting: string): Promise<string> {
  expect(await p.exited).not.toBe(0);
  const line = p.lines.find((l) => l.startsWith(`${setting} `) || l.startsWith(`${setting}:`));
  expect(line, p.lines.join("\n")).toBeDefined();
  return line ?? "";
}

describe("start-up checks", { timeout: 60_000 }, () => {
  it("When the Bot API root refuses connections, then start-up stops with a line naming TELEGRAM_API_ROOT", async () => {
    const p = startBotProcess({ ...good(), TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}` });
    expect(await failsNaming(p, "TELEGRAM_API_ROOT")).toContain("unreachable");
  });

  it("When the Bot API root never answers, then start-up stops after its timeout with a line naming TELEGRAM_API_ROOT", async () => {
    const p = startBotProcess({ ...good(), TELEGRAM_API_ROOT: `http://127.0.0.1:${silentPort}` });
    expect(await failsNaming(p, "TELEGRAM_API_ROOT")).toContain("did not answer");
  });

  it("When DATA_DIR cannot be written, then start-up stops with a line naming DATA_DIR", async () => {
    const p = startBotProcess({ ...good(), DATA_DIR: "/proc/mitt" });
    expect(await failsNaming(p, "DATA_DIR")).toContain("/proc/mitt");
  });

  it("When DATABASE_URL is malformed, then start-up stops with a line naming DATABASE_URL and no password", async () => {
    const p = startBotProcess({ ...good(), DATABASE_URL: "postgresql://mitt:s3cret@db.example:notaport/mitt" });
    const line = await failsNaming(p, "DATABASE_URL");
    expect(line).toContain("not a valid URL");
    expect(p.lines.join("\n")).not.toContain("s3cret");
  });

  it("When DATABASE_URL points where no PostgreSQL listens, then the worker too stops with a line naming it", async () => {
    const url = `postgresql://mitt:s3cret@127.0.0.1:${closedPort}/mitt`;
    for (const p of [
      startBotProcess({ ...good(), DATABASE_URL: url }),
      startWorkerProcess({ ...good(), DATABASE_URL: url }),
    ]) {
      const line = await failsNaming(p, "DATABASE_URL");
      expect(line).toContain(`127.0.0.1:${closedPort}/mitt`);
      expect(p.lines.join("\n")).not.toContain("s3cret");
    }
  });
});
