// Peer requests against the emulator: nobody answers within 2 hours (the job, with a moved clock), a supporter at
// capacity, declining, blocking, and requests at night with and without supporters who take night requests.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { PEER_JOBS } from "../../src/jobs/peer-jobs.js";
import { enrol, enrolKhmer, freshData, replyContaining, startTestBot, type TestBot } from "../helpers/bot.js";
import { makeSupporter, movableClock, pseudonymOf } from "../helpers/peer.js";

const HOUR = 60 * 60_000;
const clock = movableClock();
let bot: TestBot;
let nextId = 7_346_101;
const supporters: TestUser[] = [];

beforeAll(async () => {
  bot = await startTestBot({ now: clock.now });
});
// Each test owns its data, its supporters included: later tests must not reach them.
beforeEach(async () => {
  supporters.length = 0;
  await freshData(bot);
});
afterEach(() => clock.at(10));
afterAll(async () => {
  await bot.stop();
});

const person = (language_code: "km" | "en") =>
  bot.emu.user({ id: nextId++, first_name: "Nary", username: `nary_${nextId}`, language_code });
async function officer(language: "km" | "en" = "en") {
  const u = person(language);
  if (language === "km") await enrolKhmer(bot, u);
  else await enrol(bot, u);
  return u;
}
async function supporter(language: "km" | "en" = "en") {
  const s = await officer(language);
  await makeSupporter(bot, s);
  supporters.push(s);
  return s;
}
const eventsOf = async (u: TestUser) =>
  (
    await bot.db.prisma.usageEvent.findMany({ where: { pseudonym: await pseudonymOf(bot, u) }, orderBy: { id: "asc" } })
  ).map((e) => `${e.type} ${JSON.stringify(e.attrs)}`);
const requestOf = async (u: TestUser) =>
  bot.db.prisma.peerConversation.findFirstOrThrow({
    where: { requester: await pseudonymOf(bot, u) },
    orderBy: { requestedOn: "desc" },
  });

/** The officer asks for a peer (English buttons); returns the calls index before the request went out. */
async function ask(u: TestUser) {
  await u.askCommand("peer");
  const since = bot.emu.calls.length;
  u.press(u.info.language_code === "km" ? "🤝 បាទ/ចាស សូមរកអ្នកគាំទ្រឱ្យខ្ញុំ" : "🤝 Yes, find me a peer");
  return since;
}
const requestFor = (s: TestUser, since: number) =>
  replyContaining(bot.emu, s, s.info.language_code === "km" ? "ចង់និយាយជាមួយអ្នកគាំទ្រ" : "would like to talk", since);

