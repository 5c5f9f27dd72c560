# attache の画面表示テキスト（日本語、です・ます調）。en-US と同じメッセージ ID と変数。
# コマンド（/ask、/summary など）とコンソールの引数（short|full）は翻訳しません。

language-name = 日本語

## Answers
decline = 申し訳ありませんが、私が参照している資料にはそのご質問に関する記載がないため、お答えを控えさせていただきます。
decline-suggestions-intro = 代わりに、次の内容についてお答えできます：
suggest-intro = ご質問の意図がよくわかりませんでした。次のいずれかのことでしょうか？
source-label = 資料より
source-note = 引用は資料の英語原文です。
answered-in = { $language }で回答

## Summary
summary-title = アントニー・ブリンケン氏の訪中
summary-short-intro = 訪問の概要：
summary-section-who = 人物
summary-section-when = 日程
summary-section-where = 場所
summary-section-why = 目的
summary-section-context = 背景
summary-section-outlook = 見通し

## Facts list
facts-title = お答えできること
facts-intro = 次のトピックについてお尋ねください：
facts-unknown = 「{ $id }」というトピックは見つかりません。

## Help
help-title = attache の使い方

## Terminal console
chat-welcome = attache：アントニー・ブリンケン氏の訪中についてご質問ください。コマンドの一覧は /help、終了するには /quit と入力してください。
chat-help =
    コマンド：
    /summary [short|full] – 訪問の概要を表示します（short：短い版、full：完全版）
    /lang 言語コード – 回答の言語を変更します（en-US、zh-CN、zh-TW、es-ES、fr、de、ja）
    /facts – お答えできるトピックの一覧を表示します
    /help – このヘルプを表示します
    /quit – 終了します

## Language
lang-set = これからは{ $language }でお答えします。
lang-reset = これからは、ご質問と同じ言語でお答えします。
lang-unknown = 申し訳ありませんが、{ $locale } にはまだ対応していません。お答えできる言語：{ $available }

## Errors and limits
cooldown = 少し質問のペースが速いようです。{ $seconds } 秒お待ちいただいてから、もう一度お尋ねください。
error-generic = 申し訳ありません。こちらで問題が発生しました。しばらくしてから、もう一度お試しください。
empty-question = アントニー・ブリンケン氏の訪中についてご質問ください。
guild-only = このコマンドはサーバー内でのみ使用できます。
moderator-only = このコマンドはモデレーターのみ使用できます。

## Buttons and feedback
button-source = 出典を表示
button-helpful = 役に立った
button-not-helpful = 役に立たなかった
feedback-thanks = フィードバックをありがとうございます！

## Moderation
reload-ok = 再読み込みしました：ファクト { $facts } 件（変更 { $changed } 件、追加 { $added } 件、削除 { $removed } 件）、{ $locales } 言語。
# このあとにエラーが1行ずつ続きます。
reload-rejected = 再読み込みは却下されました。以前のファクトベースを引き続き使用します：
unanswered-title = お答えできなかった質問（過去 { $days } 日間）
unanswered-empty = この期間にお答えできなかった質問はありません。
stats-title = 統計（過去 { $days } 日間）
stats-body = 質問 { $asked } 件（回答 { $answered } 件、回答不可 { $declined } 件）、{ $up } 👍、{ $down } 👎
settings-title = サーバー設定
settings-saved = 設定を保存しました。

unanswered-footer = 質問 { $questions } 件、{ $groups } グループ（ほぼ同じ質問はまとめて数えています）
stats-by-fact = トピック別
stats-fact = 回答 { $answered } 件、{ $up } 👍、{ $down } 👎
stats-no-facts = この期間に回答または評価されたトピックはありません。
settings-channels = メンションなしで回答するチャンネル
settings-language = 既定の言語
settings-language-auto = 自動（サーバーの Discord の言語）
settings-moderator-role = モデレーターロール
settings-moderator-role-none = なし：「サーバー管理」権限を持つメンバーのみ
settings-log-channel = モデレーターログチャンネル
settings-none = なし
settings-intent-off = attache が --message-content なしで動作しているため、まだこれらのチャンネルのメッセージを読めません。
