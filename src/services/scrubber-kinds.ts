// The kinds of identifying text the scrubber removes, in the order reports list them.
export const SCRUB_KINDS = [
  "email",
  "url",
  "handle",
  "phone",
  "date",
  "case_number",
  "id_number",
  "plate",
  "age",
  "name",
  "place",
] as const;
export type ScrubKind = (typeof SCRUB_KINDS)[number];
