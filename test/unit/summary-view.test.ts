import { describe, expect, it } from "vitest";
import type { Figures, RawSummary, Tally } from "../../src/domain/metrics/types.js";
import { addDays, mondayOf, periodOf, recentMonths } from "../../src/services/metrics/periods.js";
import { defuse, summaryCsv } from "../../src/services/metrics/summary-csv.js";
import { buildView } from "../../src/services/metrics/view.js";

const NOW = new Date("2026-11-25T10:00:00+07:00"); // a Wednesday in Phnom Penh
const TZ = "Asia/Phnom_Penh";
const t = (n: number, officers = n): Tally => ({ n, officers });

function group(officers: number, active: number, ticked: number): Figures {
  return {
    "officers.num": t(officers),
    "active-officers.num": t(active),
    "active-officers.den": t(officers),
    "tip-ack.num": t(ticked * 3, ticked),
    "tip-ack.den": t(officers * 4, officers),
  };
}

function raw(groups: [string, Figures][]): RawSummary {
  return {
    groups: groups.map(([key, figures]) => ({ key, figures })),
    programme: { "wellbeing-mean.sum": t(60, 20), "wellbeing-mean.den": t(25, 20) },
    weeks: [],
    topics: [],
  };
}

const period = () => periodOf("4w", NOW, TZ) ?? (undefined as never);

describe("summary periods", () => {
  it("When the period is picked on a Wednesday, then it is made of whole local weeks from the injected clock", () => {
    expect(mondayOf(NOW, TZ)).toBe("2026-11-23");
    expect(periodOf("4w", NOW, TZ)).toMatchObject({ startWeek: "2026-10-26", endWeek: "2026-11-23" });
    expect(periodOf("week", NOW, TZ)).toMatchObject({ startWeek: "2026-11-16", endWeek: "2026-11-23" });
    // Last quarter: July–September, the weeks whose Monday falls in it.
    expect(periodOf("quarter", NOW, TZ)).toMatchObject({ startWeek: "2026-07-06", endWeek: "2026-10-05" });
    // November so far: Mondays 2, 9, 16 and 23 (this week, up to today).
    expect(periodOf("m202611", NOW, TZ)).toMatchObject({ startWeek: "2026-11-02", endWeek: "2026-11-30" });
    expect(periodOf("all", NOW, TZ, "2026-03-11")).toMatchObject({ startWeek: "2026-03-09", endWeek: "2026-11-30" });
    expect(periodOf("m202612", NOW, TZ)).toBeNull();
    expect(periodOf("../x", NOW, TZ)).toBeNull();
    expect(recentMonths(NOW, TZ)[0]).toBe("m202611");
    expect(recentMonths(NOW, TZ)[11]).toBe("m202512");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("When it is Sunday night in UTC but Monday in Phnom Penh, then the week is Phnom Penh's", () => {
    expect(mondayOf(new Date("2026-11-22T18:30:00Z"), TZ)).toBe("2026-11-23");
  });
});

describe("summary view", () => {
  it("When one province has 3 officers and another 20, then the small one is '< 5' everywhere and the other hidden", () => {
    const view = buildView(
      raw([
        ["kampot", group(20, 18, 12)],
        ["kep", group(3, 3, 2)],
      ]),
      {
        period: period(),
        breakdown: "province",
        scope: "full",
      },
    );
    expect(view.total.cells.officers?.value).toEqual({ state: "shown", value: 23 });
    const kep = view.groups.find((g) => g.key === "kep");
    const kampot = view.groups.find((g) => g.key === "kampot");
    expect(kep?.small).toBe(true);
    for (const id of ["officers", "active-officers", "tip-ack"]) {
      expect(kep?.cells[id]?.value.state, id).toBe("small");
      expect(kampot?.cells[id]?.value.state, id).toBe("hidden");
    }
    // Wellbeing exists for the programme only.
    expect(view.total.cells["wellbeing-mean"]?.value).toEqual({ state: "shown", value: 60 / 25 });
    expect(kampot?.cells["wellbeing-mean"]?.value.state).toBe("refused");
    // Without the practice-sharing events in the catalogue, peer sharing says "not yet available".
    const withoutSharing = buildView(raw([["kampot", group(20, 18, 12)]]), {
      period: period(),
      breakdown: "none",
      scope: "full",
      events: {},
    });
    expect(withoutSharing.total.cells["peer-sharing"]?.value.state).toBe("na");
  });

  it("When the practice-sharing events exist, then peer sharing is computed like any rate", () => {
    const figures = { ...group(30, 25, 20), "peer-sharing.num": t(6), "peer-sharing.den": t(25) };
    const view = buildView(raw([["all", figures]]), {
      period: period(),
      breakdown: "none",
      scope: "full",
      events: { "practice.approved": {} },
    });
    expect(view.total.cells["peer-sharing"]?.value).toEqual({ state: "shown", value: 24 });
  });

  it("When no group of a breakdown has 5 officers, then the breakdown is refused", () => {
    const view = buildView(
      raw([
        ["ahtjp", group(3, 3, 2)],
        ["cpu", group(4, 4, 2)],
      ]),
      {
        period: period(),
        breakdown: "unit",
        scope: "full",
      },
    );
    expect(view.refused).toBe("small-groups");
    expect(view.groups).toEqual([]);
    expect(view.total.cells.officers?.value).toEqual({ state: "shown", value: 7 });
  });

  it("When a trainer asks, then the view has only the tips and broadcast metrics (and the officer count)", () => {
    const view = buildView(raw([["all", group(30, 25, 20)]]), { period: period(), breakdown: "none", scope: "tips" });
    expect(new Set(view.metrics.map((m) => m.section))).toEqual(new Set(["reach", "tips", "broadcasts"]));
    expect(view.metrics.some((m) => m.id.startsWith("wellbeing"))).toBe(false);
  });
});

describe("summary CSV", () => {
  it("When a cell starts with = + - or @, then it is defused for spreadsheets", () => {
    expect(defuse('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(defuse("+1")).toBe("'+1");
    expect(defuse("-2")).toBe("'-2");
    expect(defuse("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defuse("< 5")).toBe("< 5");
  });

  it("When the CSV is written, then the header names each metric and small cells read '< 5'", () => {
    const view = buildView(
      raw([
        ["kampot", group(20, 18, 12)],
        ["kep", group(3, 3, 2)],
      ]),
      {
        period: period(),
        breakdown: "province",
        scope: "full",
      },
    );
    const csv = summaryCsv(
      view,
      (k) => k,
      (key) => (key === "kep" ? "=cmd|' /C calc'!A0" : key),
    );
    const [header = "", ...rows] = csv.replace("\uFEFF", "").trim().split("\n");
    expect(header).toContain("summary-metric-officers: summary-csv-value [officers.value]");
    expect(header).toContain("[tip-ack.den]");
    const kep = rows.find((r) => r.includes("calc")) ?? "";
    expect(kep).toContain("province,'=cmd"); // the group name cannot run as a formula
    expect(kep).toContain("< 5");
    expect(kep).not.toMatch(/,\d/);
  });
});
