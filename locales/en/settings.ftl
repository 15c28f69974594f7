## Settings, my data, delete my data

settings-title =
    ⚙️ Settings
    Language: { $language }
    Province: { $province }
    Unit type: { $unit }
settings-language = 🌐 Language
settings-province = 📍 Province
settings-unit = 🏢 Unit type
settings-delete = 🗑 Delete my data
settings-saved = ✅ Saved

delete-explain = Deleting removes the link to your Telegram account, your profile, your settings and every note you wrote. Anonymous statistics stay, but can no longer be linked to you.
delete-continue = Continue
delete-are-you-sure = Are you sure? This cannot be undone.
delete-confirm = 🗑 Yes, delete everything
delete-kept = OK, nothing was deleted.
delete-done = Your data has been deleted. Thank you for your work for children. To come back, send /start.

mydata-summary =
    🔒 What Mitt holds about you
    Your code: { $handle } (not your name)
    Role: { $role }
    Language: { $language }
    Province: { $province }
    Unit type: { $unit }
    Child-friendly room at your unit: { $room }
    With Mitt since: { $since }
    Activity records: { $events }
    Check-ins: { $checkIns }
    Notes you wrote (kept { $days } days): { $freeTexts }
    Practice notes you shared: { $notes } (colleagues never see who wrote them)
    Mitt does not keep your name or username. Your Telegram account number is kept apart, only to send you messages.
    To delete everything: /settings → Delete my data.
