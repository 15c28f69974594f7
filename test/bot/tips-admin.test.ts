// Trainers' /tips against the emulator: add a tip in Khmer and English with a preview, the Khmer-script and
// identifier checks, archiving, and officers refused (also when they forge a trainer's button).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../emulator/index.js";
import { enrol, freshData, pseudonymOf, startTestBot, type TestBot } from "../helpers/bot.js";

let bot: TestBot;
const TOPIC = "breaks";
const KM = "សូមផ្តល់ការសម្រាកខ្លីមួយ នៅពេលកុមារមើលទៅហត់នឿយ។";
const EN = "Offer a short break when the child looks tired; say the break is normal.";

beforeAll(async () => {
  bot = await startTestBot();
});
beforeEach(() => freshData(bot));
afterAll(async () => {
  await bot.stop();
});

const topicName = async () => (await bot.app.deps.tips.topics()).find((t) => t.id === TOPIC)?.nameEn ?? "";

/** Waits for the bot's next message to `user` containing `fragment`, counting calls from `since`. */
async function textFrom(user: TestUser, fragment: string, since: number) {
  const call = await bot.emu.waitFor(
    (c) => c.ok && c.message?.chat.id === user.id && (c.message.text ?? "").includes(fragment),
    { since },
  );
  return call.message?.text ?? "";
}

/** A trainer tip added directly through the service, as the add conversation would. */
async function seedTip(marker: string, by: string) {
  const { tips } = bot.app.deps;
  return tips.add({ topicId: TOPIC, textKm: `${KM} ${marker}`, textEn: `${EN} ${marker}`, createdBy: by });
}

describe("trainers' tips (/tips)", () => {
  it("When a trainer adds a tip in Khmer and English and saves it, then officers get it in that topic", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 956_000_010, language_code: "en" }), "trainer");
    const list = await trainer.askCommand("tips");
    expect(list.text).toContain("Tips by topic");
    expect((await trainer.askPress("Add a tip")).text).toContain("Which topic");
    expect((await trainer.askPress(await topicName())).text).toContain("in Khmer");
    expect((await trainer.ask(KM)).text).toContain("in English");

    const since = bot.emu.calls.length;
    expect((await trainer.ask(EN)).text).toContain("how officers will see it");
    const previewKm = await textFrom(trainer, KM, since);
    const previewEn = await textFrom(trainer, EN, since);
    expect(previewKm).toContain("គន្លឹះពីគ្រូបណ្តុះបណ្តាលរបស់អ្នក");
    expect(previewEn).toContain("a tip from your trainers");
    await textFrom(trainer, "Save this tip?", since);
    expect((await trainer.askPress("Save")).text).toContain("Saved");

    const added = (await bot.app.deps.tips.inTopic(TOPIC)).filter((t) => t.textKm === KM);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ textEn: EN, origin: "trainer", archived: false });
    const pseudonym = await pseudonymOf(bot, trainer.id);
    const events = await bot.db.prisma.usageEvent.findMany({ where: { type: "tip.added", pseudonym } });
    expect(events.map((e) => e.attrs)).toEqual([{ topic: TOPIC }]);
  });

  it("When the Khmer version has no Khmer script or names a child, then it is refused and asked again", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 956_000_020, language_code: "en" }), "trainer");
    await trainer.askCommand("tips");
    await trainer.askPress("Add a tip");
    await trainer.askPress(await topicName());
    const before = await bot.app.deps.tips.inTopic(TOPIC);

    let since = bot.emu.calls.length;
    expect((await trainer.ask("Only Latin letters in this tip.")).text).toContain("Khmer script");
    await textFrom(trainer, "Write the tip in Khmer", since);
    since = bot.emu.calls.length;
    expect((await trainer.ask("សួរកុមារឈ្មោះ សុខា នៅភូមិព្រែកលៀប")).text).toContain("without any case details");
    await textFrom(trainer, "Write the tip in Khmer", since);

    expect((await trainer.askCommand("cancel")).text).toContain("Stopped");
    expect(await bot.app.deps.tips.inTopic(TOPIC)).toHaveLength(before.length);
  });

  it("When a trainer archives a tip from its topic, then it is no longer active", async () => {
    const trainer = await enrol(bot, bot.emu.user({ id: 956_000_030, language_code: "en" }), "trainer");
    const pseudonym = await pseudonymOf(bot, trainer.id);
    const id = await seedTip("(archive me)", pseudonym);
    await trainer.askCommand("tips");
    const topic = await trainer.askPress((b) => b.callback_data === `tadm:t:${TOPIC}`);
    expect(topic.text).toContain(await topicName());
    expect(topic.buttons.flat().some((b) => b.text.startsWith("🗄"))).toBe(true);

    const since = bot.emu.calls.length;
    trainer.press((b) => b.callback_data === `tadm:x:${id}`);
    await textFrom(trainer, "Archived", since);
    expect((await bot.app.deps.tips.inTopic(TOPIC)).map((t) => t.id)).not.toContain(id);
    expect((await bot.app.deps.tips.get(id))?.archived).toBe(true);
    const archived = await bot.db.prisma.usageEvent.findMany({ where: { type: "tip.archived", pseudonym } });
    expect(archived.map((e) => e.attrs)).toEqual([{ topic: TOPIC }]);
  });

  it("When an officer sends /tips or forges an archive button, then it is refused and the tip stays active", async () => {
    const officer = await enrol(bot, bot.emu.user({ id: 956_000_040, language_code: "en" }));
    const id = await seedTip("(keep me)", "seed-trainer");
    expect((await officer.askCommand("tips")).text).toContain("not available for your role");

    for (const data of [`tadm:x:${id}`, "tadm:add", `tadm:t:${TOPIC}`]) {
      const answer = await officer.answerTo(officer.pressData(data));
      expect(answer.params.text).toContain("not available for your role");
    }
    await bot.idle();
    expect((await bot.app.deps.tips.get(id))?.archived).toBe(false);
    expect((await bot.app.deps.tips.inTopic(TOPIC)).map((t) => t.id)).toContain(id);
    const denied = bot.logs.filter((l) => l.includes("access denied") && l.includes('"area":"tips"'));
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect(denied.join("")).not.toContain(id);
  });
});
