## សារផ្សព្វផ្សាយរបស់គ្រូបណ្តុះបណ្តាល (/broadcast, /broadcasts) សារវឌ្ឍនភាព និង 👍 មានប្រយោជន៍

menu-broadcasts = 📢 សារផ្សព្វផ្សាយ
command-broadcast = ផ្ញើសារទៅមន្ត្រី
command-broadcasts = សារផ្សព្វផ្សាយថ្មីៗ និងដែលបានកំណត់ពេល
broadcast-help =
    សារផ្សព្វផ្សាយ៖
    /broadcast៖ ផ្ញើសារទៅមន្ត្រី ឥឡូវនេះ ឬពេលក្រោយ
    /broadcasts៖ សារផ្សព្វផ្សាយថ្មីៗ សារដែលបានកំណត់ពេល និងរបាយការណ៍

# អ្វីដែលមន្ត្រីឃើញនៅក្រោមសារ
broadcast-useful = 👍 មានប្រយោជន៍
broadcast-useful-thanks = អរគុណ! គ្រូបណ្តុះបណ្តាលរបស់អ្នកនឹងដឹងថាសារនេះមានប្រយោជន៍។
broadcast-useful-already = អ្នកបានចុចថាមានប្រយោជន៍រួចហើយ។ អរគុណ!
broadcast-preview-useful = នេះគ្រាន់តែជាការមើលជាមុនប៉ុណ្ណោះ។ ការចុចរបស់មន្ត្រីនឹងរាប់បញ្ចូលក្នុងរបាយការណ៍។

# ការសរសេរសារ
broadcast-stop = ✖️ ឈប់
broadcast-ask-versions =
    📢 សារផ្សព្វផ្សាយថ្មី
    តើអ្នកនឹងសរសេរជាភាសាខ្មែរ និងភាសាអង់គ្លេស ឬមួយកំណែសម្រាប់អ្នកទាំងអស់គ្នា?
    (ផ្ញើ /cancel នៅពេលណាក៏បាន ដើម្បីឈប់។)
broadcast-versions-both = ភាសាខ្មែរ និងភាសាអង់គ្លេស
broadcast-versions-one = មួយកំណែសម្រាប់អ្នកទាំងអស់គ្នា
broadcast-ask-text-km =
    សូមផ្ញើកំណែភាសាខ្មែរ (មិនលើសពី { $max } តួអក្សរ)។
    បើចង់ភ្ជាប់រូបថត ឬឯកសារ PDF សូមផ្ញើវាជាមួយអត្ថបទខ្មែរជាអក្សរពិពណ៌នា (មិនលើសពី 1024 តួអក្សរ)។
broadcast-ask-text-one =
    សូមផ្ញើសារ (មិនលើសពី { $max } តួអក្សរ)។
    បើចង់ភ្ជាប់រូបថត ឬឯកសារ PDF សូមផ្ញើវាជាមួយអត្ថបទជាអក្សរពិពណ៌នា (មិនលើសពី 1024 តួអក្សរ)។
broadcast-ask-text-en = ឥឡូវសូមផ្ញើកំណែភាសាអង់គ្លេសជាអក្សរ (មិនលើសពី { $max } តួអក្សរ)។
broadcast-ask-caption-en = ឥឡូវសូមផ្ញើអក្សរពិពណ៌នាភាសាអង់គ្លេសសម្រាប់ឯកសារដដែល ជាអក្សរ (មិនលើសពី { $max } តួអក្សរ)។
broadcast-too-long = សារនេះមាន { $length } តួអក្សរ តែ Telegram អនុញ្ញាតត្រឹម { $max } ប៉ុណ្ណោះ។ សូមកាត់ឱ្យខ្លី ហើយផ្ញើម្តងទៀត។
broadcast-compose-nudge = សូមផ្ញើជាអក្សរ ឬរូបថត ឬឯកសារ PDF ដែលមានអក្សរពិពណ៌នា។
broadcast-text-only = សូមផ្ញើកំណែនេះជាអក្សរប៉ុណ្ណោះ។ ឯកសារពីកំណែទីមួយនឹងប្រើសម្រាប់ទាំងពីរ។
broadcast-pdf-only = អាចភ្ជាប់បានតែរូបថត ឬឯកសារ PDF ប៉ុណ្ណោះ។
broadcast-caption-needed = សូមផ្ញើឯកសារម្តងទៀត ដោយដាក់អត្ថបទជាអក្សរពិពណ៌នា។

