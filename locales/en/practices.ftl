## Practice sharing: /share, /practices, reactions, the weekly digest, and /moderate for trainers

command-share = Share a practice with colleagues
command-practices = Practices shared by colleagues
command-moderate = Check practice notes before they are published
practices-menu-share = ✍️ Share a practice
practices-menu-browse = 📚 Colleagues' practices
practices-menu-moderate = 🗂 Moderate notes
practices-help =
    Practice sharing:
    /share: share what worked for you, without your name
    /practices: read practices shared by colleagues
practices-moderate-help = /moderate: check practice notes before they are published
practices-settings-button = 📚 Weekly practice digest
practices-share-now = ✍️ Share a practice now

## Writing a note

practices-share-intro = ✍️ Share a practice that worked for you. A trainer checks it first; then colleagues read it in a weekly digest, without your name, province or unit, and with the month only. It takes about 2 minutes.
practices-ask-topic = Which topic of the course is it about?
practices-ask-situation =
    1/3 · The situation, in general terms (for example "a young child who would not speak"). Optional. Up to { $max } characters.
    ⚠️ No names, ages, places, dates or case details.
practices-ask-action =
    2/3 · What did you do? Up to { $max } characters.
    ⚠️ No names, ages, places, dates or case details.
practices-ask-outcome =
    3/3 · What worked? What would you tell a colleague? Optional. Up to { $max } characters.
    ⚠️ No names, ages, places, dates or case details.
practices-current = Now: «{ $text }»
practices-skip = ⏭ Skip
practices-keep = ↩️ Keep it as it is
practices-leave-out = 🗑 Leave this part out
practices-cancel = ✖️ Cancel
practices-preview =
    👀 This is exactly what will be kept, and what colleagues will see once a trainer has checked it. Your name, province and unit are never shown.

    { $note }
practices-preview-removed = ✂️ Mitt removed: { $kinds }.
practices-change-situation = ✏️ Change the situation
practices-change-action = ✏️ Change what I did
practices-change-outcome = ✏️ Change what worked
practices-change-topic = 🏷 Change the topic
practices-submit = ✅ Send to a trainer
practices-submitted = ✅ Thank you! A trainer will check your note, usually within a week, and Mitt will tell you what they decide. Approved notes go out together in the weekly digest, so nobody can tell who wrote which.
practices-not-saved = Sorry, the note could not be saved. Please try again with /share.
practices-save-failed = ⚠️ Your note could not be saved just now, because of a problem on our side. It is not sent yet, but what you wrote is still here. Please press Try again in a moment.
practices-share-cancelled = Stopped. Nothing of this note was kept. Send /share to start again.
practices-draft-expired = This note was left unfinished for a day, so it was closed and nothing was kept. Send /share to start again.
practices-finish-first = You are writing a practice note. Please answer this question first, or press Cancel.
practices-refused-media = Photos, files, voice messages and videos cannot be added: nothing from a case may enter Mitt. Please type a few words instead.
practices-refused-forward = Forwarded messages are not accepted: they can carry someone else's words and name. Please type it in your own words.
practices-refused-sticker = Stickers cannot be part of a note. Please type a few words, or use the buttons.
practices-refused-other = This cannot be part of a note. Please type a few words, or use the buttons.

## How a note reads, everywhere

practices-note-head = 🏷 { $topic } · { $month }
practices-note-head-unpublished = 🏷 { $topic } · (the month it is published)
practices-note-situation = 📍 The situation: { $text }
practices-note-action = 🛠 What I did: { $text }
practices-note-outcome = ✅ What worked: { $text }
practices-part-situation = the situation
practices-part-action = what they did
practices-part-outcome = what worked

## The digest, browsing and reactions

practices-digest-title =
    📚 Practices from colleagues ({ $count })
    Checked by trainers, shared without names.
