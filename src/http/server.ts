// A small node:http server: exact paths to handlers, 404 otherwise. Used for the webhook and for /healthz, /readyz
// and /metrics (src/http/routes.ts). Shutdown first stops accepting (closeIdle), then waits for open requests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServer {
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections; resolves when every open request has been answered. */
  close(): Promise<void>;
  /** Ends every connection left (after draining). */
  closeAll(): void;
  /** Requests being served now. */
  readonly open: number;
  readonly port: number;
}

export function createHttpServer(routes: Record<string, Route>, logger: Logger): HttpServer {
  let open = 0;
  const server: Server = createServer((req, res) => {
    open++;
    res.once("close", () => open--);
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    Promise.resolve()
      .then(() => route(req, res))
      .catch((err) => {
        logger.error({ msg: "http handler failed", path, err });
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        if (!res.writableEnded) res.end("error\n");
      });
  });
  // Telegram and load balancers keep connections alive; a draining instance must not hold them for ever.
  server.keepAliveTimeout = 5_000;
  return {
    get open() {
      return open;
    },
    get port() {
      return (server.address() as AddressInfo | null)?.port ?? 0;
    },
    listen(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
    closeAll() {
      server.closeAllConnections();
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}
