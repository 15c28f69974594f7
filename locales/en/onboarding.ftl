## Onboarding (/start)

onboarding-choose-language = Please choose your language
onboarding-welcome =
    Welcome to Mitt! 🤝
    Mitt ("friend") helps you keep the child-interviewing skills from your training fresh:
    • short refresher tips from the OCSEA manual, at a time that suits you;
    • a 2-minute reflection after an interview;
    • sharing good practice with colleagues, and support from peers, because this work is heavy.
onboarding-privacy =
    🔒 Your privacy, in plain words
    • What Mitt keeps: your language, province and unit type, your settings, and what you do in Mitt (for example "a tip was read"), under a code instead of your name.
    • Why: so the training programme can see whether Mitt helps, and improve it.
    • Who sees what: programme staff see only totals for groups of 5 or more people, never you personally. Your Telegram account is kept apart, only to deliver messages to you.
    • How long: notes you write are kept { $days } days, then deleted. The rest stays until you delete it.
    ⚠️ Never write a child's name, age, village, school, case number or any case details. Mitt removes such details automatically and shows you what it keeps.
    You can delete everything at any time: /settings → Delete my data.
    Do you agree?
onboarding-agree = ✅ I agree
onboarding-disagree = I don't agree
onboarding-declined = Understood. Mitt has not kept any of your details. If you change your mind, send /start.
onboarding-ask-invite = Please send the invite code your trainer gave you (for example K7QM-2FXP).
onboarding-invite-nudge = Please type your invite code as text.
onboarding-invite-unknown = That code isn't right. Please check it and try again.
onboarding-invite-expired = That code has expired. Please ask your trainer for a new one.
onboarding-invite-used_up = That code has been used up. Please ask your trainer for a new one.
onboarding-invite-revoked = That code was withdrawn. Please ask your trainer for a new one.
onboarding-invite-locked = Too many wrong codes. Please wait { $minutes } minutes, then try again.
onboarding-ask-province = Which capital or province do you work in?
onboarding-ask-unit = Which type of unit are you in?
onboarding-done = All set! You are enrolled as { $role }. Here is your menu:

role-officer = officer
role-trainer = trainer
role-staff = programme staff
role-admin = administrator

unit-ahtjp = Anti-Human Trafficking and Juvenile Protection
unit-cybercrime = Anti-Cybercrime
unit-cpu = Child Protection Unit (CPU)
unit-other = Other
