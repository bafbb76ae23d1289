<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ApiNetwork</name>
    <message>
        <source>Network and TLS</source>
        <translation>網路與 TLS</translation>
    </message>
    <message>
        <source>Your organization allows the API on the network: it then needs TLS (a certificate and its key) and the names clients use to reach this computer.</source>
        <translation>貴組織允許在網路上提供 API：此時需要 TLS（憑證及其私鑰），以及用戶端連到這台電腦所用的名稱。</translation>
    </message>
    <message>
        <source>The API listens on this computer only: your organization&apos;s policy does not allow it on the network.</source>
        <translation>API 只在這台電腦上接聽：貴組織的政策不允許在網路上提供。</translation>
    </message>
    <message>
        <source>Listen on the network</source>
        <translation>在網路上接聽</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>接聽位址</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 憑證</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>TLS 私鑰</translation>
    </message>
    <message>
        <source>Allowed host names</source>
        <translation>允許的主機名稱</translation>
    </message>
    <message>
        <source>Allowed web origins</source>
        <translation>允許的網頁來源</translation>
    </message>
    <message>
        <source>0.0.0.0 (every network card) or this computer&apos;s address</source>
        <translation>0.0.0.0（所有網路卡）或這台電腦的位址</translation>
    </message>
    <message>
        <source>PEM file; optional on this computer only</source>
        <translation>PEM 檔；僅限本機時可不填</translation>
    </message>
    <message>
        <source>PEM file without a passphrase</source>
        <translation>未設密碼的 PEM 檔</translation>
    </message>
    <message>
        <source>e.g. ai-server, 10.0.0.5 (no port)</source>
        <translation>例如 ai-server、10.0.0.5（不含連接埠）</translation>
    </message>
    <message>
        <source>none; e.g. https://crm.example.com</source>
        <translation>無；例如 https://crm.example.com</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Apply network settings</source>
        <translation>套用網路設定</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>選擇 PEM 檔</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 檔 (*.pem *.crt *.key);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Saved: clients reach the API at {0}/v1.</source>
        <translation>已儲存：用戶端透過 {0}/v1 連到 API。</translation>
    </message>
</context>
<context>
    <name>ApiSettings</name>
    <message>
        <source>Local API</source>
        <translation>本機 API</translation>
    </message>
    <message>
        <source>Serve the OpenAI-compatible API while Airlock runs (this computer only)</source>
        <translation>Airlock 執行時提供 OpenAI 相容 API（僅限本機）</translation>
    </message>
    <message>
        <source>Serve the OpenAI-compatible API while Airlock runs (on the network)</source>
        <translation>Airlock 執行時提供 OpenAI 相容 API（網路上）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新增金鑰</translation>
    </message>
    <message>
        <source>who uses it, e.g. crm</source>
        <translation>使用者，例如 crm</translation>
    </message>
    <message>
        <source>The key may call {0}</source>
        <translation>這把金鑰可以呼叫 {0}</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>建立金鑰</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>推論伺服器連線</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>伺服器位址</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>公司 CA 憑證檔</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>Batch rows at once</source>
        <translation>批次同時送出列數</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>list models</source>
        <translation>列出模型</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>第一個詞元</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How many batch rows are sent to this server at once; a server that batches (vLLM) answers several as fast as one.</source>
        <translation>一次送到這台伺服器的批次列數；能批次處理的伺服器（vLLM）回答多列與回答一列一樣快。</translation>
    </message>
    <message>
        <source>e.g. team-gpu</source>
        <translation>例如 team-gpu</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>存放於系統鑰匙圈</translation>
    </message>
    <message>
        <source>optional: PEM file; empty uses the system&apos;s certificates</source>
        <translation>選填：PEM 檔；留空則使用系統憑證</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>檢查連線</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Listening on {0}/v1. Every call needs a key.</source>
        <translation>正在 {0}/v1 提供服務。每次呼叫都需要金鑰。</translation>
    </message>
    <message>
        <source>Off. `airlock serve` runs the same API without the window.</source>
        <translation>已關閉。`airlock serve` 可在不開視窗時提供相同 API。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>{0} ({1}…, {2}) {3}, last used {4}</source>
        <translation>{0}（{1}…，{2}）{3}，上次使用 {4}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{0}: {1} ({2} models)</source>
        <translation>{0}：{1}（{2} 個模型）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>A key needs at least one of Text and Images; tick what the caller may use.</source>
        <translation>金鑰至少需要「文字」或「圖片」其中一項；請勾選呼叫端可以使用的項目。</translation>
    </message>
    <message>
        <source>The new key is below and on the clipboard. It is shown only now; store it in the caller&apos;s secret settings.

{0}</source>
        <translation>新金鑰顯示於下方並已複製到剪貼簿。它只會顯示這一次；請存放在呼叫端的機密設定中。

{0}</translation>
    </message>
    <message>
        <source>Saved. Check the connection to list its models.</source>
        <translation>已儲存。請檢查連線以列出其模型。</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>正在檢查 {0}…</translation>
    </message>
    <message>
        <source>Connected: {0} models ({1}).</source>
        <translation>已連線：{0} 個模型（{1}）。</translation>
    </message>
    <message>
        <source>This server does not enforce JSON schemas; structured drafts may fail more often.</source>
        <translation>此伺服器不強制套用 JSON 結構描述；結構化草稿可能較常失敗。</translation>
    </message>
</context>
<context>
    <name>AuditEvents</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model imported</source>
        <translation>模型已匯入</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>模型已載入</translation>
    </message>
    <message>
        <source>Model refused</source>
        <translation>模型遭拒</translation>
    </message>
    <message>
        <source>Generation made</source>
        <translation>已產生內容</translation>
    </message>
    <message>
        <source>Export written</source>
        <translation>已匯出</translation>
    </message>
    <message>
        <source>Template pack imported</source>
        <translation>範本包已匯入</translation>
    </message>
    <message>
        <source>Batch reviewed</source>
        <translation>批次已審閱</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>設定已變更</translation>
    </message>
    <message>
        <source>Policy changed</source>
        <translation>政策已變更</translation>
    </message>
    <message>
        <source>History deleted</source>
        <translation>歷史紀錄已刪除</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>API key issued</source>
        <translation>已發出 API 金鑰</translation>
    </message>
    <message>
        <source>API key used</source>
        <translation>已使用 API 金鑰</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API 金鑰已撤銷</translation>
    </message>
    <message>
        <source>Encryption turned on</source>
        <translation>已開啟加密</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>稽核紀錄已匯出</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>Search who or details…</source>
        <translation>搜尋操作者或內容…</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>驗證雜湊鏈</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時間 (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>The audit log is intact ({n} entries).</source>
        <translation>稽核紀錄完整（共 {n} 筆）。</translation>
    </message>
    <message>
        <source>The audit log is broken at entry {id}: it was changed, removed or reordered outside Airlock.</source>
        <translation>稽核紀錄在第 {id} 筆中斷：它在 Airlock 之外被修改、刪除或調換順序。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {n} entries to {path}.</source>
        <translation>已將 {n} 筆紀錄寫入 {path}。</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>One draft per row of a CRM export. Nothing is sent: a person approves each draft, then approved rows are exported. Keys: J/K move, A approve, E edit, R reject, G regenerate.</source>
        <translation>CRM 匯出檔的每一列產生一份草稿。Airlock 不會寄出任何東西：每份草稿由專人核准後，才匯出已核准的列。快速鍵：J/K 移動、A 核准、E 編輯、R 退回、G 重新產生。</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>新增批次…</translation>
    </message>
    <message>
        <source>Dry run ({n} rows)</source>
        <translation>試跑（前 {n} 列）</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>全部執行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>重試失敗的列</translation>
    </message>
    <message>
        <source>Export approved…</source>
        <translation>匯出已核准…</translation>
    </message>
    <message>
        <source>Mask personal data</source>
        <translation>遮蔽個人資料</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>核准所選</translation>
    </message>
    <message>
        <source>Source row</source>
        <translation>原始資料列</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Changes by the reviewer</source>
        <translation>審核者的修改</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>審核者</translation>
    </message>
    <message>
        <source>Reason for rejecting (R, then Enter)</source>
        <translation>退回原因（按 R 後輸入，再按 Enter）</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>核准 (A)</translation>
    </message>
    <message>
        <source>Edit (E)</source>
        <translation>編輯 (E)</translation>
    </message>
    <message>
        <source>Save edit (Ctrl+Enter)</source>
        <translation>儲存修改 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>退回 (R)</translation>
    </message>
    <message>
        <source>Regenerate (G)</source>
        <translation>重新產生 (G)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>所有列</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>產生中</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待審核</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>啟動中…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>暫停中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>取消中…</translation>
    </message>
    <message>
        <source>{rate:.1f} rows/min</source>
        <translation>每分鐘 {rate:.1f} 列</translation>
    </message>
    <message>
        <source>about {minutes:.0f} min left</source>
        <translation>約剩 {minutes:.0f} 分鐘</translation>
    </message>
    <message>
        <source>{done} of {total} rows done, {failed} failed</source>
        <translation>已完成 {done}／{total} 列，{failed} 列失敗</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暫停。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Stopped; run again to go on.</source>
        <translation>已停止；再執行一次即可從中斷處繼續。</translation>
    </message>
    <message>
        <source>Row {n} has a new draft.</source>
        <translation>第 {n} 列已有新草稿。</translation>
    </message>
    <message>
        <source>Row {n} could not be drafted again.</source>
        <translation>第 {n} 列無法重新產生草稿。</translation>
    </message>
    <message>
        <source>Draft: {error}</source>
        <translation>草稿：{error}</translation>
    </message>
    <message>
        <source>Banned word: {phrase}</source>
        <translation>禁用詞：{phrase}</translation>
    </message>
    <message>
        <source>Missing phrase: {phrase}</source>
        <translation>缺少必備語句：{phrase}</translation>
    </message>
    <message>
        <source>{status} by {reviewer} at {time}</source>
        <translation>{reviewer} 於 {time} {status}</translation>
    </message>
    <message>
        <source>Earlier draft, replaced by {reviewer} at {time} ({n} in all)</source>
        <translation>先前的草稿，由 {reviewer} 於 {time} 取代（共 {n} 份）</translation>
    </message>
    <message>
        <source>Approved {n} rows.</source>
        <translation>已核准 {n} 列。</translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation>請輸入退回原因，再按 Enter。</translation>
    </message>
    <message>
        <source>Row {n} is drafted again next.</source>
        <translation>第 {n} 列將接著重新產生草稿。</translation>
    </message>
    <message>
        <source>Drafting row {n} again…</source>
        <translation>正在重新產生第 {n} 列的草稿…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>正在取消匯出…</translation>
    </message>
    <message>
        <source>Export approved rows</source>
        <translation>匯出已核准的列</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv);;Excel workbook (*.xlsx);;Mailbox (*.mbox)</source>
        <translation>Excel 用 CSV (*.csv);;Excel 活頁簿 (*.xlsx);;郵件信箱檔 (*.mbox)</translation>
    </message>
    <message>
        <source>Exporting: {done} of {total} rows…</source>
        <translation>匯出中：{total} 列中的第 {done} 列…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消匯出</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <source>Wrote {n} approved rows to {path}.</source>
        <translation>已將 {n} 列已核准內容寫入 {path}。</translation>
    </message>
</context>
<context>
    <name>BrandVoiceEditor</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Tone and style</source>
        <translation>語氣與風格</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>目標受眾</translation>
    </message>
    <message>
        <source>Required phrases (one a line)</source>
        <translation>必用語句（每行一則）</translation>
    </message>
    <message>
        <source>Banned words (one a line)</source>
        <translation>禁用字詞（每行一個）</translation>
    </message>
    <message>
        <source>Example passages (separate with a line of ---)</source>
        <translation>範例段落（用一行 --- 分隔）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Save voice</source>
        <translation>儲存品牌語氣</translation>
    </message>
    <message>
        <source>e.g. Warm and sincere, short sentences, no hype</source>
        <translation>例如：溫暖真誠、句子簡短、不浮誇</translation>
    </message>
    <message>
        <source>Check a text against this voice</source>
        <translation>檢查文字是否符合這個品牌語氣</translation>
    </message>
    <message>
        <source>Paste a draft here to see banned words and missing phrases.</source>
        <translation>在這裡貼上草稿，就能看到用了哪些禁用字詞、缺少哪些必用語句。</translation>
    </message>
    <message>
        <source>Saved (version {v}).</source>
        <translation>已儲存（第 {v} 版）。</translation>
    </message>
    <message>
        <source>Delete brand voice</source>
        <translation>刪除品牌語氣</translation>
    </message>
    <message>
        <source>Delete the brand voice &apos;{name}&apos;? Templates that use it will run without it.</source>
        <translation>要刪除品牌語氣「{name}」嗎？使用它的範本之後執行時將不再套用。</translation>
    </message>
    <message>
        <source>Uses banned words: {words}</source>
        <translation>用了禁用字詞：{words}</translation>
    </message>
    <message>
        <source>Missing required phrases: {phrases}</source>
        <translation>缺少必用語句：{phrases}</translation>
    </message>
    <message>
        <source>Fits the voice: no banned words, nothing missing.</source>
        <translation>符合品牌語氣：沒有禁用字詞，必用語句也都有了。</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>開始新的對話（Ctrl+N）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Answer settings</source>
        <translation>回答設定</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送出</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>送出（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>Type a message. Ctrl+Enter sends.</source>
        <translation>輸入訊息，按 Ctrl+Enter 送出。</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending replaces it and every message after it (the old ones stay in History).</source>
        <translation>正在修改先前的訊息：送出後會取代這則以及之後的所有訊息（舊的內容仍保留在「歷史紀錄」）。</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>取消修改</translation>
    </message>
    <message>
        <source>No text model yet: import one on the Models page.</source>
        <translation>還沒有文字模型，請到「模型」頁面匯入。</translation>
    </message>
    <message>
        <source>Needs about {need:.1f} GiB of memory; {free:.1f} GiB free.</source>
        <translation>約需 {need:.1f} GiB 記憶體；目前可用 {free:.1f} GiB。</translation>
    </message>
    <message>
        <source>Needs about {need:.1f} GiB but only {free:.1f} GiB is free: it may be slow.</source>
        <translation>約需 {need:.1f} GiB，但只剩 {free:.1f} GiB 可用，執行起來可能會很慢。</translation>
    </message>
    <message>
        <source>Needs about {need:.1f} GiB: more than this machine has ({total:.1f} GiB).</source>
        <translation>約需 {need:.1f} GiB，超過這台電腦的記憶體（{total:.1f} GiB）。</translation>
    </message>
    <message>
        <source>One-off questions (command line)</source>
        <translation>單次提問（命令列）</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Delete conversation…</source>
        <translation>刪除對話…</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>刪除對話</translation>
    </message>
    <message>
        <source>Delete this conversation and all its messages from history? This cannot be undone.</source>
        <translation>要從歷史紀錄刪除這個對話和其中所有訊息嗎？刪除後無法復原。</translation>
    </message>
    <message>
        <source>This prompt holds personal data ({kinds}). It stays on this computer; history keeps it masked. Send it?</source>
        <translation>這段提示含有個人資料（{kinds}）。資料只留在這台電腦上，歷史紀錄會將其遮蔽。要送出嗎？</translation>
    </message>
    <message>
        <source>This prompt holds personal data ({kinds}). It stays on this computer and is kept in history. Send it?</source>
        <translation>這段提示含有個人資料（{kinds}）。資料只留在這台電腦上，並會保存在歷史紀錄中。要送出嗎？</translation>
    </message>
    <message>
        <source>Personal data in the prompt</source>
        <translation>提示中含有個人資料</translation>
    </message>
    <message>
        <source>Wait for the current answer to finish (or stop it), then run again.</source>
        <translation>請等目前的回答完成（或先停止），再重新執行。</translation>
    </message>
    <message>
        <source>Reading the prompt %p%</source>
        <translation>讀取提示詞 %p%</translation>
    </message>
    <message>
        <source>{done} of {total} prompt tokens read</source>
        <translation>已讀取 {done} / {total} 個提示詞 token</translation>
    </message>
    <message>
        <source>Verifying %p%</source>
        <translation>驗證中 %p%</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <source>{n} oldest messages were left out so the conversation fits the {ctx}-token context.</source>
        <translation>為了讓對話放得進 {ctx} token 的上下文，已略過最早的 {n} 則訊息。</translation>
    </message>
    <message>
        <source>{tps:.1f} tokens/s</source>
        <translation>每秒 {tps:.1f} token</translation>
    </message>
    <message>
        <source>first token {s:.2f} s</source>
        <translation>首個 token {s:.2f} 秒</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 個 token</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
    <message>
        <source>template: {name}</source>
        <translation>範本：{name}</translation>
    </message>
    <message>
        <source>sources: {list}</source>
        <translation>來源：{list}</translation>
    </message>
    <message>
        <source>Brand voice: uses banned words: {words}</source>
        <translation>品牌語氣：用了禁用字詞 {words}</translation>
    </message>
    <message>
        <source>Brand voice: missing required phrases: {phrases}</source>
        <translation>品牌語氣：缺少必用語句 {phrases}</translation>
    </message>
    <message>
        <source>generation stopped: {reason}</source>
        <translation>生成中斷：{reason}</translation>
    </message>
    <message>
        <source>The conversation is full</source>
        <translation>對話已超出上下文長度</translation>
    </message>
    <message>
        <source>This conversation no longer fits the model&apos;s context window. Start a new chat with your message, or drop the oldest turns and continue?</source>
        <translation>這段對話已經超過模型的上下文長度。要用這則訊息開始新對話，還是略過最早的幾輪對話後繼續？</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>開始新對話</translation>
    </message>
    <message>
        <source>Drop the oldest turns</source>
        <translation>略過最早的幾輪</translation>
    </message>
    <message>
        <source>Context: about {used} / {total} tokens, with the message being typed</source>
        <translation>上下文：約 {used} / {total} token（含輸入中的訊息）</translation>
    </message>
    <message>
        <source>Context: {used} / {total} tokens</source>
        <translation>上下文：{used} / {total} token</translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message>
        <source>Answer settings</source>
        <translation>回答設定</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>e.g. You are a copywriter for our brand. Answer in Traditional Chinese.</source>
        <translation>例如：你是我們品牌的文案寫手，請用繁體中文回答。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>溫度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <source>Min P</source>
        <translation>Min P</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>重複懲罰</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最多 token 數</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文長度</translation>
    </message>
    <message>
        <source>When full</source>
        <translation>超出長度時</translation>
    </message>
    <message>
        <source>random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer.</source>
        <translation>相同的種子與設定會得到相同的回答。</translation>
    </message>
    <message>
        <source>Drop oldest turns</source>
        <translation>略過最早的幾輪</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>先問我</translation>
    </message>
    <message>
        <source>When a conversation outgrows the context, Airlock can drop the oldest turns (and says so) or ask you first.</source>
        <translation>對話超出上下文長度時，Airlock 可以略過最早的幾輪（並會告訴你），或先詢問你。</translation>
    </message>
