// The /settings rows of the summary side: "Child-friendly room at my unit" for officers (the denominator of
// room use) and the weekly digest opt-in for staff and admins. Buttons name an action only; the feature
// (features/summary-settings.ts) re-checks the role.
import type { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { MemberRecord } from "../../db/repositories/members.js";
import { callbackData, flag } from "../callback-data.js";
import type { Translate } from "../i18n.js";

export const roomButton = callbackData("sumroom", { v: z.enum(["ask", "yes", "no", "unsure"]) });
export const digestButton = callbackData("sumdig", { on: flag });

export function addSummarySettings(kb: InlineKeyboard, m: MemberRecord, t: Translate): InlineKeyboard {
  kb.text(
    t("summary-room-button", { answer: t(`summary-room-${m.unitRoom ?? "unset"}`) }),
    roomButton.pack({ v: "ask" }),
  );
  kb.row();
  if (m.role === "staff" || m.role === "admin") {
    const state = t(m.summaryDigest ? "checkin-on" : "checkin-off");
    kb.text(t("summary-digest-button", { state }), digestButton.pack({ on: !m.summaryDigest }));
    kb.row();
  }
  return kb;
}
