## Trainer broadcasts (/broadcast, /broadcasts), the progress message, and 👍 Useful

menu-broadcasts = 📢 Broadcasts
command-broadcast = Send a message to officers
command-broadcasts = Recent and scheduled broadcasts
broadcast-help =
    Broadcasts:
    /broadcast: send a message to officers, now or later
    /broadcasts: recent and scheduled broadcasts, reports

# What officers see under a broadcast
broadcast-useful = 👍 Useful
broadcast-useful-thanks = Thank you! Your trainer will see that this helped.
broadcast-useful-already = You already marked this as useful. Thank you!
broadcast-preview-useful = This is the preview. Officers' presses will be counted in the report.

# Composing
broadcast-stop = ✖️ Stop
broadcast-ask-versions =
    📢 New broadcast
    Will you write it in Khmer and in English, or one version for everyone?
    (Send /cancel at any time to stop.)
broadcast-versions-both = Khmer and English
broadcast-versions-one = One version for everyone
broadcast-ask-text-km =
    Send the Khmer version (up to { $max } characters).
    To add a photo or a PDF, send it with the Khmer text as its caption (up to 1024 characters).
broadcast-ask-text-one =
    Send the message (up to { $max } characters).
    To add a photo or a PDF, send it with the text as its caption (up to 1024 characters).
broadcast-ask-text-en = Now send the English version as text (up to { $max } characters).
broadcast-ask-caption-en = Now send the English caption for the same file, as text (up to { $max } characters).
broadcast-too-long = That is { $length } characters; Telegram allows { $max }. Please shorten it and send it again.
broadcast-compose-nudge = Please send text, or a photo or PDF with a caption.
broadcast-text-only = Please send this version as text only. The file from the first version is used for both.
broadcast-pdf-only = Only a photo or a PDF document can be attached.
broadcast-caption-needed = Please send the file again with its text as the caption.

# Audience
broadcast-ask-audience = 👥 Who should receive it? Press a filter to change it.
broadcast-audience-summary =
    📍 Provinces: { $provinces }
    🏢 Units: { $units }
    🌐 Language: { $language }
    ⏳ Inactive: { $inactive }
    🎓 Trainers too: { $trainers }
broadcast-count = Recipients now: { $count }
broadcast-all = All
broadcast-inactive-any = any
broadcast-inactive-days = { $days } days or more
broadcast-yes = yes
broadcast-no = no
broadcast-filter-provinces = 📍 Provinces ({ $n ->
        [0] all
       *[other] { $n }
    })
broadcast-filter-units = 🏢 Units ({ $n ->
        [0] all
       *[other] { $n }
    })
broadcast-filter-language = 🌐 Language: { $value }
broadcast-filter-inactive-any = ⏳ Inactive: any
broadcast-filter-inactive-days = ⏳ Inactive ≥ { $days } days
broadcast-filter-trainers = Include trainers
broadcast-pick-provinces = 📍 Choose provinces (none chosen means all). Press Done when finished.
broadcast-pick-units = 🏢 Choose unit types (none chosen means all). Press Done when finished.
broadcast-done = ✔️ Done
broadcast-nobody = No one matches these filters. Please change them.

# Preview, time, confirm
broadcast-preview-above-both = 👀 Above is the preview: exactly what officers will see, the Khmer version first, then the English one.
broadcast-preview-above-one = 👀 Above is the preview: exactly what officers will see.
broadcast-ask-when = Send it to { $count } recipients. When?
broadcast-send-now = 📤 Send now
broadcast-send-later = 🕒 Choose date and time
broadcast-change-text = ✏️ Change text
broadcast-change-audience = 👥 Change audience
broadcast-ask-time =
    🕒 When should it go out? (Phnom Penh time)
    Type a date and time, for example { $example }, or choose:
