## ពាក្យប្រើរួម និងការរំលឹក

common-back = ◀️ ត្រឡប់ក្រោយ
common-continue = បន្ត ▶️
common-cancel = បោះបង់
common-cancelled = បានឈប់ហើយ។ គ្មានអ្វីបាត់បង់ទេ។ ផ្ញើ /start ដើម្បីបើកម៉ឺនុយ។
common-button-expired = ប៊ូតុងនេះលែងប្រើបានហើយ។
common-text-too-long = សារនេះវែងពេក។ សូមសរសេរឱ្យខ្លីជាង { $max } តួអក្សរ។
common-finish-first = សូមបញ្ចប់ជំហាននេះសិន ឬផ្ញើ /cancel ដើម្បីឈប់។
common-send-text = សូមផ្ញើជាអក្សរ។
common-use-buttons = សូមចុចប៊ូតុងមួយខាងក្រោម។
common-not-understood = ខ្ញុំមិនយល់សារនេះទេ។ សូមជ្រើសរើសពីម៉ឺនុយ។
error-apology = សូមអភ័យទោស មានបញ្ហាបច្ចេកទេសនៅខាងយើង។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។ អ្វីដែលអ្នកបានធ្វើមិនបាត់បង់ទេ។
access-not-allowed = សូមអភ័យទោស មុខងារនេះមិនមែនសម្រាប់តួនាទីរបស់អ្នកទេ។
access-need-invite = អ្នកត្រូវការលេខកូដអញ្ជើញពីគ្រូបណ្តុះបណ្តាលរបស់អ្នក ដើម្បីប្រើ មិត្ត។ ផ្ញើ /start ដើម្បីចាប់ផ្តើម។
language-changed = ✅ ឥឡូវនេះ មិត្ត និយាយភាសាខ្មែរ។

# Language names are always written in their own language.
language-name-km = ភាសាខ្មែរ
language-name-en = English
