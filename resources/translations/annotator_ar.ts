<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>The last session did not end cleanly.</source>
        <translation>لم تنتهِ الجلسة السابقة على نحو سليم.</translation>
    </message>
    <message>
        <source>&apos;annotator backups&apos; lists the backups; &apos;annotator check&apos; lists every problem.</source>
        <translation>الأمر &apos;annotator backups&apos; يسرد النسخ الاحتياطية، والأمر &apos;annotator check&apos; يسرد كل مشكلة.</translation>
    </message>
    <message>
        <source>Project check</source>
        <translation>فحص المشروع</translation>
    </message>
    <message>
        <source>The project file is damaged: nothing will be saved to it.</source>
        <translation>ملف المشروع تالف: لن يُحفظ فيه شيء.</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>مشروع تالف</translation>
    </message>
    <message>
        <source>Annotator projects</source>
        <translation>مشاريع annotator</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>Imported %1 of %2 files…</source>
        <translation>استُورد %1 من %2 ملفًا…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Imported %1 documents.</source>
        <translation>استُورد %1 مستندًا.</translation>
    </message>
    <message>
        <source>%1 were already in the project.</source>
        <translation>%1 موجودة في المشروع من قبل.</translation>
    </message>
    <message>
        <source>Cancelled: %1 files not started.</source>
        <translation>أُلغي: لم يبدأ استيراد %1 ملفًا.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be read (%2); its files were not imported.</source>
        <translation>%1: تعذّرت قراءة المجلد (%2)؛ لم تُستورد ملفاته.</translation>
    </message>
    <message>
        <source>%1 files failed.</source>
        <translation>تعذّر استيراد %1 ملفًا.</translation>
    </message>
    <message>
        <source>%1 files that are not regular files (FIFO, socket or device) were skipped unopened.</source>
        <translation>تُخطّي %1 من الملفات غير العادية (FIFO أو مقبس أو جهاز) دون فتحها.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Export %1 into a folder</source>
        <translation>تصدير %1 إلى مجلد</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>تصدير %1</translation>
    </message>
    <message>
        <source>%1 is not empty. Replace everything in it with the export?</source>
        <translation>المجلد %1 ليس فارغًا. هل تستبدل كل ما فيه بالتصدير؟</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Keyboard reference</source>
        <translation>مرجع لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Generated from the actions table (`annotator/gui/actions.py`);</source>
        <translation>مولَّد من جدول الأوامر (`annotator/gui/actions.py`)؛</translation>
    </message>
    <message>
        <source>F1 in the window shows the same.</source>
        <translation>ويعرض المفتاح F1 في النافذة الجدول نفسه.</translation>
    </message>
    <message>
        <source>Label keys follow the project&apos;s schema; these are the default schema&apos;s.</source>
        <translation>مفاتيح الوسوم تتبع مخطط المشروع؛ وهذه مفاتيح المخطط الافتراضي.</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>وسم %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <source>Mark %1</source>
        <translation>تعليم %1</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>ربط %1</translation>
    </message>
    <message>
        <source>Remove %1 link</source>
        <translation>إزالة ربط %1</translation>
    </message>
    <message>
        <source>Edit %1 attributes</source>
        <translation>تعديل سمات %1</translation>
    </message>
    <message>
        <source>New entity %1</source>
        <translation>كيان جديد %1</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>ربط بـ %1</translation>
    </message>
    <message>
        <source>Unlink entity</source>
        <translation>فك الربط بالكيان</translation>
    </message>
    <message>
        <source>Edit entity %1</source>
        <translation>تعديل الكيان %1</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>دمج %1 في %2</translation>
    </message>
    <message>
        <source>Edit document attributes</source>
        <translation>تعديل سمات المستند</translation>
    </message>
    <message>
        <source>Reject %1 suggestion</source>
        <translation>رفض اقتراح %1</translation>
    </message>
    <message>
        <source>%1 is open in another annotator window (process %2 on %3). Close it there first: two windows would undo each other&apos;s work.</source>
        <translation>المشروع %1 مفتوح في نافذة annotator أخرى (العملية %2 على %3). أغلقه هناك أولًا: نافذتان معًا ستُلغي كلٌّ منهما عمل الأخرى.</translation>
    </message>
    <message>
        <source>Model: nothing to learn from yet</source>
        <translation>النموذج: لا شيء يتعلم منه بعد</translation>
    </message>
    <message>
        <source>Tag names in a few documents first.</source>
        <translation>وسّم الأسماء في بضعة مستندات أولًا.</translation>
    </message>
    <message>
        <source>Model: </source>
        <translation>النموذج: </translation>
    </message>
    <message>
        <source>proposes nothing</source>
        <translation>لا يقترح شيئًا</translation>
    </message>
    <message>
        <source> · withheld: </source>
        <translation> · محجوب: </translation>
    </message>
    <message>
        <source>Proposes %1.</source>
        <translation>يقترح %1.</translation>
    </message>
    <message>
        <source>Proposes nothing yet.</source>
        <translation>لا يقترح شيئًا بعد.</translation>
    </message>
    <message>
        <source>%1: not proposed: %2</source>
        <translation>%1: غير مقترح: %2</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <source>Keyboard-driven annotation of Arabic news articles: claims, actors, places, attribution cues and their relations.</source>
        <translation>توسيم المقالات الإخبارية العربية من لوحة المفاتيح: الادعاءات والفاعلون والأماكن وإشارات الإسناد والعلاقات بينها.</translation>
    </message>
    <message>
        <source>Font licence (Noto Naskh Arabic, SIL Open Font License 1.1):</source>
        <translation>ترخيص الخط (Noto Naskh Arabic، رخصة SIL Open Font License 1.1):</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>%n document(s) annotated by two analysts or more (%1); Krippendorff&apos;s alpha over tokens: %2</source>
        <translation>
            <numerusform>لا مستند موسوم بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
            <numerusform>مستند واحد موسوم بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
            <numerusform>مستندان موسومان بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
            <numerusform>%n مستندات موسومة بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
            <numerusform>%n مستندًا موسومًا بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
            <numerusform>%n مستند موسوم بمحللَين أو أكثر (%1)؛ ألفا كريبندورف على الكلمات: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>لا أحد بعد</translation>
    </message>
