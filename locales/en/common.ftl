## Shared words and nudges

common-back = ◀️ Back
common-continue = Continue ▶️
common-cancel = Cancel
common-try-again = 🔁 Try again
common-cancelled = Stopped. Nothing was lost. Send /start for the menu.
common-button-expired = This button is no longer active.
common-text-too-long = That message is too long. Please keep it under { $max } characters.
common-finish-first = Please finish this step first, or send /cancel to stop.
common-send-text = Please send it as text.
common-use-buttons = Please press one of the buttons.
common-not-understood = I didn't understand that. Please choose from the menu.
error-apology = Sorry, something went wrong on our side and this step did not finish. Please try again in a moment.
access-not-allowed = Sorry, this is not available for your role.
access-need-invite = You need an invite code from your trainer to use Mitt. Send /start to begin.
language-changed = ✅ Mitt now speaks English.

# Language names are always written in their own language.
language-name-km = ភាសាខ្មែរ
language-name-en = English

## Groups and channels: Mitt talks in private chats only (sent once, in both languages, then Mitt leaves)
private-only-notice = Hello! I only talk in private chats, so that what officers share stays private. Please open a private chat with me. I am leaving this group now.
private-only-toast = Please talk to me in a private chat.

## Too many messages at once (one notice per 10 seconds; what is sent meanwhile is not answered)
common-slow-down = You are sending messages very fast. Please wait a few seconds: messages sent meanwhile are not answered.
