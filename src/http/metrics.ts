// GET /metrics in Prometheus' text format (src/telemetry.ts says what is counted).
import type { IncomingMessage, ServerResponse } from "node:http";
import { telemetry } from "../telemetry.js";

export async function metrics(_req: IncomingMessage, res: ServerResponse) {
  const { registry } = telemetry();
  const body = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType }).end(body);
}