</context>
<context>
    <name>AnalystLabel</name>
    <message>
        <source>Analyst: %1</source>
        <translation>المحلل: %1</translation>
    </message>
    <message>
        <source>Every edit is stamped with this name (assigned by the team file)</source>
        <translation>كل تعديل يُختم بهذا الاسم (يحدده ملف الفريق)</translation>
    </message>
    <message>
        <source>Every edit is stamped with this name; Edit ▸ Analyst Name… changes it</source>
        <translation>كل تعديل يُختم بهذا الاسم؛ يغيّره تحرير ◂ اسم المحلل…</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>No reported clause (after إن، أن، بأن) from here on.</source>
        <translation>لا جملة منقولة (بعد إن، أن، بأن) من هنا فصاعدًا.</translation>
    </message>
    <message>
        <source>No source or cue found for this clause: select them and press 2 or 4.</source>
        <translation>لم يُعثر على مصدر ولا على فعل نقل لهذه الجملة: حدّدهما واضغط 2 أو 4.</translation>
    </message>
    <message>
        <source>No source found for this clause: select it and press 2. C: its cue.</source>
        <translation>لم يُعثر على مصدر لهذه الجملة: حدّده واضغط 2. ‏C: فعل النقل.</translation>
    </message>
    <message>
        <source>No cue found for this clause: select it and press 4.</source>
        <translation>لم يُعثر على فعل نقل لهذه الجملة: حدّده واضغط 4.</translation>
    </message>
    <message>
        <source>No spans in this document yet.</source>
        <translation>لا مقاطع موسومة في هذا المستند بعد.</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <source>Attributes of %s</source>
        <translation>سمات %s</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا، ثم اضغط مفتاح وسم.</translation>
    </message>
    <message>
        <source>That text already has this label.</source>
        <translation>هذا النص يحمل هذا الوسم من قبل.</translation>
    </message>
    <message>
        <source>Relabel as %1</source>
        <translation>إعادة الوسم إلى %1</translation>
    </message>
    <message>
        <source>No span is selected (Tab goes to the next one).</source>
        <translation>لا مقطع محدَّد (Tab ينتقل إلى التالي).</translation>
    </message>
    <message>
        <source>This span does not start with و ف ب ل ك before a word.</source>
        <translation>لا يبدأ هذا المقطع بـ و ف ب ل ك قبل كلمة.</translation>
    </message>
    <message>
        <source>Strip proclitic</source>
        <translation>نزع السابقة</translation>
    </message>
    <message>
        <source>An entity needs a name.</source>
        <translation>يحتاج الكيان إلى اسم.</translation>
    </message>
    <message>
        <source>Choose two different entities to merge.</source>
        <translation>اختر كيانين مختلفين لدمجهما.</translation>
    </message>
    <message>
        <source>Select a span first (Tab goes to the next one).</source>
        <translation>حدّد مقطعًا أولًا (Tab ينتقل إلى التالي).</translation>
    </message>
    <message>
        <source>No other occurrence of this text is untagged.</source>
        <translation>لا ورود آخر غير موسوم لهذا النص.</translation>
    </message>
    <message>
        <source>Tag all %s</source>
        <translation>وسم كل %s</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n more occurrence(s).</source>
        <translation>
            <numerusform>لم يُوسم أي ورود آخر.</numerusform>
            <numerusform>وُسم ورود آخر واحد.</numerusform>
            <numerusform>وُسم ورودان آخران.</numerusform>
            <numerusform>وُسمت %n ورودات أخرى.</numerusform>
            <numerusform>وُسم %n ورودًا آخر.</numerusform>
            <numerusform>وُسم %n ورود آخر.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept %s</source>
        <translation>قبول %s</translation>
    </message>
