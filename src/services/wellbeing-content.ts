// The wellbeing content: crisis words, support contacts and self-care cards, from content/wellbeing/*.yaml
// (domain.md §c). loadWellbeingContent() validates all three files and throws one error naming every problem.
// No side effects at import.
import path from "node:path";
import { z } from "zod";
import { type CrisisWords, loadCrisisWords, readValidatedYaml, WELLBEING_DIR } from "./crisis.js";

export { type CrisisWords, mentionsCrisis, WELLBEING_DIR } from "./crisis.js";

const KHMER = /[\u1780-\u17FF]/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME_CHARS = 80;
const MAX_TEXT_CHARS = 400;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "is empty")
    .refine((s) => [...s].length <= max, `is longer than ${max} characters`);
const localized = (max: number) =>
  z.strictObject({
    km: text(max).refine((s) => KHMER.test(s), "must be written in Khmer script"),
    en: text(max).refine((s) => !KHMER.test(s), "must not contain Khmer script"),
  });
const id = z.string().regex(ID, "must be lower-case letters, digits and dashes");

function uniqueIds<T extends { id: string }>(items: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

export const CONTACT_KINDS = ["crisis", "support"] as const;

const contactSchema = z.strictObject({
  id,
  /** crisis: shown at once when an officer's words suggest self-harm; support: offered with the weekly check. */
  kind: z.enum(CONTACT_KINDS),
  name: localized(MAX_NAME_CHARS),
  detail: localized(MAX_TEXT_CHARS),
});
const contactsFileSchema = z.strictObject({
  contacts: z
    .array(contactSchema)
    .min(1)
    .superRefine(uniqueIds)
    .refine((list) => list.some((c) => c.kind === "crisis"), "needs at least one crisis contact (a human to call)"),
});

const selfCareCardSchema = z.strictObject({ id, text: localized(MAX_TEXT_CHARS) });
const selfCareFileSchema = z.strictObject({ cards: z.array(selfCareCardSchema).min(1).superRefine(uniqueIds) });

export type Contact = z.infer<typeof contactSchema>;
export type SelfCareCard = z.infer<typeof selfCareCardSchema>;
export type WellbeingContent = { crisisWords: CrisisWords; contacts: Contact[]; selfCare: SelfCareCard[] };

/** Reads crisis-words.yaml, contacts.yaml and self-care.yaml from `dir`; throws if any of them is invalid. */
export async function loadWellbeingContent(dir: string = WELLBEING_DIR): Promise<WellbeingContent> {
  const results = await Promise.allSettled([
    loadCrisisWords(path.join(dir, "crisis-words.yaml")),
    readValidatedYaml(path.join(dir, "contacts.yaml"), contactsFileSchema),
    readValidatedYaml(path.join(dir, "self-care.yaml"), selfCareFileSchema),
  ]);
  const problems = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason?.message ?? r.reason)] : []));
  if (problems.length) throw new Error(`Wellbeing content in ${dir} is invalid:\n${problems.join("\n")}`);
  const [crisisWords, contacts, selfCare] = results as [
    PromiseFulfilledResult<CrisisWords>,
    PromiseFulfilledResult<z.infer<typeof contactsFileSchema>>,
    PromiseFulfilledResult<z.infer<typeof selfCareFileSchema>>,
  ];
  return { crisisWords: crisisWords.value, contacts: contacts.value.contacts, selfCare: selfCare.value.cards };
}
