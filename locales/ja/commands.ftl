# Discord：スラッシュコマンドとボット独自の表示文字列（日本語）。ID は en-US と同じ。
# 名前：小文字、空白なし、32文字以内。説明：1～100文字。

## Slash commands
cmd-ask = 質問
    .description = アントニー・ブリンケン氏の訪中について質問します
cmd-ask-question = 質問内容
    .description = ご質問（7つの言語のいずれでも可）
cmd-summary = 要約
    .description = 訪問の要約
cmd-summary-length = 長さ
    .description = 短い要約（要点）か、完全版（すべてのトピック）
cmd-summary-length-short = 短い要約（要点）
cmd-summary-length-full = 完全版（すべてのトピック）
cmd-facts = トピック
    .description = お答えできるトピック
cmd-facts-list = 一覧
    .description = お答えできるトピックの一覧
cmd-facts-show = 表示
    .description = 一つのトピックについて知っていることを表示します
cmd-facts-show-id = トピック
    .description = 表示するトピック
cmd-language = 言語
    .description = 回答の言語を選びます
cmd-language-locale = 言語
    .description = 回答の言語、または自動
cmd-language-locale-auto = 自動（質問の言語）
cmd-help = ヘルプ
    .description = attache の使い方

## Help
help-intro = アントニー・ブリンケン氏の訪中について、7つの言語（English、简体中文、繁體中文、Español、Français、Deutsch、日本語）のいずれかでご質問ください。
help-commands = コマンド
help-moderator-commands = モデレーター用コマンド
help-channels = サーバーでは、私をメンションするか、私のメッセージに返信するとその場でお答えします。ダイレクトメッセージでもご質問いただけます。
help-outro = 私は訪問に関するニュース資料のみに基づいてお答えします。資料に記載のないご質問には、推測せずにその旨をお伝えします。

## Answers
answer-footer = ご質問：{ $question }
facts-show-hint = 一つのトピックを読むには { $command } をお使いください。
feedback-already = この回答はすでに評価済みです。

## Moderator commands
cmd-reload = 再読み込み
    .description = ファクトベースと翻訳を今すぐ再読み込みします（モデレーター）
cmd-unanswered = 未回答
    .description = お答えできなかった質問をまとめて表示します（モデレーター）
cmd-unanswered-days = 日数
    .description = 過去 N 日間（既定は 7 日）
cmd-stats = 統計
    .description = 期間中の質問・回答・評価（モデレーター）
cmd-stats-days = 日数
    .description = 過去 N 日間（既定は 7 日）
cmd-settings = 設定
    .description = このサーバーでの attache の設定（モデレーター）
cmd-settings-show = 表示
    .description = このサーバーの設定を表示します
cmd-settings-enable-channel = チャンネル有効化
    .description = メンションなしでもチャンネル内の質問に回答します
cmd-settings-enable-channel-channel = チャンネル
    .description = チャンネル
cmd-settings-disable-channel = チャンネル無効化
    .description = チャンネルでのメンションなしの回答をやめます
cmd-settings-disable-channel-channel = チャンネル
    .description = チャンネル
cmd-settings-language = 言語
    .description = このサーバーでの回答の既定の言語
cmd-settings-language-locale = 言語
    .description = 言語、または自動（サーバーの Discord の言語）
cmd-settings-language-locale-auto = 自動（サーバーの Discord の言語）
cmd-settings-moderator-role = モデレーターロール
    .description = モデレーター用コマンドを使えるロール
cmd-settings-moderator-role-role = ロール
    .description = ロール。省略すると「サーバー管理」権限のみになります
cmd-settings-log-channel = ログチャンネル
    .description = 再読み込みの結果を報告するチャンネル
cmd-settings-log-channel-channel = チャンネル
    .description = チャンネル。省略すると報告を停止します
