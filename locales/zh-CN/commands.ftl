# Discord：斜杠命令和机器人自身的界面文字（简体中文）。ID 与 en-US 相同。
# 名称：小写、无空格、最多 32 个字符。描述：1 至 100 个字符。

## Slash commands
cmd-ask = 提问
    .description = 询问有关安东尼·布林肯访华的问题
cmd-ask-question = 问题
    .description = 您的问题，可使用七种语言中的任意一种
cmd-summary = 摘要
    .description = 此次访问的摘要
cmd-summary-length = 长度
    .description = 简要（要点）或完整（所有话题）
cmd-summary-length-short = 简要（要点）
cmd-summary-length-full = 完整（所有话题）
cmd-facts = 话题
    .description = 我可以回答的话题
cmd-facts-list = 列表
    .description = 列出我可以回答的话题
cmd-facts-show = 查看
    .description = 查看我对某个话题的了解
cmd-facts-show-id = 话题
    .description = 要查看的话题
cmd-language = 语言
    .description = 选择我回答所用的语言
cmd-language-locale = 语言
    .description = 我回答所用的语言，或自动选择
cmd-language-locale-auto = 自动（与提问所用语言相同）
cmd-help = 帮助
    .description = attache 使用说明

## Help
help-intro = 欢迎向我询问有关安东尼·布林肯访华的问题，可使用以下七种语言中的任意一种：English、简体中文、繁體中文、Español、Français、Deutsch 或 日本語。
help-commands = 命令
help-channels = 在服务器中，提及我或回复我的消息即可在频道里提问。您也可以直接私信我。
help-outro = 我只根据有关此次访问的新闻简报作答。简报未涉及的问题，我会如实告知，而不会妄加推测。

## Answers
answer-footer = 您的问题：{ $question }
facts-show-hint = 使用 { $command } 查看单个话题。
feedback-already = 您已经评价过这个回答了。
