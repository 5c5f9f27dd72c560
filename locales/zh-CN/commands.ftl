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
help-moderator-commands = 管理员命令
help-channels = 在服务器中，提及我或回复我的消息即可在频道里提问。您也可以直接私信我。
help-outro = 我只根据有关此次访问的新闻简报作答。简报未涉及的问题，我会如实告知，而不会妄加推测。

## Answers
answer-footer = 您的问题：{ $question }
facts-show-hint = 使用 { $command } 查看单个话题。
feedback-already = 您已经评价过这个回答了。

## Moderator commands
cmd-reload = 重新加载
    .description = 立即重新加载事实库和翻译（管理员）
cmd-unanswered = 未回答
    .description = 我未能回答的问题，相近的合并显示（管理员）
cmd-unanswered-days = 天数
    .description = 最近几天（默认 7 天）
cmd-stats = 统计
    .description = 一段时间内的提问、回答和反馈（管理员）
cmd-stats-days = 天数
    .description = 最近几天（默认 7 天）
cmd-settings = 设置
    .description = 本服务器的 attache 设置（管理员）
cmd-settings-show = 查看
    .description = 查看本服务器的设置
cmd-settings-enable-channel = 启用频道
    .description = 在某个频道中无需提及我即可回答问题
cmd-settings-enable-channel-channel = 频道
    .description = 频道
cmd-settings-disable-channel = 停用频道
    .description = 停止在某个频道中主动回答
cmd-settings-disable-channel-channel = 频道
    .description = 频道
cmd-settings-language = 语言
    .description = 本服务器的默认回答语言
cmd-settings-language-locale = 语言
    .description = 一种语言，或自动（服务器的 Discord 语言）
cmd-settings-language-locale-auto = 自动（服务器的 Discord 语言）
cmd-settings-moderator-role = 管理员身份组
    .description = 可以使用管理命令的身份组
cmd-settings-moderator-role-role = 身份组
    .description = 身份组；留空则仅限拥有“管理服务器”权限的成员
cmd-settings-log-channel = 日志频道
    .description = 报告重新加载结果的频道
cmd-settings-log-channel-channel = 频道
    .description = 频道；留空则停止报告
