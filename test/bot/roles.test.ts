import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enrol, freshData, pseudonymOf, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
const ADMIN_ID = 955_000_001;
beforeAll(async () => {
  bot = await startTestBot({ env: { ADMIN_TELEGRAM_IDS: String(ADMIN_ID) } });
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

describe("roles and invites", () => {
  it("When an officer sends /invite or forges a trainer button, then it is refused and logged without content", async () => {
    const officer = await enrol(bot, bot.emu.user({ id: 955_000_010, language_code: "en" }));
    expect((await officer.askCommand("invite")).text).toContain("not available for your role");
    const press = officer.pressData("inv:r:officer:5:7");
    const answer = await officer.answerTo(press);
    expect(answer.params.text).toContain("not available for your role");
    expect(await bot.db.prisma.invite.count({ where: { createdBy: await pseudonymOf(bot, officer.id) } })).toBe(0);
    const denied = bot.logs.filter((l) => l.includes("access denied"));
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied.join("")).not.toContain("inv:r:officer");
  });

  it("When a trainer creates an invite with buttons, then the code is shown once and enrols a new officer", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 955_000_020, language_code: "en" }), "trainer");
    const roles = await trainer.askCommand("invite");
    expect(roles.buttons.flat().map((b) => b.text)).toEqual(["officer"]);
    await trainer.askPress("officer");
    await trainer.askPress("5");
    const created = await trainer.askPress("7 days");
    const code = /Invite code: (\S+)/.exec(created.text ?? "")?.[1];
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await bot.db.prisma.invite.count({ where: { codeHash: code } })).toBe(0);

    const list = await trainer.askCommand("invites");
    expect(list.text).toContain("used 0/5");
    expect(list.text).not.toContain(code);

    const newcomer = bot.emu.user({ id: 955_000_021, language_code: "en" });
    await newcomer.askCommand("start");
    await newcomer.askPress("English");
    await newcomer.askPress("Continue");
    await newcomer.askPress("I agree");
    expect((await newcomer.ask(code?.toLowerCase() ?? "")).text).toContain("province");
  });

  it("When a trainer forges a button to invite an admin, then it is refused", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 955_000_030, language_code: "en" }), "trainer");
    const answer = await trainer.answerTo(trainer.pressData("inv:r:admin:1:1"));
    expect(answer.params.text).toContain("not available");
  });

  it("When an admin from ADMIN_TELEGRAM_IDS starts, then no invite is asked and /users can change a role", async () => {
    const admin = bot.emu.user({ id: ADMIN_ID, language_code: "en" });
    await admin.askCommand("start");
    await admin.askPress("English");
    await admin.askPress("Continue");
    expect((await admin.askPress("I agree")).text).toContain("province");
    await admin.askPress("Kampot");
    await admin.askPress("Other");
    await admin.askPress("Mon, Wed and Fri");
    expect((await admin.askPress("08:00")).text).toContain("administrator");

    const officer = await enrol(bot, bot.emu.user({ id: 955_000_040, language_code: "en" }));
    const handle = (await bot.app.deps.members.find(await pseudonymOf(bot, officer.id)))?.handle ?? "";
    const card = await admin.askCommand("users", handle);
    expect(card.text).toContain(handle);
    const since = bot.emu.calls.length;
    await admin.askPress("trainer");
    const member = await bot.app.deps.members.find(await pseudonymOf(bot, officer.id));
    expect(member?.role).toBe("trainer");
    // The promoted trainer's chat gets trainer commands in both languages.
    const scoped = bot.emu.calls
      .slice(since)
      .filter((c) => c.method === "setMyCommands" && JSON.stringify(c.params.scope).includes(String(officer.id)));
    expect(scoped.map((c) => c.params.language_code ?? "default").sort()).toEqual(["default", "en", "km"]);
  });

  it("When a staff member forges the admin users button, then it is refused", async () => {
    const staff = await enrol(bot, bot.emu.user({ id: 955_000_050, language_code: "km" }), "staff");
    await staff.askCommand("language");
    await staff.askPress("ភាសាខ្មែរ");
    const answer = await staff.answerTo(staff.pressData("usr:role:AAAA-AA:admin"));
    expect(String(answer.params.text)).toContain("មិនមែនសម្រាប់តួនាទីរបស់អ្នក");
  });
});
