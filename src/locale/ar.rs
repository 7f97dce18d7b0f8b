//! Arabic, written right to left (the chart is mirrored: `Lang::rtl`), with Western
//! digits by default and Arabic-Indic ones where the tag asks (`Lang::numbers`).
//! Ours, written from the article's facts like the French. Counted nouns follow
//! "من" ("22,328 من النازحين", "of the displaced"), which reads right after any
//! number: Arabic's agreement of a noun with the number before it (singular,
//! dual, plural, accusative) would otherwise change with every figure. Short vowels
//! and tanween are left out where news writing leaves them out ("داخليا").
//!
//! Place names: as Arabic-language news agencies and broadcasters that cover Mali
//! write them (Al Jazeera, Sky News Arabia, the Arabic service of the BBC), which
//! Arabic Wikipedia follows: تمبكتو (Tombouctou), سيغو (Ségou), ميناكا, غاو,
//! باماكو, كايس, كوليكورو, سيكاسو, موبتي, كيدال.

use super::{MapText, Text};

pub static TEXT: Text = Text {
    title: "النازحون داخليا في مالي حسب المنطقة",
    source: "المصدر: لجنة حركة السكان (CMP)، أرقام نشرتها المنظمة الدولية للهجرة في مالي (مصفوفة تتبع النزوح)",
    other_regions: "مناطق أخرى",
    computed_note: "رقم محسوب: المجموع الوطني مطروحا منه المناطق المذكورة، ولا يُنشر تفصيله.",
    persons_unit: "من النازحين",
    households_unit: "من الأسر",
    since_february: "منذ فبراير",
    in_the_country: "في البلاد",
    of_total: "من المجموع",
    computed_tip: "رقم محسوب: المجموع الوطني مطروحا منه المناطق المذكورة",
    reported: "منشور",
    computed: "محسوب",
    table_headers: ["المنطقة", "النازحون", "النسبة من المجموع", "مصدر الرقم"],
    national_total: "المجموع الوطني",
    summary_lead: "رسم بياني بالأعمدة",
    summary_tail: "يعرض الجدول التالي كل رقم.",
    download: "تنزيل البيانات (CSV)",
    download_file: "mali-idp-ar.csv",
    download_image: "تنزيل الصورة (PNG)",
    image_file: "mali-idp-ar.png",
    listen: "استماع",
    played_of: ["أول ", " منطقة من أصل ", ": لا تُعزف البقية."],
    keys: "الأسهم: من منطقة لأخرى. L: للاستماع إليها نغمات.",
};

pub static MAP: MapText = MapText {
    map_note: "الحدود: Natural Earth، المناطق قبل 2016 (كانت ميناكا آنذاك جزءا من منطقة غاو).",
    unplaced: "ليس لها مكان على الخريطة: لا يحدد المصدر هذه المناطق",
    unmatched: "ليست على الخريطة: هذا الاسم ليس اسم أي من مناطقها",
    no_figure: "لا رقم خاصا بها",
    counted_in_rest: ": محسوبة ضمن المناطق الأخرى",
    gao_note: "كانت ميناكا (الدائرة) جزءا منها قبل 2016",
    summary_lead_map: "خريطة مالي",
    summary_lead_both: "خريطة مالي ورسم بياني بالأعمدة",
    map_summary: "دائرة لكل رقم عند المدينة الرئيسية لمنطقته أو في وسطها، مساحتها بحسب عدد الأشخاص.",
};

/// The same words for the Arabic-Indic digits (`ar-EG`, `-u-nu-arab`): the year too
/// is written in them.
pub static MAP_ARAB: MapText = MapText {
    map_note: "الحدود: Natural Earth، المناطق قبل ٢٠١٦ (كانت ميناكا آنذاك جزءا من منطقة غاو).",
    gao_note: "كانت ميناكا (الدائرة) جزءا منها قبل ٢٠١٦",
    ..MAP
};

/// `data::PLACES` in its order: Tombouctou, Ségou, Ménaka, Gao, Bamako, Kayes,
/// Koulikoro, Sikasso, Mopti, Kidal.
pub const PLACES: [&str; 10] = ["تمبكتو", "سيغو", "ميناكا", "غاو", "باماكو", "كايس", "كوليكورو", "سيكاسو", "موبتي", "كيدال"];

pub const INTERNAL_ERROR: &str = "mali-idp-chart: خطأ داخلي، توقف الرسم البياني. يُرجى إعادة تحميل الصفحة.";

#[cfg(any(not(target_arch = "wasm32"), feature = "picture"))]
pub const DATASET: [&str; 4] = [
    "حسب المنطقة",
    "المنظمة الدولية للهجرة في مالي، مصفوفة تتبع النزوح",
    "النازحون داخليا",
    "بيان صحفي صادر عن المنظمة الدولية للهجرة في مالي",
];
