// Every column that holds a member's pseudonym, and what "delete my data" does with it. The privacy test reads
// the database's own list of text columns and fails when one is in neither this registry nor its list of columns
// known to hold no pseudonym, so a new pseudonym-bearing column cannot be forgotten.
//
// - "delete": rows naming the person go (identity, profile, state, free text, blocks, wrong codes);
// - "rekey": rows stay for the programme's totals under a random tombstone, so nothing links them to the person
//   if they come back (they get a new random pseudonym then anyway);
// - "special": members.ts handles the column first (a queued message is skipped, an unpublished note deleted, an
//   open peer conversation closed), then it is re-keyed like the others.

export type PseudonymAction = "delete" | "rekey" | "special";

export const PSEUDONYM_COLUMNS = {
  "identities.pseudonym": "delete",
  "members.pseudonym": "delete",
  "kv_state.key": "delete",
  "free_texts.pseudonym": "delete",
  "focus_topics.pseudonym": "delete",
  "enrol_failures.pseudonym": "delete",
  "peer_blocks.blocker": "delete",
  "peer_blocks.blocked": "delete",
  "members.invited_by": "rekey",
  "invites.created_by": "rekey",
  "usage_events.pseudonym": "rekey",
  "officer_weeks.pseudonym": "rekey",
  "check_ins.pseudonym": "rekey",
  "wellbeing_responses.pseudonym": "rekey",
  "tip_views.pseudonym": "rekey",
  "broadcast_reactions.pseudonym": "rekey",
  "broadcasts.created_by": "rekey",
  "tips.created_by": "rekey",
  "tips.archived_by": "rekey",
  "practice_reactions.pseudonym": "rekey",
  "outbox.recipient": "special",
  "practice_notes.author": "special",
  "peer_conversations.requester": "special",
  "peer_conversations.supporter": "special",
} as const satisfies Record<string, PseudonymAction>;

/** The columns re-keyed to the tombstone, as [table, column] (identifiers from this file only, never input). */
export function rekeyedColumns(): [string, string][] {
  return Object.entries(PSEUDONYM_COLUMNS)
    .filter(([, action]) => action !== "delete")
    .map(([name]) => name.split(".") as [string, string]);
}
