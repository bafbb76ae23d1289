<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
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
        <source>Settings</source>
        <translation>設定</translation>
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
        <source>generation stopped: {reason}</source>
        <translation>生成中斷：{reason}</translation>
    </message>
    <message>
        <source>The conversation is full</source>
        <translation>對話已超出上下文長度</translation>
    </message>
    <message>
        <source>This conversation no longer fits the model's context window. Start a new chat with your message, or drop the oldest turns and continue?</source>
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
        <source>Context: {used} / {total} tokens</source>
        <translation>上下文：{used} / {total} token</translation>
    </message>
</context>
<context>
    <name>ChatSettings</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
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
    <name>HistoryPage</name>
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
        <source>failed</source>
        <translation>失敗</translation>
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
        <source>Import .gguf files (text) or .safetensors checkpoints and diffusers folders (images). Drop files here or use Import. Airlock never downloads anything: fetch models on a connected machine.</source>
        <translation>可匯入 .gguf 檔（文字），或 .safetensors 檢查點與 diffusers 資料夾（圖片）。把檔案拖曳到這裡，或按「匯入」。Airlock 不會下載任何東西，請在可連網的電腦上取得模型。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>匯入…</translation>
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
        <source>Imported '{name}' ({size}, sha256 {sha}).</source>
        <translation>已匯入「{name}」（{size}，sha256 {sha}）。</translation>
    </message>
    <message>
        <source>Recognized as {entry}: its recommended settings apply.</source>
        <translation>已辨識為 {entry}，將套用建議設定。</translation>
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
        <source>'{name}' is unchanged since it was imported.</source>
        <translation>「{name}」自匯入後沒有任何變動。</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <source>Remove '{name}' from Airlock? A copy Airlock made is deleted; a linked file stays where it is. History is kept.</source>
        <translation>要從 Airlock 移除「{name}」嗎？Airlock 複製的檔案會一併刪除，連結的原始檔案則保留在原處。歷史紀錄不受影響。</translation>
    </message>
    <message>
        <source>Removed '{name}'.</source>
        <translation>已移除「{name}」。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
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
</TS>