</context>
<context>
    <name>CurateView</name>
    <message>
        <source>No disagreements left: Ctrl+Return marks the document curated.</source>
        <translation>لم يبقَ خلاف: Ctrl+Return يعلّم المستند محسومًا.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Disagreement %1 of %2; gold here: %3</source>
        <translation>الخلاف %1 من %2؛ المرجع هنا: %3</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>(deleted)</source>
        <translation>(محذوف)</translation>
    </message>
    <message>
        <source>Source id</source>
        <translation>معرّف المصدر</translation>
    </message>
    <message>
        <source>Document uid</source>
        <translation>المعرّف الفريد للمستند</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Filter documents (title, status or class: topic=conflict)…</source>
        <translation>تصفية المستندات (العنوان أو الحالة أو الفئة: topic=conflict)…</translation>
    </message>
</context>
<context>
    <name>EntityEditor</name>
    <message>
        <source>Entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>other names, separated by ، or ,</source>
        <translation>أسماء أخرى، تفصل بينها ، أو ,</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>أسماء أخرى</translation>
    </message>
    <message>
        <source>Wikidata QID</source>
        <translation>معرّف ويكي بيانات (QID)</translation>
    </message>
    <message>
        <source>GeoNames id</source>
        <translation>معرّف GeoNames</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>An entity needs a name.</source>
        <translation>يحتاج الكيان إلى اسم.</translation>
    </message>
    <message>
        <source>A Wikidata id looks like Q227.</source>
        <translation>معرّف ويكي بيانات يشبه Q227.</translation>
    </message>
    <message>
        <source>A GeoNames id is a number.</source>
        <translation>معرّف GeoNames رقم.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article (spelling folded)…</source>
        <translation>البحث في هذا المقال (مع توحيد الإملاء)…</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>لا تطابق</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Select a span first (Tab goes to the next one).</source>
        <translation>حدّد مقطعًا أولًا (Tab ينتقل إلى التالي).</translation>
    </message>
    <message>
        <source>Nothing in this document can be linked to this %s.</source>
        <translation>لا شيء في هذا المستند يمكن ربطه بهذا الـ %s.</translation>
    </message>
    <message>
        <source>Link %s to…</source>
        <translation>ربط %s بـ…</translation>
    </message>
    <message>
        <source>Which link?</source>
        <translation>أي ربط؟</translation>
    </message>
    <message>
        <source>Link %s</source>
        <translation>ربط %s</translation>
    </message>
    <message>
        <source>Select a link in the list first.</source>
        <translation>حدّد ربطًا في القائمة أولًا.</translation>
    </message>
    <message>
        <source>%s has no attributes in this schema.</source>
        <translation>لا سمات لـ %s في هذا المخطط.</translation>
    </message>
    <message>
        <source>This schema has no document attributes.</source>
        <translation>لا سمات مستند في هذا المخطط.</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Entity for %s</source>
        <translation>كيان %s</translation>
    </message>
    <message>
        <source>Ctrl+Enter: new entity with this name</source>
        <translation>Ctrl+Enter: كيان جديد بهذا الاسم</translation>
    </message>
    <message>
        <source>Ctrl+U: unlink</source>
        <translation>Ctrl+U: فك الربط</translation>
    </message>
    <message>
        <source>Select an entity first.</source>
        <translation>حدّد كيانًا أولًا.</translation>
    </message>
    <message>
        <source>Select the entity to keep first.</source>
        <translation>حدّد أولًا الكيان الذي يبقى.</translation>
    </message>
    <message>
        <source>Merge into %s…</source>
        <translation>دمج في %s…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Project open elsewhere</source>
        <translation>المشروع مفتوح في مكان آخر</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>This is the last document.</source>
        <translation>هذا آخر مستند.</translation>
    </message>
    <message>
        <source>This is the first document.</source>
        <translation>هذا أول مستند.</translation>
    </message>
    <message>
        <source>Every document in the filtered list is done.</source>
        <translation>أُنجزت كل مستندات القائمة المصفّاة.</translation>
    </message>
    <message>
        <source>All documents are done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <source>The interface language changes at the next start.</source>
        <translation>تتغير لغة الواجهة عند التشغيل التالي.</translation>
    </message>
    <message>
        <source>The digits change at the next start.</source>
        <translation>تتغير الأرقام عند التشغيل التالي.</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <source>Type to filter…</source>
        <translation>اكتب للتصفية…</translation>
    </message>
    <message>
        <source>Enter: choose</source>
        <translation>Enter: اختيار</translation>
    </message>
    <message>
        <source>Esc: cancel</source>
        <translation>Esc: إلغاء</translation>
    </message>
