# 關於簡報（knowledge/brief.md）的回答：安東尼·布林肯訪問中國。
# 與 en-US 完全相同的訊息 id。回答只陳述簡報中的內容。
# 簡報把名字拼成 "Anthony"；回答使用正確的「安東尼·布林肯」（Antony Blinken）。

## visit-dates
fact-visit-dates = 安東尼·布林肯預定於6月18日至6月19日訪問中國，為期兩天。
fact-visit-dates-title = 訪問日期

## visitor
fact-visitor = 這次出訪的是美國國務卿安東尼·布林肯。
fact-visitor-title = 出訪者

## destination
fact-destination = 安東尼·布林肯將前往中國，與中國共產黨高層官員會談。簡報將此行描述為與北京展開對話，但並未說明他將造訪哪些城市。
fact-destination-title = 訪問目的地

## counterparts
fact-counterparts = 布林肯將與中國共產黨高層官員會談。簡報並未說明是哪些官員。
fact-counterparts-title = 會談對象

## aims
fact-aims = 根據美方自述，此行的目的是建立暢通的溝通管道，以協助避免軍事衝突升級，並討論一些未具體說明、具區域及全球重要性的議題。
fact-aims-title = 訪問目的

## firsts
fact-firsts = 這是安東尼·布林肯首次正式訪問中國，也是五年來首位美國國務卿訪中、四年來首位內閣層級官員訪中。
fact-firsts-title = 此行的多項「首次」

## significance
fact-significance = 這次訪問是美國總統喬·拜登任內美中關係的關鍵時刻，也象徵著轉向積極的外交接觸。
fact-significance-title = 訪問的意義

## taiwan
fact-taiwan = 拜登政府在台灣總統訪美之前與中國進行接觸。簡報並未提供該次訪問的更多細節。
fact-taiwan-title = 時機與台灣

## outlook-short-term
fact-outlook-short-term = 此行很可能達成其目標：在數個月的公開敵對之後，與北京展開對話。然而短期內恐怕難以修復美中關係，因為訪問時間短暫，也沒有具體處理中國對美國的不滿，反之亦然。
fact-outlook-short-term-title = 短期展望

## outlook-medium-term
fact-outlook-medium-term = 就中期而言，此行為兩國之間更廣泛、更細緻的對話鋪路，並為未來的討論奠定基礎。
fact-outlook-medium-term-title = 中期展望

## domestic-context
fact-domestic-context = 看待這次訪問，應考量兩國各自的國內目標與挑戰：在中國，習近平三月才取得第三任期；在美國，喬·拜登明年將競選連任。
fact-domestic-context-title = 國內背景

## xi-third-term
fact-xi-third-term = 中國國家主席習近平三月才取得第三任期。他可能正藉由外交政策，轉移外界對國內困境的注意。
fact-xi-third-term-title = 習近平的第三任期

## biden-reelection
fact-biden-reelection = 美國總統喬·拜登明年將競選連任。限制中國在東亞及美國影響力的措施，在民主黨與共和黨之間都很受歡迎。
fact-biden-reelection-title = 拜登競選連任

## red-lines
fact-red-lines = 兩國都有誘因渲染彼此的敵意，同時避免武裝衝突。布林肯這次會面，可讓雙方了解對方的紅線在哪裡。
fact-red-lines-title = 敵意與紅線
