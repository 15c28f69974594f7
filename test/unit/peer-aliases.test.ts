import { describe, expect, it } from "vitest";
import { peerRequest } from "../../src/bot/peer-views.js";
import { messageBand } from "../../src/domain/message-bands.js";
import {
  ALIAS_PATTERN,
  aliasInHeader,
  newAlias,
  PEER_REQUEST_ACTIONS,
  peerRequestData,
} from "../../src/services/peer-aliases.js";

describe("peer aliases", () => {
  it("When aliases are drawn, then they are two unambiguous characters and never one of those to avoid", () => {
    let i = 0;
    const sequence = [0, 0, 0, 0, 0.5, 0.99]; // "22" twice (avoided), then a new code
    const random = () => sequence[i++ % sequence.length] ?? 0;
    expect(newAlias(random, ["22"])).toMatch(ALIAS_PATTERN);
    expect(newAlias(random, ["22"])).not.toBe("22");
    for (let n = 0; n < 200; n++) expect(newAlias(Math.random)).not.toMatch(/[01IOL]/);
  });

  it("When a relayed message's header is read, then the alias code is found in either language, and other text gives null", () => {
    expect(aliasInHeader("💬 Peer 7K\nhello")).toBe("7K");
    expect(aliasInHeader("💬 មិត្តរួមការងារ 7K\nសួស្តី")).toBe("7K");
    expect(aliasInHeader("Peer 7K\nhello")).toBeNull();
    expect(aliasInHeader("💬 Peer 0O\nhello")).toBeNull();
    expect(aliasInHeader(undefined)).toBeNull();
  });

  it("When messages are counted for an event, then only a band is reported", () => {
    expect([0, 1, 9, 10, 49, 50, 500].map(messageBand)).toEqual(["0", "1-9", "1-9", "10-49", "10-49", "50+", "50+"]);
  });

  it("When the service builds a request button, then the bot's codec reads it back, within Telegram's 64 bytes", () => {
    const id = "3f2a9c1e-0b7d-4e55-9a10-6c2b8d4f7e01";
    for (const action of PEER_REQUEST_ACTIONS) {
      const data = peerRequestData(action, id);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(peerRequest.unpack(data)).toEqual({ action, id });
    }
    expect(peerRequest.unpack("peerreq:z:not/an:id")).toBeNull();
  });
});
