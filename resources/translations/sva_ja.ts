<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="37"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="65"/>
        <source>Amend a signed audit</source>
        <translation>署名済み監査の修正</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="66"/>
        <source>This audit is signed and locked. Changes are recorded as amendments.
Why does it need to change?</source>
        <translation>この監査は署名済みでロックされています。変更は修正として記録されます。
変更の理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="68"/>
        <source>Amend</source>
        <translation>修正する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="69"/>
        <source>Write the reason to continue: it is stored with every change in the audit history.</source>
        <translation>続けるには理由を入力してください。理由は変更ごとに監査履歴に記録されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="83"/>
        <source>No finding needed</source>
        <translation>指摘事項は不要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="84"/>
        <source>{0}
is answered as not conforming. Why is no finding needed? The reason is printed next to the item in the supplier&apos;s report.</source>
        <translation>{0}
は不適合として回答されています。指摘事項が不要な理由を入力してください。理由はサプライヤー向け報告書の該当項目の横に記載されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="86"/>
        <source>Save reason</source>
        <translation>理由を保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason_dialog.py" line="87"/>
        <source>Write the reason to continue, or cancel and create a finding instead.</source>
        <translation>続けるには理由を入力してください。または、キャンセルして指摘事項を作成してください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checklist_model.py" line="230"/>
        <location filename="../../ui/editor/findings_panel.py" line="36"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checklist_model.py" line="230"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checklist_model.py" line="256"/>
        <source>{0} of {1} answered; {2} required still open</source>
        <translation>{1} 件中 {0} 件回答済み、必須 {2} 件が未回答</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checklist_model.py" line="195"/>
        <location filename="../../ui/editor/checklist_model.py" line="270"/>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/editor/checklist_model.py" line="275"/>
        <source>Required – not answered yet</source>
        <translation>必須 – まだ回答されていません</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="31"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="34"/>
        <source>Area</source>
        <translation>領域</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="38"/>
        <source>What was seen</source>
        <translation>確認内容</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="41"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="43"/>
        <location filename="../../ui/models/audits_model.py" line="68"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="54"/>
        <source>&amp;Start visit…</source>
        <translation>訪問を開始(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="56"/>
        <source>&amp;Complete…</source>
        <translation>完了(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="58"/>
        <source>Si&amp;gn…</source>
        <translation>署名(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="59"/>
        <source>&amp;Amend…</source>
        <translation>修正(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="85"/>
        <source>This visit has not started, so nothing is recorded yet. Start it with “Start visit” ({0}) and confirm the visit date.</source>
        <translation>この訪問はまだ開始されていないため、何も記録されていません。「訪問を開始」（{0}）で訪問日を確認して開始してください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="96"/>
        <source>Start the visit to &lt;b&gt;{0} {1}&lt;/b&gt; — {2}?</source>
        <translation>&lt;b&gt;{0} {1}&lt;/b&gt; — {2} への訪問を開始しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="109"/>
        <source>Start the visit</source>
        <translation>訪問を開始</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="136"/>
        <source>Complete the audit</source>
        <translation>監査を完了</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="174"/>
        <source>&lt;b&gt;{0} {1}&lt;/b&gt; — {2}, visit {3}</source>
        <translation>&lt;b&gt;{0} {1}&lt;/b&gt; — {2}、訪問日 {3}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="189"/>
        <source>Sign the audit</source>
        <translation>監査に署名</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="32"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="38"/>
        <source>Planned for {0} and not started yet</source>
        <translation>{0} に予定されていますが、まだ開始されていません</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="59"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="61"/>
        <source>Supplier</source>
        <translation>サプライヤー</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="63"/>
        <source>Site</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="66"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="71"/>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="73"/>
        <source>{0} of {1} items answered</source>
        <translation>{1} 項目中 {0} 項目回答済み</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="75"/>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="77"/>
        <source>Open</source>
        <comment>column: findings not yet closed</comment>
        <translation>未完了</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="80"/>
        <source>Significant or minor findings not yet verified closed</source>
        <translation>完了確認されていない重大・軽微な指摘事項</translation>
    </message>
    <message>
        <location filename="../../ui/models/audits_model.py" line="81"/>
        <source>Auditors</source>
        <translation>監査員</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="17"/>
        <source>Not critical: no large amount, rare product or hard-to-replace flag</source>
        <translation>重要サプライヤーではありません（取引額大・希少品・代替困難のいずれにも該当しない）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="18"/>
        <source>Critical because: {0}</source>
        <translation>重要サプライヤーの理由: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="22"/>
        <source>Categories: {0}</source>
        <translation>カテゴリー: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="27"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="29"/>
        <source>Name (EN)</source>
        <translation>名称（英語）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="31"/>
        <source>Name (JA)</source>
        <translation>名称（日本語）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="33"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="36"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="39"/>
        <source>Critical</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="40"/>
        <source>critical</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="43"/>
        <location filename="../../ui/vocabulary.py" line="49"/>
        <source>Info-sec</source>
        <translation>情報セキュリティ</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="45"/>
        <source>Information security level (A–D)</source>
        <translation>情報セキュリティレベル（A〜D）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="46"/>
        <source>No level assessed yet</source>
        <translation>レベル未評価</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="47"/>
        <source>Annual spend (¥)</source>
        <translation>年間取引額（円）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="50"/>
        <source>Annual spend in Japanese yen (JPY)</source>
        <translation>年間取引額（日本円）</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="51"/>
        <source>Sites</source>
        <translation>拠点</translation>
    </message>
    <message>
        <location filename="../../ui/models/suppliers_model.py" line="53"/>
        <source>Audits</source>
        <translation>監査</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="35"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="36"/>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="37"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="38"/>
        <source>Signed</source>
        <translation>署名済み</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="39"/>
        <source>Synced</source>
        <translation>同期済み</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="44"/>
        <location filename="../../ui/vocabulary.py" line="49"/>
        <source>SVR</source>
        <translation>SVR</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="44"/>
        <location filename="../../ui/vocabulary.py" line="96"/>
        <source>Information security</source>
        <translation>情報セキュリティ</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="54"/>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="55"/>
        <source>Asia</source>
        <translation>アジア</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="56"/>
        <source>North America</source>
        <translation>北米</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="57"/>
        <source>EMEA</source>
        <translation>欧州・中東・アフリカ</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="58"/>
        <source>Central &amp; South America</source>
        <translation>中南米</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="64"/>
        <source>large amount</source>
        <translation>取引額大</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="65"/>
        <source>rare product</source>
        <translation>希少品</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="66"/>
        <source>hard to replace</source>
        <translation>代替困難</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="72"/>
        <source>Conforms</source>
        <translation>適合</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="73"/>
        <source>Nonconformity</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="74"/>
        <location filename="../../ui/vocabulary.py" line="85"/>
        <source>Observation</source>
        <translation>観察事項</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="75"/>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="76"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="77"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="83"/>
        <source>Significant</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="84"/>
        <source>Minor</source>
        <translation>軽微</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="86"/>
        <source>Good practice</source>
        <translation>優良事例</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="92"/>
        <source>Human rights</source>
        <translation>人権</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="93"/>
        <source>Occupational health and safety</source>
        <translation>労働安全衛生</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="94"/>
        <source>Fair trade</source>
        <translation>公正取引</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="95"/>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="97"/>
        <source>Product quality and safety</source>
        <translation>製品の品質・安全</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="103"/>
        <source>Interview</source>
        <translation>聞き取り</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="104"/>
        <source>Document</source>
        <translation>文書確認</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="105"/>
        <source>Inspection</source>
        <translation>現場確認</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="112"/>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="113"/>
        <source>programme manager</source>
        <translation>プログラム管理者</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="114"/>
        <source>auditor</source>
        <translation>監査員</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="120"/>
        <source>Open</source>
        <comment>finding status: no corrective action yet</comment>
        <translation>未対応</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="121"/>
        <source>CAP submitted</source>
        <translation>是正計画提出済み</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="122"/>
        <source>CAP accepted</source>
        <translation>是正計画承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="123"/>
        <source>CAP rejected</source>
        <translation>是正計画差し戻し</translation>
    </message>
    <message>
        <location filename="../../ui/vocabulary.py" line="124"/>
        <source>Verified closed</source>
        <translation>完了確認済み</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="48"/>
        <source>HQ cannot be reached at this address. Check the address and that this device is online, then try again. Nothing was enrolled.</source>
        <translation>このアドレスで本社に接続できません。アドレスとこの端末がオンラインであることを確認して、もう一度お試しください。登録は行われていません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="50"/>
        <source>HQ refused the enrolment code: it is unknown, already used or expired. Ask HQ for a new code. Nothing was enrolled.</source>
        <translation>本社が登録コードを拒否しました（不明、使用済み、または期限切れ）。本社に新しいコードを依頼してください。登録は行われていません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="52"/>
        <source>The server address must look like https://hq.example.com.</source>
        <translation>サーバーのアドレスは https://hq.example.com のような形式で入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="53"/>
        <source>This device has no safe OS keyring to keep the device token, so nothing was enrolled. Install or unlock the desktop keyring (Secret Service, macOS Keychain, Windows Credential Locker), then try again.</source>
        <translation>この端末には端末トークンを安全に保管できる OS のキーリングがないため、登録は行われていません。デスクトップのキーリング（Secret Service、macOS キーチェーン、Windows 資格情報マネージャー）をインストールまたはロック解除してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="57"/>
        <source>HQ answered with an error; nothing was enrolled. Try again later, or tell HQ the detail below.</source>
        <translation>本社がエラーを返しました。登録は行われていません。後でもう一度お試しいただくか、下の詳細を本社に伝えてください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="59"/>
        <source>Enrolment failed; nothing was enrolled.</source>
        <translation>登録に失敗しました。登録は行われていません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="64"/>
        <source>HQ cannot be reached. Nothing was lost: your changes stay queued on this device. Try again when you are online.</source>
        <translation>本社に接続できません。データは失われていません。変更はこの端末で送信待ちのまま残ります。オンラインになったらもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="66"/>
        <source>HQ refused this device&apos;s token (revoked, or unknown at HQ). Nothing was lost: your changes stay queued. Enrol again with a new code from HQ (File ▸ Enrol with HQ…), then sync.</source>
        <translation>本社がこの端末のトークンを拒否しました（失効済み、または本社で不明）。データは失われていません。変更は送信待ちのまま残ります。本社から新しいコードを受け取って登録し直してから（ファイル ▸ 本社に登録…）、同期してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="69"/>
        <source>HQ answered with an error. Nothing was lost: your changes stay queued. Try again later; if it keeps happening, tell HQ the detail below.</source>
        <translation>本社がエラーを返しました。データは失われていません。変更は送信待ちのまま残ります。後でもう一度お試しください。繰り返し起きる場合は、下の詳細を本社に伝えてください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="72"/>
        <source>The device token cannot be read from the OS keyring. Nothing was lost: your changes stay queued. Unlock or install the desktop keyring, then sync again.</source>
        <translation>OS のキーリングから端末トークンを読み取れません。データは失われていません。変更は送信待ちのまま残ります。デスクトップのキーリングをロック解除またはインストールしてから、もう一度同期してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="75"/>
        <source>This device is not enrolled with HQ yet. Enrol it once, while online, with a code from HQ (File ▸ Enrol with HQ…).</source>
        <translation>この端末はまだ本社に登録されていません。オンラインのときに、本社から受け取ったコードで一度登録してください（ファイル ▸ 本社に登録…）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="77"/>
        <source>The device token is missing from the OS keyring. Nothing was lost: your changes stay queued. Enrol again with a new code from HQ (File ▸ Enrol with HQ…), then sync.</source>
        <translation>OS のキーリングに端末トークンがありません。データは失われていません。変更は送信待ちのまま残ります。本社から新しいコードを受け取って登録し直してから（ファイル ▸ 本社に登録…）、同期してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="80"/>
        <source>The sync stopped. Nothing was lost: whatever HQ has not confirmed stays queued on this device. The detail below says why.</source>
        <translation>同期が中断しました。データは失われていません。本社が受領を確認していないものは、この端末で送信待ちのまま残ります。理由は下の詳細をご覧ください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="86"/>
        <source>Bundles are signed with the key this device registered when it enrolled. Enrol this device once, while online (File ▸ Enrol with HQ…).</source>
        <translation>バンドルは、この端末が登録時に登録した鍵で署名されます。オンラインのときに、この端末を一度登録してください（ファイル ▸ 本社に登録…）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="89"/>
        <source>The device&apos;s key cannot be read from the OS keyring. Unlock or install the desktop keyring, then try again.</source>
        <translation>OS のキーリングから端末の鍵を読み取れません。デスクトップのキーリングをロック解除またはインストールしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/common.py" line="91"/>
        <source>The bundle was not written. The detail below says why.</source>
        <translation>バンドルは書き出されませんでした。理由は下の詳細をご覧ください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="32"/>
        <source>the file is empty (0 bytes)</source>
        <translation>ファイルが空です（0 バイト）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="33"/>
        <source>the file is {size} MB; photos over {limit} MB are refused</source>
        <translation>ファイルサイズが {size} MB です。{limit} MB を超える写真は追加できません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="34"/>
        <source>the image declares far more pixels than the {limit} MP limit; it was refused before decoding</source>
        <translation>画像の画素数が上限（{limit} メガピクセル）を大きく超えているため、読み込む前に拒否しました</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="36"/>
        <source>{width}×{height} pixels is more than the {limit} MP limit</source>
        <translation>{width}×{height} ピクセルは上限の {limit} メガピクセルを超えています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="38"/>
        <source>the image declares an empty size {width}×{height}</source>
        <translation>画像のサイズが {width}×{height} で、中身がありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="39"/>
        <source>not an image: the content is not JPEG, PNG or HEIC</source>
        <translation>画像ではありません（内容が JPEG、PNG、HEIC のいずれでもありません）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="40"/>
        <source>unsupported image format {format} (accepted: JPEG, PNG or HEIC)</source>
        <translation>対応していない画像形式です: {format}（対応形式: JPEG、PNG、HEIC）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="42"/>
        <source>the image header is damaged</source>
        <translation>画像のヘッダーが破損しています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="43"/>
        <source>its EXIF data is damaged and was ignored: the photo is kept as stored (not rotated) and its capture time is the file&apos;s date</source>
        <translation>EXIF 情報が破損しているため無視しました。写真は保存されたままの向き（回転なし）で取り込み、撮影日時にはファイルの日時を使いました</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="46"/>
        <source>its EXIF data is damaged and was ignored: the photo is kept as stored (not rotated) and has no capture time</source>
        <translation>EXIF 情報が破損しているため無視しました。写真は保存されたままの向き（回転なし）で取り込みました。撮影日時はありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="49"/>
        <source>the image data is damaged or truncated</source>
        <translation>画像データが破損しているか、途中で切れています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="50"/>
        <source>the stored display copy is damaged</source>
        <translation>保存されている表示用コピーが破損しています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="51"/>
        <source>is a folder, not a photo file</source>
        <translation>写真ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="52"/>
        <source>the file changed while it was being imported</source>
        <translation>取り込み中にファイルが変更されました</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="53"/>
        <source>{count} file(s) refused</source>
        <translation>{count} 件のファイルを受け付けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="54"/>
        <source>{count} file(s) refused; nothing was added</source>
        <translation>{count} 件のファイルを受け付けませんでした。何も追加していません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="55"/>
        <source>no such file</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="56"/>
        <source>cannot be read (permission denied)</source>
        <translation>読み取れません（アクセス権がありません）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="57"/>
        <source>the disk holding {folder} is full: no photo was added. Free some space and add them again.</source>
        <translation>{folder} のあるディスクがいっぱいです。写真は追加されていません。空き容量を増やしてから、もう一度追加してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="79"/>
        <source>{path} is missing or empty, but this data folder was used before (it holds photos or other files). SVA does not start a new, empty database over it; nothing was changed. There is no backup: if the database was moved, put it back; otherwise choose another data folder.</source>
        <translation>{path} が見つからないか空です。このデータフォルダーは以前に使われています（写真などのファイルがあります）。空のデータベースを新しく作ることはせず、何も変更していません。バックアップはありません。データベースを移動した場合は元の場所に戻し、そうでなければ別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="60"/>
        <source>this is not an SVA backup file</source>
        <translation>SVA のバックアップファイルではありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="29"/>
        <source>item {item}: “{value}” does not have the form this item expects ({pattern})</source>
        <translation>項目 {item}：「{value}」は、この項目で求める形式（{pattern}）ではありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="61"/>
        <source>this backup was made by a newer SVA; install a newer SVA to restore it</source>
        <translation>このバックアップは新しい SVA で作成されています。復元するには新しい SVA をインストールしてください</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="63"/>
        <source>the backup file is damaged or incomplete; nothing was restored</source>
        <translation>バックアップファイルが破損しているか不完全です。何も復元されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="65"/>
        <source>the passphrase is wrong (or the backup&apos;s header was changed); nothing was restored</source>
        <translation>パスフレーズが違います（またはバックアップのヘッダーが変更されています）。何も復元されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="67"/>
        <source>this backup is not of an SVA data folder (an HQ backup?); nothing was restored</source>
        <translation>これは SVA のデータフォルダーのバックアップではありません（HQ のバックアップでは？）。何も復元されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="69"/>
        <source>the file exists already; choose another name (nothing was written)</source>
        <translation>ファイルがすでにあります。別の名前を選んでください（何も書き込まれていません）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="71"/>
        <source>the data folder {folder} is not empty; nothing was changed</source>
        <translation>データフォルダー {folder} は空ではありません。何も変更されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="74"/>
        <source>{path} is missing or empty, but this data folder was used before (it holds photos or backups). SVA does not start a new, empty database over it; nothing was changed. To go back to the newest backup, {backup}, run “sva restore {backup}”, or choose another data folder.</source>
        <translation>{path} が見つからないか空ですが、このデータフォルダーは以前に使われています（写真やバックアップがあります）。SVA はその上に新しい空のデータベースを作りません。何も変更されていません。最新のバックアップ {backup} に戻すには「sva restore {backup}」を実行するか、別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="85"/>
        <source>{path} is damaged and cannot be used; nothing was written to it. The newest backup is {backup}: “sva restore {backup}” puts it back and keeps the damaged file aside. Run “sva db check” for details.</source>
        <translation>{path} は破損しているため使えません。何も書き込まれていません。最新のバックアップは {backup} です。「sva restore {backup}」で元に戻せます（破損したファイルは別に残します）。詳しくは「sva db check」を実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="89"/>
        <source>{path} is damaged and cannot be used; nothing was written to it. There is no backup. Run “sva db check” for details.</source>
        <translation>{path} は破損しているため使用できません。何も書き込んでいません。バックアップはありません。詳しくは「sva db check」を実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="93"/>
        <source>the data folder {folder} is encrypted, and this computer&apos;s keyring holds no key for it. Nothing was created or changed. Enter its recovery key, or restore a backup.</source>
        <translation>データフォルダー {folder} は暗号化されていますが、このコンピューターのキーリングにはその鍵がありません。何も作成・変更されていません。回復キーを入力するか、バックアップから復元してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="96"/>
        <source>the key the keyring holds for {folder} is not this folder&apos;s key; nothing was changed. Enter the folder&apos;s recovery key to store the right one.</source>
        <translation>キーリングにある {folder} の鍵はこのフォルダーの鍵ではありません。何も変更されていません。フォルダーの回復キーを入力すると正しい鍵が保存されます。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="99"/>
        <source>this recovery key does not open this data folder (check each group of five); nothing was changed</source>
        <translation>この回復キーではこのデータフォルダーを開けません(5 文字ずつのグループを確認してください)。何も変更されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="101"/>
        <source>a recovery key is 8 groups of 5 letters and digits (e.g. ABCDE-FGH23-…); nothing was changed</source>
        <translation>回復キーは英数字 5 文字 × 8 グループです(例: ABCDE-FGH23-…)。何も変更されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="103"/>
        <source>{folder} holds no database to encrypt (a new folder is encrypted when it is created)</source>
        <translation>{folder} には暗号化するデータベースがありません(新しいフォルダーは作成時に暗号化されます)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="105"/>
        <source>{folder} is encrypted already; nothing was changed</source>
        <translation>{folder} はすでに暗号化されています。何も変更されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="106"/>
        <source>{folder} was encrypted, but its check found problems; the plain copy in backups/ was kept. Run “sva db check” for details.</source>
        <translation>{folder} は暗号化されましたが、検査で問題が見つかりました。backups/ の暗号化前のコピーは残してあります。詳しくは “sva db check” を実行してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="109"/>
        <source>{folder} is not encrypted; there is nothing to unlock</source>
        <translation>{folder} は暗号化されていません。ロック解除するものはありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="111"/>
        <source>{path} cannot be read ({detail}); it was left as it is. Put back the copy from a backup of this folder.</source>
        <translation>{path} を読み込めません({detail})。そのままにしてあります。このフォルダーのバックアップからコピーを戻してください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="113"/>
        <source>{path} cannot be used ({detail}); it was left as it is</source>
        <translation>{path} を使用できません（{detail}）。ファイルはそのままにしてあります</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="114"/>
        <source>the data folder {folder} cannot be written (a read-only disk or folder); nothing was changed. Make it writable or choose another data folder.</source>
        <translation>データフォルダー {folder} に書き込めません（読み取り専用のディスクまたはフォルダーです）。何も変更していません。書き込めるようにするか、別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="117"/>
        <source>the disk holding {folder} is full: SVA cannot save there, and nothing was changed. Free some space and try again.</source>
        <translation>{folder} のあるディスクがいっぱいのため保存できません。何も変更していません。空き容量を増やしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="120"/>
        <source>the keyring backend {backend} cannot be loaded ({error})</source>
        <translation>キーリングのバックエンド {backend} を読み込めません（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="122"/>
        <source>no safe OS keyring for the device token (found {backend})</source>
        <translation>端末トークンを安全に保管できる OS のキーリングがありません（検出されたもの: {backend}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="123"/>
        <source>the keyring refused to store the device&apos;s key ({error})</source>
        <translation>キーリングが端末の鍵の保存を拒否しました（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="125"/>
        <source>the device&apos;s key cannot be read from the keyring ({error})</source>
        <translation>キーリングから端末の鍵を読み取れません（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="128"/>
        <source>the server address “{url}” must look like https://hq.example.com</source>
        <translation>サーバーのアドレスは https://hq.example.com のような形式で入力してください（入力値: “{url}”）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="130"/>
        <source>the enrolment code is empty</source>
        <translation>登録コードが空です</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="131"/>
        <source>HQ cannot be reached at {url} ({error})</source>
        <translation>{url} の本社に接続できません（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="132"/>
        <source>HQ refused this device&apos;s token (revoked or unknown)</source>
        <translation>本社がこの端末のトークンを拒否しました（失効しているか、本社に登録がありません）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="133"/>
        <source>HQ refused the enrolment code: unknown, already used or expired</source>
        <translation>本社が登録コードを拒否しました（不明なコード、使用済み、または期限切れです）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="135"/>
        <source>HQ failed (HTTP {status}: {detail})</source>
        <translation>本社でエラーが発生しました（HTTP {status}: {detail}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="136"/>
        <source>HQ refused the request {request} (HTTP {status}: {detail})</source>
        <translation>本社が要求 {request} を拒否しました（HTTP {status}: {detail}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="137"/>
        <source>HQ and this device disagree about photo {photo}</source>
        <translation>写真 {photo} について、本社とこの端末の情報が一致しません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="138"/>
        <source>HQ sent data this device cannot use: {english}</source>
        <translation>本社から届いたデータをこの端末では使えません: {english}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="139"/>
        <source>this device is not enrolled with HQ</source>
        <translation>この端末は本社に登録されていません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="140"/>
        <source>no device token in the keyring ({backend})</source>
        <translation>キーリングに端末トークンがありません（{backend}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="141"/>
        <source>HQ&apos;s status “{theirs}” cannot be reached from “{mine}” on this device</source>
        <translation>本社の状態「{theirs}」には、この端末の状態「{mine}」から移行できません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="144"/>
        <source>nothing to export: no signed audit is waiting for HQ</source>
        <translation>書き出すものがありません。本社への送信を待っている署名済みの監査はありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="145"/>
        <source>this device is not enrolled: bundles are signed with the key it registered when it enrolled</source>
        <translation>この端末は登録されていません。バンドルには、登録時に登録した鍵で署名します</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="147"/>
        <source>the device token or signing key is missing from the keyring ({backend})</source>
        <translation>キーリングに端末トークンまたは署名鍵がありません（{backend}）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="149"/>
        <source>{path} is a folder; give a file name such as audits.svab</source>
        <translation>{path} はフォルダーです。audits.svab のようなファイル名を指定してください</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="152"/>
        <source>the database is busy: another program (for example the `sva` command line) is writing to this data folder; nothing was saved — try again when it has finished</source>
        <translation>データベースが使用中です。別のプログラム（たとえば `sva` コマンド）がこのデータフォルダーに書き込んでいます。何も保存されていません。終わってからもう一度お試しください</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="155"/>
        <source>“{step}” cannot be undone: what it changed was changed again since</source>
        <translation>「{step}」は元に戻せません。その後、変更した内容がさらに変更されています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="157"/>
        <source>“{step}” cannot be redone: what it changed was changed again since</source>
        <translation>「{step}」はやり直せません。その後、変更した内容がさらに変更されています</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="159"/>
        <source>the audit is signed and locked: “{step}” cannot be undone now</source>
        <translation>この監査は署名済みでロックされています。「{step}」は今は元に戻せません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="160"/>
        <source>folder {path} does not exist</source>
        <translation>フォルダー {path} がありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="161"/>
        <source>{path} is not empty</source>
        <translation>{path} は空ではありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="162"/>
        <source>the audits are too many for one bundle; export fewer at a time</source>
        <translation>1 つのバンドルに入れるには監査が多すぎます。一度に書き出す監査を減らしてください</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="164"/>
        <source>the bundle is too large for one file</source>
        <translation>バンドルが大きすぎて 1 つのファイルに収まりません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="165"/>
        <source>photo file {path} is damaged (its bytes no longer match); nothing was exported</source>
        <translation>写真ファイル {path} が破損しています（内容が一致しません）。何も書き出していません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="176"/>
        <source>no such file or folder</source>
        <translation>ファイルまたはフォルダーが見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="177"/>
        <location filename="../../ui/core_messages.py" line="178"/>
        <source>permission denied</source>
        <translation>アクセス権がありません</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="179"/>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="180"/>
        <source>the disk is read-only</source>
        <translation>ディスクが読み取り専用です</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="181"/>
        <source>is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="182"/>
        <source>the disk could not be read or written (I/O error)</source>
        <translation>ディスクの読み書きができませんでした（入出力エラー）</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="197"/>
        <source>file {0}</source>
        <translation>ファイル {0}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="199"/>
        <source>row {0}</source>
        <translation>{0} 行目</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="202"/>
        <location filename="../../ui/core_messages.py" line="234"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="202"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/sync/tasks.py" line="154"/>
        <source>keyring: {0}</source>
        <translation>キーリング: {0}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="21"/>
        <source>About SVA</source>
        <translation>SVA について</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="23"/>
        <source>&lt;h3&gt;SVA — Supplier Visit Audits&lt;/h3&gt;&lt;p&gt;Offline supplier audits (SVR and information security) for auditors, synced to HQ.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SVA — サプライヤー訪問監査&lt;/h3&gt;&lt;p&gt;監査員のためのオフライン・サプライヤー監査（SVR と情報セキュリティ）。本社と同期します。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="27"/>
        <source>{0} (this app: {1})</source>
        <translation>{0}（このアプリ: {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="29"/>
        <source>no database open</source>
        <translation>データベースが開かれていません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="33"/>
        <source>SVA version:</source>
        <translation>SVA のバージョン:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="34"/>
        <source> (installed build)</source>
        <translation>（インストール版）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="35"/>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="36"/>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="37"/>
        <source>SQLite:</source>
        <translation>SQLite:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="38"/>
        <source>Operating system:</source>
        <translation>オペレーティングシステム:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="39"/>
        <source>Data folder:</source>
        <translation>データフォルダー:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="40"/>
        <source>Database schema:</source>
        <translation>データベースのスキーマ:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="41"/>
        <source>Encryption:</source>
        <translation>暗号化:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="42"/>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="42"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="43"/>
        <source>Keyring:</source>
        <translation>キーリング:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="43"/>
        <source>checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="44"/>
        <source>Log folder:</source>
        <translation>ログフォルダー:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="53"/>
        <source>&amp;Copy details</source>
        <translation>詳細をコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="56"/>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="59"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="75"/>
        <source>{0} — not safe for secrets; sync needs a desktop keyring</source>
        <translation>{0} — 秘密情報の保管には安全ではありません。同期にはデスクトップのキーリングが必要です</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="99"/>
        <source>Log folder</source>
        <translation>ログフォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="100"/>
        <source>The log files are in:
{0}</source>
        <translation>ログファイルの場所:
{0}</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="138"/>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="140"/>
        <source>Annotate and redact — {0}</source>
        <translation>注記とマスキング — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="151"/>
        <source>Select/move</source>
        <translation>選択/移動</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="151"/>
        <source>Select, move (drag) marks</source>
        <translation>注記を選択・移動（ドラッグ）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="152"/>
        <location filename="../../ui/photos/annotation_editor.py" line="267"/>
        <source>Rectangle</source>
        <translation>四角形</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="152"/>
        <source>Drag to frame something</source>
        <translation>ドラッグして対象を囲む</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="153"/>
        <location filename="../../ui/photos/annotation_editor.py" line="269"/>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="153"/>
        <source>Drag from the tail to the tip</source>
        <translation>矢印の根元から先端へドラッグ</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="154"/>
        <location filename="../../ui/photos/annotation_editor.py" line="281"/>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="154"/>
        <source>Click where the label goes</source>
        <translation>ラベルを置く位置をクリック</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="155"/>
        <source>Redact</source>
        <translation>黒塗り</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="156"/>
        <source>Drag over what must not be seen: filled black in reports</source>
        <translation>見せてはいけない部分をドラッグ：報告書では黒く塗りつぶされます</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="157"/>
        <source>Blur</source>
        <translation>ぼかし</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="158"/>
        <source>Drag over what must not be seen: strongly blurred in reports</source>
        <translation>見せてはいけない部分をドラッグ：報告書では強くぼかされます</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="171"/>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="171"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="171"/>
        <source>Green</source>
        <translation>緑</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="172"/>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="172"/>
        <source>White</source>
        <translation>白</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="175"/>
        <source>Colour of new rectangles, arrows and text</source>
        <translation>新しい四角形・矢印・テキストの色</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="178"/>
        <location filename="../../ui/photos/annotation_editor.py" line="289"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="181"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="183"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="190"/>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="191"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="192"/>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="195"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="199"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="201"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="204"/>
        <location filename="../../ui/photos/annotation_editor.py" line="328"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="241"/>
        <source>{0} × {1} px — drag to draw with the chosen tool; Delete removes the selected marks</source>
        <translation>{0} × {1} px — 選んだツールでドラッグして描画、Delete キーで選択した注記を削除</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="267"/>
        <source>Redaction</source>
        <translation>黒塗り</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="273"/>
        <source>Text label</source>
        <translation>テキストラベル</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="274"/>
        <source>Label:</source>
        <translation>ラベル:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="320"/>
        <source>Unsaved marks</source>
        <translation>未保存のマーク</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="321"/>
        <source>Discard {0} unsaved mark(s)?</source>
        <translation>未保存のマーク {0} 件を破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="324"/>
        <source>Drawn, moved or deleted marks that are not saved are lost when the editor closes.</source>
        <translation>保存していない追加・移動・削除したマークは、エディターを閉じると失われます。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="326"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="327"/>
        <source>Keep editing</source>
        <translation>編集を続ける</translation>
    </message>
    <message>
        <location filename="../../ui/photos/annotation_editor.py" line="352"/>
        <source>Annotate photo</source>
        <translation>写真に注記</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="58"/>
        <source>SVA cannot open its data</source>
        <translation>SVA のデータを開けません</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="59"/>
        <source>The data folder cannot be opened:

{0}</source>
        <translation>データフォルダーを開けません:

{0}</translation>
    </message>
</context>
<context>
    <name>AuditEditor</name>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="156"/>
        <source>Amending a signed audit — reason: {0}</source>
        <translation>署名済み監査を修正中 — 理由: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="158"/>
        <source>🔒 Signed {0} — read-only. Use “Amend…” to change it with a reason.</source>
        <translation>🔒 {0} に署名済み — 読み取り専用です。変更するには「修正…」から理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="328"/>
        <source>Saved {0}</source>
        <translation>{0} に保存しました</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="362"/>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="392"/>
        <source>Answer {0}: {1}</source>
        <translation>回答 {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="419"/>
        <source>Clear {0}</source>
        <translation>{0} の回答を消去</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="424"/>
        <source>Note on {0}</source>
        <translation>{0} のメモ</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="439"/>
        <source>Choose an item first: a finding belongs to a checklist item. For a finding without an item, use “Add finding…” under Findings.</source>
        <translation>先に項目を選択してください。指摘事項はチェックリストの項目に紐付きます。項目に紐付かない指摘事項は、「指摘事項」欄の「指摘事項を追加…」を使ってください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="454"/>
        <source>New finding on {0}</source>
        <translation>{0} の新しい指摘事項</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="467"/>
        <source>Edit finding</source>
        <translation>指摘事項の編集</translation>
    </message>
    <message>
        <location filename="../../ui/editor/audit_editor.py" line="471"/>
        <source>Delete finding</source>
        <translation>指摘事項の削除</translation>
    </message>
</context>
<context>
    <name>AuditsView</name>
    <message>
        <location filename="../../ui/views/audits_view.py" line="38"/>
        <source>Code or name (EN/JA)</source>
        <translation>コードまたは名称（英語/日本語）</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="41"/>
        <location filename="../../ui/views/audits_view.py" line="46"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="52"/>
        <source>&amp;Supplier:</source>
        <translation>サプライヤー(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="53"/>
        <source>S&amp;tatus:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="53"/>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="61"/>
        <location filename="../../ui/views/audits_view.py" line="147"/>
        <source>Open</source>
        <comment>button: open the audit</comment>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="146"/>
        <source>Start visit</source>
        <translation>訪問を開始</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="160"/>
        <source>{0} audits</source>
        <translation>監査 {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/views/audits_view.py" line="161"/>
        <source>{0} of {1} audits</source>
        <translation>監査 {1} 件中 {0} 件</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="29"/>
        <location filename="../../ui/dialogs/backup_dialog.py" line="51"/>
        <source>Back up</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="37"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="46"/>
        <source>A consistent copy of the data folder (database and photos) in one file, encrypted with a passphrase. You can go on working meanwhile. Keep the passphrase safe: without it the backup cannot be restored.</source>
        <translation>データフォルダー（データベースと写真）の整合したコピーを、パスフレーズで暗号化した 1 つのファイルに保存します。その間も作業を続けられます。パスフレーズは大切に保管してください。パスフレーズがないとバックアップを復元できません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="53"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="61"/>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="62"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="63"/>
        <source>&amp;Again:</source>
        <translation>もう一度(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="76"/>
        <source>Back up to</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="77"/>
        <source>SVA backups (*.svab)</source>
        <translation>SVA バックアップ (*.svab)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="87"/>
        <source>Choose the file to write.</source>
        <translation>保存するファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="90"/>
        <source>The passphrase needs at least {0} characters.</source>
        <translation>パスフレーズは {0} 文字以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="95"/>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="106"/>
        <source>Backing up…</source>
        <translation>バックアップしています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="114"/>
        <source>Backup written to {0}: {1} audits, {2} photos, {3} MB.</source>
        <translation>バックアップを {0} に保存しました: 監査 {1} 件、写真 {2} 枚、{3} MB。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="119"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="122"/>
        <source>The backup was not written: {0}</source>
        <translation>バックアップは保存されませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="126"/>
        <source>Cancelled; no backup file was written.</source>
        <translation>キャンセルしました。バックアップファイルは作成されていません。</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="20"/>
        <source>Export sync bundle</source>
        <translation>同期バンドルの書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="25"/>
        <source>Writing {0}…</source>
        <translation>{0} を書き出しています…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="33"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="62"/>
        <source>The bundle was not written.</source>
        <translation>バンドルは書き出されませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="65"/>
        <source>Detail: {0}</source>
        <translation>詳細: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="70"/>
        <source>Wrote {0}: {1} audit(s), {2} photo(s), {3}, encrypted for HQ and signed by this device.</source>
        <translation>{0} を書き出しました: 監査 {1} 件、写真 {2} 枚、{3}。本社向けに暗号化し、この端末で署名しています。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/bundle_dialog.py" line="74"/>
        <source>Take the file to HQ (e.g. on a USB stick); HQ imports it with “sva-hq bundle import”. Only HQ can read it. The audits stay queued here and are marked synced at the next sync, once HQ confirms it holds every byte.</source>
        <translation>このファイルを本社へ届けてください（USB メモリなど）。本社は「sva-hq bundle import」で取り込みます。読めるのは本社だけです。監査はこの端末で送信待ちのまま残り、本社がすべてのデータの受領を確認した後の次回の同期で「同期済み」になります。</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/photos/camera.py" line="45"/>
        <source>Take a photo</source>
        <translation>写真を撮る</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="56"/>
        <source>Space or Capture takes a photo; it is added at once.</source>
        <translation>Space キーまたは「撮影」で撮影し、すぐに追加します。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="58"/>
        <source>Capture (Space)</source>
        <translation>撮影 (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="72"/>
        <source>Photo taken.</source>
        <translation>撮影しました。</translation>
    </message>
</context>
<context>
    <name>CapProblemsDialog</name>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="14"/>
        <source>CAP workbook refused</source>
        <translation>CAP ワークブックを受け付けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="17"/>
        <source>{0} was not imported: {1} problem(s) were found. Nothing in the audit was changed. Correct the workbook (or ask the supplier to) and import it again.</source>
        <translation>{0} は取り込まれませんでした：問題が {1} 件見つかりました。監査の内容は何も変更されていません。ワークブックを修正して（またはサプライヤーに修正を依頼して）もう一度取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="22"/>
        <source>The workbook is older than a CAP answer recorded after it was exported: importing it would undo that answer. Import the newer workbook, or ask the supplier to fill in a freshly exported one.</source>
        <translation>このワークブックは、書き出した後に記録された CAP の回答より古いものです。取り込むとその回答が元に戻ってしまいます。新しいワークブックを取り込むか、新たに書き出したワークブックへの記入をサプライヤーに依頼してください。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="30"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="30"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="31"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/reports/cap_problems.py" line="31"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>CheckablePhotoModel</name>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="52"/>
        <source>On this finding</source>
        <translation>この指摘事項に紐付け済み</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="54"/>
        <source>On another finding (checking moves it here)</source>
        <translation>別の指摘事項に紐付け済み（チェックするとこの指摘事項に移ります）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="56"/>
        <source>On item {0}</source>
        <translation>項目 {0} の写真</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="57"/>
        <source>Not linked to an item or a finding</source>
        <translation>項目にも指摘事項にも紐付いていません</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="28"/>
        <source>Cannot complete yet</source>
        <translation>まだ完了できません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="41"/>
        <source>&amp;Go to item</source>
        <translation>項目へ移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="43"/>
        <source>Create &amp;finding… (F)</source>
        <translation>指摘事項を作成(&amp;F)… (F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="45"/>
        <source>&amp;No finding needed… (N)</source>
        <translation>指摘事項は不要(&amp;N)… (N)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="52"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="54"/>
        <source>&amp;Complete</source>
        <translation>完了(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="82"/>
        <source>Required items not answered ({0}) — Enter goes there</source>
        <translation>未回答の必須項目（{0} 件）— Enter キーで該当項目へ移動</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="83"/>
        <source>Nonconformities without a finding ({0}) — F creates one, N says why none is needed</source>
        <translation>指摘事項のない不適合（{0} 件）— F で指摘事項を作成、N で不要な理由を入力</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="85"/>
        <source>Photos required ({0}) — go to the item and add one with P</source>
        <translation>写真が必要な項目（{0} 件）— 該当項目へ移動し、P で写真を追加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="101"/>
        <source>{0} point(s) to settle before the visit can be completed:</source>
        <translation>訪問を完了するには、次の {0} 件を解決する必要があります:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complete_dialog.py" line="104"/>
        <source>Nothing blocks completing the visit any more.</source>
        <translation>訪問の完了を妨げる事項はなくなりました。</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="25"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="26"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="27"/>
        <source>Corrective action</source>
        <translation>是正処置</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="29"/>
        <source>Preventive action</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="31"/>
        <source>Responsible</source>
        <translation>責任者</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="32"/>
        <source>Planned date</source>
        <translation>完了予定日</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="33"/>
        <source>Supplier comment</source>
        <translation>サプライヤーのコメント</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="35"/>
        <source>Containment (immediate action)</source>
        <translation>応急処置（直ちに行った処置）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="37"/>
        <source>Evidence of completion</source>
        <translation>完了の証跡</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="39"/>
        <source>Agree / dispute</source>
        <translation>同意／異議</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="40"/>
        <source>Comment on agree / dispute</source>
        <translation>同意／異議の理由</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="47"/>
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="59"/>
        <source>Sync conflicts</source>
        <translation>同期の競合</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="63"/>
        <source>These finding fields were changed both on this device and at HQ since they last agreed. Choose which value to keep for each: “Keep mine” sends this device&apos;s value to HQ at the next sync; “Keep HQ&apos;s” takes HQ&apos;s value now. Each choice is written to the audit log.</source>
        <translation>以下の指摘事項の項目は、前回の一致以降にこの端末と本社の両方で変更されました。項目ごとに残す値を選んでください。「自分の値を残す」はこの端末の値を次回の同期で本社へ送ります。「本社の値を残す」は本社の値を今この端末に書き込みます。どちらの選択も監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="71"/>
        <source>Supplier</source>
        <translation>サプライヤー</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="71"/>
        <source>Finding</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="71"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="72"/>
        <source>Agreed before</source>
        <translation>前回一致した値</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="72"/>
        <source>On this device (mine)</source>
        <translation>この端末（自分）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="72"/>
        <source>At HQ</source>
        <translation>本社</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="82"/>
        <source>No open conflicts.</source>
        <translation>未解決の競合はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="88"/>
        <source>Keep &amp;mine</source>
        <translation>自分の値を残す(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="92"/>
        <source>This device&apos;s value stays and goes to HQ at the next sync (Ctrl+M)</source>
        <translation>この端末の値を残し、次回の同期で本社へ送ります (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="94"/>
        <source>Keep &amp;HQ&apos;s</source>
        <translation>本社の値を残す(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="98"/>
        <source>HQ&apos;s value is written on this device now (Ctrl+H)</source>
        <translation>本社の値を今この端末に書き込みます (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="100"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="159"/>
        <source>Not resolved</source>
        <translation>解決できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="164"/>
        <source>Kept this device&apos;s value for {0} field(s); it goes to HQ at the next sync.</source>
        <translation>{0} 項目でこの端末の値を残しました。次回の同期で本社へ送ります。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts_dialog.py" line="167"/>
        <source>Took HQ&apos;s value for {0} field(s).</source>
        <translation>{0} 項目で本社の値を取り込みました。</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="21"/>
        <source>Create demo data</source>
        <translation>デモデータの作成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="26"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="31"/>
        <source>Suppliers, sites, audits in every status, findings, photos and signatures — in a new, empty folder.</source>
        <translation>サプライヤー、拠点、各状態の監査、指摘事項、写真、署名を新しい空のフォルダーに作成します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="35"/>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="37"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="42"/>
        <source>Folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="53"/>
        <source>Empty folder for demo data</source>
        <translation>デモデータ用の空のフォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="67"/>
        <source>Creating demo data…</source>
        <translation>デモデータを作成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="76"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="95"/>
        <source>Created {0} suppliers and {1} audits in {2}.</source>
        <translation>{2} にサプライヤー {0} 社と監査 {1} 件を作成しました。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="102"/>
        <source>Could not create demo data: {0}</source>
        <translation>デモデータを作成できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/demo_dialog.py" line="106"/>
        <source>Cancelled; nothing was kept.</source>
        <translation>キャンセルしました。何も残していません。</translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="31"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="32"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="33"/>
        <source>English + Japanese</source>
        <translation>英語＋日本語</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="37"/>
        <source>All items</source>
        <translation>すべての項目</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="38"/>
        <source>Unanswered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="39"/>
        <source>Nonconformities</source>
        <translation>不適合</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="42"/>
        <source>Start visit…</source>
        <translation>訪問を開始…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="43"/>
        <source>Complete…</source>
        <translation>完了…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="44"/>
        <source>Sign…</source>
        <translation>署名…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="45"/>
        <source>Amend…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="68"/>
        <source>&amp;Checklist language:</source>
        <translation>チェックリストの言語(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="70"/>
        <source>S&amp;how:</source>
        <translation>表示(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="104"/>
        <source>{0} · visit {1} · auditors: {2} · checklist {3}</source>
        <translation>{0} · 訪問日 {1} · 監査員: {2} · チェックリスト {3}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="121"/>
        <source>{0}/{1} answered</source>
        <translation>{0}/{1} 回答済み</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="123"/>
        <source>{0} required open</source>
        <translation>必須 {0} 件未回答</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_header.py" line="125"/>
        <source>score {0}%</source>
        <translation>スコア {0}%</translation>
    </message>
</context>
<context>
    <name>EditorPhotos</name>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="60"/>
        <source>Add &amp;photos to the item…</source>
        <translation>項目に写真を追加(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="62"/>
        <location filename="../../ui/photos/editor_photos.py" line="97"/>
        <source>Paste photo</source>
        <translation>写真を貼り付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="64"/>
        <source>Take photo with &amp;camera…</source>
        <translation>カメラで撮影(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="69"/>
        <source>Camera…</source>
        <translation>カメラ…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="98"/>
        <source>The clipboard holds no image or image file.</source>
        <translation>クリップボードに画像または画像ファイルがありません。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="133"/>
        <source>Add photos (Ctrl+P)</source>
        <translation>写真を追加 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="137"/>
        <source>Add photos to the finding…</source>
        <translation>指摘事項に写真を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="142"/>
        <source>Add photos to the finding (Ctrl+P)</source>
        <translation>指摘事項に写真を追加 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="143"/>
        <source>Link existing photos…</source>
        <translation>既存の写真を紐付け…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="148"/>
        <source>Link existing…</source>
        <translation>既存の写真を紐付け…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="151"/>
        <source>Link photos already in the audit to this finding (Ctrl+L)</source>
        <translation>監査にある既存の写真をこの指摘事項に紐付け (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/editor_photos.py" line="168"/>
        <source>Link photos to the finding</source>
        <translation>写真を指摘事項に紐付け</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="32"/>
        <source>Enrol with HQ</source>
        <translation>本社に登録</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="39"/>
        <source>Enrol this device once, while online, with a one-time code from HQ. The device token is kept in the operating system&apos;s keyring, never in SVA&apos;s files.</source>
        <translation>オンラインのときに、本社から受け取ったワンタイムコードでこの端末を一度登録してください。端末トークンは OS のキーリングに保管され、SVA のファイルには保存されません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="50"/>
        <source>This device is already enrolled at {0} as {1} ({2}). Enrolling again replaces that enrolment: the current device token is no longer used, and the next sync starts from this new enrolment.</source>
        <translation>この端末は {0} に {1}（{2}）として登録済みです。登録し直すと現在の登録は置き換えられ、現在の端末トークンは使われなくなります。次回の同期は新しい登録で行われます。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="60"/>
        <source>the one-time code HQ gave you</source>
        <translation>本社から受け取ったワンタイムコード</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="65"/>
        <source>HQ server &amp;address:</source>
        <translation>本社サーバーのアドレス(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="66"/>
        <source>Enrolment &amp;code:</source>
        <translation>登録コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="67"/>
        <source>&amp;Device name:</source>
        <translation>端末名(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="78"/>
        <source>Replace enrolment</source>
        <translation>登録を置き換える</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="78"/>
        <source>Enrol</source>
        <translation>登録</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="82"/>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="116"/>
        <source>Enter the one-time enrolment code from HQ.</source>
        <translation>本社から受け取ったワンタイム登録コードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="135"/>
        <source>Contacting HQ…</source>
        <translation>本社に接続しています…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="156"/>
        <source>Enrolled at {0} as {1} ({2}). The device token is kept in the OS keyring ({3}).</source>
        <translation>{0} に {1}（{2}）として登録しました。端末トークンは OS のキーリング（{3}）に保管されています。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="164"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrol_dialog.py" line="170"/>
        <source>Detail: {0}</source>
        <translation>詳細: {0}</translation>
    </message>
</context>
<context>
    <name>FindingChooser</name>
    <message>
        <location filename="../../ui/photos/finding_chooser.py" line="43"/>
        <source>Link photo to finding</source>
        <translation>写真を指摘事項に紐付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/finding_chooser.py" line="60"/>
        <source>The photo becomes evidence for the chosen finding (in its report block); it stays on its checklist item.</source>
        <translation>写真は選んだ指摘事項の証跡になり、報告書ではその指摘事項の欄に載ります。チェックリスト項目との紐付けはそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/finding_chooser.py" line="65"/>
        <source>Link</source>
        <translation>紐付け</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="57"/>
        <source>Edit finding</source>
        <translation>指摘事項の編集</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="57"/>
        <source>New finding</source>
        <translation>新しい指摘事項</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="76"/>
        <source>What exactly was seen, where, how many…</source>
        <translation>何を、どこで、どれだけ確認したか…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="77"/>
        <source>Required: say what was seen to save the finding.</source>
        <translation>必須：保存するには確認内容を入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="90"/>
        <source>Documents seen, people interviewed, photos</source>
        <translation>確認した文書、聞き取りした人、写真</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="92"/>
        <source>What the supplier must do</source>
        <translation>サプライヤーが行うべきこと</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="96"/>
        <location filename="../../ui/dialogs/finding_dialog.py" line="99"/>
        <location filename="../../ui/dialogs/finding_dialog.py" line="101"/>
        <source>In Japanese (optional)</source>
        <translation>日本語（任意）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="104"/>
        <source>Documents seen</source>
        <translation>確認した文書</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="107"/>
        <source>People interviewed</source>
        <translation>聞き取りをした人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="110"/>
        <source>Sample, e.g. 25 of 310 files</source>
        <translation>サンプル数（例：310件中25件）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="114"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="131"/>
        <source>Item:</source>
        <translation>項目:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="132"/>
        <source>&amp;Area:</source>
        <translation>領域(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="133"/>
        <source>&amp;Severity:</source>
        <translation>重要度(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="134"/>
        <source>&amp;Requirement:</source>
        <translation>要求事項(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="135"/>
        <source>&amp;What was seen:</source>
        <translation>確認内容(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="136"/>
        <source>&amp;Evidence:</source>
        <translation>証跡(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="137"/>
        <source>Evidence &amp;references:</source>
        <translation>証跡の詳細(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="138"/>
        <source>Required a&amp;ction:</source>
        <translation>是正要求(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="140"/>
        <source>Due date:</source>
        <translation>期限:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="145"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="146"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="166"/>
        <location filename="../../ui/dialogs/finding_dialog.py" line="188"/>
        <source>(no checklist item)</source>
        <translation>（チェックリスト項目なし）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="193"/>
        <source>suggested for “{0}”</source>
        <translation>「{0}」の推奨値</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="223"/>
        <source>Policy: no due date for {0}</source>
        <translation>ポリシー: {0}には期限なし</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="226"/>
        <source>Policy: {0} days after the visit ({1})</source>
        <translation>ポリシー: 訪問日（{1}）から {0} 日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="260"/>
        <source>Due date before the visit</source>
        <translation>訪問日より前の期限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="261"/>
        <source>The due date {0} is before the visit ({1}). Save the finding with this due date?</source>
        <translation>期限 {0} が訪問日（{1}）より前です。この期限で指摘事項を保存しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="266"/>
        <source>Save with this date</source>
        <translation>この日付で保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/finding_dialog.py" line="267"/>
        <source>Change the date</source>
        <translation>日付を変更</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="65"/>
        <source>Add finding…</source>
        <translation>指摘事項を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings_panel.py" line="81"/>
        <source>Findings ({0})</source>
        <translation>指摘事項（{0} 件）</translation>
    </message>
</context>
<context>
    <name>Instances</name>
    <message>
        <location filename="../../ui/editor/instances.py" line="21"/>
        <source>Add another instance…</source>
        <translation>繰り返しセクションを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/instances.py" line="44"/>
        <source>Add another {0}…</source>
        <translation>{0}を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/instances.py" line="54"/>
        <source>Add another {0}</source>
        <translation>{0}を追加</translation>
    </message>
    <message>
        <location filename="../../ui/editor/instances.py" line="55"/>
        <source>Name of the new {0} (as the site calls it):</source>
        <translation>追加する{0}の名前（現場での呼び方）：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/instances.py" line="59"/>
        <source>Add {0}</source>
        <translation>{0}を追加</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="121"/>
        <source>Clear answer</source>
        <translation>回答を消去</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="124"/>
        <source>Remove the answer and its note (Delete)</source>
        <translation>回答とメモを消去します (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="127"/>
        <source>&amp;Note (N)</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="132"/>
        <source>What was seen, who was interviewed, which documents…</source>
        <translation>確認した内容、聞き取りした人、確認した文書…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="143"/>
        <source>New &amp;finding… (F)</source>
        <translation>新しい指摘事項(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="186"/>
        <source>Choose an item in the checklist</source>
        <translation>チェックリストから項目を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="192"/>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="192"/>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="196"/>
        <source>How it is checked: {0}</source>
        <translation>確認方法: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="239"/>
        <source>Photo required when the answer is No</source>
        <translation>回答が「いいえ」の場合は写真が必要</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="241"/>
        <source>Photo required for a nonconformity or an observation</source>
        <translation>不適合または観察事項の場合は写真が必要</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="243"/>
        <source>Photo required for a nonconformity</source>
        <translation>不適合の場合は写真が必要</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="245"/>
        <source>Photo required for an observation</source>
        <translation>観察事項の場合は写真が必要</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="261"/>
        <source>Guidance</source>
        <translation>確認の手引き</translation>
    </message>
    <message>
        <location filename="../../ui/editor/item_panel.py" line="300"/>
        <source>Answer with key {0}</source>
        <translation>キー {0} で回答</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>SVA — Supplier Visit Audits</source>
        <translation>SVA — サプライヤー訪問監査</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Audits</source>
        <translation>監査</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Suppliers</source>
        <translation>サプライヤー</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Audits</source>
        <translation>監査(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;Suppliers</source>
        <translation>サプライヤー(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;About SVA</source>
        <translation>SVA について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>Create &amp;demo data…</source>
        <translation>デモデータの作成(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;Close audit</source>
        <translation>監査を閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>Back &amp;up…</source>
        <translation>バックアップ(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>&amp;Audit</source>
        <translation>監査(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Data folder: {0}</source>
        <translation>データフォルダー: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>{0} audits · {1} suppliers</source>
        <translation>監査 {0} 件 · サプライヤー {1} 社</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Not encrypted: no usable keyring on this computer (sva db encrypt encrypts it later)</source>
        <translation>暗号化されていません: このコンピューターには使えるキーリングがありません(後で sva db encrypt で暗号化できます)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Open an audit for photos and reports</source>
        <translation>写真と報告書には監査を開いてください</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>Daily backup written to {0}</source>
        <translation>日次バックアップを {0} に保存しました</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449"/>
        <source>The daily backup failed: {0}</source>
        <translation>日次バックアップに失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="57"/>
        <source>Add photos</source>
        <translation>写真を追加</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="58"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;All files (*)</source>
        <translation>写真 (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="96"/>
        <source>Adding {0} photo(s)…</source>
        <translation>写真 {0} 枚を追加しています…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="97"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="99"/>
        <source>Adding photos</source>
        <translation>写真の追加</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="113"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="79"/>
        <location filename="../../ui/photos/photo_import.py" line="89"/>
        <source>Add {0} photo(s)</source>
        <translation>写真 {0} 枚を追加</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="80"/>
        <source>Link {0} photo(s)</source>
        <translation>写真 {0} 枚を紐付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="141"/>
        <source>Some files were not added</source>
        <translation>追加されなかったファイルがあります</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="142"/>
        <source>{0} added; {1} refused:</source>
        <translation>{0} 件追加、{1} 件拒否:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="144"/>
        <source>{0} added, {1} already in the audit; {2} refused:</source>
        <translation>{0} 件追加、{1} 件は監査に登録済み、{2} 件拒否:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="148"/>
        <source>Photos added with a warning</source>
        <translation>注意事項のある写真を追加しました</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="149"/>
        <source>{0} added; {1} with a warning:</source>
        <translation>{0} 件追加（うち {1} 件に注意事項があります）:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="151"/>
        <source>Photos already in the audit</source>
        <translation>監査に登録済みの写真</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="152"/>
        <source>{0} added; {1} already in the audit:</source>
        <translation>{0} 件追加、{1} 件は監査に登録済み:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="158"/>
        <source>{0}: had been deleted from the audit — restored here</source>
        <translation>{0}: 監査から削除されていた写真です — ここに復元しました</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="160"/>
        <source>{0}: already in the audit — moved here from another finding</source>
        <translation>{0}: 監査に登録済み — 別の指摘事項からここへ移しました</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="163"/>
        <source>{0}: already in the audit — linked to the finding</source>
        <translation>{0}: 監査に登録済み — 指摘事項に紐付けました</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="165"/>
        <source>{0}: already in the audit — moved to this item</source>
        <translation>{0}: 監査に登録済み — この項目へ移しました</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="166"/>
        <source>{0}: already here — nothing changed</source>
        <translation>{0}: すでにここにあります — 変更はありません</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="170"/>
        <source>Photos not added</source>
        <translation>写真は追加されませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_import.py" line="170"/>
        <source>Nothing was added.</source>
        <translation>何も追加されていません。</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <location filename="../../ui/photos/photo_model.py" line="56"/>
        <source>annotated</source>
        <translation>注記あり</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="89"/>
        <source>Link existing photos to the finding</source>
        <translation>既存の写真を指摘事項に紐付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="103"/>
        <source>Checked photos are evidence for this finding. Space checks or unchecks the selected photo; Enter saves.</source>
        <translation>チェックした写真がこの指摘事項の証跡になります。Space キーで選択中の写真のチェックを切り替え、Enter キーで保存します。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="105"/>
        <source>This audit has no photos yet.</source>
        <translation>この監査にはまだ写真がありません。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/photo_picker.py" line="109"/>
        <source>Link</source>
        <translation>紐付け</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/photos/strip.py" line="45"/>
        <source>Add photos (P)</source>
        <translation>写真を追加 (P)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="68"/>
        <source>Drop or paste images here</source>
        <translation>ここに画像をドロップまたは貼り付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="70"/>
        <location filename="../../ui/photos/strip.py" line="169"/>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="97"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="99"/>
        <source>&amp;Annotate and redact…</source>
        <translation>注記とマスキング(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="101"/>
        <source>&amp;Caption…</source>
        <translation>キャプション(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="103"/>
        <source>Move &amp;left</source>
        <translation>左へ移動(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="105"/>
        <source>Move &amp;right</source>
        <translation>右へ移動(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="107"/>
        <source>&amp;Delete photo</source>
        <translation>写真を削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="109"/>
        <source>Lin&amp;k to finding…</source>
        <translation>指摘事項に紐付け(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="111"/>
        <source>&amp;Unlink from finding</source>
        <translation>指摘事項との紐付けを解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="156"/>
        <source>Photos ({0})</source>
        <translation>写真 ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="233"/>
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="234"/>
        <source>Caption of the photo (shown in reports):</source>
        <translation>写真のキャプション（報告書に表示）:</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="240"/>
        <source>Caption photo</source>
        <translation>写真のキャプション</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="251"/>
        <source>Link to finding</source>
        <translation>指摘事項に紐付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="252"/>
        <source>This audit has no findings yet: add one first (F).</source>
        <translation>この監査にはまだ指摘事項がありません。先に指摘事項を追加してください (F)。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="266"/>
        <source>Link photo to finding</source>
        <translation>写真を指摘事項に紐付け</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="267"/>
        <source>Unlink photo from finding</source>
        <translation>写真と指摘事項の紐付けを解除</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="279"/>
        <source>Delete photo</source>
        <translation>写真を削除</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="290"/>
        <source>Reorder photos</source>
        <translation>写真の並べ替え</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/photos/viewer.py" line="20"/>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="33"/>
        <source>As in reports (redacted)</source>
        <translation>報告書と同じ表示（マスキング済み）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="36"/>
        <source>Off: redaction boxes are outlined and the pixels kept (internal evidence only)</source>
        <translation>オフ：黒塗り範囲は枠だけを表示し画素は残します（社内証拠用のみ）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="40"/>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="45"/>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="46"/>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="47"/>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="48"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="49"/>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="50"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="51"/>
        <source>Annotate and redact…</source>
        <translation>注記とマスキング…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="79"/>
        <source>Photo {0} of {1} — {2}</source>
        <translation>写真 {0}/{1} — {2}</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="81"/>
        <source>(no caption)</source>
        <translation>（キャプションなし）</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/i18n.py" line="28"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="21"/>
        <source>Recovery key of this data folder</source>
        <translation>このデータフォルダーの回復キー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="24"/>
        <source>This data folder is encrypted. Its recovery key is shown only now:</source>
        <translation>このデータフォルダーは暗号化されています。回復キーが表示されるのは今回だけです:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="34"/>
        <source>Write it down or print it, and keep it apart from this computer. It opens the data on a new computer or when this computer&apos;s keyring lost its key. SVA does not keep it anywhere.</source>
        <translation>書き留めるか印刷して、このコンピューターとは別の場所に保管してください。新しいコンピューターで、またはこのコンピューターのキーリングから鍵が失われたときに、このキーでデータを開けます。SVA はこのキーをどこにも保存しません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="38"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="40"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="45"/>
        <source>I have written it down</source>
        <translation>書き留めました</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="63"/>
        <source>SVA recovery key

Data folder: {0}

{1}

Keep this sheet apart from the computer.</source>
        <translation>SVA 回復キー

データフォルダー: {0}

{1}

この用紙はコンピューターとは別の場所に保管してください。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="44"/>
        <source>Improvement guidance (&amp;English)</source>
        <translation>改善指導報告書（英語）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="46"/>
        <source>Improvement guidance (&amp;Japanese)</source>
        <translation>改善指導報告書（日本語）(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="49"/>
        <source>Improvement guidance (English + Japanese)</source>
        <translation>改善指導報告書（英語＋日本語）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="52"/>
        <source>Full audit &amp;record</source>
        <translation>監査記録（全体）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="54"/>
        <source>E&amp;xport CAP workbook…</source>
        <translation>CAP ワークブックを書き出す(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="56"/>
        <source>&amp;Import CAP workbook…</source>
        <translation>CAP ワークブックを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="71"/>
        <source>Building the improvement-guidance report…</source>
        <translation>改善指導報告書を作成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="72"/>
        <source>Building the full audit record…</source>
        <translation>監査記録を作成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="73"/>
        <source>Writing the CAP workbook…</source>
        <translation>CAP ワークブックを書き出しています…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="83"/>
        <source>Export CAP workbook</source>
        <translation>CAP ワークブックの書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="84"/>
        <location filename="../../ui/reports/report_actions.py" line="95"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ワークブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="94"/>
        <location filename="../../ui/reports/report_actions.py" line="99"/>
        <source>Import CAP workbook</source>
        <translation>CAP ワークブックの取り込み</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="103"/>
        <source>Checking the CAP workbook…</source>
        <translation>CAP ワークブックを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="113"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="115"/>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="138"/>
        <source>Report not made</source>
        <translation>報告書を作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="148"/>
        <source>CAP workbook</source>
        <translation>CAP ワークブック</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="149"/>
        <source>The CAP workbook was written to {0}.
Send it to the supplier with the improvement-guidance report.</source>
        <translation>CAP ワークブックを {0} に書き出しました。
改善指導報告書と一緒にサプライヤーへ送ってください。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="170"/>
        <source>Updated findings: {0}
CAP submitted for: {1}
Unchanged: {2}</source>
        <translation>更新した指摘事項: {0}
CAP 提出済み: {1}
変更なし: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="174"/>
        <source>Nothing to change: the workbook matches the audit.</source>
        <translation>変更はありません：ワークブックは監査と一致しています。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_actions.py" line="176"/>
        <source>CAP workbook imported</source>
        <translation>CAP ワークブックを取り込みました</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../ui/reports/preview.py" line="50"/>
        <source>Preview — {0}</source>
        <translation>プレビュー — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="87"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="88"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="89"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="91"/>
        <source>&amp;Save as…</source>
        <translation>名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="93"/>
        <source>Open &amp;folder</source>
        <translation>フォルダーを開く(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="95"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="97"/>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="100"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="103"/>
        <source>&amp;Fit width</source>
        <translation>幅に合わせる(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="141"/>
        <source>{0} — {1} page(s)</source>
        <translation>{0} — {1} ページ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="163"/>
        <source>The pages cannot be shown: {0}</source>
        <translation>ページを表示できません: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="167"/>
        <source>Save report as</source>
        <translation>報告書に名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="169"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="179"/>
        <source>Saved as {0}</source>
        <translation>{0} として保存しました</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="213"/>
        <source>Preparing pages for printing…</source>
        <translation>印刷用にページを準備しています…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="227"/>
        <source>{0} could not be opened for printing.</source>
        <translation>{0} を印刷用に開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="252"/>
        <source>Not printed: {0}</source>
        <translation>印刷できませんでした: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="253"/>
        <source>Not printed</source>
        <translation>印刷できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="254"/>
        <source>The report was not printed.

{0}</source>
        <translation>レポートは印刷されませんでした。

{0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py" line="241"/>
        <source>Sent {0} page(s) to the printer.</source>
        <translation>{0} ページをプリンターに送りました。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="28"/>
        <location filename="../../ui/dialogs/restore_dialog.py" line="53"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="37"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="48"/>
        <source>The backup is checked completely before anything changes. The data folder {0} is replaced by it; if it holds anything, it is kept aside under a new name.</source>
        <translation>何かを変更する前に、バックアップ全体を検査します。データフォルダー {0} はバックアップの内容に置き換えられます。中身がある場合は、別の名前で残しておきます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="55"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="63"/>
        <source>&amp;Backup file:</source>
        <translation>バックアップファイル(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="65"/>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="74"/>
        <source>Backup to restore</source>
        <translation>復元するバックアップ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="76"/>
        <source>SVA backups (*.svab);;All files (*)</source>
        <translation>SVA バックアップ (*.svab);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="92"/>
        <source>Backup of {0}: {1} audits, {2} photos.</source>
        <translation>{0} のバックアップ: 監査 {1} 件、写真 {2} 枚。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="100"/>
        <source>Choose a backup file made by SVA.</source>
        <translation>SVA で作成したバックアップファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="103"/>
        <source>Type the backup&apos;s passphrase.</source>
        <translation>バックアップのパスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="109"/>
        <source>Replace the data folder?</source>
        <translation>データフォルダーを置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="110"/>
        <source>The data folder {0} is not empty. Restoring keeps it aside under a new name (said when done) and puts the backup in its place. Open audits are closed.</source>
        <translation>データフォルダー {0} は空ではありません。復元すると、このフォルダーを別の名前で残し（完了時に表示します）、その場所にバックアップを戻します。開いている監査は閉じられます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="126"/>
        <source>Nothing was changed.</source>
        <translation>何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="136"/>
        <source>Checking the backup…</source>
        <translation>バックアップを検査しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="148"/>
        <location filename="../../ui/dialogs/restore_dialog.py" line="160"/>
        <source>Nothing was restored: {0}</source>
        <translation>何も復元されていません: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="150"/>
        <source>Restored the backup of {0}: {1} audits, {2} photos.</source>
        <translation>{0} のバックアップを復元しました: 監査 {1} 件、写真 {2} 枚。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="153"/>
        <source>The folder as it was is kept in {0}.</source>
        <translation>元のフォルダーは {0} に残してあります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="157"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/restore_dialog.py" line="164"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>キャンセルしました。何も変更されていません。</translation>
    </message>
</context>
<context>
    <name>RunsTask</name>
    <message>
        <location filename="../../ui/dialogs/task_dialog.py" line="21"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="17"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="21"/>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="26"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="29"/>
        <source>Prefilled when you sign</source>
        <translation>署名時にあらかじめ入力されます</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="32"/>
        <location filename="../../ui/dialogs/settings_dialog.py" line="35"/>
        <source>Printed in reports for the supplier</source>
        <translation>サプライヤー向けの報告書に記載されます</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="38"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="39"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="40"/>
        <source>English + Japanese</source>
        <translation>英語＋日本語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="43"/>
        <source>&amp;Daily copy of the database in the data folder&apos;s backups/</source>
        <translation>データフォルダー内にデータベースのコピーを毎日作る(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="53"/>
        <source>A new interface language is used from the next start.</source>
        <translation>表示言語の変更は次回の起動から反映されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="58"/>
        <source>&amp;Interface language:</source>
        <translation>表示言語(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="60"/>
        <source>&amp;Auditor name:</source>
        <translation>監査員名(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="61"/>
        <source>O&amp;rganisation:</source>
        <translation>所属(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="62"/>
        <source>&amp;E-mail:</source>
        <translation>電子メール(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63"/>
        <source>&amp;Telephone:</source>
        <translation>電話(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="64"/>
        <source>&amp;Checklist language:</source>
        <translation>チェックリストの言語(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="66"/>
        <source>&amp;Keep copies:</source>
        <translation>保持するコピーの数(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="69"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="67"/>
        <source>Sign the audit</source>
        <translation>監査への署名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="69"/>
        <source>After signing, the audit is read-only; later changes are amendments with a reason.</source>
        <translation>署名後、監査は読み取り専用になります。以後の変更は理由付きの修正として記録されます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="71"/>
        <location filename="../../ui/dialogs/sign_dialog.py" line="72"/>
        <source>Auditor</source>
        <translation>監査員</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="73"/>
        <source>Supplier representative</source>
        <translation>サプライヤー代表者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="81"/>
        <source>Sign and lock</source>
        <translation>署名してロック</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="82"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="114"/>
        <source>auditor&apos;s name</source>
        <translation>監査員の氏名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="115"/>
        <source>auditor&apos;s role</source>
        <translation>監査員の役職</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="116"/>
        <source>auditor&apos;s organisation</source>
        <translation>監査員の所属</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="117"/>
        <source>auditor&apos;s signature</source>
        <translation>監査員の署名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="118"/>
        <source>supplier representative&apos;s name</source>
        <translation>サプライヤー代表者の氏名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="119"/>
        <source>supplier representative&apos;s role</source>
        <translation>サプライヤー代表者の役職</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="120"/>
        <source>supplier representative&apos;s organisation</source>
        <translation>サプライヤー代表者の所属</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="121"/>
        <source>supplier representative&apos;s signature</source>
        <translation>サプライヤー代表者の署名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="128"/>
        <source>Still needed: {0}</source>
        <translation>未記入: {0}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="27"/>
        <source>Sign here with the mouse, a pen or a finger</source>
        <translation>マウス、ペン、または指でここに署名してください</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="141"/>
        <source>Sign here</source>
        <translation>ここに署名</translation>
    </message>
</context>
<context>
    <name>SignerBox</name>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="36"/>
        <source>Clear signature</source>
        <translation>署名を消去</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="39"/>
        <source>Name:</source>
        <translation>氏名:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="40"/>
        <source>Role:</source>
        <translation>役職:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_dialog.py" line="41"/>
        <source>Organisation:</source>
        <translation>所属:</translation>
    </message>
</context>
<context>
    <name>SiteProfileDialog</name>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="38"/>
        <source>Site profile</source>
        <translation>事業所の概要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="39"/>
        <source>not recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="44"/>
        <source>Workers in total:</source>
        <translation>従業員数（合計）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="45"/>
        <source>Women:</source>
        <translation>うち女性：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="46"/>
        <source>Foreign / migrant workers:</source>
        <translation>うち外国人・移住労働者：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="47"/>
        <source>Agency / dispatched workers:</source>
        <translation>うち派遣・請負労働者：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="48"/>
        <source>Young workers (under 18):</source>
        <translation>うち年少者（18歳未満）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="49"/>
        <source>Individual interviews:</source>
        <translation>個別インタビュー：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="50"/>
        <source>Group interviews:</source>
        <translation>グループインタビュー：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="59"/>
        <source> h</source>
        <translation> 時間</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="66"/>
        <source>Scope (English):</source>
        <translation>対象範囲（英語）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="67"/>
        <source>Scope (Japanese):</source>
        <translation>対象範囲（日本語）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="68"/>
        <source>Scope limits (English):</source>
        <translation>監査範囲の制約（英語）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="69"/>
        <source>Scope limits (Japanese):</source>
        <translation>監査範囲の制約（日本語）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="70"/>
        <source>Headcount and worker mix</source>
        <translation>従業員数と構成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="74"/>
        <source>Audit duration and interviews</source>
        <translation>監査の所要時間とインタビュー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="76"/>
        <source>Audit duration:</source>
        <translation>監査の所要時間：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/site_profile_dialog.py" line="78"/>
        <source>The report uses the visit times: {0}</source>
        <translation>報告書には訪問時刻を使用します：{0}</translation>
    </message>
</context>
<context>
    <name>SiteProfileUi</name>
    <message>
        <location filename="../../ui/editor/site_profile_ui.py" line="19"/>
        <source>Site profile…</source>
        <translation>事業所の概要…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/site_profile_ui.py" line="41"/>
        <source>Site profile</source>
        <translation>事業所の概要</translation>
    </message>
</context>
<context>
    <name>StartVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="18"/>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="49"/>
        <source>Start visit</source>
        <translation>訪問を開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="23"/>
        <source>Starting the visit lets you record answers, notes and findings. The visit date is printed on the report and sets the findings&apos; due dates.</source>
        <translation>訪問を開始すると、回答・メモ・指摘事項を記録できます。訪問日は報告書に記載され、指摘事項の対応期限の基準になります。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="41"/>
        <source>&amp;Visit date:</source>
        <translation>訪問日(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="44"/>
        <source>Planned for:</source>
        <translation>予定日:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="72"/>
        <source>The visit starts today, {0} (site time, {1}).</source>
        <translation>訪問は本日 {0}（現地時間、{1}）に開始します。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="75"/>
        <source>The visit is recorded as started on {0}; today at the site ({1}) is {2}.</source>
        <translation>訪問は {0} に開始したものとして記録されます。現地（{1}）の本日は {2} です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_visit_dialog.py" line="79"/>
        <source>{0} is in the future: a visit starts on the day it takes place, today at the latest ({1}).</source>
        <translation>{0} は未来の日付です。訪問の開始日は実施した日で、遅くとも本日（{1}）までです。</translation>
    </message>
</context>
<context>
    <name>SuppliersView</name>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="33"/>
        <source>Code or name (EN/JA)</source>
        <translation>コードまたは名称（英語/日本語）</translation>
    </message>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="36"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="42"/>
        <source>Sea&amp;rch:</source>
        <translation>検索(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="42"/>
        <source>R&amp;egion:</source>
        <translation>地域(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="86"/>
        <source>{0} suppliers</source>
        <translation>サプライヤー {0} 社</translation>
    </message>
    <message>
        <location filename="../../ui/views/suppliers_view.py" line="87"/>
        <source>{0} of {1} suppliers</source>
        <translation>サプライヤー {1} 社中 {0} 社</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="30"/>
        <source>Sync with HQ</source>
        <translation>本社と同期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="37"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="57"/>
        <source>Review conflicts…</source>
        <translation>競合を確認…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="61"/>
        <source>Enrol with HQ…</source>
        <translation>本社に登録…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="65"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="94"/>
        <source>Getting assignments, master data and CAP changes from HQ…</source>
        <translation>本社から割り当て、マスターデータ、是正計画の変更を受け取っています…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="109"/>
        <source>Stopping after the photo piece in flight… Nothing is lost: what HQ has not confirmed stays queued, and the next sync resumes from here.</source>
        <translation>送信中の写真の断片が終わりしだい停止します… データは失われません。本社が受領を確認していないものは送信待ちのまま残り、次回の同期はここから再開します。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="119"/>
        <source>Audits to send: {0}</source>
        <translation>送信する監査: {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="121"/>
        <source>No audit is waiting to be sent.</source>
        <translation>送信待ちの監査はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="122"/>
        <source>Photos to send: up to {0}</source>
        <translation>送信する写真: 最大 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="125"/>
        <source>Sending audits and photos to HQ…</source>
        <translation>監査と写真を本社へ送信しています…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="126"/>
        <source>Audit {0} of {1}: {2}</source>
        <translation>監査 {0}/{1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="131"/>
        <source>Photos at HQ: {0} of {1}</source>
        <translation>本社に届いた写真: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="138"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="146"/>
        <source>The sync did not finish.</source>
        <translation>同期は完了しませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="149"/>
        <source>Detail: {0}</source>
        <translation>詳細: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="159"/>
        <source>Sync finished.</source>
        <translation>同期が完了しました。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="166"/>
        <source>HQ has not yet confirmed {0} audit(s); they stay queued and go again at the next sync.</source>
        <translation>本社がまだ受領を確認していない監査が {0} 件あります。送信待ちのまま残り、次回の同期で再送されます。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="170"/>
        <source>{0} change(s) made both here and at HQ need your choice: keep yours or HQ&apos;s.</source>
        <translation>この端末と本社の両方で変更された {0} 件について、自分の値と本社の値のどちらを残すか選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="173"/>
        <source>Everything this device had for HQ is at HQ.</source>
        <translation>この端末から本社へ送るものはすべて本社に届きました。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="184"/>
        <source>Received from HQ</source>
        <translation>本社から受信</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="185"/>
        <source>{0} supplier change(s), {1} site change(s), {2} checklist(s), {3} new assigned audit(s), {4} CAP change(s)</source>
        <translation>サプライヤーの変更 {0} 件、拠点の変更 {1} 件、チェックリスト {2} 件、新しく割り当てられた監査 {3} 件、是正計画の変更 {4} 件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="189"/>
        <source>Sent to HQ</source>
        <translation>本社へ送信</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="189"/>
        <source>{0} audit(s), {1} photo(s), {2}</source>
        <translation>監査 {0} 件、写真 {1} 枚、{2}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="191"/>
        <source>Marked synced</source>
        <translation>同期済みにした監査</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="191"/>
        <source>{0} audit(s)</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="192"/>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="192"/>
        <source>{0} to review</source>
        <translation>確認待ち {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="193"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="200"/>
        <source>Sync cancelled.</source>
        <translation>同期を中止しました。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="203"/>
        <source> HQ holds {0} of {1} of the photos; the next sync sends the rest.</source>
        <translation> 写真は {1} のうち {0} が本社に届いています。残りは次回の同期で送ります。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_dialog.py" line="208"/>
        <source>Nothing was lost: audits HQ has not confirmed stay queued on this device.</source>
        <translation>データは失われていません。本社が受領を確認していない監査は、この端末で送信待ちのまま残ります。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync/controller.py" line="64"/>
        <source>Not enrolled with HQ</source>
        <translation>本社に未登録</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="65"/>
        <source>Enrol this device with a code from HQ (File ▸ Enrol with HQ…) to sync. {0} audit(s) wait to be sent.</source>
        <translation>同期するには、本社から受け取ったコードでこの端末を登録してください（ファイル ▸ 本社に登録…）。送信待ちの監査: {0} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="68"/>
        <source>never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="69"/>
        <source>{0} to sync · last sync {1}</source>
        <translation>送信待ち {0} 件 · 前回の同期 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="71"/>
        <source>Enrolled at {0} as {1} ({2}).</source>
        <translation>{0} に {1}（{2}）として登録済み。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="75"/>
        <source>last sync failed</source>
        <translation>前回の同期は失敗</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="80"/>
        <source>The last sync failed: {0}</source>
        <translation>前回の同期は失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="83"/>
        <source>{0} conflict(s)</source>
        <translation>競合 {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="84"/>
        <source>Review them with File ▸ Sync conflicts…</source>
        <translation>「ファイル ▸ 同期の競合…」で確認してください。</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync/controller.py" line="115"/>
        <source>S&amp;ync with HQ</source>
        <translation>本社と同期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="117"/>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="118"/>
        <source>Sync with HQ ({0})</source>
        <translation>本社と同期 ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="119"/>
        <source>Sync &amp;conflicts…</source>
        <translation>同期の競合(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="121"/>
        <source>Export sync &amp;bundle…</source>
        <translation>同期バンドルの書き出し(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="123"/>
        <source>&amp;Enrol with HQ…</source>
        <translation>本社に登録(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="222"/>
        <source>This device is not enrolled with HQ yet: enrol it first, then sync.</source>
        <translation>この端末はまだ本社に登録されていません。先に登録してから同期してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="249"/>
        <source>Bundles are signed with the key this device registered when it enrolled: enrol it once, while online, first.</source>
        <translation>バンドルは、この端末が登録時に登録した鍵で署名されます。先に、オンラインのときに一度登録してください。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="252"/>
        <location filename="../../ui/sync/controller.py" line="257"/>
        <source>Export sync bundle</source>
        <translation>同期バンドルの書き出し</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="253"/>
        <source>Nothing to export: no signed audit is waiting for HQ.</source>
        <translation>書き出すものはありません。本社への送信を待っている署名済みの監査はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="259"/>
        <source>SVA sync bundles (*.svab)</source>
        <translation>SVA 同期バンドル (*.svab)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="92"/>
        <source>Encrypted data folder</source>
        <translation>暗号化されたデータフォルダー</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="95"/>
        <source>The data folder {0} is encrypted, and this computer&apos;s keyring holds no key for it (a new computer, or the keyring was reset). Enter its recovery key to open it, or restore a backup. Nothing was changed.</source>
        <translation>データフォルダー {0} は暗号化されていますが、このコンピューターのキーリングにはその鍵がありません(新しいコンピューター、またはキーリングがリセットされた場合)。開くには回復キーを入力するか、バックアップから復元してください。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="102"/>
        <source>&amp;Recovery key:</source>
        <translation>回復キー(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="110"/>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="112"/>
        <source>Restore a &amp;backup…</source>
        <translation>バックアップから復元(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_dialogs.py" line="114"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>ValueEntry</name>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="71"/>
        <source>This question takes text: press Enter to type it.</source>
        <translation>この質問は文章で回答します。Enter を押して入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="127"/>
        <source>{0}: “{1}” not saved: {2}</source>
        <translation>{0}: 「{1}」は保存されませんでした。{2}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="138"/>
        <source>Check the number</source>
        <translation>数値の確認</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="137"/>
        <source>{0} is more than the {1} this question expects — keep it?</source>
        <translation>{0} は、この質問で想定している {1} を超えています。このまま記録しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="135"/>
        <source>{0} is below the {1} this question expects — keep it?</source>
        <translation>{0} は、この質問で想定している {1} を下回っています。このまま記録しますか？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="142"/>
        <source>&amp;Keep {0}</source>
        <translation>{0} のまま記録(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="144"/>
        <source>&amp;Correct it</source>
        <translation>修正する(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="157"/>
        <source>Not saved. Correct the number and press Enter.</source>
        <translation>保存していません。数値を修正して Enter を押してください。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="168"/>
        <source>“{0}” is not a number.</source>
        <translation>「{0}」は数値ではありません。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="170"/>
        <source>{0} has decimals; this question takes whole numbers only.</source>
        <translation>{0} には小数が含まれています。この質問は整数のみ受け付けます。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="173"/>
        <source>{0} is below {1}, the lowest answer this question takes.</source>
        <translation>{0} は、この質問の最小値 {1} を下回っています。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_entry.py" line="175"/>
        <source>{0} is more than the {1} this question expects; type it again and press Enter to confirm it.</source>
        <translation>{0} は、この質問で想定している {1} を超えています。もう一度入力して Enter を押すと、確認のうえ記録できます。</translation>
    </message>
</context>
<context>
    <name>ValueField</name>
    <message>
        <location filename="../../ui/editor/value_field.py" line="77"/>
        <source>Type a number and press Enter</source>
        <translation>数値を入力して Enter</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="78"/>
        <source>Press Enter to type the answer</source>
        <translation>Enter を押して回答を入力</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="88"/>
        <source>Enter types the answer, Enter again saves it, Esc cancels.</source>
        <translation>Enter で入力を始め、もう一度 Enter で保存します。Esc で取り消します。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="92"/>
        <source>Expected: {0} to {1}</source>
        <translation>想定範囲: {0}～{1}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="94"/>
        <source>Expected: {0} or more</source>
        <translation>想定範囲: {0} 以上</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="96"/>
        <source>Expected: up to {0}</source>
        <translation>想定範囲: {0} 以下</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="98"/>
        <source>whole numbers</source>
        <translation>整数のみ</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="150"/>
        <source>“{0}” not saved (Esc): the answer stays {1}.</source>
        <translation>「{0}」は保存していません（Esc）。回答は {1} のままです。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/value_field.py" line="152"/>
        <source>“{0}” not saved (Esc): still unanswered.</source>
        <translation>「{0}」は保存していません（Esc）。未回答のままです。</translation>
    </message>
</context>
<context>
    <name>annotator</name>
    <message>
        <location filename="../../ui/screenshots.py" line="167"/>
        <source>Blocked exit</source>
        <translation>非常口がふさがれている</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="159"/>
        <source>No finding needed for {0}</source>
        <translation>{0} の指摘事項は不要</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../ui/i18n.py" line="57"/>
        <source>en</source>
        <comment>the code of the UI language: translate as the catalogue&apos;s language code</comment>
        <translation>ja</translation>
    </message>
</context>
</TS>