</context>
<context>
    <name>Cleanup</name>
    <message>
        <source>Removing old history in the background…</source>
        <translation>正在背景中移除舊的歷史紀錄…</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Demo: sample templates, brand voices, knowledge and customers in a throw-away folder. Nothing here is kept: leaving the demo deletes it.</source>
        <translation>示範模式：範例範本、品牌語氣、知識庫與客戶資料都放在一個暫存資料夾裡。這裡的內容不會保留：離開示範就會刪除。</translation>
    </message>
    <message>
        <source>Leave demo</source>
        <translation>離開示範</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>Help</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Try the demo (sample data, deleted afterwards)…</source>
        <translation>試用示範模式（範例資料，結束後刪除）…</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>The prompt is empty; type something to send.</source>
        <translation>提示是空的，請先輸入內容再送出。</translation>
    </message>
    <message>
        <source>The message is too long for the {n_ctx}-token context ({tokens} tokens, with {reserve} kept for the answer); shorten it or choose a larger context.</source>
        <translation>這則訊息超過 {n_ctx} token 的上下文長度（{tokens} 個 token，另需保留 {reserve} 個給回答）；請縮短訊息或選擇更大的上下文。</translation>
    </message>
    <message>
        <source>The conversation ({tokens} tokens) no longer fits the {n_ctx}-token context; start a new conversation or let Airlock drop the oldest turns.</source>
        <translation>這段對話（{tokens} 個 token）已超出 {n_ctx} token 的上下文長度；請開始新對話，或讓 Airlock 捨棄最早的幾輪。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is an image model; choose a text model.</source>
        <translation>「{name}」是圖片模型，請選擇文字模型。</translation>
    </message>
    <message>
        <source>Missing required variable: {names}.</source>
        <translation>尚未填寫必填欄位：{names}。</translation>
    </message>
    <message>
        <source>Missing required variables: {names}.</source>
        <translation>尚未填寫必填欄位：{names}。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF model file (its first bytes are not &apos;GGUF&apos;).</source>
        <translation>{name} 不是 GGUF 模型檔（檔案開頭不是「GGUF」）。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes); copy the model file again.</source>
        <translation>{name} 是空檔（0 位元組）；請重新複製模型檔。</translation>
    </message>
    <message>
        <source>{name} has a corrupt GGUF header.</source>
        <translation>{name} 的 GGUF 檔頭已損壞。</translation>
    </message>
    <message>
        <source>{name} is truncated: the GGUF header ends early; copy the file again.</source>
        <translation>{name} 不完整：GGUF 檔頭提早結束；請重新複製檔案。</translation>
    </message>
    <message>
        <source>{path} is a folder without a model Airlock can load.</source>
        <translation>{path} 是資料夾，裡面沒有 Airlock 能載入的模型。</translation>
    </message>
    <message>
        <source>{path} is a folder without a model Airlock can load (it holds {file}: import that file).</source>
        <translation>{path} 是資料夾，裡面沒有 Airlock 能載入的模型（其中有 {file}：請匯入該檔案）。</translation>
    </message>
    <message>
        <source>{file} is already registered as &apos;{name}&apos;.</source>
        <translation>{file} 已經以「{name}」登錄過了。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a pack file.</source>
        <translation>{path} 是資料夾，不是範本包檔案。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空檔。</translation>
    </message>
    <message>
        <source>The pack is not a valid zip file.</source>
        <translation>這個範本包不是有效的 zip 檔。</translation>
    </message>
    <message>
        <source>{what} is not UTF-8 text.</source>
        <translation>{what} 不是 UTF-8 文字。</translation>
    </message>
    <message>
        <source>{what} is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation>{what} 不是有效的 JSON（第 {line} 行第 {column} 欄：{reason}）。</translation>
    </message>
    <message>
        <source>{what} must be a JSON object with a list of templates.</source>
        <translation>{what} 必須是含有範本清單的 JSON 物件。</translation>
    </message>
    <message>
        <source>template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>brand voice</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>framework</source>
        <translation>思考框架</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>brand voices</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>frameworks</source>
        <translation>思考框架</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列出清單</translation>
    </message>
    <message>
        <source>an inpainting</source>
        <translation>修補（inpainting）</translation>
    </message>
    <message>
        <source>a special-purpose</source>
        <translation>特殊用途</translation>
    </message>
    <message>
        <source>The generation failed</source>
        <translation>產生失敗</translation>
    </message>
    <message>
        <source>Airlock does not support the parameter &apos;{where}&apos;.</source>
        <translation>Airlock 不支援參數「{where}」。</translation>
    </message>
    <message>
        <source>Invalid value for &apos;{where}&apos;: {get}.</source>
        <translation>「{where}」的值無效：{get}。</translation>
    </message>
    <message>
        <source>The key &apos;{key_name}&apos; may not use {scope} endpoints.</source>
        <translation>金鑰「{key_name}」不可使用 {scope} 端點。</translation>
    </message>
    <message>
        <source>The API port must be from 1 to 65535 (got {port}).</source>
        <translation>API 連接埠必須介於 1 到 65535 之間（目前是 {port}）。</translation>
    </message>
    <message>
        <source>The request size limit must be from 1 byte to 64 MiB.</source>
        <translation>請求大小上限必須介於 1 位元組到 64 MiB 之間。</translation>
    </message>
    <message>
        <source>The API queue limit must be from 0 to 1000 requests.</source>
        <translation>API 佇列上限必須介於 0 到 1000 個請求之間。</translation>
    </message>
    <message>
        <source>TLS needs both a certificate file and its key file.</source>
        <translation>TLS 需要憑證檔及其金鑰檔兩者。</translation>
    </message>
    <message>
        <source>The TLS certificate and key cannot be used together ({reason}); give the PEM certificate and its own private key (not protected by a passphrase).</source>
        <translation>TLS 憑證和金鑰無法搭配使用（{reason}）；請提供 PEM 憑證及其對應的私密金鑰（不可設定密碼保護）。</translation>
    </message>
    <message>
        <source>The TLS file {path} does not exist.</source>
        <translation>TLS 檔案 {path} 不存在。</translation>
    </message>
    <message>
        <source>An allowed host is a name or address such as ai.corp.local, without a port (got &apos;{name}&apos;).</source>
        <translation>允許的主機是名稱或位址，例如 ai.corp.local，不含連接埠（目前是「{name}」）。</translation>
    </message>
    <message>
        <source>A CORS origin is one exact address such as https://crm.example.com (got &apos;{origin}&apos;).</source>
        <translation>CORS 來源必須是一個完整的位址，例如 https://crm.example.com（目前是「{origin}」）。</translation>
    </message>
    <message>
        <source>The admin policy does not allow the API on the network; it listens on 127.0.0.1 only.</source>
        <translation>管理政策不允許在網路上開放 API；API 只在 127.0.0.1 上接聽。</translation>
    </message>
    <message>
        <source>On the network the API needs TLS: give a certificate and key file.</source>
        <translation>在網路上開放 API 需要 TLS：請提供憑證檔和金鑰檔。</translation>
    </message>
    <message>
        <source>On the network the API needs a Host allowlist: the names clients use to reach this machine.</source>
        <translation>在網路上開放 API 需要主機允許清單：列出用戶端連到這台電腦時使用的名稱。</translation>
    </message>
    <message>
        <source>Unknown scope &apos;{unknown}&apos; (use {join}).</source>
        <translation>不明的權限範圍「{unknown}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>A key name is 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>金鑰名稱為 1 到 64 個英文字母、數字、「.」、「_」或「-」，且須以字母或數字開頭。</translation>
    </message>
    <message>
        <source>Scopes must be some of {join}.</source>
        <translation>權限範圍必須是下列之一或數個：{join}。</translation>
    </message>
    <message>
        <source>There is already a key named &apos;{name}&apos;; revoke it or choose another name.</source>
        <translation>已經有名為「{name}」的金鑰；請先撤銷它或改用其他名稱。</translation>
    </message>
    <message>
        <source>There is no API key named &apos;{name}&apos;.</source>
        <translation>沒有名為「{name}」的 API 金鑰。</translation>
    </message>
    <message>
        <source>The admin policy switches the local API off; ask your administrator.</source>
        <translation>管理政策已關閉本機 API；請洽詢您的系統管理員。</translation>
    </message>
    <message>
        <source>The API server could not start on {url} (details in the log).</source>
        <translation>API 伺服器無法在 {url} 啟動（詳情請見記錄檔）。</translation>
    </message>
    <message>
        <source>Cannot listen on {url}: {strerror}; choose another port with --port.</source>
        <translation>無法在 {url} 接聽：{strerror}；請用 --port 選擇其他連接埠。</translation>
    </message>
    <message>
        <source>There is no template model &apos;{model_id}&apos;; GET /v1/models lists them.</source>
        <translation>沒有名為「{model_id}」的範本模型；GET /v1/models 會列出所有範本模型。</translation>
    </message>
    <message>
        <source>&apos;{model_name}&apos; is an image model; use /v1/images/generations.</source>
        <translation>「{model_name}」是圖像模型；請使用 /v1/images/generations。</translation>
    </message>
    <message>
        <source>The last message must be the user&apos;s.</source>
        <translation>最後一則訊息必須來自使用者。</translation>
    </message>
    <message>
        <source>Template models answer on /v1/chat/completions.</source>
        <translation>範本模型只在 /v1/chat/completions 上回應。</translation>
    </message>
    <message>
        <source>The prompt is empty; give the text to complete.</source>
        <translation>提示是空的；請提供要續寫的文字。</translation>
    </message>
    <message>
        <source>There is no model &apos;{name}&apos;; GET /v1/models lists them.</source>
        <translation>沒有名為「{name}」的模型；GET /v1/models 會列出所有模型。</translation>
    </message>
    <message>
        <source>&apos;{model}&apos; is an image template; use /v1/images/generations.</source>
        <translation>「{model}」是圖像範本；請使用 /v1/images/generations。</translation>
    </message>
    <message>
        <source>template_variables only applies to template models (airlock/tpl-...).</source>
        <translation>template_variables 只適用於範本模型（airlock/tpl-...）。</translation>
    </message>
    <message>
        <source>max_tokens may be at most {max_tokens_limit} on this server.</source>
        <translation>這台伺服器的 max_tokens 最多為 {max_tokens_limit}。</translation>
    </message>
    <message>
        <source>No image model is registered on this workstation.</source>
        <translation>這台工作站沒有登錄任何圖像模型。</translation>
    </message>
    <message>
        <source>the reply did not match the schema ({exc})</source>
        <translation>回覆不符合結構描述（{exc}）</translation>
    </message>
    <message>
        <source>There is no connection named &apos;{name}&apos;.</source>
        <translation>沒有名為「{name}」的連線。</translation>
    </message>
    <message>
        <source>A connection name is 1-32 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>連線名稱為 1 到 32 個小寫英文字母、數字、「-」或「_」。</translation>
    </message>
    <message>
        <source>The server address must start with https:// (got &apos;{base_url}&apos;).</source>
        <translation>伺服器位址必須以 https:// 開頭（目前是「{base_url}」）。</translation>
    </message>
    <message>
        <source>A server on the network must be reached over https://, so the key and the prompts are encrypted on the way.</source>
        <translation>網路上的伺服器必須透過 https:// 連線，金鑰和提示在傳送途中才會加密。</translation>
    </message>
    <message>
        <source>The CA file {ca_file} does not exist.</source>
        <translation>CA 檔案 {ca_file} 不存在。</translation>
    </message>
    <message>
        <source>Rows sent at once must be from 1 to 64.</source>
        <translation>一次送出的列數必須介於 1 到 64 之間。</translation>
    </message>
    <message>
        <source>The {label} timeout must be between 0 and 3600 seconds.</source>
        <translation>{label}逾時必須介於 0 到 3600 秒之間。</translation>
    </message>
    <message>
        <source>The model file {name} changed while Airlock was checking it; Airlock will not load it. Try again when nothing is writing it.</source>
        <translation>模型檔 {name} 在 Airlock 檢查時被變更了；Airlock 不會載入它。請在沒有程式寫入它時再試一次。</translation>
    </message>
    <message>
        <source>The model file {name} was replaced while it was loading; Airlock did not use it. Import it again if the change is intended.</source>
        <translation>模型檔 {name} 在載入時被替換了；Airlock 沒有使用它。如果這是刻意的變更，請重新匯入。</translation>
    </message>
    <message>
        <source>the inference server &apos;{connection_name}&apos; ({base_url})</source>
        <translation>推論伺服器「{connection_name}」（{base_url}）</translation>
    </message>
    <message>
        <source>{where} did not answer within {connect_timeout} s while {doing}; check the address</source>
        <translation>{where}在{doing}時 {connect_timeout} 秒內沒有回應；請檢查位址</translation>
    </message>
    <message>
        <source>{where} sent nothing for too long while {doing}; it may be overloaded</source>
        <translation>{where}在{doing}時太久沒有傳送任何內容；它可能負載過重</translation>
    </message>
    <message>
        <source>cannot reach {where} while {doing} ({exc}); check the address and that the server runs</source>
        <translation>{doing}時無法連到{where}（{exc}）；請檢查位址，並確認伺服器正在執行</translation>
    </message>
    <message>
        <source>streaming the answer</source>
        <translation>串流傳送回答</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>{where} closed the connection while {doing}; it may have stopped</source>
        <translation>{where}在{doing}時關閉了連線；它可能已經停止</translation>
    </message>
    <message>
        <source>{where} refused the key (HTTP {code}); enter the key IT gave you in Settings &gt; Connections</source>
        <translation>{where}拒絕了金鑰（HTTP {code}）；請在「設定 &gt; 連線」中輸入 IT 提供給您的金鑰</translation>
    </message>
    <message>
        <source>{where} answered HTTP {code} while {doing}</source>
        <translation>{where}在{doing}時回應 HTTP {code}</translation>
    </message>
    <message>
        <source>{where} has a certificate this computer does not trust; add the company CA file to the connection</source>
        <translation>{where}的憑證不受這台電腦信任；請把公司的 CA 檔加入這個連線</translation>
    </message>
    <message>
        <source>{where} failed while {doing} ({exc})</source>
        <translation>{where}在{doing}時失敗（{exc}）</translation>
    </message>
    <message>
        <source>the model process could not start ({exc})</source>
        <translation>模型程序無法啟動（{exc}）</translation>
    </message>
    <message>
        <source>the model process ended ({reason})</source>
        <translation>模型程序已結束（{reason}）</translation>
    </message>
    <message>
        <source>the model process hit an internal error ({exc})</source>
        <translation>模型程序發生內部錯誤（{exc}）</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{fmt}&apos; (use {join}).</source>
        <translation>不明的匯出格式「{fmt}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>Batch job {job_id} has no approved rows yet; approve drafts before exporting.</source>
        <translation>批次工作 {job_id} 還沒有核准的列；請先核准草稿再匯出。</translation>
    </message>
    <message>
        <source>No column holds the recipients&apos; addresses; name one (e.g. --to-column email).</source>
        <translation>沒有欄位存放收件人的地址；請指定一個欄位（例如 --to-column email）。</translation>
    </message>
    <message>
        <source>None of the approved rows has an address in the column &apos;{column}&apos;.</source>
        <translation>核准的列在「{column}」欄中都沒有地址。</translation>
    </message>
    <message>
        <source>{out} is a file; .eml export writes one file per draft into a folder.</source>
        <translation>{out} 是檔案；.eml 匯出會把每份草稿寫成一個檔案，放進資料夾。</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>匯出已取消；沒有寫入任何內容。</translation>
    </message>
    <message>
        <source>The addresses in the column &apos;{column}&apos; were masked when the drafts were stored (PII protection in stored history); export CSV instead and merge it with your original list by row number.</source>
        <translation>「{column}」欄中的地址在儲存草稿時已被遮蔽（已儲存歷史的個資保護）；請改為匯出 CSV，再依列號與您的原始名單合併。</translation>
    </message>
    <message>
        <source>Cannot create the folder {out} ({strerror}).</source>
        <translation>無法建立資料夾 {out}（{strerror}）。</translation>
    </message>
    <message>
        <source>1 row cannot be used:</source>
        <translation>有 1 列無法使用：</translation>
    </message>
    <message>
        <source>{count} rows cannot be used:</source>
        <translation>有 {count} 列無法使用：</translation>
    </message>
    <message>
        <source>Row {row_number}: {message}</source>
        <translation>第 {row_number} 列：{message}</translation>
    </message>
    <message>
        <source>And {count} more rows.</source>
        <translation>另有 {count} 列。</translation>
    </message>
    <message>
        <source>No column is mapped to the required variables {join}; choose a column for them.</source>
        <translation>必填變數 {join} 沒有對應的欄位；請為它們選擇欄位。</translation>
    </message>
    <message>
        <source>Template &apos;{template_name}&apos; has no variable &apos;{variable}&apos;.</source>
        <translation>範本「{template_name}」沒有變數「{variable}」。</translation>
    </message>
    <message>
        <source>The file has no column &apos;{column}&apos; (its columns: {join}).</source>
        <translation>檔案沒有「{column}」欄（現有的欄：{join}）。</translation>
    </message>
    <message>
        <source>No column is mapped to the required variable {unmapped}; choose a column for it.</source>
        <translation>必填變數 {unmapped} 沒有對應的欄位；請為它選擇一個欄位。</translation>
    </message>
    <message>
        <source>&apos;{template_name}&apos; is an image template; a batch writes text drafts.</source>
        <translation>「{template_name}」是圖像範本；批次只產生文字草稿。</translation>
    </message>
    <message>
        <source>Unknown seed policy &apos;{seed_policy}&apos; (use {join}).</source>
        <translation>不明的種子策略「{seed_policy}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>Unknown sampling setting &apos;{unknown}&apos;.</source>
        <translation>不明的取樣設定「{unknown}」。</translation>
    </message>
    <message>
        <source>Row {number} cannot be rendered: {exc}</source>
        <translation>第 {number} 列無法套用範本：{exc}</translation>
    </message>
    <message>
        <source>The disk is full; free some space, then resume the job.</source>
        <translation>磁碟已滿；請釋出一些空間，然後繼續這個工作。</translation>
    </message>
    <message>
        <source>The batch could not be saved ({exc}); resume it once the problem is fixed.</source>
        <translation>無法儲存批次（{exc}）；問題解決後請繼續這個工作。</translation>
    </message>
    <message>
        <source>Batch job {job_id} is running in another Airlock process; pause it there first.</source>
        <translation>批次工作 {job_id} 正在另一個 Airlock 程式中執行；請先在那裡暫停。</translation>
    </message>
    <message>
        <source>Batch job {job_id} is already running.</source>
        <translation>批次工作 {job_id} 已在執行中。</translation>
    </message>
    <message>
        <source>The model &apos;{model}&apos; is not the file this job started with; import that file again or start a new job.</source>
        <translation>模型「{model}」不是這個工作開始時使用的檔案；請重新匯入那個檔案，或開始新的工作。</translation>
    </message>
    <message>
        <source>The draft could not be read as its fields: {exc}.</source>
        <translation>無法把草稿讀成它的欄位：{exc}。</translation>
    </message>
    <message>
        <source>the job could not run ({exc})</source>
        <translation>工作無法執行（{exc}）</translation>
    </message>
    <message>
        <source>There is no batch job {job_id}; &apos;airlock batch list&apos; shows them.</source>
        <translation>沒有批次工作 {job_id}；「airlock batch list」會列出所有批次工作。</translation>
    </message>
    <message>
        <source>Batch job {job_id} has no row {row_number}.</source>
        <translation>批次工作 {job_id} 沒有第 {row_number} 列。</translation>
    </message>
    <message>
        <source>Row {row_number} is being generated right now.</source>
        <translation>第 {row_number} 列正在產生中。</translation>
    </message>
    <message>
        <source>Unknown decision &apos;{decision}&apos;.</source>
        <translation>不明的審核決定「{decision}」。</translation>
    </message>
    <message>
        <source>Say who is reviewing (a name of 1 to 100 characters).</source>
        <translation>請填寫審核者（1 到 100 個字元的名稱）。</translation>
    </message>
    <message>
        <source>Give a reason for rejecting the draft.</source>
        <translation>請說明退回這份草稿的原因。</translation>
    </message>
    <message>
        <source>The reason may be at most {max_reason_chars} characters.</source>
        <translation>原因最多 {max_reason_chars} 個字元。</translation>
    </message>
    <message>
        <source>An edit needs the edited text.</source>
        <translation>編輯需要提供編輯後的文字。</translation>
    </message>
    <message>
        <source>Row {listed} has no draft to review yet.</source>
        <translation>第 {listed} 列還沒有可審核的草稿。</translation>
    </message>
    <message>
        <source>Rows {listed} have no draft to review yet.</source>
        <translation>第 {listed} 列還沒有可審核的草稿。</translation>
    </message>
    <message>
        <source>&apos;{job_id}&apos; is not a batch job number; &apos;airlock batch list&apos; shows them.</source>
        <translation>「{job_id}」不是批次工作編號；「airlock batch list」會列出所有批次工作。</translation>
    </message>
    <message>
        <source>row {numbers} has</source>
        <translation>第 {numbers} 列有</translation>
    </message>
    <message>
        <source>rows {list_phrase} have</source>
        <translation>第 {list_phrase} 列有</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>沒有檔案 {path}。</translation>
    </message>
    <message>
        <source>{name} is empty; export the data again with a header row and at least one row.</source>
        <translation>{name} 是空的；請重新匯出資料，須包含標題列和至少一列資料。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a batch file may be at most {max_file_bytes} MB. Split it into smaller files.</source>
        <translation>{name} 有 {size} MB；批次檔案最多 {max_file_bytes} MB。請分割成較小的檔案。</translation>
    </message>
    <message>
        <source>The header row number starts at 1.</source>
        <translation>標題列的列號從 1 開始。</translation>
    </message>
    <message>
        <source>{name} is not a text file (it looks binary); export it from the CRM as CSV or XLSX.</source>
        <translation>{name} 不是文字檔（看起來是二進位檔）；請從 CRM 匯出成 CSV 或 XLSX。</translation>
    </message>
    <message>
        <source>{name} is not a text file (it contains NUL characters); export it as CSV or XLSX.</source>
        <translation>{name} 不是文字檔（含有 NUL 字元）；請匯出成 CSV 或 XLSX。</translation>
    </message>
    <message>
        <source>{name} is password-protected or an old .xls workbook; open it in Excel, remove the password and save it as .xlsx (or export CSV).</source>
        <translation>{name} 有密碼保護，或是舊式 .xls 活頁簿；請用 Excel 開啟、移除密碼並另存為 .xlsx（或匯出 CSV）。</translation>
    </message>
    <message>
        <source>{name} has no header row; the first row must name the columns.</source>
        <translation>{name} 沒有標題列；第一列必須是欄位名稱。</translation>
    </message>
    <message>
        <source>{name} has an empty header row; the first row must name the columns.</source>
        <translation>{name} 的標題列是空的；第一列必須是欄位名稱。</translation>
    </message>
    <message>
        <source>{name} has {header} columns; at most {max_columns} are allowed.</source>
        <translation>{name} 有 {header} 個欄位；最多只允許 {max_columns} 個。</translation>
    </message>
    <message>
        <source>{name} has the column name {join} more than once; rename the columns so each name is unique.</source>
        <translation>{name} 的欄位名稱 {join} 出現不只一次；請重新命名，讓每個欄位名稱都不重複。</translation>
    </message>
    <message>
        <source>{name} has a header row but no data rows.</source>
        <translation>{name} 有標題列，但沒有資料列。</translation>
    </message>
    <message>
        <source>{name} has more than {max_rows} rows; split it into smaller files.</source>
        <translation>{name} 超過 {max_rows} 列；請分割成較小的檔案。</translation>
    </message>
    <message>
        <source>{name}: {rows_phrase} more cells than the header has columns; check the delimiter or quote cells that contain it.</source>
        <translation>{name}：{rows_phrase}的儲存格比標題列的欄位多；請檢查分隔符號，或用引號括住含有分隔符號的儲存格。</translation>
    </message>
    <message>
        <source>{name}: cells longer than {max_cell_chars} characters in row {list_phrase}; shorten them or leave that column out.</source>
        <translation>{name}：第 {list_phrase} 列有超過 {max_cell_chars} 個字元的儲存格；請縮短內容或略過那一欄。</translation>
    </message>
    <message>
        <source>Unknown encoding &apos;{chosen}&apos; (choose one of {join}).</source>
        <translation>不明的編碼「{chosen}」（請從 {join} 中選擇）。</translation>
    </message>
    <message>
        <source>{name} cannot be read as {chosen} (byte {start}); pick another encoding in the preview.</source>
        <translation>{name} 無法以 {chosen} 讀取（第 {start} 位元組）；請在預覽中改選其他編碼。</translation>
    </message>
    <message>
        <source>{name} is not a valid CSV file near line {line_num} ({exc}).</source>
        <translation>{name} 在第 {line_num} 行附近不是有效的 CSV 檔（{exc}）。</translation>
    </message>
    <message>
        <source>{name} is damaged or not an Excel workbook ({name2}); save it again from Excel or export CSV.</source>
        <translation>{name} 已損毀或不是 Excel 活頁簿（{name2}）；請用 Excel 重新儲存，或匯出 CSV。</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook ({exc}); save it again from Excel or export CSV.</source>
        <translation>{name} 無法當作 Excel 活頁簿讀取（{exc}）；請用 Excel 重新儲存，或匯出 CSV。</translation>
    </message>
    <message>
        <source>{name} has no sheet &apos;{sheet}&apos; (its sheets: {join}).</source>
        <translation>{name} 沒有「{sheet}」工作表（現有的工作表：{join}）。</translation>
    </message>
    <message>
        <source>{name} has a cell longer than {max_cell_chars} characters near line {line_num}; shorten it or leave that column out.</source>
        <translation>{name} 在第 {line_num} 行附近有超過 {max_cell_chars} 個字元的儲存格；請縮短內容或略過那一欄。</translation>
    </message>
    <message>
        <source>{name} is damaged ({exc}); save it again from Excel or export CSV.</source>
        <translation>{name} 已損毀（{exc}）；請用 Excel 重新儲存，或匯出 CSV。</translation>
    </message>
    <message>
        <source>{root} is not a demo home; it was left alone.</source>
        <translation>{root} 不是示範用的資料目錄；未做任何變更。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {exc}.</source>
        <translation>無法寫入 {path}：{exc}。</translation>
    </message>
    <message>
        <source>{path} already exists; add --force to replace it, or choose another name.</source>
        <translation>{path} 已存在；請換一個名稱，或選擇取代它（命令列加上 --force）。</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written; free some space and try again.</source>
        <translation>磁碟已滿：無法寫入 {path}；請釋出一些空間後再試一次。</translation>
    </message>
    <message>
        <source>Airlock may not write {path} ({strerror}); choose another place.</source>
        <translation>Airlock 沒有權限寫入 {path}（{strerror}）；請選擇其他位置。</translation>
    </message>
    <message>
        <source>Cannot write {path}: its folder does not exist.</source>
        <translation>無法寫入 {path}：它的資料夾不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path} 是資料夾；請提供檔案名稱。</translation>
    </message>
    <message>
        <source>Nobody is reading {path} any more; the export was cut short.</source>
        <translation>已經沒有程式在讀取 {path}；匯出提前中斷。</translation>
    </message>
    <message>
        <source>No file name was given to write.</source>
        <translation>沒有提供要寫入的檔案名稱。</translation>
    </message>
    <message>
        <source>{shown} is not a file Airlock can write (a device or socket); choose a file name.</source>
        <translation>{shown} 不是 Airlock 能寫入的檔案（是裝置或通訊端）；請選擇檔案名稱。</translation>
    </message>
    <message>
        <source>--home is empty; give a folder, or leave the option out to use the default home.</source>
        <translation>--home 是空的；請提供資料夾，或省略這個選項以使用預設的資料目錄。</translation>
    </message>
    <message>
        <source>{folder} is a file where Airlock needs a folder; move it aside or choose another home with --home.</source>
        <translation>{folder} 是檔案，但 Airlock 在這裡需要資料夾；請把它移開，或用 --home 選擇其他資料目錄。</translation>
    </message>
    <message>
        <source>{folder} is in the way of the folder Airlock needs; move it aside or choose another home with --home.</source>
        <translation>{folder} 擋住了 Airlock 需要的資料夾；請把它移開，或用 --home 選擇其他資料目錄。</translation>
    </message>
    <message>
        <source>Cannot create the Airlock home folder {folder} ({strerror}); choose another place with --home.</source>
        <translation>無法建立 Airlock 資料目錄 {folder}（{strerror}）；請用 --home 選擇其他位置。</translation>
    </message>
    <message>
        <source>The prompt is empty; describe the image you want.</source>
        <translation>提示是空的；請描述您想要的圖像。</translation>
    </message>
    <message>
        <source>&apos;{model_name}&apos; is a text model; choose an image model.</source>
        <translation>「{model_name}」是文字模型；請選擇圖像模型。</translation>
    </message>
    <message>
        <source>Image generation needs torch and diffusers, which this copy of Airlock does not include (the text-only edition); use the full edition to make images.</source>
        <translation>產生圖像需要 torch 與 diffusers，這份 Airlock（純文字版）沒有包含；請改用完整版來產生圖像。</translation>
    </message>
    <message>
        <source>Unknown device &apos;{device}&apos; (use {join}).</source>
        <translation>不明的裝置「{device}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>The number of threads must be at least 1.</source>
        <translation>執行緒數量至少要 1。</translation>
    </message>
    <message>
        <source>The seed must be between 0 and {max_seed} (got {seed}).</source>
        <translation>種子必須介於 0 到 {max_seed} 之間（目前是 {seed}）。</translation>
    </message>
    <message>
        <source>Unknown CPU engine &apos;{cpu_engine}&apos; (use {join}).</source>
        <translation>不明的 CPU 引擎「{cpu_engine}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>Guidance is 1 or less, so the negative prompt has no effect.</source>
        <translation>引導強度為 1 或更低，所以負向提示沒有作用。</translation>
    </message>
    <message>
        <source>The init image {path} does not exist.</source>
        <translation>起始圖像 {path} 不存在。</translation>
    </message>
    <message>
        <source>The output file {out} must end in .png.</source>
        <translation>輸出檔 {out} 的副檔名必須是 .png。</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation>資料夾 {parent} 不存在。</translation>
    </message>
    <message>
        <source>This CPU has no native bfloat16, so the images were computed in fp32.</source>
        <translation>這顆 CPU 不支援原生 bfloat16，所以圖像以 fp32 計算。</translation>
    </message>
    <message>
        <source>The memory option {option} must be auto, on or off (got &apos;{value}&apos;).</source>
        <translation>記憶體選項 {option} 必須是 auto、on 或 off（目前是「{value}」）。</translation>
    </message>
    <message>
        <source>{path} is not a file Airlock can write; choose another name.</source>
        <translation>{path} 不是 Airlock 能寫入的檔案；請選擇其他名稱。</translation>
    </message>
    <message>
        <source>The prompt is {prompt_tokens} tokens long; the text encoder reads only the first {n_ctx}.</source>
        <translation>提示長度為 {prompt_tokens} 個 token；文字編碼器只會讀取前 {n_ctx} 個。</translation>
    </message>
    <message>
        <source>Running on the CPU: {fallback_reason}.</source>
        <translation>正在以 CPU 執行：{fallback_reason}。</translation>
    </message>
    <message>
        <source>Unknown preset &apos;{name}&apos; (use {join}).</source>
        <translation>不明的預設組合「{name}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>The {name} preset runs {min_steps}-{max_steps} steps (got {steps}).</source>
        <translation>{name} 預設組合的步數為 {min_steps} 到 {max_steps}（目前是 {steps}）。</translation>
    </message>
    <message>
        <source>Guidance must be between 0 and {max_guidance} for the {name} preset (got {guidance}).</source>
        <translation>{name} 預設組合的引導強度必須介於 0 到 {max_guidance} 之間（目前是 {guidance}）。</translation>
    </message>
    <message>
        <source>Unknown scheduler &apos;{scheduler}&apos; (use {join}).</source>
        <translation>不明的排程器「{scheduler}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>The image count must be between 1 and {max_count} (got {count}).</source>
        <translation>圖像張數必須介於 1 到 {max_count} 之間（目前是 {count}）。</translation>
    </message>
    <message>
        <source>Image size {width}x{height} is not possible: width and height must be multiples of 8 between {min_side} and {max_side}.</source>
        <translation>無法使用 {width}x{height} 的圖像尺寸：寬度和高度必須是 8 的倍數，且介於 {min_side} 到 {max_side} 之間。</translation>
    </message>
    <message>
        <source>Size &apos;{text}&apos; is not WIDTHxHEIGHT, for example 512x512.</source>
        <translation>尺寸「{text}」不是 寬x高 的格式，例如 512x512。</translation>
    </message>
    <message>
        <source>The {name} preset runs without guidance; leave --guidance out or set it to 0.</source>
        <translation>{name} 預設組合不使用引導強度；請省略 --guidance 或設為 0。</translation>
    </message>
    <message>
        <source>Strength must be above 0 and at most 1 (got {strength}).</source>
        <translation>強度必須大於 0 且最多為 1（目前是 {strength}）。</translation>
    </message>
    <message>
        <source>With {steps} steps and strength {strength} no denoising step would run; raise --steps or --strength.</source>
        <translation>以 {steps} 步和強度 {strength} 不會執行任何去噪步驟；請提高 --steps 或 --strength。</translation>
    </message>
    <message>
        <source>the GPU is switched off in the settings</source>
        <translation>設定中已關閉 GPU</translation>
    </message>
    <message>
        <source>an NVIDIA GPU is present but this torch build has no CUDA support; install the CUDA build of torch to use it</source>
        <translation>雖然有 NVIDIA GPU，但這個 torch 版本不支援 CUDA；請安裝 CUDA 版的 torch 才能使用</translation>
    </message>
    <message>
        <source>No CUDA GPU is usable by this torch build; choose the CPU or install torch with CUDA.</source>
        <translation>這個 torch 版本無法使用任何 CUDA GPU；請選擇 CPU，或安裝支援 CUDA 的 torch。</translation>
    </message>
    <message>
        <source>Cannot read the init image {name}: {exc}.</source>
        <translation>無法讀取起始圖像 {name}：{exc}。</translation>
    </message>
    <message>
        <source>the model could not be loaded ({exc})</source>
        <translation>無法載入模型（{exc}）</translation>
    </message>
    <message>
        <source>the GPU ran out of memory; choose a smaller size or turn on CPU offload</source>
        <translation>GPU 記憶體不足；請選擇較小的尺寸，或開啟 CPU 卸載</translation>
    </message>
    <message>
        <source>the computer ran out of memory; choose a smaller size or model</source>
        <translation>電腦記憶體不足；請選擇較小的尺寸或模型</translation>
    </message>
    <message>
        <source>generation failed inside diffusers ({exc})</source>
        <translation>diffusers 內部生成失敗（{exc}）</translation>
    </message>
    <message>
        <source>The hourly rate must be a number of TWD from 0 to 1,000,000.</source>
        <translation>每小時費率必須是 0 到 1,000,000 之間的新臺幣金額。</translation>
    </message>
    <message>
        <source>The {what} baselines must be a mapping of names to minutes.</source>
        <translation>{what}基準必須是名稱對應分鐘數的對照表。</translation>
    </message>
    <message>
        <source>The baseline for &apos;{key}&apos; must be a number of minutes from 0 to 1440.</source>
        <translation>「{key}」的基準必須是 0 到 1440 之間的分鐘數。</translation>
    </message>
    <message>
        <source>The {option} &apos;{text}&apos; is not a date; write it as YYYY-MM-DD.</source>
        <translation>{option}「{text}」不是日期；請寫成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The period starts ({start}) after it ends ({end}); swap the dates.</source>
        <translation>期間的開始日（{start}）晚於結束日（{end}）；請對調兩個日期。</translation>
    </message>
    <message>
        <source>{source} was written by another Airlock version (roll-up format {get}); export it again.</source>
        <translation>{source} 是由其他版本的 Airlock 寫出的（彙總格式 {get}）；請重新匯出。</translation>
    </message>
    <message>
        <source>{source} names a key that is not the one that signed it; it is refused.</source>
        <translation>{source} 標示的金鑰不是為它簽章的金鑰；已拒絕。</translation>
    </message>
    <message>
        <source>Give at least one roll-up file to merge.</source>
        <translation>請至少提供一個要合併的彙總檔。</translation>
    </message>
    <message>
        <source>{source} is not an Airlock insights roll-up file.</source>
        <translation>{source} 不是 Airlock 成效彙總檔。</translation>
    </message>
    <message>
        <source>{source} was changed after it was signed; it is refused. Export it again on its workstation.</source>
        <translation>{source} 在簽章後被修改過；已拒絕。請在它的工作站上重新匯出。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {exc}.</source>
        <translation>無法讀取 {path}：{exc}。</translation>
    </message>
    <message>
        <source>{path} is not an Airlock insights roll-up file (not JSON).</source>
        <translation>{path} 不是 Airlock 成效彙總檔（不是 JSON）。</translation>
    </message>
    <message>
        <source>{source} is signed by workstation key {key}, which is not in the trusted list.</source>
        <translation>{source} 是由工作站金鑰 {key} 簽章的，這把金鑰不在信任清單中。</translation>
    </message>
    <message>
        <source>{source} is the same export as {seen}; give each file once.</source>
        <translation>{source} 和 {seen} 是同一份匯出；每個檔案只要提供一次。</translation>
    </message>
    <message>
        <source>{source} and {other_source} come from the same workstation and their periods overlap, so the same work would count twice; keep one of them.</source>
        <translation>{source} 和 {other_source} 來自同一台工作站且期間重疊，同樣的工作會被計算兩次；請只保留其中一個。</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>{noun} from {shown} to {shown2}</source>
        <translation>介於 {shown} 到 {shown2} 之間的{noun}</translation>
    </message>
    <message>
        <source>{noun} above {shown} and at most {shown2}</source>
        <translation>大於 {shown} 且最多為 {shown2} 的{noun}</translation>
    </message>
    <message>
        <source>The {label} setting must be {allowed} (got {got}).</source>
        <translation>{label} 設定必須是{allowed}（目前是 {got}）。</translation>
    </message>
    <message>
        <source>There is no knowledge collection &apos;{name}&apos; (known: {known}).</source>
        <translation>沒有名為「{name}」的知識集合（現有：{known}）。</translation>
    </message>
    <message>
        <source>A collection needs a name of 1 to 100 characters.</source>
        <translation>知識集合的名稱須為 1 到 100 個字元。</translation>
    </message>
    <message>
        <source>A collection named &apos;{name}&apos; already exists.</source>
        <translation>已經有名為「{name}」的知識集合。</translation>
    </message>
    <message>
        <source>Not enough free disk space to import this: it needs about {needed} MB and {free} MB are free; free some space and try again.</source>
        <translation>磁碟空間不足，無法匯入：約需 {needed} MB，目前只剩 {free} MB；請釋出一些空間後再試一次。</translation>
    </message>
    <message>
        <source>The import was stopped; the unfinished document was removed.</source>
        <translation>匯入已停止；未完成的文件已移除。</translation>
    </message>
    <message>
        <source>Choose between 1 and {max_snippets} snippets.</source>
        <translation>請選擇 1 到 {max_snippets} 個片段。</translation>
    </message>
    <message>
        <source>Knowledge snippet {missing} no longer exists.</source>
        <translation>知識片段 {missing} 已不存在。</translation>
    </message>
    <message>
        <source>The import was stopped.</source>
        <translation>匯入已停止。</translation>
    </message>
    <message>
        <source>{name} is not a document Airlock can read (use .txt, .md, .docx, .pdf, .xlsx or .csv).</source>
        <translation>{name} 不是 Airlock 能讀取的文件（請使用 .txt、.md、.docx、.pdf、.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <source>{name} is in the {suffix} format; save it as {old_formats} and import that.</source>
        <translation>{name} 是 {suffix} 格式；請另存為 {old_formats} 後再匯入。</translation>
    </message>
    <message>
        <source>{name} is a folder; choose the files inside it.</source>
        <translation>{name} 是資料夾；請選擇裡面的檔案。</translation>
    </message>
    <message>
        <source>{name} contains no text.</source>
        <translation>{name} 不含任何文字。</translation>
    </message>
    <message>
        <source>{name} is not a text file.</source>
        <translation>{name} 不是文字檔。</translation>
    </message>
    <message>
        <source>{name} is not text in any encoding Airlock recognises.</source>
        <translation>{name} 不是 Airlock 認得的任何編碼的文字。</translation>
    </message>
    <message>
        <source>{name} is not a valid {suffix} file (it may be damaged or renamed).</source>
        <translation>{name} 不是有效的 {suffix} 檔（可能已損毀或被改過副檔名）。</translation>
    </message>
    <message>
        <source>{name} is a link to {target}, outside the folder it is in; Airlock does not follow it (import that file itself if you mean to).</source>
        <translation>{name} 是指向 {target} 的連結，位於它所在的資料夾之外；Airlock 不會跟隨它（如果確實需要，請直接匯入那個檔案）。</translation>
    </message>
    <message>
        <source>{name} is larger than {max_document_bytes} MB; split it first.</source>
        <translation>{name} 超過 {max_document_bytes} MB；請先分割。</translation>
    </message>
    <message>
        <source>{name} cannot be opened: permission denied.</source>
        <translation>無法開啟 {name}：權限不足。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {exc}.</source>
        <translation>無法讀取 {name}：{exc}。</translation>
    </message>
    <message>
        <source>{name} looks damaged and could not be read ({name2}).</source>
        <translation>{name} 看起來已損毀，無法讀取（{name2}）。</translation>
    </message>
    <message>
        <source>{name} has no text layer (a scanned PDF needs OCR first).</source>
        <translation>{name} 沒有文字層（掃描的 PDF 需要先做 OCR 文字辨識）。</translation>
    </message>
    <message>
        <source>{name} unpacks to more than 1 GB; Airlock will not open it.</source>
        <translation>{name} 解壓縮後超過 1 GB；Airlock 不會開啟它。</translation>
    </message>
    <message>
        <source>Stopped while reading the document.</source>
        <translation>讀取文件時已停止。</translation>
    </message>
    <message>
        <source>{name} is password-protected; save an unprotected copy first.</source>
        <translation>{name} 有密碼保護；請先另存一份未加密的副本。</translation>
    </message>
    <message>
        <source>{name} is not a readable PDF ({exc}).</source>
        <translation>{name} 不是可讀取的 PDF（{exc}）。</translation>
    </message>
    <message>
        <source>Stopped while reading the spreadsheet.</source>
        <translation>讀取試算表時已停止。</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file ({exc}).</source>
        <translation>{name} 不是可讀取的 CSV 檔（{exc}）。</translation>
    </message>
    <message>
        <source>{name} holds a part ({filename}) that unpacks to {file_size} MB, more than a real document has; Airlock will not open it.</source>
        <translation>{name} 含有一個部分（{filename}）解壓縮後有 {file_size} MB，超過一般文件的大小；Airlock 不會開啟它。</translation>
    </message>
    <message>
        <source>Stopped while reading the PDF.</source>
        <translation>讀取 PDF 時已停止。</translation>
    </message>
    <message>
        <source>A brand voice</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>Brand voice &apos;{strip}&apos;</source>
        <translation>品牌語氣「{strip}」</translation>
    </message>
    <message>
        <source>{where} must be an object.</source>
        <translation>{where} 必須是物件。</translation>
    </message>
    <message>
        <source>{where} needs a name of 1 to 100 characters.</source>
        <translation>{where} 需要 1 到 100 個字元的名稱。</translation>
    </message>
    <message>
        <source>{where} has an unknown field &apos;{unknown}&apos;.</source>
        <translation>{where} 有不明的欄位「{unknown}」。</translation>
    </message>
    <message>
        <source>{where} has language &apos;{language}&apos;; use zh-TW or en.</source>
        <translation>{where} 的語言是「{language}」；請使用 zh-TW 或 en。</translation>
    </message>
    <message>
        <source>{where}: &apos;version&apos; must be a whole number from 1 to {max_version}.</source>
        <translation>{where}：「version」必須是 1 到 {max_version} 之間的整數。</translation>
    </message>
    <message>
        <source>There is no brand voice &apos;{name}&apos; (known: {known}).</source>
        <translation>沒有名為「{name}」的品牌語氣（現有：{known}）。</translation>
    </message>
    <message>
        <source>A brand voice named &apos;{voice_name}&apos; already exists.</source>
        <translation>已經有名為「{voice_name}」的品牌語氣。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be text of at most {max_text_chars} characters.</source>
        <translation>{where}：「{key}」必須是最多 {max_text_chars} 個字元的文字。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be a list of texts.</source>
        <translation>{where}：「{key}」必須是文字清單。</translation>
    </message>
    <message>
        <source>Template &apos;{template_name}&apos;</source>
        <translation>範本「{template_name}」</translation>
    </message>
    <message>
        <source>The recommended model &apos;{model}&apos; is not registered here; using the default model.</source>
        <translation>建議的模型「{model}」沒有在這裡登錄；改用預設模型。</translation>
    </message>
    <message>
        <source>No knowledge snippet matched this prompt.</source>
        <translation>沒有符合這個提示的知識片段。</translation>
    </message>
    <message>
        <source>Knowledge snippets are left out of image prompts.</source>
        <translation>圖像提示不會加入知識片段。</translation>
    </message>
    <message>
        <source>The thinking framework &apos;{framework}&apos; is not in the library; running without it.</source>
        <translation>思考框架「{framework}」不在範本庫中；將不使用它執行。</translation>
    </message>
    <message>
        <source>The brand voice &apos;{brand_voice}&apos; no longer exists; running without it.</source>
        <translation>品牌語氣「{brand_voice}」已不存在；將不使用它執行。</translation>
    </message>
    <message>
        <source>A framework</source>
        <translation>思考框架</translation>
    </message>
    <message>
        <source>Framework &apos;{key}&apos;</source>
        <translation>思考框架「{key}」</translation>
    </message>
    <message>
        <source>{where} needs a short key of letters and digits, such as AIDA (got {key}).</source>
        <translation>{where} 需要一個由英文字母和數字組成的簡短代號，例如 AIDA（目前是 {key}）。</translation>
    </message>
    <message>
        <source>{where} needs an instruction (what the model should do with it).</source>
        <translation>{where} 需要一段指示（模型要如何運用它）。</translation>
    </message>
    <message>
        <source>There is no thinking framework &apos;{key}&apos; (known: {known}).</source>
        <translation>沒有名為「{key}」的思考框架（現有：{known}）。</translation>
    </message>
    <message>
        <source>The template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>An output field</source>
        <translation>輸出欄位</translation>
    </message>
    <message>
        <source>Output field &apos;{name}&apos;</source>
        <translation>輸出欄位「{name}」</translation>
    </message>
    <message>
        <source>{where}: &apos;outputs&apos; must be a list of at most {max_fields} fields.</source>
        <translation>{where}：「outputs」必須是最多 {max_fields} 個欄位的清單。</translation>
    </message>
    <message>
        <source>{where} declares the same output field twice.</source>
        <translation>{where} 重複宣告了同一個輸出欄位。</translation>
    </message>
    <message>
        <source>{where} must be an object with a name.</source>
        <translation>{where} 必須是含有名稱的物件。</translation>
    </message>
    <message>
        <source>{where} has an unknown key &apos;{unknown}&apos;.</source>
        <translation>{where} 有不明的鍵「{unknown}」。</translation>
    </message>
    <message>
        <source>{where} needs a name of letters, digits and underscores (got {name}).</source>
        <translation>{where} 需要由英文字母、數字和底線組成的名稱（目前是 {name}）。</translation>
    </message>
    <message>
        <source>{where} has kind &apos;{kind}&apos;; use text or list.</source>
        <translation>{where} 的種類是「{kind}」；請使用 text 或 list。</translation>
    </message>
    <message>
        <source>{where}: the label must be text of at most 100 characters.</source>
        <translation>{where}：標籤必須是最多 100 個字元的文字。</translation>
    </message>
    <message>
        <source>{where}: &apos;items&apos; is for list fields, a whole number from 1 to 20.</source>
        <translation>{where}：「items」用於清單欄位，須為 1 到 20 之間的整數。</translation>
    </message>
    <message>
        <source>{where}: &apos;max_chars&apos; must be a whole number from 1 to 20000.</source>
        <translation>{where}：「max_chars」必須是 1 到 20000 之間的整數。</translation>
    </message>
    <message>
        <source>{where}: an output field</source>
        <translation>{where}：一個輸出欄位</translation>
    </message>
    <message>
        <source>The pack</source>
        <translation>範本包</translation>
    </message>
    <message>
        <source>Could not find a free name for &apos;{name}&apos;.</source>
        <translation>找不到可用來取代「{name}」的名稱。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a pack may be at most {max_pack_bytes} MB.</source>
        <translation>{name} 有 {size} MB；範本包最多 {max_pack_bytes} MB。</translation>
    </message>
    <message>
        <source>{name} in the zip unpacks to more than {max_pack_bytes} MB.</source>
        <translation>zip 中的 {name} 解壓縮後超過 {max_pack_bytes} MB。</translation>
    </message>
    <message>
        <source>{what} is larger than {max_pack_bytes} MB.</source>
        <translation>{what}超過 {max_pack_bytes} MB。</translation>
    </message>
    <message>
        <source>{what} has format version {get}; this Airlock reads version {format_version}.</source>
        <translation>{what}的格式版本是 {get}；這個 Airlock 只能讀取第 {format_version} 版。</translation>
    </message>
    <message>
        <source>{what} is empty: it holds no templates, brand voices or frameworks.</source>
        <translation>{what}是空的：裡面沒有任何範本、品牌語氣或思考框架。</translation>
    </message>
    <message>
        <source>{what}: &apos;name&apos; and &apos;description&apos; must be text.</source>
        <translation>{what}：「name」和「description」必須是文字。</translation>
    </message>
    <message>
        <source>There is nothing to export.</source>
        <translation>沒有可匯出的內容。</translation>
    </message>
    <message>
        <source>The zip has no manifest.json, so it is not an Airlock pack.</source>
        <translation>這個 zip 沒有 manifest.json，所以不是 Airlock 範本包。</translation>
    </message>
    <message>
        <source>manifest.json does not describe an Airlock pack (it must list pack.json).</source>
        <translation>manifest.json 描述的不是 Airlock 範本包（它必須列出 pack.json）。</translation>
    </message>
    <message>
        <source>The zip holds &apos;{extra}&apos;, which its manifest does not list.</source>
        <translation>zip 中有「{extra}」，但清單檔（manifest）沒有列出它。</translation>
    </message>
    <message>
        <source>The zip&apos;s manifest lists pack.json but the zip does not hold it.</source>
        <translation>zip 的清單檔（manifest）列出了 pack.json，但 zip 中沒有這個檔案。</translation>
    </message>
    <message>
        <source>{name} in the zip cannot be read ({exc}).</source>
        <translation>無法讀取 zip 中的 {name}（{exc}）。</translation>
    </message>
    <message>
        <source>{what} nests too deeply to be a pack.</source>
        <translation>{what}的巢狀層級太深，不可能是範本包。</translation>
    </message>
    <message>
        <source>{what} is not an Airlock pack (it has no &apos;airlock_pack&apos; field).</source>
        <translation>{what}不是 Airlock 範本包（沒有「airlock_pack」欄位）。</translation>
    </message>
    <message>
        <source>{what}: &apos;{key}&apos; must be a list.</source>
        <translation>{what}：「{key}」必須是清單。</translation>
    </message>
    <message>
        <source>{what} holds more than {max_items} {replace}.</source>
        <translation>{what}含有超過 {max_items} 個{replace}。</translation>
    </message>
    <message>
        <source>Template {i} in the pack</source>
        <translation>範本包中的第 {i} 個範本</translation>
    </message>
    <message>
        <source>Brand voice {i} in the pack</source>
        <translation>範本包中的第 {i} 個品牌語氣</translation>
    </message>
    <message>
        <source>Framework {i} in the pack</source>
        <translation>範本包中的第 {i} 個思考框架</translation>
    </message>
    <message>
        <source>{what} holds the {kind} &apos;{duplicate}&apos; twice.</source>
        <translation>{what}重複包含{kind}「{duplicate}」。</translation>
    </message>
    <message>
        <source>Template &apos;{template_name}&apos; uses the brand voice &apos;{brand_voice}&apos;, which is neither in the pack nor in this library.</source>
        <translation>範本「{template_name}」使用的品牌語氣「{brand_voice}」既不在範本包中，也不在這個範本庫中。</translation>
    </message>
    <message>
        <source>Template &apos;{template_name}&apos; uses the framework &apos;{framework}&apos;, which is neither in the pack nor in this library.</source>
        <translation>範本「{template_name}」使用的思考框架「{framework}」既不在範本包中，也不在這個範本庫中。</translation>
    </message>
    <message>
        <source>Unknown conflict choice &apos;{choice}&apos; (use keep_both, replace or skip).</source>
        <translation>不明的衝突處理方式「{choice}」（請使用 keep_both、replace 或 skip）。</translation>
    </message>
    <message>
        <source>The zip&apos;s manifest lists &apos;{member}&apos; but the zip does not hold it.</source>
        <translation>zip 的清單檔（manifest）列出了「{member}」，但 zip 中沒有這個檔案。</translation>
    </message>
    <message>
        <source>{member} does not match the sha256 in manifest.json; the pack was changed or damaged.</source>
        <translation>{member} 與 manifest.json 中的 sha256 不符；範本包已被修改或損毀。</translation>
    </message>
    <message>
        <source>{where} has a syntax error on line {lineno}: {rstrip}.</source>
        <translation>{where}第 {lineno} 行有語法錯誤：{rstrip}。</translation>
    </message>
    <message>
        <source>range() in a template may produce at most {max_range} numbers.</source>
        <translation>範本中的 range() 最多只能產生 {max_range} 個數字。</translation>
    </message>
    <message>
        <source>{where} is longer than {max_body_chars} characters.</source>
        <translation>{where}超過 {max_body_chars} 個字元。</translation>
    </message>
    <message>
        <source>{where} uses &apos;{name}&apos; on line {line}, which is not one of its variables; add it to the variables or remove it.</source>
        <translation>{where}在第 {line} 行使用了「{name}」，但它不是這個範本的變數；請把它加入變數或移除。</translation>
    </message>
    <message>
        <source>{where} tries to {what} (line {lineno}); templates cannot do that.</source>
        <translation>{where}嘗試{what}（第 {lineno} 行）；範本不能這樣做。</translation>
    </message>
    <message>
        <source>{where} reaches for &apos;{attr}&apos; on line {lineno}; templates may not use names that start with an underscore.</source>
        <translation>{where}在第 {lineno} 行存取「{attr}」；範本不能使用以底線開頭的名稱。</translation>
    </message>
    <message>
        <source>{where} uses a recursive loop on line {lineno}; templates cannot do that.</source>
        <translation>{where}在第 {lineno} 行使用了遞迴迴圈；範本不能這樣做。</translation>
    </message>
    <message>
        <source>{where} uses the &apos;attr&apos; filter on line {lineno}; write the variable name instead.</source>
        <translation>{where}在第 {lineno} 行使用了「attr」篩選器；請直接寫出變數名稱。</translation>
    </message>
    <message>
        <source>{where} uses &apos;self&apos; on line {line}; templates may only use their own variables.</source>
        <translation>{where}在第 {line} 行使用了「self」；範本只能使用自己的變數。</translation>
    </message>
    <message>
        <source>{where} tried something templates may not do ({exc}).</source>
        <translation>{where}嘗試了範本不允許的操作（{exc}）。</translation>
    </message>
    <message>
        <source>{where} uses something that has no value ({exc}).</source>
        <translation>{where}使用了沒有值的東西（{exc}）。</translation>
    </message>
    <message>
        <source>{where} could not be rendered: {exc}.</source>
        <translation>{where}無法套用：{exc}。</translation>
    </message>
    <message>
        <source>{where} renders to more than {max_output_chars} characters.</source>
        <translation>{where}套用後超過 {max_output_chars} 個字元。</translation>
    </message>
    <message>
        <source>{document}, chunk {seq}</source>
        <translation>{document}，第 {seq} 段</translation>
    </message>
    <message>
        <source>The brief is empty; fill in at least the Scene or the Want.</source>
        <translation>需求說明是空的；請至少填寫「情境」或「需求」。</translation>
    </message>
    <message>
        <source>The brief has a broken placeholder: {exc}.</source>
        <translation>需求說明中有損壞的預留位置：{exc}。</translation>
    </message>
    <message>
        <source>&apos;{placeholder}&apos; cannot be a variable name; use letters, digits and underscores.</source>
        <translation>「{placeholder}」不能當作變數名稱；請使用英文字母、數字和底線。</translation>
    </message>
    <message>
        <source>{where} has kind &apos;{template_kind}&apos;; use text or image.</source>
        <translation>{where}的種類是「{template_kind}」；請使用 text 或 image。</translation>
    </message>
    <message>
        <source>{where} needs a category of at most 40 characters.</source>
        <translation>{where}需要最多 40 個字元的分類。</translation>
    </message>
    <message>
        <source>{where} has an empty body.</source>
        <translation>{where}的內文是空的。</translation>
    </message>
    <message>
        <source>The negative prompt of {inner}</source>
        <translation>{inner}的負向提示</translation>
    </message>
    <message>
        <source>The system prompt of {inner}</source>
        <translation>{inner}的系統提示</translation>
    </message>
    <message>
        <source>{value} needs a one-line name of 1 to 100 characters.</source>
        <translation>{value}需要一個 1 到 100 個字元的單行名稱。</translation>
    </message>
    <message>
        <source>{where}: &apos;params&apos; must be an object.</source>
        <translation>{where}：「params」必須是物件。</translation>
    </message>
    <message>
        <source>{where} has an unknown {kind} parameter &apos;{key}&apos; (known: {names}).</source>
        <translation>{where}有不明的{kind}參數「{key}」（現有：{names}）。</translation>
    </message>
    <message>
        <source>{where}: parameter &apos;{key}&apos; must be a number from {low} to {high}.</source>
        <translation>{where}：參數「{key}」必須是 {low} 到 {high} 之間的數字。</translation>
    </message>
    <message>
        <source>There is no template &apos;{name}&apos;; &apos;airlock templates list&apos; shows them.</source>
        <translation>沒有名為「{name}」的範本；「airlock templates list」會列出所有範本。</translation>
    </message>
    <message>
        <source>A template named &apos;{template_name}&apos; already exists.</source>
        <translation>已經有名為「{template_name}」的範本。</translation>
    </message>
    <message>
        <source>Template &apos;{name}&apos; has no version {version}.</source>
        <translation>範本「{name}」沒有第 {version} 版。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be text.</source>
        <translation>{where}：「{key}」必須是文字。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be a name.</source>
        <translation>{where}：「{key}」必須是名稱。</translation>
    </message>
    <message>
        <source>{where}: parameter &apos;{key}&apos; must be text.</source>
        <translation>{where}：參數「{key}」必須是文字。</translation>
    </message>
    <message>
        <source>A variable</source>
        <translation>變數</translation>
    </message>
    <message>
        <source>Variable &apos;{name}&apos;</source>
        <translation>變數「{name}」</translation>
    </message>
    <message>
        <source>Unknown variable type &apos;{kind}&apos;.</source>
        <translation>不明的變數類型「{kind}」。</translation>
    </message>
    <message>
        <source>{where}: &apos;variables&apos; must be a list.</source>
        <translation>{where}：「variables」必須是清單。</translation>
    </message>
    <message>
        <source>{where} declares the variable &apos;{duplicate}&apos; twice.</source>
        <translation>{where}重複宣告了變數「{duplicate}」。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be yes or no (got &apos;{value}&apos;).</source>
        <translation>「{display_label}」必須是「是」或「否」（目前是「{value}」）。</translation>
    </message>
    <message>
        <source>The template has no variable &apos;{unknown}&apos; (its variables: {value}).</source>
        <translation>範本沒有變數「{unknown}」（它的變數：{value}）。</translation>
    </message>
    <message>
        <source>{where} must be an object with at least a name and a type.</source>
        <translation>{where}必須是至少含有名稱和類型的物件。</translation>
    </message>
    <message>
        <source>{where} needs a name of letters, digits and underscores that starts with a letter (got {name}).</source>
        <translation>{where}需要以英文字母開頭、由英文字母、數字和底線組成的名稱（目前是 {name}）。</translation>
    </message>
    <message>
        <source>{where} uses a reserved name; choose another.</source>
        <translation>{where}使用了保留名稱；請改用其他名稱。</translation>
    </message>
    <message>
        <source>{where} has an unknown type &apos;{kind}&apos; (use {join}).</source>
        <translation>{where}有不明的類型「{kind}」（可用：{join}）。</translation>
    </message>
    <message>
        <source>{where}: &apos;required&apos; must be true or false.</source>
        <translation>{where}：「required」必須是 true 或 false。</translation>
    </message>
    <message>
        <source>{where}: variable {i}</source>
        <translation>{where}：第 {i} 個變數</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be text.</source>
        <translation>「{display_label}」必須是文字。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; is longer than {max_value_chars} characters.</source>
        <translation>「{display_label}」超過 {max_value_chars} 個字元。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be one of: {join}.</source>
        <translation>「{display_label}」必須是下列之一：{join}。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be a number.</source>
        <translation>「{display_label}」必須是數字。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be a finite number.</source>
        <translation>「{display_label}」必須是有限的數字。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be at least {minimum}.</source>
        <translation>「{display_label}」至少要 {minimum}。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be at most {maximum}.</source>
        <translation>「{display_label}」最多為 {maximum}。</translation>
    </message>
    <message>
        <source>--var takes NAME=VALUE (got &apos;{item}&apos;).</source>
        <translation>--var 的格式是 名稱=值（目前是「{item}」）。</translation>
    </message>
    <message>
        <source>{where} is a choice and needs a list of options.</source>
        <translation>{where}是選項欄位，需要一份選項清單。</translation>
    </message>
    <message>
        <source>{where} lists the same option twice.</source>
        <translation>{where}重複列出了同一個選項。</translation>
    </message>
    <message>
        <source>{where}: minimum and maximum must be numbers.</source>
        <translation>{where}：最小值和最大值必須是數字。</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be a date like 2026-05-01 (got &apos;{value}&apos;).</source>
        <translation>「{display_label}」必須是像 2026-05-01 這樣的日期（目前是「{value}」）。</translation>
    </message>
    <message>
        <source>{where} has a default that does not fit its type: {exc}</source>
        <translation>{where}的預設值不符合它的類型：{exc}</translation>
    </message>
    <message>
        <source>&apos;{display_label}&apos; must be a number (got &apos;{value}&apos;).</source>
        <translation>「{display_label}」必須是數字（目前是「{value}」）。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template</source>
        <translation>模型的對話範本</translation>
    </message>
    <message>
        <source>{where} does not parse (line {lineno}: {message}); Airlock will not use this model file.</source>
        <translation>{where}無法解析（第 {lineno} 行：{message}）；Airlock 不會使用這個模型檔。</translation>
    </message>
    <message>
        <source>{where} failed to render ({exc}).</source>
        <translation>{where}套用失敗（{exc}）。</translation>
    </message>
    <message>
        <source>{where} renders more than {max_prompt_chars} characters.</source>
        <translation>{where}套用後超過 {max_prompt_chars} 個字元。</translation>
    </message>
    <message>
        <source>{name} is truncated: {missing} bytes of tensor data are missing; copy the file again.</source>
        <translation>{name} 不完整：缺少 {missing} 位元組的張量資料；請重新複製檔案。</translation>
    </message>
    <message>
        <source>{name} uses GGUF version {version}, which Airlock cannot read.</source>
        <translation>{name} 使用 GGUF 第 {version} 版，Airlock 無法讀取。</translation>
    </message>
    <message>
        <source>{name} has a corrupt GGUF header ({exc}).</source>
        <translation>{name} 的 GGUF 標頭已損毀（{exc}）。</translation>
    </message>
    <message>
        <source>{name} has a corrupt tensor table.</source>
        <translation>{name} 的張量表已損毀。</translation>
    </message>
    <message>
        <source>Stopped before the file was fully read.</source>
        <translation>檔案尚未讀完就已停止。</translation>
    </message>
    <message>
        <source>Unknown image model family &apos;{family}&apos; (use one of: {join}).</source>
        <translation>不明的圖像模型系列「{family}」（請從下列選擇：{join}）。</translation>
    </message>
    <message>
        <source>Unknown prediction type &apos;{prediction}&apos; (use epsilon or v).</source>
        <translation>不明的預測類型「{prediction}」（請使用 epsilon 或 v）。</translation>
    </message>
    <message>
        <source>{name} is a {label} checkpoint, not {label2}; leave out --family or choose a matching one.</source>
        <translation>{name} 是 {label} 檢查點，不是 {label2}；請省略 --family，或選擇相符的系列。</translation>
    </message>
    <message>
        <source>Prediction type {predicted} was inferred from the weights; if images look wrong, import it again with --prediction.</source>
        <translation>預測類型 {predicted} 是從權重推斷的；如果圖像看起來不對，請用 --prediction 重新匯入。</translation>
    </message>
    <message>
        <source>{filename} is not a Stable Diffusion checkpoint (no UNet weights found).</source>
        <translation>{filename} 不是 Stable Diffusion 檢查點（找不到 UNet 權重）。</translation>
    </message>
    <message>
        <source>{filename} is an SDXL refiner; Airlock runs base models only.</source>
        <translation>{filename} 是 SDXL 精修模型（refiner）；Airlock 只執行基礎模型。</translation>
    </message>
    <message>
        <source>{filename} has no VAE weights (a &apos;no-VAE&apos; checkpoint); Airlock needs a checkpoint with its VAE baked in.</source>
        <translation>{filename} 沒有 VAE 權重（「no-VAE」檢查點）；Airlock 需要內含 VAE 的檢查點。</translation>
    </message>
    <message>
        <source>{filename} is {kind} model ({conv_in} input channels); Airlock runs text-to-image models only.</source>
        <translation>{filename} 是{kind}模型（{conv_in} 個輸入通道）；Airlock 只執行文字生成圖像的模型。</translation>
    </message>
    <message>
        <source>The config folder {folder} is not a diffusers config folder (missing {value}).</source>
        <translation>設定資料夾 {folder} 不是 diffusers 設定資料夾（缺少 {value}）。</translation>
    </message>
    <message>
        <source>{folder_name} holds pickle weights ({first}), which can run code when loaded; Airlock only loads safetensors: use a copy of the model without .bin/.ckpt files.</source>
        <translation>{folder_name} 含有 pickle 權重（{first}），載入時可能執行程式碼；Airlock 只載入 safetensors：請使用不含 .bin/.ckpt 檔的模型副本。</translation>
    </message>
    <message>
        <source>{folder_name} is a {value} model; Airlock runs Stable Diffusion 1.x, 2.x and XL pipelines only.</source>
        <translation>{folder_name} 是 {value} 模型；Airlock 只執行 Stable Diffusion 1.x、2.x 和 XL 管線。</translation>
    </message>
    <message>
        <source>{folder_name} is a {label} model, not {label2}; leave out --family or choose a matching one.</source>
        <translation>{folder_name} 是 {label} 模型，不是 {label2}；請省略 --family，或選擇相符的系列。</translation>
    </message>
    <message>
        <source>{owner} has a damaged {name} (not a JSON object).</source>
        <translation>{owner} 的 {name} 已損毀（不是 JSON 物件）。</translation>
    </message>
    <message>
        <source>{name} has the layout of {label} but not its sizes (text width {width}, expected {cross_attention}); import it with --config DIR pointing at a diffusers folder of matching configs.</source>
        <translation>{name} 具有 {label} 的結構但尺寸不符（文字寬度 {width}，預期為 {cross_attention}）；請用 --config DIR 指向一個設定相符的 diffusers 資料夾再匯入。</translation>
    </message>
    <message>
        <source>{filename} is a LoRA, not a full model; Airlock cannot load LoRAs yet.</source>
        <translation>{filename} 是 LoRA，不是完整模型；Airlock 目前還無法載入 LoRA。</translation>
    </message>
    <message>
        <source>{filename} holds a single diffusers component, not a full model; import the whole diffusers folder instead.</source>
        <translation>{filename} 只含單一 diffusers 元件，不是完整模型；請改為匯入整個 diffusers 資料夾。</translation>
    </message>
    <message>
        <source>{folder_name} has no {component} in its model_index.json.</source>
        <translation>{folder_name} 的 model_index.json 中沒有 {component}。</translation>
    </message>
    <message>
        <source>{folder_name} is incomplete: {component}/ needs config.json and .safetensors weights.</source>
        <translation>{folder_name} 不完整：{component}/ 需要 config.json 和 .safetensors 權重。</translation>
    </message>
    <message>
        <source>{folder_name} is incomplete: {tokenizer}/ needs vocab.json and merges.txt.</source>
        <translation>{folder_name} 不完整：{tokenizer}/ 需要 vocab.json 和 merges.txt。</translation>
    </message>
    <message>
        <source>{folder_name} uses prediction type &apos;{predicted}&apos;, which Airlock does not run.</source>
        <translation>{folder_name} 使用的預測類型「{predicted}」，Airlock 無法執行。</translation>
    </message>
    <message>
        <source>{owner} is incomplete: {name} is missing.</source>
        <translation>{owner} 不完整：缺少 {name}。</translation>
    </message>
    <message>
        <source>{owner} has a damaged {name} ({exc}).</source>
        <translation>{owner} 的 {name} 已損毀（{exc}）。</translation>
    </message>
    <message>
        <source>{filename} has no text encoder weights; Airlock needs a complete checkpoint.</source>
        <translation>{filename} 沒有文字編碼器權重；Airlock 需要完整的檢查點。</translation>
    </message>
    <message>
        <source>choose a smaller model, a smaller quantization or a shorter context</source>
        <translation>請選擇較小的模型、較小的量化版本或較短的上下文</translation>
    </message>
    <message>
        <source>Needs about {need} of memory; {free} of {total} is free.</source>
        <translation>約需 {need} 記憶體；目前可用 {free}（共 {total}）。</translation>
    </message>
    <message>
        <source>This model needs about {need} of memory but this machine has {total}; {advice}.</source>
        <translation>這個模型約需 {need} 記憶體，但這台電腦只有 {total}；{advice}。</translation>
    </message>
    <message>
        <source>This model needs about {need} of memory and {free} is free now; close other programs or expect it to be slow.</source>
        <translation>這個模型約需 {need} 記憶體，目前只有 {free} 可用；請關閉其他程式，否則執行會很慢。</translation>
    </message>
    <message>
        <source>The model file {path} is missing; import the model again or restore the file.</source>
        <translation>模型檔 {path} 不見了；請重新匯入模型或還原檔案。</translation>
    </message>
    <message>
        <source>The model file {name} changed since it was imported (sha256 differs); Airlock will not load it. Import it again if the change is intended.</source>
        <translation>模型檔 {name} 在匯入後被變更了（sha256 不同）；Airlock 不會載入它。如果這是刻意的變更，請重新匯入。</translation>
    </message>
    <message>
        <source>No model named &apos;{name}&apos; (registered: {known}); import it with &apos;airlock models import&apos;.</source>
        <translation>沒有名為「{name}」的模型（已登錄：{known}）；請用「airlock models import」匯入。</translation>
    </message>
    <message>
        <source>{source_name} is a pickle file ({suffix}), which can run code when it is loaded; Airlock only loads .gguf and .safetensors models.</source>
        <translation>{source_name} 是 pickle 檔（{suffix}），載入時可能執行程式碼；Airlock 只載入 .gguf 和 .safetensors 模型。</translation>
    </message>
    <message>
        <source>{source} is not a regular file.</source>
        <translation>{source} 不是一般檔案。</translation>
    </message>
    <message>
        <source>--family, --prediction and --config apply to image models only.</source>
        <translation>--family、--prediction 和 --config 只適用於圖像模型。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a usable model name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>「{name}」不是可用的模型名稱：請使用英文字母、數字、「.」、「_」和「-」。</translation>
    </message>
    <message>
        <source>A model named &apos;{name}&apos; is already registered; choose another with --name.</source>
        <translation>已經有名為「{name}」的模型；請用 --name 選擇其他名稱。</translation>
    </message>
    <message>
        <source>The model folder {name} changed since it was imported (its files&apos; sha256 differ); Airlock will not load it. Import it again if the change is intended.</source>
        <translation>模型資料夾 {name} 在匯入後被變更了（檔案的 sha256 不同）；Airlock 不會載入它。如果這是刻意的變更，請重新匯入。</translation>
    </message>
    <message>
        <source>--config applies to single .safetensors checkpoints; a diffusers folder brings its own configs.</source>
        <translation>--config 只適用於單一 .safetensors 檢查點；diffusers 資料夾本身就帶有設定。</translation>
    </message>
    <message>
        <source>{filename} has a damaged safetensors header (entry {key} is malformed).</source>
        <translation>{filename} 的 safetensors 標頭已損毀（項目 {key} 格式錯誤）。</translation>
    </message>
    <message>
        <source>{name} is not a safetensors file (its header is not a JSON object).</source>
        <translation>{name} 不是 safetensors 檔（標頭不是 JSON 物件）。</translation>
    </message>
    <message>
        <source>{name} has a damaged safetensors header (__metadata__ is not a map).</source>
        <translation>{name} 的 safetensors 標頭已損毀（__metadata__ 不是對照表）。</translation>
    </message>
    <message>
        <source>{name} holds no tensors; it is not a model.</source>
        <translation>{name} 不含任何張量；它不是模型。</translation>
    </message>
    <message>
        <source>{filename} has a damaged safetensors header (tensor {key} does not match its byte range).</source>
        <translation>{filename} 的 safetensors 標頭已損毀（張量 {key} 與它的位元組範圍不符）。</translation>
    </message>
    <message>
        <source>{filename} is truncated: {position} bytes of tensor data are missing.</source>
        <translation>{filename} 不完整：缺少 {position} 位元組的張量資料。</translation>
    </message>
    <message>
        <source>{filename} has {data_bytes} unexpected bytes after its tensor data; it is not a clean safetensors file.</source>
        <translation>{filename} 的張量資料之後多出 {data_bytes} 個位元組；不是乾淨的 safetensors 檔。</translation>
    </message>
    <message>
        <source>{name} is not a safetensors file (its header is not valid JSON).</source>
        <translation>{name} 不是 safetensors 檔（標頭不是有效的 JSON）。</translation>
    </message>
    <message>
        <source>{filename} has a damaged safetensors header (tensor data overlaps or has gaps).</source>
        <translation>{filename} 的 safetensors 標頭已損毀（張量資料重疊或有空隙）。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes); it is not a model.</source>
        <translation>{name} 是空的（0 位元組）；它不是模型。</translation>
    </message>
    <message>
        <source>{name} is too short to be a safetensors file ({size} bytes).</source>
        <translation>{name} 太短，不可能是 safetensors 檔（{size} 位元組）。</translation>
    </message>
    <message>
        <source>{name} is not a safetensors file (its header length is implausible).</source>
        <translation>{name} 不是 safetensors 檔（標頭長度不合理）。</translation>
    </message>
    <message>
        <source>{name} is truncated: its safetensors header ends early ({size} bytes, header needs {value}).</source>
        <translation>{name} 不完整：safetensors 標頭提前結束（{size} 位元組，標頭需要 {value}）。</translation>
    </message>
    <message>
        <source>{where} could not be checked: its sandbox process did not start.</source>
        <translation>無法檢查{where}：它的沙箱程序沒有啟動。</translation>
    </message>
    <message>
        <source>{where} needed more memory than a template may use (its process ended).</source>
        <translation>{where}需要的記憶體超過範本的使用上限（它的程序已結束）。</translation>
    </message>
    <message>
        <source>{where} could not be rendered ({exc}).</source>
        <translation>{where}無法套用（{exc}）。</translation>
    </message>
    <message>
        <source>{where} builds a value of more than {max_value_chars} characters or items.</source>
        <translation>{where}產生的值超過 {max_value_chars} 個字元或項目。</translation>
    </message>
    <message>
        <source>{where} loops more than {max_loop_iterations} times.</source>
        <translation>{where}的迴圈超過 {max_loop_iterations} 次。</translation>
    </message>
    <message>
        <source>{where} makes more than {max_calls} calls (a macro that calls itself?).</source>
        <translation>{where}的呼叫超過 {max_calls} 次（是不是有巨集呼叫了自己？）。</translation>
    </message>
    <message>
        <source>{where} took longer than {seconds} seconds to render.</source>
        <translation>{where}套用時間超過 {seconds} 秒。</translation>
    </message>
    <message>
        <source>A template asked {what} for a size of {value}; the most is {max_number_argument}.</source>
        <translation>範本要求 {what} 使用大小 {value}；上限是 {max_number_argument}。</translation>
    </message>
    <message>
        <source>A template asked {what} for a field wider than {max_number_argument} characters.</source>
        <translation>範本要求 {what} 使用超過 {max_number_argument} 個字元寬的欄位。</translation>
    </message>
    <message>
        <source>{where} needed more memory than a template may use.</source>
        <translation>{where}需要的記憶體超過範本的使用上限。</translation>
    </message>
    <message>
        <source>An estimate: items kept x the manual-minutes baseline per template, minus the measured review time. The baselines are assumptions an admin can edit; Airlock is not likely to be solely responsible for the time people save.</source>
        <translation>這是估計值：保留的項目數 × 各範本的人工分鐘基準，再減去實際量測的審核時間。基準是管理員可以調整的假設；節省的時間不太可能全部歸功於 Airlock。</translation>
    </message>
    <message>
        <source>{where} nests too deeply to render.</source>
        <translation>{where}的巢狀層級太深，無法套用。</translation>
    </message>
    <message>
        <source>Powers above 100 are not allowed in templates.</source>
        <translation>範本中不允許超過 100 的次方。</translation>
    </message>
    <message>
        <source>A template tried to repeat text beyond {max_repeat_chars} characters.</source>
        <translation>範本嘗試重複文字超過 {max_repeat_chars} 個字元。</translation>
    </message>
    <message>
        <source>The Airlock home {folder} is read-only; use a writable one with --home or make it writable.</source>
        <translation>Airlock 資料目錄 {folder} 是唯讀的；請用 --home 指定可寫入的目錄，或讓它變成可寫入。</translation>
    </message>
    <message>
        <source>The database is busy: another Airlock process kept it locked for too long; try again when it has finished.</source>
        <translation>資料庫忙碌中：另一個 Airlock 程式鎖定它太久了；請等它完成後再試一次。</translation>
    </message>
    <message>
        <source>The disk is full (or failing): the database could not be written; free some space and try again.</source>
        <translation>磁碟已滿（或故障）：無法寫入資料庫；請釋出一些空間後再試一次。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened; check that its folder exists and Airlock may write there.</source>
        <translation>無法開啟資料庫 {path}；請確認它的資料夾存在，且 Airlock 有權限寫入。</translation>
    </message>
    <message>
        <source>This database is encrypted and SQLCipher is missing: install Airlock&apos;s &apos;encryption&apos; extra (sqlcipher3).</source>
        <translation>這個資料庫已加密，但缺少 SQLCipher：請安裝 Airlock 的「encryption」附加元件（sqlcipher3）。</translation>
    </message>
    <message>
        <source>The database could not be unlocked: the passphrase is wrong, or the key in the keyring is not this database&apos;s.</source>
        <translation>無法解鎖資料庫：密碼錯誤，或鑰匙圈中的金鑰不屬於這個資料庫。</translation>
    </message>
    <message>
        <source>The database {path} is damaged or not an Airlock database ({exc}); move it aside to start a fresh one.</source>
        <translation>資料庫 {path} 已損毀或不是 Airlock 資料庫（{exc}）；請把它移開，以便建立新的資料庫。</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {exc}.</source>
        <translation>無法開啟資料庫 {path}：{exc}。</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{fmt}&apos; (use jsonl or md).</source>
        <translation>不明的匯出格式「{fmt}」（請使用 jsonl 或 md）。</translation>
    </message>
    <message>
        <source>Export stopped.</source>
        <translation>匯出已停止。</translation>
    </message>
    <message>
        <source>Airlock stopped before this generation finished (the process ended); the text kept is what it had written.</source>
        <translation>Airlock 在這次產生完成前就停止了（程序已結束）；保留的文字是它當時已寫出的內容。</translation>
    </message>
    <message>
        <source>waiting for another Airlock process to finish writing to the database (up to {wait} s)…</source>
        <translation>正在等待另一個 Airlock 程式完成寫入資料庫（最多 {wait} 秒）…</translation>
    </message>
    <message>
        <source>The database is busy: another Airlock process has kept it locked for {waited} s; try again when it has finished.</source>
        <translation>資料庫忙碌中：另一個 Airlock 程式已鎖定它 {waited} 秒；請等它完成後再試一次。</translation>
    </message>
    <message>
        <source>The context size must be from 64 to {max_context} tokens.</source>
        <translation>上下文長度必須介於 64 到 {max_context} 個 token 之間。</translation>
    </message>
    <message>
        <source>Unknown overflow policy &apos;{overflow}&apos; (use truncate or refuse).</source>
        <translation>不明的溢出處理方式「{overflow}」（請使用 truncate 或 refuse）。</translation>
    </message>
    <message>
        <source>The context size must be at least 64 tokens.</source>
        <translation>上下文長度至少要 64 個 token。</translation>
    </message>
    <message>
        <source>&apos;{template}&apos; is an image template; send it to the image generator.</source>
        <translation>「{template}」是圖像範本；請送到圖像產生器。</translation>
    </message>
    <message>
        <source>There is no conversation {conversation_id}.</source>
        <translation>沒有編號 {conversation_id} 的對話。</translation>
    </message>
    <message>
        <source>{dropped_messages} oldest messages were left out to fit the {n_ctx}-token context.</source>
        <translation>為了放進 {n_ctx} token 的上下文，已略過最早的 {dropped_messages} 則訊息。</translation>
    </message>
    <message>
        <source>The JSON schema must be an object.</source>
        <translation>JSON 結構描述必須是物件。</translation>
    </message>
    <message>
        <source>The JSON schema is longer than {max_schema_chars} characters.</source>
        <translation>JSON 結構描述超過 {max_schema_chars} 個字元。</translation>
    </message>
    <message>
        <source>The JSON schema must describe an object or an array (&quot;type&quot;: &quot;object&quot;).</source>
        <translation>JSON 結構描述必須描述物件或陣列（&quot;type&quot;: &quot;object&quot;）。</translation>
    </message>
    <message>
        <source>the reply ends before the JSON is complete (raise max tokens)</source>
        <translation>回覆在 JSON 完成前就結束了（請提高最大 token 數）</translation>
    </message>
    <message>
        <source>{msg} (character {pos})</source>
        <translation>{msg}（第 {pos} 個字元）</translation>
    </message>
    <message>
        <source>The JSON schema is not valid: {message}.</source>
        <translation>JSON 結構描述無效：{message}。</translation>
    </message>
    <message>
        <source>The JSON schema cannot be turned into a grammar ({exc}).</source>
        <translation>無法把 JSON 結構描述轉換成文法（{exc}）。</translation>
    </message>
    <message>
        <source>The JSON schema is not valid JSON ({msg} at character {pos}).</source>
        <translation>JSON 結構描述不是有效的 JSON（第 {pos} 個字元：{msg}）。</translation>
    </message>
    <message>
        <source>GPU offload is switched off in the settings</source>
        <translation>設定中已關閉 GPU 卸載</translation>
    </message>
    <message>
        <source>an NVIDIA GPU is present but this llama-cpp-python build has no CUDA support; reinstall it with CMAKE_ARGS=-DGGML_CUDA=on</source>
        <translation>雖然有 NVIDIA GPU，但這個 llama-cpp-python 版本不支援 CUDA；請以 CMAKE_ARGS=-DGGML_CUDA=on 重新安裝</translation>
    </message>
    <message>
        <source>this llama-cpp-python build has no Metal support</source>
        <translation>這個 llama-cpp-python 版本不支援 Metal</translation>
    </message>
    <message>
        <source>loading on the GPU failed ({exc}); running on the CPU</source>
        <translation>在 GPU 上載入失敗（{exc}）；改以 CPU 執行</translation>
    </message>
    <message>
        <source>generation failed inside llama.cpp ({exc})</source>
        <translation>llama.cpp 內部產生失敗（{exc}）</translation>
    </message>
    <message>
        <source>reaches Python internals (double-underscore attributes)</source>
        <translation>存取 Python 內部物件（雙底線屬性）</translation>
    </message>
    <message>
        <source>walks Python&apos;s class tree</source>
        <translation>走訪 Python 的類別樹</translation>
    </message>
    <message>
        <source>loads other templates</source>
        <translation>載入其他範本</translation>
    </message>
    <message>
        <source>names process or file functions</source>
        <translation>使用程序或檔案相關的函式名稱</translation>
    </message>
    <message>
        <source>uses Jinja globals that reach the runtime</source>
        <translation>使用可觸及執行環境的 Jinja 全域物件</translation>
    </message>
    <message>
        <source>loops over a very large range</source>
        <translation>對非常大的範圍執行迴圈</translation>
    </message>
    <message>
        <source>repeats a string a very large number of times</source>
        <translation>把字串重複非常多次</translation>
    </message>
    <message>
        <source>is unusually long ({template} characters)</source>
        <translation>異常地長（{template} 個字元）</translation>
    </message>
    <message>
        <source>This database is encrypted with a passphrase: enter it, or set {passphrase_variable} for the command line.</source>
        <translation>這個資料庫以密碼加密：請輸入密碼，或在命令列設定 {passphrase_variable}。</translation>
    </message>
    <message>
        <source>The database is already encrypted.</source>
        <translation>資料庫已經加密了。</translation>
    </message>
    <message>
        <source>Unknown key method &apos;{method}&apos; (use keyring or passphrase).</source>
        <translation>不明的金鑰方式「{method}」（請使用 keyring 或 passphrase）。</translation>
    </message>
    <message>
        <source>Encrypting the database failed its check (the copy differs); the plain database is unchanged. Details are in the log.</source>
        <translation>加密資料庫後的檢查失敗（副本內容不同）；未加密的資料庫維持不變。詳情請見記錄檔。</translation>
    </message>
    <message>
        <source>{path} is damaged ({exc}); restore it from a backup to open the database.</source>
        <translation>{path} 已損毀（{exc}）；請從備份還原，才能開啟資料庫。</translation>
    </message>
    <message>
        <source>This database&apos;s key is kept in the OS keyring, which is not available now; open Airlock from your desktop session.</source>
        <translation>這個資料庫的金鑰存放在作業系統鑰匙圈中，但鑰匙圈現在無法使用；請從您的桌面工作階段開啟 Airlock。</translation>
    </message>
    <message>
        <source>This database&apos;s key is missing from the OS keyring, so it cannot be opened.</source>
        <translation>作業系統鑰匙圈中沒有這個資料庫的金鑰，因此無法開啟。</translation>
    </message>
    <message>
        <source>Your organization requires an encrypted database and this machine has no keyring: choose a passphrase in the app, or set {passphrase_variable} for the command line.</source>
        <translation>您的組織要求加密資料庫，但這台電腦沒有鑰匙圈：請在應用程式中設定密碼，或在命令列設定 {passphrase_variable}。</translation>
    </message>
    <message>
        <source>This machine has no OS keyring (a headless Linux system has none): use a passphrase instead.</source>
        <translation>這台電腦沒有作業系統鑰匙圈（無桌面的 Linux 系統沒有鑰匙圈）：請改用密碼。</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {min_passphrase} characters.</source>
        <translation>請設定至少 {min_passphrase} 個字元的密碼。</translation>
    </message>
    <message>
        <source>Encryption needs SQLCipher: install Airlock with the &apos;encryption&apos; extra (pip install &apos;sqlcipher3==0.6.4&apos;).</source>
        <translation>加密需要 SQLCipher：請安裝含「encryption」附加元件的 Airlock（pip install &apos;sqlcipher3==0.6.4&apos;）。</translation>
    </message>
    <message>
        <source>The database could not be unlocked: the passphrase is wrong or the key is not this database&apos;s.</source>
        <translation>無法解鎖資料庫：密碼錯誤，或金鑰不屬於這個資料庫。</translation>
    </message>
    <message>
        <source>&apos;{record_name}&apos; is not on your organization&apos;s list of allowed models{value} ({shown}).</source>
        <translation>「{record_name}」不在您組織允許使用的模型清單中{value}（{shown}）。</translation>
    </message>
    <message>
        <source>The policy file {source} must hold a JSON object.</source>
        <translation>政策檔 {source} 必須是 JSON 物件。</translation>
    </message>
    <message>
        <source>The policy file {source}: retention_days must be at least 1 (or null).</source>
        <translation>政策檔 {source}：retention_days 至少要 1（或 null）。</translation>
    </message>
    <message>
        <source>{key} is managed by your organization{value}; ask your administrator to change it.</source>
        <translation>{key} 由您的組織管理{value}；如需變更，請洽詢您的系統管理員。</translation>
    </message>
    <message>
        <source>The policy file {source} is not valid JSON ({exc}); ask your administrator to fix it.</source>
        <translation>政策檔 {source} 不是有效的 JSON（{exc}）；請請系統管理員修正。</translation>
    </message>
    <message>
        <source>The policy file {source} has an unknown setting &apos;{key}&apos;.</source>
        <translation>政策檔 {source} 有不明的設定「{key}」。</translation>
    </message>
    <message>
        <source>The policy file {source} has a wrong value for &apos;{key}&apos;.</source>
        <translation>政策檔 {source} 中「{key}」的值不正確。</translation>
    </message>
    <message>
        <source>The policy file {path} cannot be read ({strerror}).</source>
        <translation>無法讀取政策檔 {path}（{strerror}）。</translation>
    </message>
    <message>
        <source>To delete all history, confirm by typing &apos;{confirmation}&apos;.</source>
        <translation>要刪除所有歷史記錄，請輸入「{confirmation}」確認。</translation>
    </message>
    <message>
        <source>Unknown setting &apos;{key}&apos; (known: {join}).</source>
        <translation>不明的設定「{key}」（現有：{join}）。</translation>
    </message>
    <message>
        <source>The offline guard cannot be turned off.</source>
        <translation>離線防護無法關閉。</translation>
    </message>
    <message>
        <source>{labels} is on or off.</source>
        <translation>{labels}只能是開啟或關閉。</translation>
    </message>
    <message>
        <source>PII mode is a list of: {join}.</source>
        <translation>個資模式是下列項目的清單：{join}。</translation>
    </message>
    <message>
        <source>{labels} is a list of texts.</source>
        <translation>{labels}是文字清單。</translation>
    </message>
    <message>
        <source>Protected patterns is a list of regular expressions.</source>
        <translation>受保護的樣式是正規表示式的清單。</translation>
    </message>
    <message>
        <source>History retention is a number of days (1 or more), or forever.</source>
        <translation>歷史記錄保留期限是天數（1 天以上），或永久保留。</translation>
    </message>
    <message>
        <source>{labels} is set by an organization&apos;s policy file, not here (docs/privacy.md shows the file).</source>
        <translation>{labels}由組織的政策檔設定，無法在這裡變更（docs/privacy.md 說明了這個檔案）。</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Gallery</source>
        <translation>圖庫</translation>
    </message>
    <message>
        <source>Search prompts…</source>
        <translation>搜尋提示詞…</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限時間</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 個月</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Copy parameters</source>
        <translation>複製參數</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>沿用設定</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在資料夾中顯示</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>No program to show pictures is set up on this computer; the image is at {path}.</source>
        <translation>這台電腦沒有設定看圖程式；圖片在 {path}。</translation>
    </message>
    <message>
        <source>No file manager is set up on this computer; the image is in {folder}.</source>
        <translation>這台電腦沒有設定檔案管理員；圖片在 {folder} 資料夾。</translation>
    </message>
    <message>
        <source>Parameters copied.</source>
        <translation>已複製參數。</translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation>刪除圖片</translation>
    </message>
    <message>
        <source>Delete {n} image(s) and their files? This cannot be undone.</source>
        <translation>要刪除 {n} 張圖片和它們的檔案嗎？刪除後無法復原。</translation>
    </message>
