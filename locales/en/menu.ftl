## Main menu, help and command descriptions

menu-title = Main menu: what would you like to do?
menu-invites = 🎟 Invite codes
menu-users = 👥 Users
menu-settings = ⚙️ Settings
menu-mydata = 🔒 My data
menu-help = ❓ Help

help-guest =
    Mitt is for officers who took part in the child-interviewing training.
    To join, you need an invite code from your trainer. Then send /start.
    /language: change the language
help-officer =
    ❓ What you can do in Mitt
    /start: main menu
    /settings: language, province, unit, delete my data
    /mydata: what Mitt holds about you
    /language: change the language
    /cancel: stop what you are doing
help-trainer =
    { help-officer }
    As a trainer:
    /invite: create an invite code
    /invites: see and withdraw active codes
help-staff =
    { help-officer }
    As programme staff you see only group totals, never individual answers.
help-admin =
    { help-trainer }
    As an administrator:
    /users: change someone's role or make them a peer supporter

command-start = Start / main menu
command-help = Help
command-settings = Settings
command-mydata = What Mitt holds about me
command-language = Change language
command-cancel = Stop what I'm doing
command-invite = Create an invite code
command-invites = Active invite codes
command-users = Manage users
