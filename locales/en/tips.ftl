## Refresher tips: the tip message, feedback, quizzes, topics, preferences and trainers' own tips

tip-message =
    📘 { $topic }

    { $text }

    — Source: { $source }
tip-source-content = { $topic }; { $reference }
tip-source-trainer = a tip from your trainers
tip-btn-helpful = 👍 Helpful
tip-btn-review = 🔁 Review later
tip-btn-quiz = ❓ Quiz me
tip-btn-pause = ⏸ Pause tips
tip-btn-resume = ▶️ Resume tips
tip-thanks-helpful = Thank you! Glad it helps.
tip-thanks-review = Noted: this tip will come back later.
tip-quiz-right =
    ✅ Right: { $answer }
    { $explanation }
tip-quiz-wrong =
    Not quite. The answer is: { $answer }
    { $explanation }
    This tip will come back later for review.
tip-paused = ⏸ Tips are paused. You can turn them on again any time in /settings.
tip-resumed = ▶️ Tips are on again: { $frequency }, at { $time }.
tip-none = There is no tip to send right now.
tip-not-found = That tip is no longer available.
tip-help =
    Refresher tips:
    /tip: the next tip now
    /topics: browse the course topics and their tips

topics-title = 📚 Topics from the course. Choose one to read its tips.
topics-tips-title = 📘 { $topic }: choose a tip to read.
topics-next = More ▶
topics-prev = ◀ Back
topics-all = 📚 All topics

tips-freq-daily = Every day
tips-freq-three_weekly = Mon, Wed and Fri
tips-freq-weekly = Every Monday
tips-freq-paused = No tips for now
tips-ask-frequency = 🔔 Mitt can send you a short refresher tip from the course. How often would you like one?
tips-ask-time = At what time? (Phnom Penh time; never at night)
tips-saved = Saved: { $frequency }, at { $time }.
settings-tips = 🔔 Tips: { $frequency }, { $time }

tips-admin-title = 🗂 Tips by topic. Choose a topic to see its tips and archive one, or add a tip of your own.
tips-admin-topic = { $topic }: { $count } tips. Archive one, or go back.
tips-admin-add = ➕ Add a tip
tips-admin-archived = 🗄 Archived. Officers will no longer receive this tip.
tips-add-topic = Which topic is your tip about?
tips-add-km = Write the tip in Khmer (at most { $max } characters). One practical action. No names or case details.
tips-add-en = Now write the same tip in English (at most { $max } characters).
tips-add-need-khmer = Please write this version in Khmer script.
tips-add-preview = 👀 This is how officers will see it, in Khmer and in English:
tips-add-confirm = Save this tip?
tips-add-save = ✅ Save
tips-add-saved = ✅ Saved. Officers will receive it with the other tips of this topic.
tips-add-identifiers = This text seems to contain a name, a number or a place. Please write it without any case details.
command-tip = The next refresher tip
command-topics = Browse the course topics
command-tips = Manage tips (trainers)
tips-admin-help = /tips: manage tips: add your own, archive one
tip-menu-button = 💡 A tip now
topics-menu-button = 📚 Course topics
