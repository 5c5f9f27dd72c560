# 資料（knowledge/brief.md）に関する回答：アントニー・ブリンケン氏の訪中。
# en-US と同じメッセージ ID。回答は資料に書かれていることだけを述べます。
# 資料では "Anthony" と綴られていますが、回答では正しい「アントニー・ブリンケン」（Antony Blinken）を使います。

## visit-dates
fact-visit-dates = アントニー・ブリンケン氏は、6月18日から6月19日までの2日間、中国を訪問する予定です。
fact-visit-dates-title = 訪問の日程

## visitor
fact-visitor = 訪問するのは、アントニー・ブリンケン米国務長官です。
fact-visitor-title = 訪問者

## destination
fact-destination = アントニー・ブリンケン氏は中国を訪れ、共産党の高官と会談する予定です。資料はこの訪問を北京との対話を開くものと位置づけていますが、どの都市を訪れるかには触れていません。
fact-destination-title = 訪問先

## counterparts
fact-counterparts = ブリンケン氏は共産党の高官と会談する予定です。具体的に誰と会うのかは、資料には書かれていません。
fact-counterparts-title = 会談の相手

## aims
fact-aims = 米国側の説明によると、訪問の目的は、軍事的なエスカレーションを避けるために開かれた意思疎通の経路を築くこと、そして具体的には明らかにされていない地域的・世界的に重要な問題について話し合うことです。
fact-aims-title = 訪問の目的

## firsts
fact-firsts = アントニー・ブリンケン氏にとって初めての公式訪中です。また、米国務長官の訪中は5年ぶり、閣僚級の訪中は4年ぶりとなります。
fact-firsts-title = 初訪中と久々の訪問

## significance
fact-significance = この訪問は、ジョー・バイデン米大統領のもとでの米中関係における重要な節目です。積極的な外交的関与への転換を示すものでもあります。
fact-significance-title = 訪問の意義

## taiwan
fact-taiwan = バイデン政権は、台湾の総統の訪米を前に、中国との接触を図っています。その訪米の詳細については、資料には書かれていません。
fact-taiwan-title = 訪問の時期と台湾

## outlook-short-term
fact-outlook-short-term = この訪問は、数か月にわたる公然たる敵対関係の後で北京との対話を開くという目的を、おそらく達成するでしょう。しかし、訪問は短く、互いに相手に対して抱える問題に具体的に取り組むものではないため、短期的に米中関係を修復する効果はほとんどないとみられます。
fact-outlook-short-term-title = 短期的な見通し

## outlook-medium-term
fact-outlook-medium-term = 中期的には、この訪問は両国間のより幅広く、きめ細かな対話への道を開き、今後の協議の土台を築くものです。
fact-outlook-medium-term-title = 中期的な見通し

## domestic-context
fact-domestic-context = この訪問は、両国それぞれの国内の目標と課題を踏まえて捉えるべきです。中国では習近平氏が3月にようやく3期目を確保し、米国ではジョー・バイデン氏が来年、再選をかけた選挙に臨みます。
fact-domestic-context-title = 両国の国内事情

## xi-third-term
fact-xi-third-term = 中国の習近平国家主席は、3月に3期目を確保したばかりです。国内の困難から目をそらすための外交政策を進めている可能性があります。
fact-xi-third-term-title = 習近平氏の3期目

## biden-reelection
fact-biden-reelection = ジョー・バイデン米大統領は、来年、再選をかけた選挙に臨みます。東アジアと米国における中国の影響力を抑える措置は、民主・共和両党の間で支持を集めています。
fact-biden-reelection-title = バイデン氏の再選

## red-lines
fact-red-lines = 両国には、武力衝突を避けつつ、互いへの敵意をことさら強調する動機があります。ブリンケン氏の会談によって、双方は相手のレッドラインがどこにあるのかを知ることができます。
fact-red-lines-title = 対立とレッドライン