</context>
<context>
    <name>HistoryDetail</name>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
    <message>
        <source>Pick a generation in the list to see its prompt, answer and settings here. Double-click a chat turn, or use Open in chat, to continue that conversation.</source>
        <translation>在清單中選一筆生成紀錄，這裡就會顯示它的提示詞、回答與設定。雙擊一則對話，或按「在對話中開啟」，即可繼續那段對話。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>狀態：{status}</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>種子 {seed}</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 步</translation>
    </message>
    <message>
        <source>guidance {g}</source>
        <translation>引導 {g}</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示詞</translation>
    </message>
    <message>
        <source>temperature {t}</source>
        <translation>溫度 {t}</translation>
    </message>
    <message>
        <source>{n} tokens in, {m} out</source>
        <translation>輸入 {n} 個 token，輸出 {m} 個</translation>
    </message>
    <message>
        <source>System instructions</source>
        <translation>系統指示</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Best match first</source>
        <translation>最相關的在前</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>How search results are ordered</source>
        <translation>搜尋結果的排列方式</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史紀錄</translation>
    </message>
    <message>
        <source>Search prompts and answers (Chinese or English)…</source>
        <translation>搜尋提示詞與回答（中英文皆可）…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Open in chat</source>
        <translation>在對話中開啟</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>匯出選取項目…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部匯出…</translation>
    </message>
    <message>
        <source>Mask personal data</source>
        <translation>遮蔽個人資料</translation>
    </message>
    <message>
        <source>Preview masking…</source>
        <translation>預覽遮蔽結果…</translation>
    </message>
    <message>
        <source>Managed by your organization</source>
        <translation>由貴組織管理</translation>
    </message>
    <message>
        <source>E-mails, phone numbers, ID numbers, cards and your protected terms are replaced by labels in every field of the export.</source>
        <translation>匯出的每個欄位中，電子郵件、電話號碼、身分證號、卡號與您設定的保護詞都會以標籤取代。</translation>
    </message>
    <message>
        <source>{n} shown · {total} in history</source>
        <translation>顯示 {n} 筆 · 歷史紀錄共 {total} 筆</translation>
    </message>
    <message>
        <source>Delete from history</source>
        <translation>從歷史紀錄刪除</translation>
    </message>
    <message>
        <source>Delete {n} generation(s) from history? This cannot be undone.</source>
        <translation>要從歷史紀錄刪除 {n} 筆生成結果嗎？刪除後無法復原。</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>匯出歷史紀錄</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON Lines (*.jsonl)</source>
        <translation>Markdown (*.md);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting history…</source>
        <translation>正在匯出歷史紀錄…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported {n} generations to {path}.</source>
        <translation>已將 {n} 筆生成結果匯出到 {path}。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
