## Post-interview reflection (check-in), wellbeing and /progress

command-reflect = Reflect on an interview (2 minutes)
command-progress = My progress (only I see it)
checkin-menu-button = 📝 I had an interview today
progress-menu-button = 📈 My progress
checkin-settings-button = 🗓 Check-in settings

checkin-intro = 📝 Two minutes to look back on your interview. Press Skip for any question, or Cancel to stop at any time. Never write names or case details.
checkin-skip = ⏭ Skip
checkin-cancel = ✖️ Cancel
checkin-done = Done ✔️
checkin-na = (not applicable)
checkin-nudge = Please press one of the buttons below, or Skip.
checkin-nudge-text = Please write a few words, or press Skip.
checkin-finish-first = You are in the middle of a reflection. Please answer this question first, or press Cancel.

checkin-tried = Last time you planned to try: «{ $action }». Did you try it?
checkin-tried-yes = ✅ Yes, I tried it
checkin-tried-no = Not yet

checkin-q1 = 1/5 · Which parts did you manage today? Tap all that apply, then press Done.
checkin-q1-ground-rules = Ground rules given and checked
checkin-q1-rapport = Rapport built first
checkin-q1-practice-narrative = Practice narrative on a neutral event
checkin-q1-transition = Moved to the topic without suggesting
checkin-q1-closure = Closed the interview well
checkin-q1-none = None of these

checkin-q2 = 2/5 · Roughly how many of your questions were open ("Tell me…", "What happened next?")?
checkin-q2-most = Most (more than 3 in 4)
checkin-q2-half = About half
checkin-q2-fewer = Fewer than half
checkin-q2-unsure = Not sure

checkin-q4 =
    3/5 · How did you feel during and just after the interview?
    😣 very difficult · 😟 difficult · 😐 okay · 🙂 good · 😄 very good

checkin-q5 =
    4/5 · What went well, or what would you do differently? A few words are enough.
    ⚠️ No names or case details: no child's name, age, village, school or case number.

checkin-q6 = 5/5 · One thing you will try next time? Choose one, or write your own.
checkin-action-silence = Wait longer in silences
checkin-action-tell-more = Follow a direct question with "Tell me more"
checkin-action-ground-rules = Practise the ground rules again
checkin-action-breaks = Plan breaks
checkin-action-own = ✍️ Write my own
checkin-action-own-gone = your own idea
checkin-q6-own = Write the one thing you will try, in a few words. ⚠️ No names or case details.

checkin-more = Two optional questions (30 seconds): the setting, and sharing a practice with colleagues.
checkin-more-yes = Answer them
checkin-more-no = Finish ✔️
checkin-q3 = Setting and process. Tap once for ✅ done, twice for ➖ not applicable, then press Done.
checkin-q3-room = Child-friendly room used
checkin-q3-breaks = Breaks offered
checkin-q3-recording = Interview recorded
checkin-q3-interpreters = Interpreter briefed
checkin-q7 = Would you like to share a practice tip with colleagues (without your name)?
checkin-q7-yes = Yes
checkin-q7-no = No

checkin-kept =
    This is what will be kept:

    { $text }
checkin-kept-removed = Mitt removed: { $kinds }.
checkin-crisis-not-kept = Because of what you wrote, Mitt will not keep this note unless you choose to. You can go on with your reflection.
checkin-crisis-continue = ➡️ Go on without keeping it
checkin-crisis-keep = 💾 Keep the note
checkin-save = ✅ Save
checkin-edit = ✏️ Edit
checkin-discard = 🗑 Discard
checkin-discarded = Discarded: nothing was kept.
checkin-removed-email = an email address
checkin-removed-url = a link
checkin-removed-handle = a social media name
checkin-removed-phone = a phone number
checkin-removed-date = a date
checkin-removed-case_number = a case number
checkin-removed-id_number = an ID number
checkin-removed-plate = a vehicle plate number
checkin-removed-age = an age
checkin-removed-name = a name
checkin-removed-place = a place

