# Discord：斜線指令與機器人本身的介面文字（繁體中文）。ID 與 en-US 相同。
# 名稱：小寫、無空格、最多 32 個字元。描述：1 至 100 個字元。

## Slash commands
cmd-ask = 提問
    .description = 詢問有關安東尼·布林肯訪問中國的問題
cmd-ask-question = 問題
    .description = 您的問題，可使用七種語言中的任一種
cmd-summary = 摘要
    .description = 此次訪問的摘要
cmd-summary-length = 長度
    .description = 簡要（重點）或完整（所有主題）
cmd-summary-length-short = 簡要（重點）
cmd-summary-length-full = 完整（所有主題）
cmd-facts = 主題
    .description = 我可以回答的主題
cmd-facts-list = 列表
    .description = 列出我可以回答的主題
cmd-facts-show = 查看
    .description = 查看我對某個主題的了解
cmd-facts-show-id = 主題
    .description = 要查看的主題
cmd-language = 語言
    .description = 選擇我回答所用的語言
cmd-language-locale = 語言
    .description = 我回答所用的語言，或自動選擇
cmd-language-locale-auto = 自動（與提問所用語言相同）
cmd-help = 說明
    .description = attache 使用說明

## Help
help-intro = 歡迎詢問有關安東尼·布林肯訪問中國的問題，可使用以下七種語言中的任一種：English、简体中文、繁體中文、Español、Français、Deutsch 或 日本語。
help-commands = 指令
help-moderator-commands = 管理員指令
help-channels = 在伺服器中，提及我或回覆我的訊息即可在頻道裡提問。您也可以直接私訊我。
help-outro = 我只根據有關此次訪問的新聞簡報作答。簡報未涵蓋的問題，我會如實告知，而不會妄加揣測。

## Answers
answer-footer = 您的問題：{ $question }
facts-show-hint = 使用 { $command } 查看單一主題。
feedback-already = 您已經評價過這個回答了。

## Moderator commands
cmd-reload = 重新載入
    .description = 立即重新載入事實資料庫和翻譯（管理員）
cmd-unanswered = 未回答
    .description = 我未能回答的問題，相近的合併顯示（管理員）
cmd-unanswered-days = 天數
    .description = 最近幾天（預設 7 天）
cmd-stats = 統計
    .description = 一段期間內的提問、回答和回饋（管理員）
cmd-stats-days = 天數
    .description = 最近幾天（預設 7 天）
cmd-settings = 設定
    .description = 本伺服器的 attache 設定（管理員）
cmd-settings-show = 查看
    .description = 查看本伺服器的設定
cmd-settings-enable-channel = 啟用頻道
    .description = 在某個頻道中不必提及我也能回答問題
cmd-settings-enable-channel-channel = 頻道
    .description = 頻道
cmd-settings-disable-channel = 停用頻道
    .description = 停止在某個頻道中主動回答
cmd-settings-disable-channel-channel = 頻道
    .description = 頻道
cmd-settings-language = 語言
    .description = 本伺服器的預設回答語言
cmd-settings-language-locale = 語言
    .description = 一種語言，或自動（伺服器的 Discord 語言）
cmd-settings-language-locale-auto = 自動（伺服器的 Discord 語言）
cmd-settings-moderator-role = 管理員身分組
    .description = 可以使用管理指令的身分組
cmd-settings-moderator-role-role = 身分組
    .description = 身分組；留空則僅限擁有「管理伺服器」權限的成員
cmd-settings-log-channel = 紀錄頻道
    .description = 回報重新載入結果的頻道
cmd-settings-log-channel-channel = 頻道
    .description = 頻道；留空則停止回報