</context>
<context>
    <name>ImageForm</name>
    <message>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>e.g. a ceramic tea set on a wooden table, soft morning light, product photo</source>
        <translation>例如：木桌上的陶瓷茶具，柔和的晨光，商品攝影</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>反向提示詞</translation>
    </message>
    <message>
        <source>what to avoid, e.g. blurry, text, watermark</source>
        <translation>不想出現的內容，例如：模糊、文字、浮水印</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>預設集</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>引導強度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>取樣器</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>張數</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>重繪強度</translation>
    </message>
    <message>
        <source>Parameters in PNG</source>
        <translation>PNG 內嵌參數</translation>
    </message>
    <message>
        <source>CPU speed</source>
        <translation>CPU 速度</translation>
    </message>
    <message>
        <source>CPU engine</source>
        <translation>CPU 引擎</translation>
    </message>
    <message>
        <source>Faster with bfloat16 (pixels differ slightly)</source>
        <translation>使用 bfloat16 加速（像素略有差異）</translation>
    </message>
    <message>
        <source>This CPU computes bfloat16 natively: images come about twice as fast, with tiny differences from full precision. Only used on the CPU.</source>
        <translation>這顆 CPU 原生支援 bfloat16：出圖速度約快一倍，與完整精度相比僅有極細微差異。只在使用 CPU 時生效。</translation>
    </message>
    <message>
        <source>Faster with OpenVINO</source>
        <translation>使用 OpenVINO 加速</translation>
    </message>
    <message>
        <source>Runs the model&apos;s main network with OpenVINO on the CPU. The first image of each model prepares it (minutes, once); later images are faster. Pixels differ slightly.</source>
        <translation>在 CPU 上以 OpenVINO 執行模型的主要網路。每個模型的第一張圖片會先準備（需數分鐘，只做一次）；之後的圖片會更快。像素會略有差異。</translation>
    </message>
    <message>
        <source>what suits the model</source>
        <translation>依模型自動選擇</translation>
    </message>
    <message>
        <source>Standard (usually 20–30 steps)</source>
        <translation>標準（通常 20–30 步）</translation>
    </message>
    <message>
        <source>Turbo (1–4 steps, no guidance)</source>
        <translation>Turbo（1–4 步，不使用引導）</translation>
    </message>
    <message>
        <source>LCM (2–8 steps)</source>
        <translation>LCM（2–8 步）</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>依預設集</translation>
    </message>
    <message>
        <source>the model&apos;s size</source>
        <translation>模型預設尺寸</translation>
    </message>
    <message>
        <source>Custom size…</source>
        <translation>自訂大小…</translation>
    </message>
    <message>
        <source>random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>img2img: how far to move away from the starting picture</source>
        <translation>img2img：與起始圖片的差異要多大</translation>
    </message>
    <message>
        <source>Write prompt and settings into the PNG</source>
        <translation>將提示詞與設定寫入 PNG</translation>
    </message>
    <message>
        <source>Other tools can read them; switch off for sensitive work.</source>
        <translation>其他工具可以讀取這些資訊；處理機密內容時請關閉。</translation>
    </message>
    <message>
        <source>Start from a picture…</source>
        <translation>從圖片開始…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{steps} steps is outside what this preset usually runs ({low}–{high}); the picture may come out rough or slow.</source>
        <translation>{steps} 步不在這個預設通常的範圍（{low}–{high}）內；圖片可能粗糙或很慢。</translation>
    </message>
    <message>
        <source>No image model yet: import a .safetensors checkpoint or a diffusers folder on the Models page.</source>
        <translation>還沒有圖片模型，請到「模型」頁面匯入 .safetensors 檢查點或 diffusers 資料夾。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a picture; choose a PNG, JPEG, WebP or BMP file.</source>
        <translation>無法把 {name} 讀成圖片；請選擇 PNG、JPEG、WebP 或 BMP 檔。</translation>
    </message>
    <message>
        <source>Starting from {name} (img2img)</source>
        <translation>以 {name} 為起始圖片（img2img）</translation>
    </message>
    <message>
        <source>Drop a picture here to start from it (img2img).</source>
        <translation>把圖片拖曳到這裡，以它為起點生成（img2img）。</translation>
    </message>
    <message>
        <source>Start from a picture</source>
        <translation>選擇起始圖片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>圖片 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <source>Starting…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>第 {step} / {total} 步</translation>
    </message>
    <message>
        <source>about {s:.0f} s left</source>
        <translation>約剩 {s:.0f} 秒</translation>
    </message>
    <message>
        <source>Verifying the model %p%</source>
        <translation>正在驗證模型 %p%</translation>
    </message>
    <message>
        <source>Preparing the faster CPU engine (once for this model) %p%</source>
        <translation>正在準備加速的 CPU 引擎（此模型只需一次）%p%</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在載入模型…</translation>
    </message>
    <message>
        <source>{n} image(s) in {s:.1f} s, seed {seed}.</source>
        <translation>{s:.1f} 秒生成 {n} 張圖片，種子 {seed}。</translation>
    </message>
    <message>
        <source>Cancelled; {n} finished image(s) were kept.</source>
        <translation>已取消，已完成的 {n} 張圖片會保留。</translation>
    </message>
    <message>
        <source>generation stopped: {reason}</source>
        <translation>生成中斷：{reason}</translation>
    </message>
    <message>
        <source>Settings of image #{id} loaded: same seed, same picture.</source>
        <translation>已載入圖片 #{id} 的設定：相同的種子，就會生成相同的圖片。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>New batch</source>
        <translation>新增批次</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未選擇檔案</translation>
    </message>
    <message>
        <source>Choose CSV or XLSX…</source>
        <translation>選擇 CSV 或 XLSX…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>標題列</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Columns for the template&apos;s variables</source>
        <translation>對應範本變數的欄位</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>變數</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Create batch</source>
        <translation>建立批次</translation>
    </message>
    <message>
        <source>Choose a CRM export</source>
        <translation>選擇 CRM 匯出檔</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx)</source>
        <translation>試算表 (*.csv *.tsv *.txt *.xlsx)</translation>
    </message>
    <message>
        <source>{rows} rows, encoding {encoding}, delimiter {delimiter}. If the text looks wrong, pick another encoding.</source>
        <translation>{rows} 列，編碼 {encoding}，分隔符號 {delimiter}。如果文字看起來是亂碼，請改選其他編碼。</translation>
    </message>
    <message>
        <source>{rows} rows from the workbook.</source>
        <translation>活頁簿中有 {rows} 列。</translation>
    </message>
    <message>
        <source>(none: use the default)</source>
        <translation>（不對應：使用預設值）</translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Counting…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>Generations</source>
        <translation>生成次數</translation>
    </message>
    <message>
        <source>{text} text, {image} images</source>
        <translation>文字 {text} 次、圖片 {image} 張</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>採用率</translation>
    </message>
    <message>
        <source>{kept} kept of {reviewed} reviewed</source>
        <translation>已審 {reviewed} 筆，採用 {kept} 筆</translation>
    </message>
    <message>
        <source>Review time</source>
        <translation>審閱時間</translation>
    </message>
    <message>
        <source>{s:.0f} s</source>
        <translation>{s:.0f} 秒</translation>
    </message>
    <message>
        <source>median per row</source>
        <translation>每筆中位數</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>活躍使用者</translation>
    </message>
    <message>
        <source>in the 28 days to {day}</source>
        <translation>截至 {day} 的 28 天內</translation>
    </message>
    <message>
        <source>Time saved (estimate)</source>
        <translation>節省時間（估計）</translation>
    </message>
    <message>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小時</translation>
    </message>
    <message>
        <source>about TWD {value:,} at {rate:,.0f}/h</source>
        <translation>約新臺幣 {value:,} 元（每小時 {rate:,.0f} 元）</translation>
    </message>
    <message>
        <source>Time saved is an estimate: items kept × the manual minutes per template (editable with &apos;airlock insights baselines&apos;), minus the measured review time. Airlock is not likely to be solely responsible for the time people save.</source>
        <translation>節省時間是估計值：採用的項目數 × 每個範本的人工撰寫分鐘數（可用 `airlock insights baselines` 修改），再減去實際審閱時間。節省的時間不太可能全歸功於 Airlock。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Generations per week</source>
        <translation>每週生成次數</translation>
    </message>
    <message>
        <source>Generations per day</source>
        <translation>每日生成次數</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>週起始日</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kept as generated</source>
        <translation>原樣採用</translation>
    </message>
    <message>
        <source>Kept after edits</source>
        <translation>修改後採用</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Review decisions by template</source>
        <translation>各範本的審閱結果</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <source>Median seconds</source>
        <translation>中位數（秒）</translation>
    </message>
    <message>
        <source>p95 seconds</source>
        <translation>p95（秒）</translation>
    </message>
    <message>
        <source>Seconds per generation by model</source>
        <translation>各模型每次生成秒數</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Median tokens/s</source>
        <translation>中位數 tokens/秒</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>儲存報告</translation>
    </message>
    <message>
        <source>The report was not saved: {error}</source>
        <translation>報告未儲存：{error}</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已儲存 {path}。</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 28 days</source>
        <translation>最近 28 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上個月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Save PDF report…</source>
        <translation>儲存 PDF 報告…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>儲存 CSV…</translation>
    </message>
    <message>
        <source>Include prompts and outputs</source>
        <translation>包含提示詞與產出內容</translation>
    </message>
    <message>
        <source>Off: the report has counts only, no text anyone wrote.</source>
        <translation>關閉時報告只有數字，不含任何人寫的文字。</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>Acceptance by template</source>
        <translation>各範本採用率</translation>
    </message>
    <message>
        <source>Speed by model</source>
        <translation>各模型速度</translation>
    </message>
