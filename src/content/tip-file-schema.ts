// What one topic file of the tip library (content/tips/NN-<topic-id>.yaml) may hold: a zod schema whose messages
// name the problem for a content editor, with the length limits every tip, topic name and quiz keeps.
import { z } from "zod";

/** Longest tip text, in characters (Unicode code points), in either language. */
export const MAX_TIP_CHARS = 700;
export const MAX_NAME_CHARS = 80;
export const MAX_QUESTION_CHARS = 300;
/** Quiz options become inline-keyboard buttons, so they must stay short. */
export const MAX_OPTION_CHARS = 60;
export const MAX_EXPLANATION_CHARS = 200;

export const KHMER_SCRIPT = /[\u1780-\u17FF]/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const chars = (s: string) => [...s].length;
const typeError = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is missing" : `must be ${what}`;

function localized(max: number) {
  const base = z
    .string({ error: typeError("text") })
    .refine((s) => s.trim().length > 0, { message: "is empty", abort: true })
    .refine((s) => chars(s) <= max, { message: `is longer than ${max} characters` });
  return z.strictObject({
    km: base.refine((s) => KHMER_SCRIPT.test(s), "contains no Khmer script (U+1780–U+17FF)"),
    en: base.refine((s) => !KHMER_SCRIPT.test(s), "contains Khmer script; English text must not"),
  });
}

const idSchema = z.string({ error: typeError("text") }).regex(ID, "must be lower-case letters, digits and dashes");

const quizSchema = z
  .strictObject({
    question: localized(MAX_QUESTION_CHARS),
    options: z.array(localized(MAX_OPTION_CHARS)).min(2, "needs 2–4 options").max(4, "needs 2–4 options"),
    correct: z
      .number({ error: typeError("a whole number") })
      .int("must be a whole number")
      .min(0, "must be 0 or more"),
    explanation: localized(MAX_EXPLANATION_CHARS),
  })
  .superRefine(
    (quiz, ctx) => {
      if (quiz.correct >= quiz.options.length) {
        ctx.addIssue({
          code: "custom",
          path: ["correct"],
          message: `is ${quiz.correct} but there are only ${quiz.options.length} options (0-based index)`,
        });
      }
    },
    {
      // Also run when an option or the question has its own problem, so every error is reported at once.
      when: ({ value }) => {
        const v = value as { options?: unknown; correct?: unknown } | null;
        return Array.isArray(v?.options) && Number.isInteger(v?.correct);
      },
    },
  );

const tipSchema = z.strictObject({
  id: idSchema,
  text: localized(MAX_TIP_CHARS),
  source: z.string({ error: typeError("text") }).refine((s) => s.trim().length > 0, "is empty"),
  quiz: quizSchema.optional(),
});

export const topicFileSchema = z.strictObject({
  topic: z.strictObject({ id: idSchema, name: localized(MAX_NAME_CHARS) }),
  tips: z.array(tipSchema, { error: "must be a list of tips" }),
});

export type TopicFile = z.infer<typeof topicFileSchema>;
