## សេចក្តីសង្ខេបសម្រាប់បុគ្គលិកកម្មវិធី (/summary) សេចក្តីសង្ខេបប្រចាំសប្តាហ៍ និងសំណួរអំពីបន្ទប់មិត្តភាពកុមារនៅក្នុង /settings

summary-menu-button = 📊 សេចក្តីសង្ខេប
command-summary = សេចក្តីសង្ខេបការចូលរួម (ចំនួនសរុបរបស់ក្រុម)
summary-help = /summary ៖ សេចក្តីសង្ខេបការចូលរួមសម្រាប់រយៈពេលមួយ ជាអត្ថបទ ក្រាហ្វិក និងឯកសារ CSV (តែចំនួនសរុបរបស់ក្រុម ក្រុមដែលមានមន្ត្រីតិចជាង ៥ នាក់ត្រូវបានលាក់)
summary-ask-period = 📊 តើរយៈពេលណា?
summary-period-4w = ៤ សប្តាហ៍ចុងក្រោយ
summary-period-quarter = ត្រីមាសមុន
summary-period-month = មួយខែ…
summary-period-all = តាំងពីចាប់ផ្តើម
summary-period-week = សប្តាហ៍មុន
summary-ask-month = តើខែណា? (សប្តាហ៍ដែលថ្ងៃច័ន្ទរបស់វាស្ថិតក្នុងខែនោះ)
summary-ask-breakdown = តើចង់បែងចែកតាមអ្វី?
summary-breakdown-none = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល
summary-breakdown-province = តាមខេត្ត
summary-breakdown-unit = តាមប្រភេទអង្គភាព
summary-working = ⏳ កំពុងរៀបចំសេចក្តីសង្ខេប…
summary-trainer-note = ក្នុងនាមជាគ្រូបណ្តុះបណ្តាល អ្នកឃើញផ្នែកគន្លឹះ និងសារផ្សព្វផ្សាយនៃសេចក្តីសង្ខេប។
summary-csv-caption = 📄 តួលេខដដែលជាឯកសារ CSV ដោយមានជួរក្បាលដែលដាក់ឈ្មោះរង្វាស់នីមួយៗ។

summary-title = 📊 សេចក្តីសង្ខេប៖ { $period } ({ $range })
summary-range = ពី { $from } ដល់ { $to }
summary-range-empty = មិនទាន់មានសប្តាហ៍ពេញលេញនៅឡើយ
summary-scope-none = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល
summary-scope-province = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល បន្ទាប់មកតាមខេត្ត
summary-scope-unit = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល បន្ទាប់មកតាមប្រភេទអង្គភាព

summary-section-reach = 👥 ការចូលរួម និងសកម្មភាព
summary-section-tips = 💡 គន្លឹះរំលឹក
summary-section-reflection = 📝 ការឆ្លុះបញ្ចាំងក្រោយការសម្ភាសន៍ (រាយការណ៍ដោយខ្លួនឯង)
summary-section-sharing = 🤝 ការចែករំលែកការអនុវត្ត
summary-section-wellbeing = 💚 សុខុមាលភាព (តែកម្មវិធីបណ្តុះបណ្តាលទាំងមូល)
summary-section-broadcasts = 📢 សារផ្សព្វផ្សាយ

summary-line = • { $name }៖ { $value }
summary-line-of = • { $name }៖ { $value } ({ $num } ក្នុងចំណោម { $den })
summary-line-mean = • { $name }៖ { $value } ({ $den } ចម្លើយ)

summary-cell-small = < ៥
summary-cell-hidden = លាក់
summary-cell-na = មិនទាន់មាននៅឡើយ
summary-cell-programme = តែកម្មវិធីបណ្តុះបណ្តាលទាំងមូល

