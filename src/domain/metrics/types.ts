// Shared shapes of the staff-summary metrics: the catalogue's entries and the raw tallies the repository returns.
// No logic here, so the catalogue, the suppression and the SQL can all depend on it without cycles.

export type MetricKind = "count" | "rate" | "mean";
/** "group": may be broken down by province or unit type. "programme": never broken down (wellbeing, …). */
export type MetricScope = "group" | "programme";
export type MetricSection = "reach" | "tips" | "reflection" | "sharing" | "wellbeing" | "broadcasts";
/** Figures a metric is made of: a count has `num` only; a rate `num` and `den`; a mean `sum` and `den`. */
export type FigureName = "num" | "den" | "sum" | "extra";

export interface MetricDef {
  id: string;
  section: MetricSection;
  kind: MetricKind;
  scope: MetricScope;
  /** Trainers see it too (the tips and broadcast parts); otherwise staff and admins only. */
  trainers: boolean;
  numerator: string;
  denominator?: string;
  /** What `extra` counts, for metrics with a second count (check-ins started, approved posts). */
  extra?: string;
  window: string;
  sources: string[];
  suppression: string;
  /** Also reported per week ("week") or per tip topic ("topic"). */
  series?: "week" | "topic";
  /** The numerator counts distinct officers, so weekly values do not add up to the period's. */
  distinctOfficers?: boolean;
  /** Event types that must be in the event catalogue; until then the metric shows "not yet available". */
  requires?: string[];
  kirkpatrick: "reaction" | "learning" | "behaviour" | "results" | "engagement";
}

/** A count and the number of distinct officers it rests on (equal for counts of officers). */
export interface Tally {
  n: number;
  officers: number;
}

/** Tallies keyed "<metric id>.<figure>", for example "tip_ack.num". */
export type Figures = Record<string, Tally>;

/** What the repository returns for one period (before any suppression). */
export interface RawSummary {
  /** One entry per group of the breakdown (or a single "all" group), for group-scope metrics. */
  groups: { key: string; figures: Figures }[];
  /** Programme-scope figures (never broken down). */
  programme: Figures;
  /** Per week of the period (Monday, YYYY-MM-DD), programme level. */
  weeks: { key: string; figures: Figures }[];
  /** Quiz answers per tip topic, programme level. */
  topics: { key: string; figures: Figures }[];
}
