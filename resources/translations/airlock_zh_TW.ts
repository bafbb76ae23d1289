<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
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
        <source>{0}: {1} ({2} models)</source>
        <translation>{0}：{1}（{2} 個模型）</translation>
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
        <source>Approved {n} rows.</source>
        <translation>已核准 {n} 列。</translation>
    </message>
    <message>
        <source>Type the reason for rejecting, then press Enter.</source>
        <translation>請輸入退回原因，再按 Enter。</translation>
    </message>
    <message>
        <source>Row {n} will be drafted again when the job runs.</source>
        <translation>工作執行時會重新產生第 {n} 列。</translation>
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
