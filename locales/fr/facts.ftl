# Réponses sur la note (knowledge/brief.md) : la visite d’Antony Blinken en Chine.
# Mêmes identifiants que en-US. Les réponses ne disent que ce que dit la note.
# La note écrit « Anthony » ; les réponses utilisent l’orthographe correcte, « Antony Blinken ».

## visit-dates
fact-visit-dates = Antony Blinken doit se rendre en Chine du 18 au 19 juin, soit une visite de deux jours.
fact-visit-dates-title = Dates de la visite

## visitor
fact-visitor = C’est le secrétaire d’État américain, Antony Blinken, qui se rend en Chine.
fact-visitor-title = Qui se déplace

## destination
fact-destination = Antony Blinken se rend en Chine, où il doit s’entretenir avec de hauts responsables du Parti communiste. La note présente la visite comme l’ouverture d’un dialogue avec Pékin, sans préciser quelles villes il visitera.
fact-destination-title = Destination de la visite

## counterparts
fact-counterparts = Antony Blinken doit s’entretenir avec de hauts responsables du Parti communiste. La note ne précise pas lesquels.
fact-counterparts-title = Ses interlocuteurs

## aims
fact-aims = Selon les objectifs affichés par les États-Unis eux-mêmes, la visite vise à favoriser des canaux de communication ouverts afin d’aider à éviter une escalade militaire, et à aborder des questions non précisées d’importance régionale et mondiale.
fact-aims-title = Objectifs de la visite

## firsts
fact-firsts = Il s’agit de la première visite officielle d’Antony Blinken en Chine. C’est aussi la première visite en Chine d’un secrétaire d’État américain depuis cinq ans, et la première à un niveau ministériel depuis quatre ans.
fact-firsts-title = Les « premières » de la visite

## significance
fact-significance = La visite marque un moment clé des relations sino-américaines sous la présidence de Joe Biden. Elle signale un tournant vers un engagement diplomatique actif.
fact-significance-title = Portée de la visite

## taiwan
fact-taiwan = L’administration Biden engage le dialogue avec la Chine avant la visite du président taïwanais aux États-Unis. La note ne donne pas plus de détails sur cette visite.
fact-taiwan-title = Calendrier et Taïwan

## outlook-short-term
fact-outlook-short-term = La visite atteindra probablement son objectif : ouvrir un dialogue avec Pékin après des mois d’hostilité ouverte. Elle ne fera toutefois sans doute pas grand-chose pour apaiser les relations sino-américaines à court terme, car elle est brève et ne traite concrètement ni les griefs de la Chine envers les États-Unis, ni ceux des États-Unis envers la Chine.
fact-outlook-short-term-title = Perspectives à court terme

## outlook-medium-term
fact-outlook-medium-term = À moyen terme, la visite prépare le terrain pour une conversation plus large et plus nuancée entre les deux pays, et pose les bases de discussions futures.
fact-outlook-medium-term-title = Perspectives à moyen terme

## domestic-context
fact-domestic-context = La visite doit être lue à la lumière des objectifs et des difficultés intérieurs de chaque pays : en Chine, Xi Jinping n’a obtenu un troisième mandat qu’en mars ; aux États-Unis, Joe Biden sera candidat à sa réélection l’an prochain.
fact-domestic-context-title = Contexte intérieur

## xi-third-term
fact-xi-third-term = Le président chinois Xi Jinping n’a obtenu un troisième mandat qu’en mars. Il mène peut-être une politique étrangère destinée à détourner l’attention des difficultés intérieures.
fact-xi-third-term-title = Le troisième mandat de Xi Jinping

## biden-reelection
fact-biden-reelection = Le président américain Joe Biden sera candidat à sa réélection l’an prochain. Les mesures visant à limiter l’influence chinoise en Asie de l’Est et aux États-Unis sont populaires auprès des démocrates comme des républicains.
fact-biden-reelection-title = Biden et sa réélection

## red-lines
fact-red-lines = Les deux pays ont intérêt à mettre en avant leur hostilité mutuelle tout en évitant un conflit armé. La rencontre d’Antony Blinken permettra à chaque camp de savoir où se situent les lignes rouges de l’autre.
fact-red-lines-title = Hostilité et lignes rouges