summary-groups-province = តាមខេត្ត៖
summary-groups-unit = តាមប្រភេទអង្គភាព៖
summary-refused-province = ការបែងចែកនេះមិនត្រូវបានបង្ហាញទេ៖ គ្មានខេត្តណាមានមន្ត្រី ៥ នាក់ ឬច្រើនជាងនេះទេ ដូច្នេះតួលេខណាមួយអាចចង្អុលទៅរកមនុស្សម្នាក់បាន។
summary-refused-unit = ការបែងចែកនេះមិនត្រូវបានបង្ហាញទេ៖ គ្មានប្រភេទអង្គភាពណាមានមន្ត្រី ៥ នាក់ ឬច្រើនជាងនេះទេ ដូច្នេះតួលេខណាមួយអាចចង្អុលទៅរកមនុស្សម្នាក់បាន។
summary-group-small = • { $group }៖ មន្ត្រីតិចជាង ៥ នាក់ មិនបង្ហាញតួលេខទេ
summary-group-line = • { $group }៖ មន្ត្រី { $officers } · សកម្ម { $active } · ការឆ្លុះបញ្ចាំង { $reflections } · គន្លឹះដែលបានឆ្លើយតប { $tips }
summary-group-line-tips = • { $group }៖ មន្ត្រី { $officers } · គន្លឹះដែលបានឆ្លើយតប { $tips } · ចម្លើយសំណួរត្រឹមត្រូវ { $quiz } · សារផ្សព្វផ្សាយដែលបានទៅដល់ { $delivered }
summary-group-unknown = មិនបានកំណត់
summary-group-all = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល
summary-wellbeing-refused = សុខុមាលភាពតាមក្រុម៖ បដិសេធ។ សុខុមាលភាពត្រូវបានរាយការណ៍តែសម្រាប់កម្មវិធីបណ្តុះបណ្តាលទាំងមូលប៉ុណ្ណោះ មិនដែលបែងចែកទេ។
summary-legend = «< ៥»៖ មានមន្ត្រី ឬចម្លើយតិចជាង ៥ នៅពីក្រោយតួលេខ។ «លាក់»៖ លាក់ទុក ដើម្បីកុំឱ្យគេអាចគណនារកក្រុមតូចមួយពីចំនួនសរុបបាន។ តួលេខនីមួយៗមាននិយមន័យនៅក្នុង docs/metrics.md ។

summary-csv-period = រយៈពេល (សប្តាហ៍)
summary-csv-group-by = បែងចែកតាម
summary-csv-group = ក្រុម
summary-csv-all = កម្មវិធីបណ្តុះបណ្តាលទាំងមូល
summary-csv-value = តម្លៃ
summary-csv-num = ភាគយក
summary-csv-den = ភាគបែង
summary-csv-extra = ចំនួន

summary-chart-activity = សកម្មភាពប្រចាំសប្តាហ៍
summary-chart-active = មន្ត្រីសកម្ម
summary-chart-reflections = ការឆ្លុះបញ្ចាំងដែលបានបញ្ចប់
summary-chart-funnel = ការឆ្លុះបញ្ចាំង៖ ពីការសម្ភាសន៍ ដល់ការបញ្ចប់
summary-chart-funnel-den = ការសម្ភាសន៍ដែលបានរាយការណ៍
summary-chart-funnel-extra = បានចាប់ផ្តើម
summary-chart-funnel-num = បានបញ្ចប់
summary-chart-quiz = ចម្លើយសំណួរត្រឹមត្រូវ តាមប្រធានបទ
summary-chart-ratings = ការវាយតម្លៃខ្លួនឯងប្រចាំសប្តាហ៍
summary-chart-tips = គន្លឹះដែលបានឆ្លើយតបប្រចាំសប្តាហ៍
summary-chart-groups-province = { $metric } តាមខេត្ត
summary-chart-groups-unit = { $metric } តាមប្រភេទអង្គភាព