</context>
<context>
    <name>InsightsReport</name>
    <message>
        <source>— (0 of 0)</source>
        <translation>—（0 筆中 0 筆）</translation>
    </message>
    <message>
        <source>{pct:.1f}% ({n} of {d})</source>
        <translation>{pct:.1f}%（{d} 筆中 {n} 筆）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Text generations</source>
        <translation>文字生成次數</translation>
    </message>
    <message>
        <source>Images generated</source>
        <translation>生成圖片數</translation>
    </message>
    <message>
        <source>Tokens written</source>
        <translation>產出 tokens</translation>
    </message>
    <message>
        <source>Rows reviewed</source>
        <translation>已審閱筆數</translation>
    </message>
    <message>
        <source>Acceptance (kept / reviewed)</source>
        <translation>採用率（採用／已審閱）</translation>
    </message>
    <message>
        <source>Kept as generated</source>
        <translation>原樣採用</translation>
    </message>
    <message>
        <source>Kept after edits</source>
        <translation>修改後採用</translation>
    </message>
    <message>
        <source>Median review time per row</source>
        <translation>每筆審閱時間中位數</translation>
    </message>
    <message>
        <source>{s:.0f} s</source>
        <translation>{s:.0f} 秒</translation>
    </message>
    <message>
        <source>Active users (28 days)</source>
        <translation>活躍使用者（28 天）</translation>
    </message>
    <message>
        <source>Estimated time saved</source>
        <translation>估計節省時間</translation>
    </message>
    <message>
        <source>{h:.1f} hours, about TWD {v:,}</source>
        <translation>{h:.1f} 小時，約新臺幣 {v:,} 元</translation>
    </message>
    <message>
        <source>An estimate: items kept × the manual minutes per template, minus the measured review time. The baselines are assumptions an admin can edit; Airlock is not likely to be solely responsible for the time people save.</source>
        <translation>估計值：採用的項目數 × 每個範本的人工撰寫分鐘數，再減去實際審閱時間。這些基準是管理者可修改的假設；節省的時間不太可能全歸功於 Airlock。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已審閱</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>採用率</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Median s</source>
        <translation>中位數（秒）</translation>
    </message>
    <message>
        <source>p95 s</source>
        <translation>p95（秒）</translation>
    </message>
    <message>
        <source>Median tokens/s</source>
        <translation>中位數 tokens/秒</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Template or model</source>
        <translation>範本或模型</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>產出</translation>
    </message>
    <message>
        <source>Airlock insights</source>
        <translation>Airlock 成效分析</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Knowledge</source>
        <translation>知識庫</translation>
    </message>
    <message>
        <source>Company documents that templates can quote from, with their sources: .txt, .md, .docx, .pdf (text), .xlsx and .csv. Drop files here or use Import. Everything stays on this computer.</source>
        <translation>範本可以引用這裡的公司文件，並附上出處。支援 .txt、.md、.docx、.pdf（文字）、.xlsx 與 .csv。把檔案拖曳到這裡，或按「匯入文件」。所有資料都只會留在這台電腦上。</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>新增文件集…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation>匯入文件…</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Search the knowledge (Chinese or English)…</source>
        <translation>搜尋知識庫（中英文皆可）…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>段落數</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>匯入時間</translation>
    </message>
    <message>
        <source>{name} ({n} documents)</source>
        <translation>{name}（{n} 份文件）</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>新增文件集</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>文件集名稱：</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>刪除文件集</translation>
    </message>
    <message>
        <source>Delete the collection &apos;{name}&apos; and all its documents from Airlock? Your files stay where they are.</source>
        <translation>要從 Airlock 刪除文件集「{name}」和其中所有文件嗎？你的原始檔案會保留在原處。</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文件 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>匯入文件</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import cancelled; the unfinished document was not kept.</source>
        <translation>已取消匯入，未完成的文件沒有保留。</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>建立索引中 %p%</translation>
    </message>
    <message>
        <source>Imported {n} documents ({chunks} chunks) into &apos;{collection}&apos;.</source>
        <translation>已將 {n} 份文件（共 {chunks} 個段落）匯入「{collection}」。</translation>
    </message>
    <message>
        <source>Skipped {name}: {reason}</source>
        <translation>已略過 {name}：{reason}</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>找不到相符的內容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Airlock — private AI studio</source>
        <translation>Airlock — 私有 AI 工作室</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知識庫</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史紀錄</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>成效分析</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation>裝置：{device}</translation>
    </message>
    <message>
        <source>Running on the CPU because {reason}.</source>
        <translation>目前使用 CPU 執行，原因：{reason}。</translation>
    </message>
    <message>
        <source>Device: not loaded</source>
        <translation>裝置：尚未載入</translation>
    </message>
    <message>
        <source>{tps:.1f} tokens/s</source>
        <translation>每秒 {tps:.1f} token</translation>
    </message>
    <message>
        <source>Memory: {mb:.0f} MB</source>
        <translation>記憶體：{mb:.0f} MB</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Import .gguf files (text) or .safetensors checkpoints and diffusers folders (images). Drop them here, or use Import file… or Import folder…. Airlock never downloads anything: fetch models on a connected machine.</source>
        <translation>可匯入 .gguf 檔（文字）或 .safetensors 檢查點與 diffusers 資料夾（圖片）。把它們拖放到這裡，或使用「匯入檔案…」或「匯入資料夾…」。Airlock 從不下載任何東西：請在連網的電腦上取得模型。</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>匯入檔案…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>匯入資料夾…</translation>
    </message>
    <message>
        <source>A diffusers image model is a folder with model_index.json: choose the folder itself.</source>
        <translation>diffusers 圖片模型是含有 model_index.json 的資料夾：請選擇資料夾本身。</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>驗證</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架構</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>所需記憶體</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Recommended models</source>
        <translation>推薦模型</translation>
    </message>
    <message>
        <source>Only what fits this machine</source>
        <translation>只顯示這台電腦跑得動的</translation>
    </message>
    <message>
        <source>Models that write Traditional Chinese well come first. Fetch the file from its page on a connected machine, then import it: Airlock recognizes it and applies its settings.</source>
        <translation>擅長繁體中文的模型排在前面。請在可連網的電腦上從模型頁面下載檔案，再匯入 Airlock；Airlock 會認出模型並套用建議設定。</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>檔案大小</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Where to get it</source>
        <translation>下載頁面</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>跑得動</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>偏緊</translation>
    </message>
    <message>
        <source>too big</source>
        <translation>太大</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>複製連結</translation>
    </message>
    <message>
        <source>Stopped; nothing was kept.</source>
        <translation>已停止，沒有留下任何檔案。</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>匯入模型</translation>
    </message>
    <message>
        <source>Models (*.gguf *.safetensors);;All files (*)</source>
        <translation>模型 (*.gguf *.safetensors);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import a diffusers model folder</source>
        <translation>匯入 diffusers 模型資料夾</translation>
    </message>
    <message>
        <source>Link copied: {url}. Open it on a connected machine to fetch the file.</source>
        <translation>已複製連結：{url}。請在連網的電腦上開啟以取得檔案。</translation>
    </message>
    <message>
        <source>Imported &apos;{name}&apos; ({size}, sha256 {sha}).</source>
        <translation>已匯入「{name}」（{size}，sha256 {sha}）。</translation>
    </message>
    <message>
        <source>Recognized as {entry}: its recommended settings apply.</source>
        <translation>已辨識為 {entry}，將套用建議設定。</translation>
    </message>
    <message>
        <source>Its chat template (sha256 {sha}) looks suspicious: it {flags}.</source>
        <translation>它的對話範本（sha256 {sha}）看起來可疑：{flags}。</translation>
    </message>
    <message>
        <source>Chat template sha256 {sha}: nothing suspicious found.</source>
        <translation>對話範本 sha256 {sha}：沒有發現可疑之處。</translation>
    </message>
    <message>
        <source>Hashing {name}</source>
        <translation>正在計算 {name} 的雜湊值</translation>
    </message>
    <message>
        <source>Verifying {name}</source>
        <translation>正在驗證 {name}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is unchanged since it was imported.</source>
        <translation>「{name}」自匯入後沒有任何變動。</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>Remove &apos;{name}&apos; from Airlock? A copy Airlock made is deleted; a linked file stays where it is. History is kept.</source>
        <translation>要從 Airlock 移除「{name}」嗎？Airlock 複製的檔案會一併刪除，連結的原始檔案則保留在原處。歷史紀錄不受影響。</translation>
    </message>
    <message>
        <source>Removed &apos;{name}&apos;.</source>
        <translation>已移除「{name}」。</translation>
    </message>