# អ្នកទទួល
broadcast-ask-audience = 👥 តើនរណាគួរទទួលសារនេះ? ចុចលើតម្រងណាមួយ ដើម្បីប្តូរ។
broadcast-audience-summary =
    📍 ខេត្ត៖ { $provinces }
    🏢 អង្គភាព៖ { $units }
    🌐 ភាសា៖ { $language }
    ⏳ មិនបានប្រើ៖ { $inactive }
    🎓 រួមទាំងគ្រូបណ្តុះបណ្តាល៖ { $trainers }
broadcast-count = ចំនួនអ្នកទទួលឥឡូវនេះ៖ { $count } នាក់
broadcast-all = ទាំងអស់
broadcast-inactive-any = មិនកំណត់
broadcast-inactive-days = { $days } ថ្ងៃ ឬច្រើនជាងនេះ
broadcast-yes = បាទ/ចាស
broadcast-no = ទេ
broadcast-filter-provinces = 📍 ខេត្ត ({ $n ->
        [0] ទាំងអស់
       *[other] { $n }
    })
broadcast-filter-units = 🏢 អង្គភាព ({ $n ->
        [0] ទាំងអស់
       *[other] { $n }
    })
broadcast-filter-language = 🌐 ភាសា៖ { $value }
broadcast-filter-inactive-any = ⏳ មិនបានប្រើ៖ មិនកំណត់
broadcast-filter-inactive-days = ⏳ មិនបានប្រើ ≥ { $days } ថ្ងៃ
broadcast-filter-trainers = រួមទាំងគ្រូបណ្តុះបណ្តាល
broadcast-pick-provinces = 📍 ជ្រើសរើសខេត្ត (បើមិនជ្រើស មានន័យថាទាំងអស់)។ ចុច រួចរាល់ ពេលបញ្ចប់។
broadcast-pick-units = 🏢 ជ្រើសរើសប្រភេទអង្គភាព (បើមិនជ្រើស មានន័យថាទាំងអស់)។ ចុច រួចរាល់ ពេលបញ្ចប់។
broadcast-done = ✔️ រួចរាល់
broadcast-nobody = គ្មាននរណាម្នាក់ត្រូវនឹងតម្រងទាំងនេះទេ។ សូមប្តូរតម្រង។

# មើលជាមុន ពេលវេលា បញ្ជាក់
broadcast-preview-above-both = 👀 ខាងលើនេះជាការមើលជាមុន៖ មន្ត្រីនឹងឃើញដូចនេះ គឺកំណែភាសាខ្មែរមុន បន្ទាប់មកកំណែភាសាអង់គ្លេស។
broadcast-preview-above-one = 👀 ខាងលើនេះជាការមើលជាមុន៖ មន្ត្រីនឹងឃើញដូចនេះ។
broadcast-ask-when = ផ្ញើទៅអ្នកទទួល { $count } នាក់។ តើផ្ញើពេលណា?
broadcast-send-now = 📤 ផ្ញើឥឡូវនេះ
broadcast-send-later = 🕒 ជ្រើសរើសថ្ងៃ និងម៉ោង
broadcast-change-text = ✏️ កែអត្ថបទ
broadcast-change-audience = 👥 ប្តូរអ្នកទទួល
broadcast-ask-time =
    🕒 តើគួរផ្ញើនៅពេលណា? (ម៉ោងភ្នំពេញ)
    សូមសរសេរថ្ងៃ និងម៉ោង ឧទាហរណ៍ { $example } ឬជ្រើសរើស៖