describe("peer requests", () => {
  it("When nobody accepts within 2 hours, then the officer gets an apology and the contacts, and the supporter's buttons close", async () => {
    const s = await supporter("km");
    const u = await officer();
    const asked = clock.now().getTime();
    const since = await ask(u);
    await requestFor(s, since);
    const { id } = await requestOf(u);
    // The worker confirms the send to the outbox just after Telegram answered: wait for that, as the job will.
    await vi.waitFor(async () =>
      expect(
        await bot.db.prisma.outboxMessage.count({ where: { job: { key: `peer-request:${id}` }, state: "sent" } }),
      ).toBe(1),
    );

    await bot.app.scheduler.runNow(PEER_JOBS.timeouts, new Date(asked + 2 * HOUR - 60_000));
    expect((await requestOf(u)).status).toBe("requested");

    const later = bot.emu.calls.length;
    await bot.app.scheduler.runNow(PEER_JOBS.timeouts, new Date(asked + 2 * HOUR + 60_000));
    const sorry = await replyContaining(bot.emu, u, "no peer supporter could take your request in time", later);
    expect(sorry).toContain("TPO Cambodia");
    expect(sorry).toContain("Emergency services");
    await bot.emu.waitFor((c) => c.method === "editMessageReplyMarkup" && c.params.chat_id === s.id, { since: later });
    const request = s.messages().find((m) => (m.text ?? "").includes("ចង់និយាយជាមួយអ្នកគាំទ្រ"));
    expect(request?.buttons.flat().map((b) => b.text)).toEqual(["⌛ សំណើនេះបានបិទហើយ"]);
    expect(await requestOf(u)).toMatchObject({ status: "timed_out", endedBy: "system", expiresAt: null });
    // An old Accept button (or a forged one) only says it is closed.
    const press = s.pressData(`peerreq:a:${id}`);
    expect(String((await s.answerTo(press)).params.text)).toContain("សំណើនេះលែងបើកទៀតហើយ");
    expect(await eventsOf(u)).toContain('peer.timed_out {"night":false,"reason":"no_answer"}');
  });

  it("When two supporters get a request, then the first to accept gets it and the other's buttons say it was taken", async () => {
    const [s1, s2] = [await supporter(), await supporter("km")];
    const u = await officer();
    const since = await ask(u);
    await requestFor(s1, since);
    await requestFor(s2, since);
    const { id } = await requestOf(u);
    await vi.waitFor(async () =>
      expect(
        await bot.db.prisma.outboxMessage.count({ where: { job: { key: `peer-request:${id}` }, state: "sent" } }),
      ).toBe(2),
    );

    const later = bot.emu.calls.length;
    s1.press("✅ I can talk now");
    await replyContaining(bot.emu, u, "A peer supporter accepted", later);
    await bot.emu.waitFor((c) => c.method === "editMessageReplyMarkup" && c.params.chat_id === s2.id, { since: later });
    const stale = s2.messages().find((m) => (m.text ?? "").includes("ចង់និយាយជាមួយអ្នកគាំទ្រ"));
    expect(stale?.buttons.flat().map((b) => b.text)).toEqual(["✔️ អ្នកគាំទ្រម្នាក់ទៀតបានទទួលយកហើយ"]);
    const late = s2.pressData(`peerreq:a:${id}`);
    expect(String((await s2.answerTo(late)).params.text)).toContain("សំណើនេះលែងបើកទៀតហើយ");
    expect((await requestOf(u)).supporter).toBe(await pseudonymOf(bot, s1));
  });

  it("When a supporter has 2 open conversations, then a third cannot be accepted and a new request finds nobody free", async () => {
    const s = await supporter();
    const [a, b, c, d] = [await officer(), await officer(), await officer(), await officer("km")];
    for (const u of [a, b, c]) await requestFor(s, await ask(u));
    const byRequest = async (u: TestUser) => {
      const { requesterAlias } = await requestOf(u);
      return s.press((btn, m) => btn.text === "✅ I can talk now" && (m.text ?? "").includes(`Peer ${requesterAlias}`));
    };
    for (const u of [a, b]) {
      const since = bot.emu.calls.length;
      await byRequest(u);
      await replyContaining(bot.emu, u, "A peer supporter accepted", since);
    }
    const third = await byRequest(c);
    const answer = await s.answerTo(third);
    expect(answer.params).toMatchObject({ show_alert: true });
    expect(String(answer.params.text)).toContain("You already have 2 open conversations");
    expect((await requestOf(c)).status).toBe("requested");

    const since = await ask(d);
    const none = await replyContaining(bot.emu, d, "គ្មានអ្នកគាំទ្រណាម្នាក់ទំនេរទេ", since);
    expect(none).toContain("TPO");
    expect(await bot.db.prisma.peerConversation.count({ where: { requester: await pseudonymOf(bot, d) } })).toBe(0);
    expect(await eventsOf(d)).toContain('peer.requested {"night":false,"source":"command","available":false}');
  });

  it("When every supporter declines, then the request closes at once with the contacts", async () => {
    const [s1, s2] = [await supporter(), await supporter()];
    const u = await officer();
    const since = await ask(u);
    expect(await replyContaining(bot.emu, u, "Your request went to", since)).toContain("2 peer supporters");
    await requestFor(s1, since);
    await requestFor(s2, since);

    const no1 = s1.press("Not now");
    expect(String((await s1.answerTo(no1)).params.text)).toContain("Thank you for saying so");
    expect((await requestOf(u)).status).toBe("requested");
    const later = bot.emu.calls.length;
    s2.press("Not now");
    await replyContaining(bot.emu, u, "no peer supporter could take your request in time", later);
    expect(await requestOf(u)).toMatchObject({ status: "declined", declines: 2, notified: 2 });
    expect(await eventsOf(s1)).toContain('peer.declined {"blocked":false}');
    expect(await eventsOf(u)).toContain('peer.timed_out {"night":false,"reason":"all_declined"}');
  });

  it("When a supporter blocks an officer, then the pair is never matched again, and the officer is told only that it ended", async () => {
    const [s1, s2] = [await supporter(), await supporter()];
    const u = await officer();
    let since = await ask(u);
    await requestFor(s1, since);
    await requestFor(s2, since);
    const block = s1.press("🚫 Block");
    expect(String((await s1.answerTo(block)).params.text)).toContain("Blocked");
    since = bot.emu.calls.length;
    s2.press("✅ I can talk now");
    await replyContaining(bot.emu, u, "A peer supporter accepted", since);
    expect(await bot.db.prisma.peerBlock.count({ where: { blocked: await pseudonymOf(bot, u) } })).toBe(1);
    expect((await u.askCommand("block")).text).toContain("Only the peer supporter");

    // s2 blocks from inside the conversation: it ends for both; the officer hears a neutral "ended".
    since = bot.emu.calls.length;
    s2.command("block");
    expect(await replyContaining(bot.emu, s2, "will not be matched with you again", since)).toContain("🚫");
    const ended = await replyContaining(bot.emu, u, "has ended the conversation", since);
    expect(ended).not.toMatch(/block/i);

    // Both supporters blocked this officer: nobody is free for them, and neither supporter hears of it.
    const s1Seen = s1.messages().length;
    since = await ask(u);
    await replyContaining(bot.emu, u, "no peer supporter is free right now", since);
    await bot.idle();
    expect(s1.messages()).toHaveLength(s1Seen);
    expect(await eventsOf(s2)).toContain('peer.declined {"blocked":true}');
  });

  it("When an officer asks at night, then only supporters who take night requests get it at once, and the officer is told so with the contacts", async () => {
    const night = await supporter("km");
    const day = await supporter();
    // The supporter opts in under /settings (a row only supporters see).
    const settings = await night.askCommand("settings");
    expect(settings.buttons.flat().map((b) => b.text)).toContain("🌙 សំណើពេលយប់ (ការគាំទ្រពីមិត្តរួមការងារ)៖ បិទ");
    const optedIn = await night.askPress("🌙 សំណើពេលយប់ (ការគាំទ្រពីមិត្តរួមការងារ)៖ បិទ");
    expect(optedIn.text).toContain("សំណើពេលយប់៖ បើក");
    const u = await officer();
    expect((await u.askCommand("settings")).buttons.flat().map((b) => b.text)).not.toContain(
      expect.stringContaining("🌙"),
    );

    clock.at(23);
    const daySeen = day.messages().length;
    const since = await ask(u);
    const told = await replyContaining(bot.emu, u, "It is night", since);
    expect(told).toContain("went at once to the one peer supporter who take night requests");
    expect(told).toContain("Emergency services");
    expect(told).not.toMatch(/has been (told|notified)/);
    expect(await requestFor(night, since)).toContain("🌙 សំណើពេលយប់");
    await bot.idle();
    expect(day.messages()).toHaveLength(daySeen);
    const job = await bot.db.prisma.deliveryJob.findUniqueOrThrow({
      where: { key: `peer-request:${(await requestOf(u)).id}` },
      include: { outbox: true },
    });
    expect(job.urgent).toBe(true);
    expect(job.outbox.map((r) => r.recipient)).toEqual([await pseudonymOf(bot, night)]);
    expect(await eventsOf(u)).toContain('peer.requested {"night":true,"source":"command","available":true}');
  });

  it("When an officer asks at night and no supporter takes night requests, then they are told the truth (from 07:00), get the contacts now, and supporters see it in the morning", async () => {
    const s = await supporter();
    const u = await officer("km");
    clock.at(23);
    const seen = s.messages().length;
    const since = await ask(u);
    const told = await replyContaining(bot.emu, u, "ចាប់ពីម៉ោង 07:00 ព្រឹក", since);
    expect(told).toContain("មិនទាន់មាននរណាម្នាក់ទទួលដំណឹងនៅឡើយទេ");
    expect(told).toContain("សេវាសង្គ្រោះបន្ទាន់");
    expect(told).not.toContain("បានទទួលដំណឹងហើយ"); // the old "a supporter has been told"
    await bot.idle();
    expect(s.messages()).toHaveLength(seen);
    // Supporters see it from 07:00, so it waits until 09:00 in Phnom Penh (02:00 UTC) for an answer.
    const expires = (await requestOf(u)).expiresAt ?? new Date(0);
    expect(expires.toISOString()).toMatch(/T02:00:00\.000Z$/);

    // Morning: the held request reaches the supporter; it times out two hours after 07:00, not after 23:00.
    clock.at(24 + 7 + 0.05);
    const morning = bot.emu.calls.length;
    bot.app.worker.wake();
    await requestFor(s, morning);
    await bot.app.scheduler.runNow(PEER_JOBS.timeouts, new Date(expires.getTime() - 60_000));
    expect((await requestOf(u)).status).toBe("requested");
    await bot.app.scheduler.runNow(PEER_JOBS.timeouts, new Date(expires.getTime() + 60_000));
    expect((await requestOf(u)).status).toBe("timed_out");
    expect(await eventsOf(u)).toContain('peer.timed_out {"night":true,"reason":"no_answer"}');
  });
});