checkin-completed = ✅ Saved. Thank you for taking two minutes for your practice. /progress shows how you are doing.
checkin-completed-action = ✅ Saved. Thank you for taking two minutes for your practice. Your one thing for next time: «{ $action }». /progress shows how you are doing.
checkin-share-noted = Thank you for offering to share a practice with colleagues. You can write it now (2 minutes, without your name), or later with /share.
checkin-cancelled = Stopped. Nothing from this reflection was kept. Send /reflect to start again.
checkin-closed = This reflection was closed because it was left for 24 hours. Send /reflect to start a new one.
checkin-save-failed = ⚠️ Your reflection could not be saved just now, because of a problem on our side. It is not saved yet, but your answers are still here. Please press Try again in a moment.
checkin-save-drop = Let it go (keep nothing)
checkin-reminder = 📝 Your reflection is waiting where you left off. Press Continue to pick it up, or send /cancel to stop.
checkin-continue = Continue ▶️
checkin-next = You reported { $count } more { $count ->
        [one] interview
       *[other] interviews
    } this week. Reflect on the next one now?
checkin-next-yes = 📝 Next reflection
checkin-next-later = Later
checkin-later = OK. You can start one any time with /reflect.

checkin-weekly = 🗓 Did you interview any children this week?
checkin-weekly-0 = 0
checkin-weekly-1 = 1
checkin-weekly-2 = 2
checkin-weekly-3 = 3 or more
checkin-weekly-none = Thank you. Nothing to reflect on this week. Take care of yourself.

checkin-settings-title =
    🗓 Check-in settings
    • Every Friday afternoon, "Did you interview any children this week?": { $weekly }
    • Every Friday afternoon, a one-question stress check (only you see your answer): { $stress }
checkin-settings-weekly = Weekly interview question: { $state }
checkin-settings-stress = Weekly stress question: { $state }
checkin-on = on ✅
checkin-off = off

wellbeing-sisq =
    🌱 Stress means feeling tense, restless, nervous or anxious, or being unable to sleep because your mind is troubled. Do you feel this kind of stress these days?
    1 not at all · 2 only a little · 3 to some extent · 4 rather much · 5 very much
wellbeing-sisq-1 = 1
wellbeing-sisq-2 = 2
wellbeing-sisq-3 = 3
wellbeing-sisq-4 = 4
wellbeing-sisq-5 = 5
wellbeing-thanks = Thank you for answering. Only you see your answer; the programme sees group totals only.
wellbeing-self-care = 🌱 Something small for you: { $card }
wellbeing-strong-sisq =
    You have carried a lot of stress for two weeks now. Please book a conversation with your supervisor or a peer supporter this week: talking early helps. These can help too:
    { $contacts }
wellbeing-strong-checkin =
    That interview was very hard. Please talk with your supervisor or a peer supporter in the next few days: it helps, and it is part of doing this work well. These can help too:
    { $contacts }
wellbeing-peer-offer = Would you like to talk with a peer supporter, a colleague trained to listen? Mitt tells a supporter only if you say yes, and only what you choose to share.
wellbeing-peer-yes = 🤝 Yes, I'd like to talk
wellbeing-peer-no = Not now
wellbeing-peer-later = OK. If you change your mind, /progress has a button for it.
progress-peer-button = 🤝 Talk to a peer supporter

wellbeing-crisis =
    🆘 It sounds like you are going through something very hard. You are not alone. Please contact someone now:
    { $contacts }
wellbeing-crisis-offer = Would you like a person to get in touch with you? Mitt will tell a peer supporter only if you say yes.
wellbeing-crisis-yes = 🤝 Yes, please
wellbeing-crisis-no = Not now
wellbeing-not-sent = OK. Nobody was told.

progress-title = 📈 Your progress (only you can see this)
progress-count = Reflections completed: { $count }
progress-open-title = Open questions, your own estimate:
progress-line = • week of { $week }: { $text }
progress-actions-title = Things you chose to try:
progress-action-line = • week of { $week }: { $action } ({ $tried })
progress-tried-yes = ✅ tried
progress-tried-no = not yet
progress-tried-unknown = not asked yet
progress-focus = Topics your tips will favour: { $topics }
progress-private = Nobody else sees your answers. The programme sees only group totals.
progress-empty = No reflections yet. After your next interview, press "I had an interview today" or send /reflect.

checkin-help =
    Reflection after an interview:
    /reflect: reflect on an interview (2 minutes)
    /progress: my progress (only I see it)