broadcast-tomorrow-at = ថ្ងៃស្អែក ម៉ោង { $time }
broadcast-bad-time = ខ្ញុំមិនអាចអានកាលបរិច្ឆេទនេះបានទេ។ សូមសរសេរដូចនេះ៖ { $example }
broadcast-time-past = { $when } បានកន្លងផុតហើយ។ សូមជ្រើសរើសពេលវេលាដែលមិនទាន់មកដល់។
broadcast-time-far = ពេលនោះលើសពី 90 ថ្ងៃទៅមុខ។ សូមជ្រើសរើសថ្ងៃដែលជិតជាងនេះ។
broadcast-now = ឥឡូវនេះ
broadcast-urgent = បន្ទាន់ (ផ្ញើទោះក្នុងម៉ោងស្ងាត់)
broadcast-quiet-respected = ម៉ោងស្ងាត់ ({ $start }–{ $end })៖ គោរព។ សារនឹងរង់ចាំដល់ពេលព្រឹក។
broadcast-quiet-ignored = ⚡ បន្ទាន់៖ ផ្ញើទោះក្នុងម៉ោងស្ងាត់ក៏ដោយ។
broadcast-confirm =
    ✅ រួចរាល់ហើយឬនៅ?
    អ្នកទទួល៖ { $count } នាក់
    ពេលផ្ញើ៖ { $when }
    { $quiet }
broadcast-confirm-button = ✅ បញ្ជាក់ ហើយផ្ញើ
broadcast-started = 📤 កំពុងផ្ញើទៅអ្នកទទួល { $count } នាក់។ សារនេះនឹងបង្ហាញវឌ្ឍនភាពក្នុងពេលបន្តិចទៀត។
broadcast-step-failed = ⚠️ Telegram មិនទទួលយកជំហាននេះទេ (ឧទាហរណ៍ រូបភាព ឬឯកសារដែលវាមិនអាចផ្ញើបាន)។ សេចក្តីព្រាងរបស់អ្នកនៅតែត្រូវបានរក្សាទុក។ សូមព្យាយាមម្តងទៀត ផ្លាស់ប្តូរអត្ថបទ ឬឈប់។
broadcast-scheduled = 🕒 បានកំណត់ពេលផ្ញើនៅ { $when } (ម៉ោងភ្នំពេញ)។ ប្រើ /broadcasts ដើម្បីកែ ឬបោះបង់។

# វឌ្ឍនភាព និងរបាយការណ៍
broadcast-status-scheduled = បានកំណត់ពេល
broadcast-status-sending = កំពុងផ្ញើ
broadcast-status-paused = បានផ្អាក
broadcast-status-cancelled = បានបោះបង់
broadcast-status-finished = បានបញ្ចប់
broadcast-status-quiet = កំពុងរង់ចាំម៉ោងស្ងាត់ចប់
broadcast-progress =
    📢 «{ $snippet }»៖ { $status }
    ✅ បានផ្ញើ { $sent } · ⚠️ មិនបានសម្រេច { $failed } · 🚫 បានទប់ស្កាត់បូត { $blocked } · ⏳ នៅសល់ { $remaining }
