// Jobs due in the same minute start at different seconds (on PGlite their statements would otherwise queue in
// front of that moment's updates), the same second on every instance so their claims still meet.
import { describe, expect, it } from "vitest";
import { spreadCron } from "../../src/jobs/scheduler.js";

const EVERY_MINUTE = ["tip-slots", "peer-timeouts", "broadcasts.start-due"];

describe("spreadCron", () => {
  it("When the every-minute jobs are scheduled, then each gets its own second before second 50, and the rest of the expression is kept", () => {
    const crons = EVERY_MINUTE.map((name) => spreadCron({ name, cron: "* * * * *" }));
    const seconds = crons.map((c) => Number(c.split(" ")[0]));
    expect(new Set(seconds).size).toBe(EVERY_MINUTE.length);
    for (const s of seconds) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(50);
    }
    for (const c of crons) expect(c.split(" ").slice(1).join(" ")).toBe("* * * * *");
  });

  it("When the same job is scheduled twice (two instances), then it gets the same second", () => {
    expect(spreadCron({ name: "checkin-idle", cron: "*/10 * * * *" })).toBe(
      spreadCron({ name: "checkin-idle", cron: "*/10 * * * *" }),
    );
  });

  it("When a cron names its seconds already, then it is kept as written", () => {
    expect(spreadCron({ name: "tip-slots", cron: "30 * * * * *" })).toBe("30 * * * * *");
  });
});