</context>
<context>
    <name>ProjectEvents</name>
    <message>
        <source>The last session did not end cleanly.</source>
        <translation>لم تنتهِ الجلسة السابقة على نحو سليم.</translation>
    </message>
    <message>
        <source>The project changed outside this window: the lists are updated, and undo starts from here.</source>
        <translation>تغيّر المشروع خارج هذه النافذة: حُدّثت القوائم، ويبدأ التراجع من هنا.</translation>
    </message>
    <message>
        <source>This document changed too; it shows what is stored now.</source>
        <translation>وتغيّر هذا المستند أيضًا؛ يظهر الآن كما هو محفوظ.</translation>
    </message>
    <message>
        <source>The document that was open was deleted there.</source>
        <translation>حُذف هناك المستند الذي كان مفتوحًا.</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message numerus="yes">
        <source>Imported %n document(s).</source>
        <translation>
            <numerusform>لم يُستورد أي مستند.</numerusform>
            <numerusform>استُورد مستند واحد.</numerusform>
            <numerusform>استُورد مستندان.</numerusform>
            <numerusform>استُوردت %n مستندات.</numerusform>
            <numerusform>استُورد %n مستندًا.</numerusform>
            <numerusform>استُورد %n مستند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n file(s) not started.</source>
        <translation>
            <numerusform>أُلغي: لا ملف لم يبدأ.</numerusform>
            <numerusform>أُلغي: لم يبدأ ملف واحد.</numerusform>
            <numerusform>أُلغي: لم يبدأ ملفان.</numerusform>
            <numerusform>أُلغي: لم تبدأ %n ملفات.</numerusform>
            <numerusform>أُلغي: لم يبدأ %n ملفًا.</numerusform>
            <numerusform>أُلغي: لم يبدأ %n ملف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 documents, %2 spans and %3 relations.</source>
        <translation>صُدِّر %1 مستندًا و%2 مقطعًا و%3 علاقة.</translation>
    </message>
    <message>
        <source>%s is the project open in this window.</source>
        <translation>%s هو المشروع المفتوح في هذه النافذة.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Analyst name</source>
        <translation>اسم المحلل</translation>
    </message>
    <message>
        <source>This project file was assigned to %1: its edits carry that name.</source>
        <translation>خُصص ملف المشروع هذا لـ %1: تعديلاته تحمل ذلك الاسم.</translation>
    </message>
    <message>
        <source>Your name, stamped on every span, link and class you make:</source>
        <translation>اسمك، يُختم على كل مقطع وربط وفئة تضيفها:</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>No other project yet</source>
        <translation>لا مشروع آخر بعد</translation>
    </message>
</context>
<context>
    <name>Recommending</name>
    <message>
        <source>Save the project to a file first: training reads it.</source>
        <translation>احفظ المشروع في ملف أولًا: التدريب يقرأ منه.</translation>
    </message>
    <message>
        <source>Model: training…</source>
        <translation>النموذج: جارٍ التدريب…</translation>
    </message>
    <message>
        <source>Model trained. </source>
        <translation>دُرّب النموذج. </translation>
    </message>
    <message>
        <source>Training failed: %s</source>
        <translation>تعذّر التدريب: %s</translation>
    </message>
    <message>
        <source>Ranking the documents to do; one opens shortly.</source>
        <translation>جارٍ ترتيب المستندات المتبقية؛ سيُفتح أحدها بعد قليل.</translation>
    </message>
    <message>
        <source>No document is left to do.</source>
        <translation>لم يبقَ مستند للإنجاز.</translation>
    </message>
