# Answers about the brief (knowledge/brief.md): Antony Blinken's visit to China.
# en-US is the source locale; every other locale has exactly these ids.
#
# fact-<id>       = the answer: one to three sentences, saying only what the brief says.
# fact-<id>-title = a short topic name for lists and "did you mean" buttons (at most 80 characters).
#
# The brief spells the name "Anthony"; answers use the correct "Antony Blinken".
# The brief gives no year, no city and no names of officials: answers must not add them.

## visit-dates
fact-visit-dates = Antony Blinken is set to visit China from June 18 to June 19, a two-day visit.
fact-visit-dates-title = Dates of the visit

## visitor
fact-visitor = The visitor is US Secretary of State Antony Blinken.
fact-visitor-title = Who is visiting

## destination
fact-destination = Antony Blinken is travelling to China, where he is set to talk with senior Communist Party officials. The brief describes the visit as opening a dialogue with Beijing, but does not say which cities he will visit.
fact-destination-title = Where he is going

## counterparts
fact-counterparts = Blinken is set to talk with senior Communist Party officials. The brief does not say who they are.
fact-counterparts-title = Whom he will meet

## aims
fact-aims = By the US’s own account, the visit aims to foster open lines of communication to help avoid military escalation, and to discuss unspecified issues of regional and global importance.
fact-aims-title = Aims of the visit

## firsts
fact-firsts = It is Antony Blinken’s first official visit to China. It is also the first visit to China by a US Secretary of State in five years, and the first at Cabinet level in four years.
fact-firsts-title = A visit of firsts

## significance
fact-significance = The visit marks a key moment in US-China relations under US President Joe Biden. It signals a shift towards active diplomatic engagement.
fact-significance-title = Why the visit matters

## taiwan
fact-taiwan = The Biden administration is engaging with China ahead of the Taiwanese President’s visit to the US. The brief gives no further details about that visit.
fact-taiwan-title = Timing and Taiwan

## outlook-short-term
fact-outlook-short-term = The visit will likely achieve its aim of opening a dialogue with Beijing after months of open hostility. However, it will likely do little to heal US-China relations in the short term: the visit is short and does nothing concrete to address China’s issues with the US, or the US’s issues with China.
fact-outlook-short-term-title = Short-term outlook

## outlook-medium-term
fact-outlook-medium-term = In the medium term, the visit sets the stage for a broader, more nuanced conversation between the two countries, establishing foundations for future discussions.
fact-outlook-medium-term-title = Medium-term outlook

## domestic-context
fact-domestic-context = The visit should be read in the context of each country’s domestic goals and challenges: in China, Xi Jinping secured a third term only in March; in the US, Joe Biden is up for reelection next year.
fact-domestic-context-title = Domestic context

## xi-third-term
fact-xi-third-term = Chinese President Xi Jinping secured a third term only in March. He may be pursuing a foreign policy to distract from domestic difficulties.
fact-xi-third-term-title = Xi Jinping’s third term

## biden-reelection
fact-biden-reelection = US President Joe Biden is up for reelection next year. Measures to limit Chinese influence in East Asia and the US are popular with both the Democratic and Republican parties.
fact-biden-reelection-title = Biden up for reelection

## red-lines
fact-red-lines = Both countries have incentives to play up their mutual hostility while also avoiding armed conflict. Blinken’s meeting will let each side learn where the other’s red lines are.
fact-red-lines-title = Hostility and red lines