</context>
<context>
    <name>PackImportDialog</name>
    <message>
        <source>Import pack</source>
        <translation>匯入範本包</translation>
    </message>
    <message>
        <source>Pack &apos;{name}&apos;: {new} new, {same} already here, {conflict} in conflict. Nothing is imported until you press OK, and then all at once.</source>
        <translation>範本包「{name}」：{new} 項新增、{same} 項已存在、{conflict} 項有衝突。按下「確定」前不會匯入任何內容，按下後一次全部匯入。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>If it exists</source>
        <translation>若已存在</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Brand voice</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>思考框架</translation>
    </message>
    <message>
        <source>new (version {v})</source>
        <translation>新增（第 {v} 版）</translation>
    </message>
    <message>
        <source>already here, identical</source>
        <translation>已存在，內容相同</translation>
    </message>
    <message>
        <source>different: here version {here}, pack version {pack}</source>
        <translation>內容不同：目前是第 {here} 版，範本包是第 {pack} 版</translation>
    </message>
    <message>
        <source>Keep both (import a copy)</source>
        <translation>兩個都保留（匯入副本）</translation>
    </message>
    <message>
        <source>Replace (old one stays in history)</source>
        <translation>取代（舊版仍保留在版本紀錄）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>略過</translation>
    </message>
