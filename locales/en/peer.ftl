## Anonymous peer connect: asking for a peer, the supporter's request, the relayed conversation, reports

peer-menu-button = 🤝 Talk to a peer
command-peer = Talk anonymously with a peer supporter
command-end = End the peer conversation
# How each side sees the other: a code per conversation, never a name or handle.
peer-alias = Peer { $code }

peer-consent =
    🤝 Talk with a peer supporter, anonymously
    • A colleague trained to listen gets your request. They do not see your name, your username or your code in Mitt: only an alias such as "Peer 7K".
    • Mitt passes your messages on and does not keep them. It keeps only that a conversation happened, on which day, and how many messages.
    • Names, ages, places and numbers are taken out on the way: please share no case details.
    • Either of you can stop at any time with /end.
    If no supporter can answer within { $max } hours, Mitt tells you and gives you other contacts.
    Ask for a peer now?
peer-consent-yes = 🤝 Yes, find me a peer
peer-consent-no = Not now
peer-not-now = OK, nothing was sent. You can ask any time with /peer.

peer-already-open = You are already talking with { $alias }. Just write here; /end finishes the conversation.
peer-already-waiting = Your request is still waiting for a peer supporter. You will be told here when one accepts. To withdraw it: /end
peer-none-free =
    I'm sorry: no peer supporter is free right now, so nothing was sent. These people can help:
    { $contacts }
peer-sent =
    ✅ Your request went to { $count ->
        [one] one peer supporter
       *[other] { $count } peer supporters
    } just now. Nobody sees who you are. You will be told here as soon as one accepts, and then you can write.
    To withdraw the request: /end
peer-sent-night =
    🌙 It is night. Your request went at once to { $count ->
        [one] the one peer supporter
       *[other] the { $count } peer supporters
    } who take night requests. They may be asleep: if you need someone now, these people can help:
    { $contacts }
    To withdraw the request: /end
peer-sent-morning =
    🌙 It is night, and no peer supporter takes requests at night. Nobody has been told yet: supporters will see your request from { $time } in the morning, and you will be told here when one accepts.
    If you need someone now, these people can help:
    { $contacts }
    To withdraw the request: /end
peer-crisis-how = If you say yes, Mitt asks a peer supporter to talk with you here, anonymously: they see only an alias, never your name.

peer-request =
    🤝 A colleague ({ $alias }) would like to talk with a peer supporter. Mitt does not show who they are, and does not show them who you are.
    If you accept, Mitt passes messages between you here.
peer-request-night =
    🌙 Night request: a colleague ({ $alias }) would like to talk with a peer supporter now. Mitt does not show who they are, and does not show them who you are.
    If you accept, Mitt passes messages between you here.
peer-accept = ✅ I can talk now
peer-decline = Not now
peer-block-button = 🚫 Block
peer-request-taken = ✔️ Another supporter took it
peer-request-expired = ⌛ This request has closed
peer-request-withdrawn = ↩️ The colleague withdrew it
peer-request-closed = This request is no longer open.
peer-you-accepted = ✅ You accepted
peer-full = You already have { $max } open conversations. End one with /end first.
peer-declined = Thank you for saying so.
peer-blocked = Blocked: Mitt will not send you this colleague's requests again.

peer-connected-supporter =
    🤝 You are now talking with { $alias }. Write here: Mitt passes your messages on, and they see you only as an alias.
    When you talk with more than one colleague, reply to their message so Mitt knows whom it is for.
    /end finishes · /block ends and blocks · /report sends one message to the administrators
peer-connected-requester =
    🤝 A peer supporter accepted: you are talking with { $alias }. Write here and Mitt passes your messages on; they see you only as an alias.
    Photos, voice messages and files are not passed on. /end finishes · /report sends one message to the administrators
peer-unanswered =
    I'm sorry: no peer supporter could take your request in time. It is closed, and nobody was told who you are. Please talk to someone today:
    { $contacts }
    You can ask again any time with /peer.

peer-ended = The conversation with { $alias } has ended. Thank you.
peer-ended-by-other = { $alias } has ended the conversation. Thank you for talking.
peer-withdrawn = Your request was withdrawn. Nobody was told who you are.
peer-nothing-to-end = You have no open peer conversation or request.
peer-my-request = ⏳ My waiting request
peer-which-end = Which conversation do you want to end?
peer-which-block = Which colleague do you want to block? The conversation ends, and they are never matched with you again.
peer-block-only-supporter = Only the peer supporter of a conversation can block. You can /end the conversation, or /report a message.
peer-blocked-done = 🚫 The conversation with { $alias } has ended, and this colleague will not be matched with you again.

peer-only-text = 📵 Only text is passed on in a peer conversation. Photos, voice messages, stickers, files and forwarded messages are not sent, so that nothing from a case and nobody's identity travels through Mitt. Nothing was sent.
peer-reply-to-choose = You are talking with { $aliases }. Reply to one of their messages so Mitt knows whom this is for. Nothing was sent.
peer-other-gone = The conversation has ended: the other person can no longer be reached. Your message was not delivered.
peer-removed = ✂️ Mitt took out before passing it on: { $kinds }.

peer-nothing-to-report = You have no open peer conversation.
peer-report-reply-first = Reply to the message you want to report with /report.
peer-reported = ⚠️ Reported. The administrators got only that one message: not who you are, and not who wrote it. You can /end the conversation at any time.
peer-report-no-admins = No administrator could be reached, so the report was not sent. You can /end the conversation at any time.
peer-report-for-admin = ⚠️ A message in an anonymous peer conversation was reported. Here it is, as it was received. Mitt holds nothing else about it.

peer-night-setting = 🌙 Night peer requests: { $state }
peer-night-now-on = 🌙 Night requests: on. Requests made during quiet hours ({ $start }–{ $end }) reach you at once.
peer-night-now-off = 🌙 Night requests: off. Requests made during quiet hours ({ $start }–{ $end }) reach you in the morning.
