# attache 的介面文字（繁體中文，台灣用語）。與 en-US 完全相同的訊息 id 和變數。
# 斜線指令（/ask、/summary 等）和主控台參數（short|full）不翻譯。

language-name = 繁體中文

## Answers
decline = 很抱歉，我所依據的簡報並未涵蓋這個問題，我不便妄加揣測。
decline-suggestions-intro = 不過，我可以為您介紹以下內容：
suggest-intro = 我不太確定您的意思。您想問的是以下哪一項呢？
source-label = 出自簡報
source-note = 引文為簡報的英文原文。
answered-in = 以{ $language }回答

## Summary
summary-title = 安東尼·布林肯訪問中國
summary-short-intro = 訪問重點：
summary-section-who = 人物
summary-section-when = 時間
summary-section-where = 地點
summary-section-why = 目的
summary-section-context = 背景
summary-section-outlook = 展望

## Facts list
facts-title = 我能回答的內容
facts-intro = 您可以詢問以下任一主題：
facts-unknown = 我不知道名為 { $id } 的主題。

## Help
help-title = attache 使用說明

## Terminal console
chat-welcome = attache：歡迎詢問有關安東尼·布林肯訪問中國的問題。輸入 /help 查看指令，輸入 /quit 離開。
chat-help =
    指令：
    /summary [short|full] – 這次訪問的重點整理（簡短或完整）
    /lang 語言代碼 – 改用其他語言回答（en-US、zh-CN、zh-TW、es-ES、fr、de、ja）
    /facts – 我能回答的主題
    /help – 顯示本說明
    /quit – 離開

## Language
lang-set = 從現在起，我將以{ $language }回答。
lang-reset = 我將恢復以您提問時使用的語言回答。
lang-unknown = 我目前還不會說 { $locale }。我可以使用以下語言回答：{ $available }。

## Errors and limits
cooldown = 您問得有點快！請等候 { $seconds } 秒後再提問。
error-generic = 很抱歉，我這邊發生了問題。請稍後再試一次。
empty-question = 請提出一個關於安東尼·布林肯訪問中國的問題。
guild-only = 這個指令只能在伺服器中使用。
moderator-only = 只有管理員可以使用這個指令。

## Buttons and feedback
button-source = 顯示出處
button-helpful = 有幫助
button-not-helpful = 沒有幫助
feedback-thanks = 感謝您的回饋！

## Moderation
reload-ok = 已重新載入：{ $facts } 則事實（變更 { $changed } 則、新增 { $added } 則、移除 { $removed } 則），{ $locales } 種語言。
# 後面逐行列出錯誤。
reload-rejected = 重新載入遭拒，仍沿用先前的事實資料庫：
unanswered-title = 我無法回答的問題（最近 { $days } 天）
unanswered-empty = 這段期間沒有未回答的問題。
stats-title = 統計（最近 { $days } 天）
stats-body = { $asked } 個問題，其中已回答 { $answered } 個、未回答 { $declined } 個，{ $up } 👍，{ $down } 👎
settings-title = 伺服器設定
settings-saved = 設定已儲存。

unanswered-footer = 共 { $questions } 個問題，分為 { $groups } 組；相近的問題合併計算。
stats-by-fact = 依主題
stats-fact = 回答 { $answered } 次，{ $up } 👍，{ $down } 👎
stats-no-facts = 這段期間沒有主題被回答或評分。
settings-channels = 主動回答的頻道
settings-language = 預設語言
settings-language-auto = 自動（伺服器的 Discord 語言）
settings-moderator-role = 管理員身分組
settings-moderator-role-none = 無：僅限擁有「管理伺服器」權限的成員
settings-log-channel = 管理紀錄頻道
settings-none = 無
settings-intent-off = attache 執行時未啟用 --message-content，目前還無法讀取這些頻道的訊息。