</context>
<context>
    <name>RegistryPanel</name>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Filter entities…</source>
        <translation>تصفية الكيانات…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>الإشارة</translation>
    </message>
    <message>
        <source>Mentions (Enter opens one)</source>
        <translation>الإشارات (Enter يفتح إحداها)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Search every document…</source>
        <translation>البحث في كل المستندات…</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>mentioning entity…</source>
        <translation>يذكر الكيان…</translation>
    </message>
    <message>
        <source>Doc</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>inside %s</source>
        <translation>داخل %s</translation>
    </message>
    <message>
        <source>No entity like that in the registry.</source>
        <translation>لا كيان كهذا في السجل.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Annotations in this document</source>
        <translation>التوسيمات في هذا المستند</translation>
    </message>
    <message>
        <source>Links of the selected span (L adds one)</source>
        <translation>روابط المقطع المحدد (L يضيف ربطًا)</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>This project has no documents yet.</source>
        <translation>لا مستندات في هذا المشروع بعد.</translation>
    </message>
    <message>
        <source>Import Files… (Ctrl+I)</source>
        <translation>استيراد ملفات… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Import a Folder… (Ctrl+Shift+I)</source>
        <translation>استيراد مجلد… (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Open the Sample Article</source>
        <translation>فتح المقال النموذجي</translation>
    </message>
    <message>
        <source>Recent projects (Enter opens one):</source>
        <translation>المشاريع الأخيرة (Enter يفتح أحدها):</translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <source>Select a suggestion first (N goes to the next one).</source>
        <translation>حدّد اقتراحًا أولًا (N ينتقل إلى التالي).</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <source>annotator: team project %1</source>
        <translation>annotator: مشروع الفريق %1</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>ا&amp;ستيراد ملفات…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Analyst &amp;Name…</source>
        <translation>ا&amp;سم المحلل…</translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>Strip &amp;Proclitic (و ف ب ل ك)</source>
        <translation>نزع ال&amp;سابقة (و ف ب ل ك)</translation>
    </message>
    <message>
        <source>&amp;Next Span</source>
        <translation>المقطع ال&amp;تالي</translation>
    </message>
    <message>
        <source>P&amp;revious Span</source>
        <translation>المقطع ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Clear Selection</source>
        <translation>إ&amp;لغاء التحديد</translation>
    </message>
    <message>
        <source>&amp;Link to Another Span…</source>
        <translation>&amp;ربط بمقطع آخر…</translation>
    </message>
    <message>
        <source>&amp;Attributes…</source>
        <translation>ال&amp;سمات…</translation>
    </message>
    <message>
        <source>Link to &amp;Entity…</source>
        <translation>ربط ب&amp;كيان…</translation>
    </message>
    <message>
        <source>Remove Link</source>
        <translation>إزالة الربط</translation>
    </message>
    <message>
        <source>Link Attributes…</source>
        <translation>سمات الربط…</translation>
    </message>
    <message>
        <source>Select Reported &amp;Clause (again: Source, Cue)</source>
        <translation>تحديد الجملة ال&amp;منقولة (مرة أخرى: المصدر، إشارة الإسناد)</translation>
    </message>
    <message>
        <source>Select &amp;Sentence (again: the Next)</source>
        <translation>تحديد ال&amp;جملة (مرة أخرى: التالية)</translation>
    </message>
    <message>
        <source>&amp;Document Attributes…</source>
        <translation>سمات الم&amp;ستند…</translation>
    </message>
    <message>
        <source>Tag &amp;All Occurrences</source>
        <translation>وسم &amp;كل الورودات</translation>
    </message>
    <message>
        <source>Edit &amp;Entity…</source>
        <translation>تعديل ال&amp;كيان…</translation>
    </message>
    <message>
        <source>&amp;Merge Entity Into Selected…</source>
        <translation>&amp;دمج الكيان في المحدد…</translation>
    </message>
    <message>
        <source>&amp;Next Suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <source>Accept All Alike</source>
        <translation>قبول كل المتشابهات</translation>
    </message>
    <message>
        <source>&amp;Reject Suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <source>Suggest Attribution &amp;Cues</source>
        <translation>اقتراح &amp;إشارات الإسناد</translation>
    </message>
    <message>
        <source>&amp;Snap Selections to Whole Words</source>
        <translation>&amp;ضبط التحديد على كلمات كاملة</translation>
    </message>
    <message>
        <source>Mark &amp;Done, Open Next</source>
        <translation>تعليمه م&amp;نجزًا وفتح التالي</translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Go to &amp;Article</source>
        <translation>الانتقال إلى ال&amp;مقال</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>ال&amp;بحث في المقال…</translation>
    </message>
    <message>
        <source>&amp;Search All Documents…</source>
        <translation>البحث في &amp;كل المستندات…</translation>
    </message>
    <message>
        <source>&amp;Filter Documents</source>
        <translation>&amp;تصفية المستندات</translation>
    </message>
    <message>
        <source>Go to Lin&amp;ks</source>
        <translation>الانتقال إلى ال&amp;روابط</translation>
    </message>
    <message>
        <source>Go to &amp;Entities</source>
        <translation>الانتقال إلى ال&amp;كيانات</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>إعادة ال&amp;حجم</translation>
    </message>
    <message>
        <source>Interface in &amp;Arabic (العربية, at next start)</source>
        <translation>الواجهة بال&amp;عربية (عند التشغيل التالي)</translation>
    </message>
    <message>
        <source>Interface in &amp;English (at next start)</source>
        <translation>الواجهة بالإن&amp;جليزية English (عند التشغيل التالي)</translation>
    </message>
    <message>
        <source>Arabic-&amp;Indic Digits (at next start)</source>
        <translation>الأرقام ال&amp;هندية ٠١٢٣ (عند التشغيل التالي)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;About annotator</source>
        <translation>&amp;حول annotator</translation>
    </message>
    <message>
        <source>Tag as %1</source>
        <translation>وسم بـ %1</translation>
    </message>
    <message>
        <source>Tag as %1, exact characters</source>
        <translation>وسم بـ %1، بالأحرف كما هي</translation>
    </message>
    <message>
        <source>&amp;Train Now</source>
        <translation>&amp;درّب الآن</translation>
    </message>
    <message>
        <source>Next &amp;Most Useful Document</source>
        <translation>المستند ال&amp;أنفع التالي</translation>
    </message>
</context>
<context>
    <name>agreement</name>
    <message>
        <source>analysts</source>
        <translation>المحللان</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 التام</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>spans a</source>
        <translation>مقاطع الأول</translation>
    </message>
    <message>
        <source>spans b</source>
        <translation>مقاطع الثاني</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>title</source>
        <translation>العنوان</translation>
    </message>
</context>
<context>
    <name>curate</name>
    <message>
        <source>accept that analyst&apos;s spans here</source>
        <translation>قبول مقاطع ذلك المحلل هنا</translation>
    </message>
    <message>
        <source>accept every analyst&apos;s</source>
        <translation>قبول مقاطع كل المحللين</translation>
    </message>
    <message>
        <source>reject all (nothing in gold here)</source>
        <translation>رفض الكل (لا شيء في المرجع هنا)</translation>
    </message>
    <message>
        <source>next / previous disagreement</source>
        <translation>الخلاف التالي / السابق</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>mark the document curated</source>
        <translation>تعليم المستند محسومًا</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>ت&amp;وسيم</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Recommender</source>
        <translation>ال&amp;مقترِح</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>ت&amp;نقل</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>العدد</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Extend the selection by a letter or a line</source>
        <translation>توسيع التحديد بحرف أو سطر</translation>
    </message>
    <message>
        <source>Extend the selection by a word (in Arabic lines Left moves forward)</source>
        <translation>توسيع التحديد بكلمة (في الأسطر العربية يتقدّم السهم الأيسر)</translation>
    </message>
    <message>
        <source>PageDown / PageUp at the end / start</source>
        <translation>PageDown / PageUp في النهاية / البداية</translation>
    </message>
    <message>
        <source>Next / previous document</source>
        <translation>المستند التالي / السابق</translation>
    </message>
    <message>
        <source> (links list)</source>
        <translation> (قائمة الروابط)</translation>
    </message>
    <message>
        <source> (entities list)</source>
        <translation> (قائمة الكيانات)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>todo</source>
        <translation>للإنجاز</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <source>%1 relations</source>
        <translation>%1 علاقة</translation>
    </message>
</context>
</TS>