</context>
<context>
    <name>PiiLabels</name>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身分證／居留證號</translation>
    </message>
    <message>
        <source>Business ID</source>
        <translation>統一編號</translation>
    </message>
    <message>
        <source>Payment card</source>
        <translation>信用卡號</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 位址</translation>
    </message>
    <message>
        <source>Protected term</source>
        <translation>保護詞</translation>
    </message>
    <message>
        <source>Protected pattern</source>
        <translation>保護樣式</translation>
    </message>
    <message>
        <source>Patterns find e-mails, phone numbers, ID and business numbers, cards, IBANs and IP addresses. Names of people and addresses in Chinese text are out of reach of patterns: add client names as protected terms, and read what you share.</source>
        <translation>樣式比對可找出電子郵件、電話號碼、身分證號與統一編號、卡號、IBAN 與 IP 位址。中文文字中的人名與地址無法以樣式找出：請把客戶名稱加為保護詞，並在分享前親自檢查內容。</translation>
    </message>
</context>
<context>
    <name>PiiPreview</name>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>找到的內容</translation>
    </message>
    <message>
        <source>{n} item(s) will be masked.</source>
        <translation>將遮蔽 {n} 項。</translation>
    </message>
    <message>
        <source>Nothing to mask was found.</source>
        <translation>沒有找到需要遮蔽的內容。</translation>
    </message>