practices-digest-item = { $n }. { $note }
practices-digest-footer = Press 👍 if a note is useful, 🧪 if you will try it, ⚠️ to report it (the number is the note's). More in /practices. To stop the digest: /settings.
practices-digest-btn-useful = { $n } 👍
practices-digest-btn-try = { $n } 🧪
practices-digest-btn-report = { $n } ⚠️
practices-browse-title = 📚 Practices shared by colleagues, most useful first. Choose a topic:
practices-browse-all = All topics ({ $count })
practices-browse-empty = No practices have been published yet. Share yours with /share: notes go out in a weekly digest once three are ready.
practices-browse-page =
    📚 { $n } of { $total }

    { $note }

    👍 { $useful } · 🧪 { $tries }
practices-browse-topics = 📚 Topics
practices-btn-useful = 👍 Useful
practices-btn-try = 🧪 I'll try this
practices-btn-report = ⚠️ Report
practices-react-useful = 👍 Thank you! The author will hear that a colleague found it useful, never who.
practices-react-try = 🧪 Good luck! Your next reflection (/reflect) is a good place to look back on it.
practices-react-already = You have already pressed this for this note.
practices-react-own = This is your own note.
practices-note-gone = This note is no longer available.
practices-report-ask = ⚠️ Report this note to the trainers? Please do if it could identify a child or a case, or goes against the course. The trainers will look at it again.
practices-report-yes = ⚠️ Yes, report it
practices-report-no = No
practices-report-kept = OK, not reported.
practices-reported = ⚠️ Thank you. The trainers will look at this note again.
practices-report-limit = You have reported several notes today. Thank you: trainers will look at them. Please try again tomorrow.
practices-digest-setting =
    📚 Weekly practice digest: { $state }
    Practices colleagues shared, checked by trainers, once a week when there are enough of them.
practices-digest-turn-off = Stop the digest
practices-digest-turn-on = Receive the digest

## Messages to the author

practices-edit-for-author =
    ✏️ A trainer suggests this version of your practice note before it is published:

    { $note }

    Do you agree? It is published only if you do.
practices-edit-agree = ✅ I agree, publish this version
practices-edit-requeue = ↩️ No, send my version back to the trainers
practices-edit-withdraw = 🗑 No, withdraw my note
practices-edit-answered-agree = ✅ Thank you. Your note will go out in a coming weekly digest, without your name.
practices-edit-answered-requeue = ↩️ OK. Your own version went back to the trainers.
practices-edit-answered-withdraw = 🗑 Your note was withdrawn. Nothing of it was kept.
practices-rejected-for-author-pending =
    Your practice note was not published.

    { $note }

    Reason: { $reason }
    Comment: { $comment }

    Thank you for sharing. You are welcome to share another practice with /share.
practices-rejected-for-author-reported =
    Your practice note was taken down after colleagues reported it and a trainer looked at it again.

    { $note }

    Reason: { $reason }
    Comment: { $comment }
practices-rejected-no-comment = none
practices-reason-identifying = It could identify a child, a family or a case.
practices-reason-case_details = It describes a particular case rather than a practice.
practices-reason-not_practice = It is not a practice colleagues could use.
practices-reason-against_guidance = It goes against what the course teaches.
practices-reason-other = Another reason (see the comment).
practices-expired-for-author = ⌛ Your practice note on «{ $topic }» waited 14 days without a decision, so it was closed and nothing of it was kept. Sorry about that. You can share it again with /share.
practices-useful-for-author =
    👍 Your practice notes help colleagues:
    { $lines }
practices-useful-line = • { $topic } ({ $month }): { $count ->
        [one] 1 colleague found it useful
       *[other] { $count } colleagues found it useful
    }

## Moderation (trainers and admins)

practices-mod-empty = 🗂 No practice notes are waiting. Thank you!
practices-mod-view =
    🗂 Practice notes waiting: { $total } (oldest first). Note { $n } of { $total }.
    { $status }

    { $note }
practices-mod-status-new = 🆕 New, waiting { $days } days.
practices-mod-status-reported = ⚠️ Published, reported { $reports } times (for { $days } days). Still shown to colleagues.
practices-mod-status-hidden = ⚠️ Reported { $reports } times (for { $days } days): hidden from colleagues until you decide.
practices-mod-approve = ✅ Approve
practices-mod-edit = ✏️ Edit
practices-mod-reject = ✖️ Reject
practices-mod-keep = ✅ Keep it
practices-mod-drop = 🗑 Take it down
practices-mod-approved = ✅ Approved. It goes out in the next weekly digest with at least two other notes.
practices-mod-kept = ✅ Kept: it is shown again and its reports were cleared.
practices-mod-gone = This note is no longer waiting for a decision.
practices-mod-next = 🗂 Next note
practices-mod-finish-first = You are moderating a note. Please finish this step first, or press Cancel.
practices-mod-cancelled = Stopped. Nothing was changed.
practices-mod-edit-menu =
    ✏️ Your edited version. The author sees it, without your name, and must agree before it is published:

    { $note }
practices-mod-edit-prompt = Write the new text for { $part } (up to { $max } characters). Mitt removes names, ages, places and numbers.
practices-mod-send-edit = 📨 Send to the author
practices-mod-edit-sent = 📨 Sent. The author decides whether to publish your version.
practices-mod-reject-reason = Why is it not published? The author sees the reason in their language, without your name.
practices-mod-reject-comment = Add a short comment for the author (up to { $max } characters), or send it without one.
practices-mod-no-comment = Send without a comment
practices-mod-reject-preview =
    The author will be told, without your name:
    Reason: { $reason }
    Comment: { $comment }
practices-mod-send-reject = 📨 Send
practices-mod-change-comment = ✏️ Change the comment
practices-mod-rejected = ✖️ Done. The author was told.
practices-stale-for-trainers = ⏰ { $count ->
        [one] 1 practice note has
       *[other] { $count } practice notes have
    } waited more than 7 days for a decision. Colleagues are waiting: /moderate