broadcast-tomorrow-at = Tomorrow { $time }
broadcast-bad-time = I could not read that date. Please type it like { $example }.
broadcast-time-past = { $when } has already passed. Please choose a later time.
broadcast-time-far = That is more than 90 days ahead. Please choose an earlier date.
broadcast-now = now
broadcast-urgent = Urgent (send even in quiet hours)
broadcast-quiet-respected = Quiet hours ({ $start }–{ $end }): respected. Messages wait until the morning.
broadcast-quiet-ignored = ⚡ Urgent: sent even during quiet hours.
broadcast-confirm =
    ✅ Ready?
    Recipients: { $count }
    When: { $when }
    { $quiet }
broadcast-confirm-button = ✅ Confirm and send
broadcast-started = 📤 Sending to { $count } recipients. This message shows the progress in a moment.
broadcast-step-failed = ⚠️ Telegram did not accept this step (for example a photo or file it cannot send). Your draft is kept. Try again, change the text, or stop.
broadcast-scheduled = 🕒 Scheduled for { $when } (Phnom Penh time). Use /broadcasts to change or cancel it.

# Progress and report
broadcast-status-scheduled = scheduled
broadcast-status-sending = sending
broadcast-status-paused = paused
broadcast-status-cancelled = cancelled
broadcast-status-finished = finished
broadcast-status-quiet = waiting for quiet hours to end
broadcast-progress =
    📢 “{ $snippet }”: { $status }
    ✅ Sent { $sent } · ⚠️ Failed { $failed } · 🚫 Blocked { $blocked } · ⏳ Remaining { $remaining }
broadcast-pause = ⏸ Pause
broadcast-resume = ▶️ Resume
broadcast-cancel = ✖️ Cancel broadcast
broadcast-cancel-ask = Cancel this broadcast? Messages not yet sent will not go out.
broadcast-cancel-yes = ✖️ Yes, cancel it
broadcast-cancel-no = Keep it
broadcast-kept = Nothing changed.
broadcast-paused = ⏸ Paused.
broadcast-resumed = ▶️ Sending again.
broadcast-cancelled = ✖️ Broadcast cancelled.
broadcast-too-late = This broadcast has already started or ended, so this is no longer possible.
broadcast-too-early = There is no report yet: the broadcast has not started.
broadcast-report =
    📊 Report: “{ $snippet }”
    Recipients: { $total }
    ✅ Sent: { $sent }
    🚫 Blocked the bot: { $blocked }
    ⚠️ Failed: { $failed }
    ✖️ Not sent (cancelled): { $cancelled }
    ⏳ Remaining: { $remaining }
    👍 Useful: { $useful }
broadcast-reasons = Reasons:
broadcast-reason-line = • { $reason }: { $count }
broadcast-reason-blocked = blocked the bot
broadcast-reason-cancelled = cancelled
broadcast-reason-unreachable = cannot be reached
broadcast-reason-no_identity = left Mitt
broadcast-reason-deleted = deleted their data

# /broadcasts
broadcast-list-title = 📢 Broadcasts (press a number for details)
broadcast-list-empty = No broadcasts yet.
broadcast-list-line =
    { $n }. { $icon } { $status } · { $when }
        “{ $snippet }”
broadcast-new = ➕ New broadcast
broadcast-back-to-list = ◀️ All broadcasts
broadcast-detail =
    📢 “{ $snippet }”
    Status: { $status }
    When: { $when }
    Versions: { $versions }
    Attachment: { $media }
    Urgent: { $urgent }
broadcast-media-none = none
broadcast-media-photo = photo
broadcast-media-document = PDF
broadcast-edit-time = 🕒 Change time
broadcast-edit-km = ✏️ Khmer text
broadcast-edit-en = ✏️ English text
broadcast-edit-one = ✏️ Change text
broadcast-ask-new-text-km = Send the new Khmer text (up to { $max } characters).
broadcast-ask-new-text-en = Send the new English text (up to { $max } characters).
broadcast-ask-new-text-one = Send the new text (up to { $max } characters).
broadcast-text-changed = ✅ Text changed.
broadcast-rescheduled = ✅ It will now go out on { $when } (Phnom Penh time).
broadcast-csv = 📄 Report per recipient (CSV)
broadcast-csv-caption = 📄 One row per recipient: code, language, province, state, reason. No names or Telegram accounts.
