// Scheduled work of peer connect: every minute, requests that nobody accepted within
// PEER_TIMEOUT_MINUTES of supporters being able to see them are closed, and the officer gets an apology
// with the external contacts. Idempotent: closing is guarded by the status, the message by its delivery key.
import type { Logger } from "../logger.js";
import type { PeerConnect } from "../services/peer-connect.js";
import type { Job } from "./scheduler.js";

export const PEER_JOBS = { timeouts: "peer-timeouts" } as const;

export function createPeerJobs(peer: PeerConnect, logger: Logger): Job[] {
  return [
    {
      name: PEER_JOBS.timeouts,
      cron: "* * * * *",
      async run(now) {
        const closed = await peer.expire(now);
        if (closed) logger.info({ msg: "peer requests timed out", closed });
      },
    },
  ];
}
