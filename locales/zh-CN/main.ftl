# attache 的界面文字（简体中文）。与 en-US 完全相同的消息 id 和变量。
# 斜杠命令（/ask、/summary 等）和控制台参数（short|full）不翻译。

language-name = 简体中文

## Answers
decline = 抱歉，我所依据的简报没有涉及这个问题，我不便妄加推测。
decline-suggestions-intro = 不过，我可以为您介绍以下内容：
suggest-intro = 我不太确定您的意思。您是想问以下哪一项吗？
source-label = 出自简报
source-note = 引文为简报的英文原文。
answered-in = 以{ $language }回答

## Summary
summary-title = 安东尼·布林肯访华
summary-short-intro = 此次访问概要：
summary-section-who = 人物
summary-section-when = 时间
summary-section-where = 地点
summary-section-why = 目的
summary-section-context = 背景
summary-section-outlook = 展望

## Facts list
facts-title = 我能回答的内容
facts-intro = 您可以向我询问以下任一话题：
facts-unknown = 我不知道名为 { $id } 的话题。

## Help
help-title = attache 使用说明

## Terminal console
chat-welcome = attache：欢迎询问有关安东尼·布林肯访华的问题。输入 /help 查看命令，输入 /quit 退出。
chat-help =
    命令：
    /summary [short|full] – 此次访问的概要（简短或完整）
    /lang 语言代码 – 改用其他语言回答（en-US、zh-CN、zh-TW、es-ES、fr、de、ja）
    /facts – 我能回答的话题
    /help – 查看本帮助
    /quit – 退出

## Language
lang-set = 从现在起，我将以{ $language }回答。
lang-reset = 我将重新以您提问所用的语言回答。
lang-unknown = 我暂时还不会说 { $locale }。我可以使用以下语言回答：{ $available }。

## Errors and limits
cooldown = 您提问得有点快！请等待 { $seconds } 秒后再提问。
error-generic = 抱歉，我这边出了点问题。请稍后再试。
empty-question = 请提出一个有关安东尼·布林肯访华的问题。
guild-only = 此命令只能在服务器中使用。
moderator-only = 只有管理员才能使用此命令。

## Buttons and feedback
button-source = 查看出处
button-helpful = 有帮助
button-not-helpful = 没有帮助
feedback-thanks = 感谢您的反馈！

## Moderation
reload-ok = 已重新加载：{ $facts } 条事实（更改 { $changed } 条，新增 { $added } 条，删除 { $removed } 条），{ $locales } 种语言。
# 后面逐行列出错误。
reload-rejected = 重新加载被拒绝，继续使用之前的事实库：
unanswered-title = 我未能回答的问题（最近 { $days } 天）
unanswered-empty = 这段时间内没有未回答的问题。
stats-title = 统计（最近 { $days } 天）
stats-body = { $asked } 个问题，其中已回答 { $answered } 个，未回答 { $declined } 个，{ $up } 👍，{ $down } 👎
settings-title = 服务器设置
settings-saved = 设置已保存。

unanswered-footer = 共 { $questions } 个问题，分为 { $groups } 组；相近的问题合并计数。
stats-by-fact = 按话题
stats-fact = 回答 { $answered } 次，{ $up } 👍，{ $down } 👎
stats-no-facts = 这段时间内没有话题被回答或评价。
settings-channels = 主动回答的频道
settings-language = 默认语言
settings-language-auto = 自动（服务器的 Discord 语言）
settings-moderator-role = 管理员身份组
settings-moderator-role-none = 无：仅限拥有“管理服务器”权限的成员
settings-log-channel = 管理日志频道
settings-none = 无
settings-intent-off = attache 运行时未启用 --message-content，暂时无法读取这些频道中的消息。