</context>
<context>
    <name>PiiPreviewDialog</name>
    <message>
        <source>What will be masked</source>
        <translation>將被遮蔽的內容</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Managed by your organization</source>
        <translation>由貴組織管理</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>Personal data</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保護方式</translation>
    </message>
    <message>
        <source>Warn before a prompt with personal data is sent</source>
        <translation>送出含個人資料的提示前先提醒</translation>
    </message>
    <message>
        <source>Mask personal data in stored history</source>
        <translation>在儲存的歷史紀錄中遮蔽個人資料</translation>
    </message>
    <message>
        <source>Mask personal data in every export</source>
        <translation>在每次匯出中遮蔽個人資料</translation>
    </message>
    <message>
        <source>Protected terms</source>
        <translation>保護詞</translation>
    </message>
    <message>
        <source>One per line: client names, project code names…</source>
        <translation>每行一個：客戶名稱、專案代號…</translation>
    </message>
    <message>
        <source>Protected patterns</source>
        <translation>保護樣式</translation>
    </message>
    <message>
        <source>Regular expressions, one per line, e.g. PRJ-\d{4}</source>
        <translation>正規表示式，每行一個，例如 PRJ-\d{4}</translation>
    </message>
    <message>
        <source>Save terms and patterns</source>
        <translation>儲存保護詞與樣式</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>試試看</translation>
    </message>
    <message>
        <source>Paste a text to see what would be masked</source>
        <translation>貼上一段文字，看看哪些內容會被遮蔽</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史紀錄</translation>
    </message>
    <message>
        <source>Keep history</source>
        <translation>保存歷史紀錄</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Keep no history (delete this session&apos;s work when Airlock closes)</source>
        <translation>不保存歷史紀錄（關閉 Airlock 時刪除這次的內容）</translation>
    </message>
    <message>
        <source>Write generation settings into PNG files</source>
        <translation>將生成設定寫入 PNG 檔</translation>
    </message>
    <message>
        <source>Write prompts and answers into the audit log</source>
        <translation>將提示與回答寫入稽核紀錄</translation>
    </message>
    <message>
        <source>Delete all history…</source>
        <translation>刪除所有歷史紀錄…</translation>
    </message>
    <message>
        <source>Encryption at rest</source>
        <translation>靜態加密</translation>
    </message>
    <message>
        <source>Encrypt the database…</source>
        <translation>加密資料庫…</translation>
    </message>
    <message>
        <source>Policy file: {path}</source>
        <translation>政策檔：{path}</translation>
    </message>
    <message>
        <source>No organization policy is installed; every setting here is yours to change.</source>
        <translation>尚未安裝組織政策；這裡的每項設定都可以自行變更。</translation>
    </message>
    <message>
        <source>The database will be encrypted the next time Airlock starts.</source>
        <translation>下次啟動 Airlock 時會加密資料庫。</translation>
    </message>
    <message>
        <source>The database is encrypted; its key is in this computer&apos;s keyring.</source>
        <translation>資料庫已加密；金鑰存放在這台電腦的金鑰圈中。</translation>
    </message>
    <message>
        <source>The database is encrypted with a passphrase, asked for at every start.</source>
        <translation>資料庫已用密語加密，每次啟動時都會詢問。</translation>
    </message>
    <message>
        <source>The database is not encrypted.</source>
        <translation>資料庫未加密。</translation>
    </message>
    <message>
        <source>Images in the outputs folder and exported files are not encrypted (see docs/privacy.md).</source>
        <translation>outputs 資料夾中的圖片與匯出的檔案不會加密（見 docs/privacy.md）。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>刪除所有歷史紀錄</translation>
    </message>
    <message>
        <source>Every generation, conversation, batch job and image in the outputs folder will be deleted. This cannot be undone. Type &apos;{words}&apos; to confirm:</source>
        <translation>所有生成紀錄、對話、批次工作與 outputs 資料夾中的圖片都會被刪除，且無法復原。請輸入「{words}」確認：</translation>
    </message>
    <message>
        <source>Deleted {n} generations and {images} images.</source>
        <translation>已刪除 {n} 筆生成紀錄與 {images} 張圖片。</translation>
    </message>
    <message>
        <source>Deleting all history…</source>
        <translation>正在刪除所有歷史紀錄…</translation>
    </message>
    <message>
        <source>Encrypt the database</source>
        <translation>加密資料庫</translation>
    </message>
    <message>
        <source>The key will be kept in this computer&apos;s keyring. Airlock encrypts the database the next time it starts. Continue?</source>
        <translation>金鑰將存放在這台電腦的金鑰圈中。Airlock 會在下次啟動時加密資料庫。要繼續嗎？</translation>
    </message>
    <message>
        <source>This computer has no keyring, so a passphrase protects the key. It is asked for at every start and cannot be recovered if lost. Passphrase (8 characters or more):</source>
        <translation>這台電腦沒有金鑰圈，因此改以密語保護金鑰。每次啟動都會詢問，遺失後無法復原。密語（至少 8 個字元）：</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>請再輸入一次相同的密語：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>兩次輸入的密語不同；沒有做任何變更。</translation>
    </message>
    <message>
        <source>Restart Airlock to encrypt the database.</source>
        <translation>請重新啟動 Airlock 以加密資料庫。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>稽核</translation>
    </message>
    <message>
        <source>Privacy and security</source>
        <translation>隱私與安全</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>預設模型</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Applied at once, no restart needed.</source>
        <translation>立即套用，不需要重新啟動。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>Database, models, outputs and logs live here. Start Airlock with --home DIR or set AIRLOCK_HOME to use another folder.</source>
        <translation>資料庫、模型、輸出檔與記錄檔都放在這裡。若要使用其他資料夾，請用 --home DIR 啟動 Airlock，或設定 AIRLOCK_HOME。</translation>
    </message>
    <message>
        <source>automatic (one per core)</source>
        <translation>自動（每個核心一個）</translation>
    </message>
    <message>
        <source>Automatic: use a GPU when there is one</source>
        <translation>自動：有 GPU 就使用</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>只用 CPU</translation>
    </message>
    <message>
        <source>When a GPU cannot be used, the status bar says why. Changes apply to the next model load.</source>
        <translation>無法使用 GPU 時，狀態列會說明原因。變更會在下次載入模型時生效。</translation>
    </message>
</context>
<context>
    <name>SnippetPicker</name>
    <message>
        <source>Add the best snippets automatically:</source>
        <translation>自動加入最相關的片段：</translation>
    </message>
    <message>
        <source>Airlock searches your knowledge for the words of the prompt and adds the best matches, with their sources.</source>
        <translation>Airlock 會用提示詞中的字詞搜尋知識庫，自動加入最相符的片段，並附上出處。</translation>
    </message>
    <message>
        <source>How many snippets</source>
        <translation>片段數量</translation>
    </message>
    <message>
        <source>Search knowledge to pick snippets (Chinese or English)…</source>
        <translation>搜尋知識庫來挑選片段（中英文皆可）…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>All collections</source>
        <translation>全部文件集</translation>
    </message>
    <message>
        <source>Picked: {list}</source>
        <translation>已選：{list}</translation>
    </message>
    <message>
        <source>No snippets picked.</source>
        <translation>尚未選取片段。</translation>
    </message>
</context>
<context>
    <name>SwiftBuilder</name>
    <message>
        <source>Prompt language</source>
        <translation>提示詞語言</translation>
    </message>
    <message>
        <source>S · Scene: who is writing, for whom, where it appears</source>
        <translation>S · 情境：誰來寫、寫給誰、會出現在哪裡</translation>
    </message>
    <message>
        <source>e.g. I am the marketer of a Taichung tea brand; the post is for our Instagram followers, office workers aged 25–35.</source>
        <translation>例如：我是台中一個茶飲品牌的行銷人員，這篇貼文是給我們 Instagram 的粉絲看的，主要是 25–35 歲的上班族。</translation>
    </message>
    <message>
        <source>W · Want: what you need, how long, how many versions</source>
        <translation>W · 需求：要什麼內容、多長、幾個版本</translation>
    </message>
    <message>
        <source>e.g. A 150-word post announcing our cold-brew oolong, with 5 hashtags. Type {{ name }} to make a variable when saved as a template.</source>
        <translation>例如：一篇 150 字的貼文，宣傳我們新推出的冷泡烏龍，附上 5 個 hashtag。輸入 {{ name }} 可在存成範本時變成變數。</translation>
    </message>
    <message>
        <source>I · Interact: how the model should work with you</source>
        <translation>I · 互動方式：模型要怎麼跟你配合</translation>
    </message>
    <message>
        <source>e.g. Ask me up to 3 questions first; after the draft, wait for my feedback and revise.</source>
        <translation>例如：先問我最多 3 個問題；寫完初稿後，等我給意見再修改。</translation>
    </message>
    <message>
        <source>Insert a common instruction…</source>
        <translation>插入常用指示…</translation>
    </message>
    <message>
        <source>F · Feed: facts, samples, files and company knowledge</source>
        <translation>F · 參考素材：事實、範例、檔案與公司知識</translation>
    </message>
    <message>
        <source>Facts the model must use: product specs, prices, dates, a sample you like.</source>
        <translation>模型一定要用到的資訊：產品規格、價格、日期、你喜歡的範例。</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>附加檔案…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>T · Thinking framework</source>
        <translation>T · 思考框架</translation>
    </message>
    <message>
        <source>The prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>Send to Chat opens a new conversation with this prompt. Refine the draft there: every follow-up stays in the same conversation.</source>
        <translation>「送到對話」會用這段提示詞開啟新對話。接著在對話裡修改初稿，之後的每則訊息都會留在同一個對話中。</translation>
    </message>
    <message>
        <source>Send to Chat</source>
        <translation>送到對話</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>存成範本…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Pick a structure for the answer, or none.</source>
        <translation>為回答挑選一種結構，也可以不用。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.docx *.pdf *.xlsx *.csv);;All files (*)</source>
        <translation>文件 (*.txt *.md *.docx *.pdf *.xlsx *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>No files attached.</source>
        <translation>尚未附加檔案。</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>存成範本</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>範本名稱：</translation>
    </message>
    <message>
        <source>Made with the SWIFT builder</source>
        <translation>以 SWIFT 產生器建立</translation>
    </message>
    <message>
        <source>Saved as the template &apos;{name}&apos;.</source>
        <translation>已存成範本「{name}」。</translation>
    </message>
</context>
<context>
    <name>SystemErrors</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>找不到這個檔案或資料夾</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>沒有權限</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>不允許這項操作</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁碟配額已用完</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁碟是唯讀的</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>這是資料夾</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路徑中有一部分不是資料夾</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>已經存在</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>資料夾不是空的</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>另一個程式正在使用它</translation>
    </message>
    <message>
        <source>the disk could not be read or written (input/output error)</source>
        <translation>磁碟無法讀寫（輸入／輸出錯誤）</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名稱太長</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>開啟的檔案太多</translation>
    </message>
    <message>
        <source>there is not enough memory</source>
        <translation>記憶體不足</translation>
    </message>
    <message>
        <source>it cannot be moved to another disk</source>
        <translation>無法移到另一個磁碟</translation>
    </message>
    <message>
        <source>the address is already in use</source>
        <translation>這個位址已被使用</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>連線被拒絕</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>連線被重設</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>連線逾時</translation>
    </message>
    <message>
        <source>the host cannot be reached</source>
        <translation>無法連到主機</translation>
    </message>
    <message>
        <source>the network cannot be reached</source>
        <translation>無法連上網路</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>發生錯誤：{error}</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>變數</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Prompt body: {{ variable }} inserts a value, {% if x %}…{% endif %} adds text only when x is filled in</source>
        <translation>提示詞內容：{{ variable }} 會插入變數值；{% if x %}…{% endif %} 之間的文字只有在 x 有填寫時才會加入</translation>
    </message>
    <message>
        <source>Negative prompt (what the image should not show)</source>
        <translation>反向提示詞（圖片中不該出現的內容）</translation>
    </message>
    <message>
        <source>System instructions (optional)</source>
        <translation>系統指示（選填）</translation>
    </message>
    <message>
        <source>Each variable becomes a field of the form. Types: short text, long text, choice (options separated by |), number, date (YYYY-MM-DD), boolean.</source>
        <translation>每個變數都會成為表單中的一個欄位。類型：short_text（短文字）、long_text（長文字）、choice（選項，以 | 分隔）、number（數字）、date（日期，YYYY-MM-DD）、boolean（是／否）。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設值</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>說明文字</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>新增變數</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add the ones the body uses</source>
        <translation>加入內容中用到的變數</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Output fields</source>
        <translation>輸出欄位</translation>
    </message>
    <message>
        <source>For batch jobs: the fields each draft is made of (for a mail: subject and body). The model is held to this shape and the review shows each field apart. Kind: text, or list (Items: how many entries, empty for 1 to 10). Leave the table empty for free text.</source>
        <translation>供批次工作使用：每份草稿由哪些欄位組成（例如郵件的主旨與內文）。模型會依此格式產生，審閱時各欄位分開顯示。類型：文字，或清單（項目數：幾個項目，留空表示 1 到 10 個）。表格留空則為自由文字。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>項目數</translation>
    </message>
    <message>
        <source>Max characters</source>
        <translation>字數上限</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>新增欄位</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>移除欄位</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Brand voice</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>Thinking framework</source>
        <translation>思考框架</translation>
    </message>
    <message>
        <source>Recommended model</source>
        <translation>推薦模型</translation>
    </message>
    <message>
        <source>Parameters (JSON)</source>
        <translation>參數（JSON）</translation>
    </message>
    <message>
        <source>Text (to Chat)</source>
        <translation>文字（送到對話）</translation>
    </message>
    <message>
        <source>Image prompt (to Images)</source>
        <translation>圖片提示詞（送到圖片）</translation>
    </message>
    <message>
        <source>e.g. {&quot;temperature&quot;: 0.7, &quot;max_tokens&quot;: 800}</source>
        <translation>例如：{&quot;temperature&quot;: 0.7, &quot;max_tokens&quot;: 800}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>版本紀錄…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name}（找不到）</translation>
    </message>
    <message>
        <source>new, not saved</source>
        <translation>新範本，尚未儲存</translation>
    </message>
    <message>
        <source>version {v}</source>
        <translation>第 {v} 版</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · 已修改</translation>
    </message>
    <message>
        <source>Parameters must be JSON, for example {&quot;temperature&quot;: 0.7}.</source>
        <translation>參數必須是 JSON 格式，例如 {&quot;temperature&quot;: 0.7}。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>list</source>
        <translation>清單</translation>
    </message>
    <message>
        <source>Output field &apos;{name}&apos;: {what} must be a whole number.</source>
        <translation>輸出欄位「{name}」：{what} 必須是整數。</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <source>Search templates (Chinese or English)…</source>
        <translation>搜尋範本（中英文皆可）…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>建立副本</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Import pack…</source>
        <translation>匯入範本包…</translation>
    </message>
    <message>
        <source>Export pack</source>
        <translation>匯出範本包</translation>
    </message>
    <message>
        <source>This template (with its brand voice and framework)…</source>
        <translation>這個範本（含品牌語氣與思考框架）…</translation>
    </message>
    <message>
        <source>Everything: all templates, voices and frameworks…</source>
        <translation>全部：所有範本、品牌語氣與思考框架…</translation>
    </message>
    <message>
        <source>Social post</source>
        <translation>社群貼文</translation>
    </message>
    <message>
        <source>EDM / e-mail</source>
        <translation>EDM／電子報</translation>
    </message>
    <message>
        <source>Product copy</source>
        <translation>商品文案</translation>
    </message>
    <message>
        <source>Press release</source>
        <translation>新聞稿</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Job post</source>
        <translation>徵才啟事</translation>
    </message>
    <message>
        <source>Image prompt</source>
        <translation>圖片提示詞</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分類</translation>
    </message>
    <message>
        <source>  (image)</source>
        <translation>（圖片）</translation>
    </message>
</context>
<context>
    <name>TemplateRunPanel</name>
    <message>
        <source>Fill in and run</source>
        <translation>填寫並執行</translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation>編輯範本</translation>
    </message>
    <message>
        <source>Company knowledge</source>
        <translation>公司知識</translation>
    </message>
    <message>
        <source>Preview of the prompt</source>
        <translation>提示詞預覽</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>複製提示詞</translation>
    </message>
    <message>
        <source>Send to Images</source>
        <translation>送到圖片</translation>
    </message>
    <message>
        <source>Send to Chat</source>
        <translation>送到對話</translation>
    </message>
    <message>
        <source>Negative: {text}</source>
        <translation>反向提示詞：{text}</translation>
    </message>
    <message>
        <source>Brand voice: {name} (checked on the answer)</source>
        <translation>品牌語氣：{name}（會檢查回答）</translation>
    </message>
    <message>
        <source>Framework: {key}</source>
        <translation>思考框架：{key}</translation>
    </message>
    <message>
        <source>Sources: {list}</source>
        <translation>來源：{list}</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>範本庫</translation>
    </message>
    <message>
        <source>Brand voices</source>
        <translation>品牌語氣</translation>
    </message>
    <message>
        <source>SWIFT builder</source>
        <translation>SWIFT 產生器</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
    <message>
        <source>Save the changes to this template first?</source>
        <translation>要先儲存這個範本的變更嗎？</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>{name} (copy {n})</source>
        <translation>{name}（副本 {n}）</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>刪除範本</translation>
    </message>
    <message>
        <source>Delete the template &apos;{name}&apos; and all its versions? Packs you exported keep their copy.</source>
        <translation>要刪除範本「{name}」和它的所有版本嗎？已匯出的範本包仍保有各自的副本。</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>請幫範本取個名稱。</translation>
    </message>
    <message>
        <source>Fill in the required fields: {labels}.</source>
        <translation>請填寫必填欄位：{labels}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Import a template pack</source>
        <translation>匯入範本包</translation>
    </message>
    <message>
        <source>Airlock packs (*.json *.zip);;All files (*)</source>
        <translation>Airlock 範本包 (*.json *.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Imported &apos;{name}&apos;: {added} added, {replaced} replaced, {copies} kept as copies, {skipped} skipped.</source>
        <translation>已匯入「{name}」：新增 {added} 項、取代 {replaced} 項、另存副本 {copies} 項、略過 {skipped} 項。</translation>
    </message>
    <message>
        <source>Export a template pack</source>
        <translation>匯出範本包</translation>
    </message>
    <message>
        <source>Pack (*.json);;Zipped pack with manifest (*.zip)</source>
        <translation>範本包 (*.json);;含清單的壓縮範本包 (*.zip)</translation>
    </message>
    <message>
        <source>Exported {n} templates to {path}.</source>
        <translation>已將 {n} 個範本匯出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>The passphrase is wrong. Try again:</source>
        <translation>密語錯誤，請再試一次：</translation>
    </message>
    <message>
        <source>Airlock&apos;s history is encrypted. Enter its passphrase:</source>
        <translation>Airlock 的歷史紀錄已加密，請輸入密語：</translation>
    </message>
    <message>
        <source>Unlock Airlock</source>
        <translation>解鎖 Airlock</translation>
    </message>
</context>
<context>
    <name>VariableForm</name>
    <message>
        <source>This template has no variables: it runs as it is.</source>
        <translation>這個範本沒有變數，會直接照原樣執行。</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of &apos;{name}&apos;</source>
        <translation>「{name}」的版本紀錄</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>還原成這個版本</translation>
    </message>
    <message>
        <source>This is the current version.</source>
        <translation>這是目前的版本。</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>沒有差異。</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Airlock</source>
        <translation>歡迎使用 Airlock</translation>
    </message>
    <message>
        <source>Everything here runs on this computer: your questions, documents and images never leave it. Start in one of three ways:</source>
        <translation>這裡的一切都在這台電腦上執行：您的提問、文件與圖片都不會離開它。可以從下列三種方式開始：</translation>
    </message>
    <message>
        <source>The bundled model is a small English model for trying Airlock out: quick, but not good at Chinese or long writing. Import a larger model on the Models page for real work.</source>
        <translation>內建的模型是用來試用 Airlock 的小型英文模型：速度快，但不擅長中文或長篇寫作。正式使用請在「模型」頁匯入較大的模型。</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>提問</translation>
    </message>
    <message>
        <source>Use a template</source>
        <translation>使用範本</translation>
    </message>
    <message>
        <source>Import a better model</source>
        <translation>匯入更好的模型</translation>
    </message>
</context>
</TS>
