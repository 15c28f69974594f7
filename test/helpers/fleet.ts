// Helpers for multi-instance process tests: free ports, webhook posts, log lines as JSON, and a TCP proxy in front
// of PostgreSQL that a test can stop and start again (the machine's PostgreSQL itself cannot be stopped here).
import { connect, createServer, type Server, type Socket } from "node:net";
import type { Update } from "grammy/types";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** JSON log lines (pino) of a process, parsed; other lines skipped. */
export function jsonLines(lines: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const l of lines) {
    if (!l.startsWith("{")) continue;
    try {
      out.push(JSON.parse(l));
    } catch {
      // a line cut by the kill
    }
  }
  return out;
}

export function commandUpdate(updateId: number, chatId: number, command: string, date: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date,
      chat: { id: chatId, type: "private", first_name: "Officer" },
      from: { id: chatId, is_bot: false, first_name: "Officer", language_code: "en" },
      text: `/${command}`,
      entities: [{ type: "bot_command", offset: 0, length: command.length + 1 }],
    },
  } as Update;
}

export async function postUpdate(port: number, path: string, update: Update, secret?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Polls `check` until it returns true (no fixed sleeps: a short pause between polls only). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

/** A TCP proxy to `target` that can be stopped (every connection cut, new ones refused) and started again. */
export function tcpProxy(targetHost: string, targetPort: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  return {
    get port() {
      return port;
    },
    async start() {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", resolve));
      port = (server.address() as { port: number }).port;
    },
    async stop() {
      const s = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