summary-metric-officers = មន្ត្រី (ចុះឈ្មោះយ៉ាងហោចណាស់ ២ សប្តាហ៍)
summary-metric-activation = ការចូលរួម (កន្លែងក្នុងលេខកូដអញ្ជើញដែលបានប្រើ)
summary-metric-active-officers = មន្ត្រីសកម្ម
summary-metric-retention-4w = នៅសកម្មក្នុងសប្តាហ៍ទី ៤
summary-metric-retention-12w = នៅសកម្មក្នុងសប្តាហ៍ទី ១២
summary-metric-retention-26w = នៅសកម្មក្នុងសប្តាហ៍ទី ២៦
summary-metric-tip-ack = គន្លឹះដែលបានឆ្លើយតប
summary-metric-quiz-accuracy = ចម្លើយសំណួរត្រឹមត្រូវ
summary-metric-tips-paused = មន្ត្រីដែលបានផ្អាកគន្លឹះ
summary-metric-broadcasts-sent = សារផ្សព្វផ្សាយដែលបានផ្ញើ
summary-metric-broadcast-delivered = សារផ្សព្វផ្សាយដែលបានទៅដល់
summary-metric-broadcast-blocked = សារផ្សព្វផ្សាយដែលត្រូវបានទប់ស្កាត់
summary-metric-broadcast-useful = សារផ្សព្វផ្សាយដែលបានចុច 👍 មានប្រយោជន៍
summary-metric-reflection-completion = ការឆ្លុះបញ្ចាំងដែលបានបញ្ចប់ (ក្នុងចំណោមការសម្ភាសន៍ដែលបានរាយការណ៍)
summary-metric-adherence-ground-rules = បានប្រាប់ និងពិនិត្យច្បាប់នៃការសម្ភាសន៍
summary-metric-adherence-rapport = បានកសាងទំនុកចិត្តជាមុន
summary-metric-adherence-practice-narrative = បានហាត់រៀបរាប់
summary-metric-adherence-transition = បានចូលប្រធានបទដោយមិនណែនាំចម្លើយ
summary-metric-adherence-closure = បានបញ្ចប់ការសម្ភាសន៍បានល្អ
summary-metric-adherence-room = បានប្រើបន្ទប់មិត្តភាពកុមារ (គ្រប់ការឆ្លុះបញ្ចាំង)
summary-metric-adherence-breaks = បានផ្តល់ពេលសម្រាក
summary-metric-adherence-recording = បានថតការសម្ភាសន៍
summary-metric-adherence-interpreters = បានពន្យល់អ្នកបកប្រែជាមុន
summary-metric-open-prompt-most = សំណួរភាគច្រើនជាសំណួរបើកចំហ (ការប៉ាន់ស្មានខ្លួនឯង)
summary-metric-room-use = បានប្រើបន្ទប់មិត្តភាពកុមារ (អង្គភាពដែលមានបន្ទប់)
summary-metric-action-follow-through = បានសាកល្បង «រឿងមួយ» ពីលើកមុន
summary-metric-commitment-to-share = ប្តេជ្ញាចែករំលែកការអនុវត្ត
summary-metric-peer-sharing = មន្ត្រីដែលមានការអនុវត្តបានអនុម័តសម្រាប់ចែករំលែក
summary-metric-wellbeing-response = សំណួរស្ត្រេសប្រចាំសប្តាហ៍ដែលបានឆ្លើយ
summary-metric-wellbeing-high = ស្ត្រេស «ច្រើនគួរសម» ឬច្រើនជាងនេះ
summary-metric-wellbeing-mean = ស្ត្រេសជាមធ្យម (១–៥)
summary-metric-support-uptake = ការគាំទ្រដែលបានទទួលយក

summary-digest-title = 📬 សេចក្តីសង្ខេបប្រចាំសប្តាហ៍
summary-digest-more = ព័ត៌មានលម្អិត ការបែងចែក និងឯកសារ CSV៖ /summary
summary-digest-button = 📬 សេចក្តីសង្ខេបប្រចាំសប្តាហ៍ (ថ្ងៃច័ន្ទ ម៉ោង ៨:០០)៖ { $state }
summary-digest-saved-on = 📬 អ្នកនឹងទទួលបានសេចក្តីសង្ខេបនៃសប្តាហ៍មុន រៀងរាល់ថ្ងៃច័ន្ទ ម៉ោង ៨:០០។
summary-digest-saved-off = 📬 សេចក្តីសង្ខេបប្រចាំសប្តាហ៍ត្រូវបានបិទ។

summary-room-button = 🏠 បន្ទប់មិត្តភាពកុមារនៅអង្គភាពខ្ញុំ៖ { $answer }
summary-room-ask = តើអង្គភាពរបស់អ្នកមានបន្ទប់សម្ភាសមិត្តភាពកុមារដែរឬទេ? (វាជួយកម្មវិធីបណ្តុះបណ្តាលរាយការណ៍ថាបន្ទប់ត្រូវបានប្រើញឹកញាប់ប៉ុណ្ណា មានតែចំនួនសរុបរបស់ក្រុមទេដែលត្រូវបានបង្ហាញ។)
summary-room-yes = មាន
summary-room-no = គ្មាន
summary-room-unsure = មិនប្រាកដ
summary-room-unset = មិនទាន់ឆ្លើយ
summary-room-saved = បានរក្សាទុក។ អរគុណ។
