# 关于简报（knowledge/brief.md）的回答：安东尼·布林肯访华。
# 与 en-US 完全相同的消息 id。回答只陈述简报中的内容。
# 简报把名字拼作 "Anthony"；回答使用正确的“安东尼·布林肯”（Antony Blinken）。

## visit-dates
fact-visit-dates = 安东尼·布林肯定于6月18日至6月19日访问中国，为期两天。
fact-visit-dates-title = 访问日期

## visitor
fact-visitor = 此次出访的是美国国务卿安东尼·布林肯。
fact-visitor-title = 出访者

## destination
fact-destination = 安东尼·布林肯将前往中国，与中国共产党高级官员会谈。简报将此行描述为与北京开启对话，但没有说明他将访问哪些城市。
fact-destination-title = 访问目的地

## counterparts
fact-counterparts = 布林肯将与中国共产党高级官员会谈。简报没有说明具体是哪些官员。
fact-counterparts-title = 会谈对象

## aims
fact-aims = 据美方自述，此行旨在建立畅通的沟通渠道，以帮助避免军事局势升级，并讨论若干未具体说明、具有地区和全球重要性的议题。
fact-aims-title = 访问目的

## firsts
fact-firsts = 这是安东尼·布林肯首次正式访华，也是五年来首位美国国务卿访华、四年来首位内阁级官员访华。
fact-firsts-title = 此行的几个“首次”

## significance
fact-significance = 此次访问是美国总统乔·拜登任内美中关系的一个关键时刻，标志着向积极外交接触的转变。
fact-significance-title = 访问的意义

## taiwan
fact-taiwan = 拜登政府在台湾总统访美之前与中国展开接触。简报没有提供有关该次访问的更多细节。
fact-taiwan-title = 时机与台湾

## outlook-short-term
fact-outlook-short-term = 此次访问很可能实现其目标：在数月的公开敌对之后与北京开启对话。但短期内，它很可能难以修复美中关系，因为访问时间短暂，也没有具体解决中方对美方的不满，反之亦然。
fact-outlook-short-term-title = 短期展望

## outlook-medium-term
fact-outlook-medium-term = 从中期看，此次访问为两国之间更广泛、更细致的对话铺平了道路，并为今后的讨论奠定了基础。
fact-outlook-medium-term-title = 中期展望

## domestic-context
fact-domestic-context = 看待此次访问，应结合两国各自的国内目标与挑战：在中国，习近平三月才取得第三个任期；在美国，乔·拜登明年将竞选连任。
fact-domestic-context-title = 国内背景

## xi-third-term
fact-xi-third-term = 中国国家主席习近平三月才取得第三个任期。他或许正借助外交政策来转移对国内困难的注意力。
fact-xi-third-term-title = 习近平的第三个任期

## biden-reelection
fact-biden-reelection = 美国总统乔·拜登明年将竞选连任。限制中国在东亚和美国影响力的措施，在民主党和共和党两党中都很受欢迎。
fact-biden-reelection-title = 拜登竞选连任

## red-lines
fact-red-lines = 两国都有动机渲染彼此之间的敌意，同时避免武装冲突。布林肯此次会面将让双方了解对方的红线在哪里。
fact-red-lines-title = 敌意与红线
