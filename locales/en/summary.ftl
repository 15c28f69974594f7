## Staff summaries (/summary), the weekly digest, and the child-friendly room question in /settings

summary-menu-button = 📊 Summaries
command-summary = Engagement summaries (group totals)
summary-help = /summary: engagement summaries for a period, as text, charts and a CSV (group totals only; groups of fewer than 5 officers are hidden)
summary-ask-period = 📊 Which period?
summary-period-4w = Last 4 weeks
summary-period-quarter = Last quarter
summary-period-month = A month…
summary-period-all = Since the start
summary-period-week = Last week
summary-ask-month = Which month? (the weeks whose Monday falls in it)
summary-ask-breakdown = Broken down by?
summary-breakdown-none = Whole programme
summary-breakdown-province = By province
summary-breakdown-unit = By unit type
summary-working = ⏳ Working out the summary…
summary-trainer-note = As a trainer you see the tips and broadcast parts of the summary.
summary-csv-caption = 📄 The same figures as a CSV, with a header row naming each metric.

summary-title = 📊 Summary: { $period } ({ $range })
summary-range = { $from } – { $to }
summary-range-empty = no full week yet
summary-scope-none = Whole programme
summary-scope-province = Whole programme, then by province
summary-scope-unit = Whole programme, then by unit type

summary-section-reach = 👥 Reach and engagement
summary-section-tips = 💡 Refresher tips
summary-section-reflection = 📝 Reflections after interviews (self-reported)
summary-section-sharing = 🤝 Sharing practice
summary-section-wellbeing = 💚 Wellbeing (whole programme only)
summary-section-broadcasts = 📢 Broadcasts

summary-line = • { $name }: { $value }
summary-line-of = • { $name }: { $value } ({ $num } of { $den })
summary-line-mean = • { $name }: { $value } ({ $den } answers)

summary-cell-small = < 5
summary-cell-hidden = hidden
summary-cell-na = not yet available
summary-cell-programme = whole programme only

summary-groups-province = By province:
summary-groups-unit = By unit type:
summary-refused-province = This breakdown is not shown: no province has 5 or more officers, so any figure could point to a person.
summary-refused-unit = This breakdown is not shown: no unit type has 5 or more officers, so any figure could point to a person.
summary-group-small = • { $group }: fewer than 5 officers, figures not shown
summary-group-line = • { $group }: officers { $officers } · active { $active } · reflections { $reflections } · tips acknowledged { $tips }
summary-group-line-tips = • { $group }: officers { $officers } · tips acknowledged { $tips } · quiz correct { $quiz } · broadcasts delivered { $delivered }
summary-group-unknown = Not set
summary-group-all = Whole programme
summary-wellbeing-refused = Wellbeing by group: refused. Wellbeing is reported for the whole programme only, never broken down.
summary-legend = “< 5”: fewer than 5 officers or answers behind the figure. “hidden”: hidden so that a small group cannot be worked out from the totals. Every figure is defined in docs/metrics.md.

summary-csv-period = period (weeks)
summary-csv-group-by = group by
summary-csv-group = group
summary-csv-all = whole programme
summary-csv-value = value
summary-csv-num = numerator
summary-csv-den = denominator
summary-csv-extra = count

summary-chart-activity = Activity per week
summary-chart-active = Active officers
summary-chart-reflections = Reflections completed
summary-chart-funnel = Reflections: from interview to completed check-in
summary-chart-funnel-den = Triggered (interviews reported)
summary-chart-funnel-extra = Started
summary-chart-funnel-num = Completed
summary-chart-quiz = Quiz answers correct, by topic
summary-chart-ratings = Self-ratings per week
summary-chart-tips = Tips acknowledged per week
summary-chart-groups-province = { $metric }, by province
summary-chart-groups-unit = { $metric }, by unit type

summary-metric-officers = Officers (enrolled at least 2 weeks)
summary-metric-activation = Activation (invite seats used)
summary-metric-active-officers = Active officers
summary-metric-retention-4w = Still active in week 4
summary-metric-retention-12w = Still active in week 12
summary-metric-retention-26w = Still active in week 26
summary-metric-tip-ack = Tips acknowledged
summary-metric-quiz-accuracy = Quiz answers correct
summary-metric-tips-paused = Officers who paused tips
summary-metric-broadcasts-sent = Broadcasts sent
summary-metric-broadcast-delivered = Broadcast messages delivered
summary-metric-broadcast-blocked = Broadcast messages blocked
summary-metric-broadcast-useful = Broadcasts marked 👍 useful
summary-metric-reflection-completion = Reflections completed (of those triggered)
summary-metric-adherence-ground-rules = Ground rules given and checked
summary-metric-adherence-rapport = Rapport built first
summary-metric-adherence-practice-narrative = Practice narrative
summary-metric-adherence-transition = Non-suggestive transition
summary-metric-adherence-closure = Interview closed well
summary-metric-adherence-room = Child-friendly room used (all check-ins)
summary-metric-adherence-breaks = Breaks offered
summary-metric-adherence-recording = Interview recorded
summary-metric-adherence-interpreters = Interpreter briefed
summary-metric-open-prompt-most = Most questions open (self-estimate)
summary-metric-room-use = Child-friendly room used (units with a room)
summary-metric-action-follow-through = Tried last time's “one thing”
summary-metric-commitment-to-share = Committed to share practice
summary-metric-peer-sharing = Officers with an approved practice post
summary-metric-wellbeing-response = Weekly stress question answered
summary-metric-wellbeing-high = Stress “quite a lot” or more
summary-metric-wellbeing-mean = Mean stress (1–5)
summary-metric-support-uptake = Support taken up

summary-digest-title = 📬 Weekly summary
summary-digest-more = Details, breakdowns and the CSV: /summary
summary-digest-button = 📬 Weekly summary (Mondays 08:00): { $state }
summary-digest-saved-on = 📬 You will get the summary of the past week every Monday at 08:00.
summary-digest-saved-off = 📬 The weekly summary is off.

summary-room-button = 🏠 Child-friendly room at my unit: { $answer }
summary-room-ask = Does your unit have a child-friendly interview room? (This helps the programme report how often rooms are used; only group totals are shown.)
summary-room-yes = Yes
summary-room-no = No
summary-room-unsure = Not sure
summary-room-unset = not answered
summary-room-saved = Saved. Thank you.