broadcast-pause = ⏸ ផ្អាក
broadcast-resume = ▶️ បន្ត
broadcast-cancel = ✖️ បោះបង់សារផ្សព្វផ្សាយ
broadcast-cancel-ask = បោះបង់សារផ្សព្វផ្សាយនេះមែនទេ? សារដែលមិនទាន់ផ្ញើនឹងមិនត្រូវបានផ្ញើទេ។
broadcast-cancel-yes = ✖️ បាទ/ចាស បោះបង់
broadcast-cancel-no = កុំបោះបង់
broadcast-kept = គ្មានអ្វីផ្លាស់ប្តូរទេ។
broadcast-paused = ⏸ បានផ្អាក។
broadcast-resumed = ▶️ កំពុងផ្ញើម្តងទៀត។
broadcast-cancelled = ✖️ បានបោះបង់សារផ្សព្វផ្សាយ។
broadcast-too-late = សារផ្សព្វផ្សាយនេះបានចាប់ផ្តើម ឬបានបញ្ចប់រួចហើយ ដូច្នេះមិនអាចធ្វើបានទៀតទេ។
broadcast-too-early = មិនទាន់មានរបាយការណ៍ទេ ព្រោះសារមិនទាន់ចាប់ផ្តើមផ្ញើ។
broadcast-report =
    📊 របាយការណ៍៖ «{ $snippet }»
    អ្នកទទួល៖ { $total } នាក់
    ✅ បានផ្ញើ៖ { $sent }
    🚫 បានទប់ស្កាត់បូត៖ { $blocked }
    ⚠️ មិនបានសម្រេច៖ { $failed }
    ✖️ មិនបានផ្ញើ (បោះបង់)៖ { $cancelled }
    ⏳ នៅសល់៖ { $remaining }
    👍 មានប្រយោជន៍៖ { $useful }
broadcast-reasons = មូលហេតុ៖
broadcast-reason-line = • { $reason }៖ { $count } នាក់
broadcast-reason-blocked = បានទប់ស្កាត់បូត
broadcast-reason-cancelled = បានបោះបង់
broadcast-reason-unreachable = មិនអាចទាក់ទងបាន
broadcast-reason-no_identity = បានចាកចេញពី មិត្ត
broadcast-reason-deleted = បានលុបទិន្នន័យរបស់ខ្លួន

# /broadcasts
broadcast-list-title = 📢 សារផ្សព្វផ្សាយ (ចុចលេខ ដើម្បីមើលលម្អិត)
broadcast-list-empty = មិនទាន់មានសារផ្សព្វផ្សាយនៅឡើយទេ។
broadcast-list-line =
    { $n }. { $icon } { $status } · ពេល { $when }
        «{ $snippet }»
broadcast-new = ➕ សារផ្សព្វផ្សាយថ្មី
broadcast-back-to-list = ◀️ សារផ្សព្វផ្សាយទាំងអស់
broadcast-detail =
    📢 «{ $snippet }»
    ស្ថានភាព៖ { $status }
    ពេលផ្ញើ៖ { $when }
    កំណែ៖ { $versions }
    ឯកសារភ្ជាប់៖ { $media }
    បន្ទាន់៖ { $urgent }
broadcast-media-none = គ្មាន
broadcast-media-photo = រូបថត
broadcast-media-document = ឯកសារ PDF
broadcast-edit-time = 🕒 ប្តូរពេល
broadcast-edit-km = ✏️ អត្ថបទខ្មែរ
broadcast-edit-en = ✏️ អត្ថបទអង់គ្លេស
broadcast-edit-one = ✏️ កែអត្ថបទ
broadcast-ask-new-text-km = សូមផ្ញើអត្ថបទខ្មែរថ្មី (មិនលើសពី { $max } តួអក្សរ)។
broadcast-ask-new-text-en = សូមផ្ញើអត្ថបទអង់គ្លេសថ្មី (មិនលើសពី { $max } តួអក្សរ)។
broadcast-ask-new-text-one = សូមផ្ញើអត្ថបទថ្មី (មិនលើសពី { $max } តួអក្សរ)។
broadcast-text-changed = ✅ បានកែអត្ថបទហើយ។
broadcast-rescheduled = ✅ ឥឡូវនេះ សារនឹងផ្ញើនៅ { $when } (ម៉ោងភ្នំពេញ)។
broadcast-csv = 📄 របាយការណ៍តាមអ្នកទទួល (CSV)
broadcast-csv-caption = 📄 មួយជួរសម្រាប់អ្នកទទួលម្នាក់៖ លេខកូដ ភាសា ខេត្ត ស្ថានភាព មូលហេតុ។ គ្មានឈ្មោះ ឬគណនី Telegram ទេ។
