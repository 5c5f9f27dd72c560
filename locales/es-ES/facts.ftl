# Respuestas sobre el informe (knowledge/brief.md): la visita de Antony Blinken a China.
# Mismos ids que en-US. Las respuestas solo dicen lo que dice el informe.
# El informe escribe "Anthony"; las respuestas usan la grafía correcta, "Antony Blinken".

## visit-dates
fact-visit-dates = Antony Blinken tiene previsto visitar China del 18 al 19 de junio, en una visita de dos días.
fact-visit-dates-title = Fechas de la visita

## visitor
fact-visitor = Quien viaja es el secretario de Estado de EE. UU., Antony Blinken.
fact-visitor-title = Quién viaja

## destination
fact-destination = Antony Blinken viaja a China, donde tiene previsto conversar con altos cargos del Partido Comunista. El informe presenta la visita como la apertura de un diálogo con Pekín, pero no indica qué ciudades visitará.
fact-destination-title = Destino de la visita

## counterparts
fact-counterparts = Blinken tiene previsto conversar con altos cargos del Partido Comunista. El informe no precisa quiénes son.
fact-counterparts-title = Con quién se reúne

## aims
fact-aims = Según los objetivos declarados por el propio Gobierno estadounidense, la visita busca fomentar canales de comunicación abiertos que ayuden a evitar una escalada militar, así como tratar asuntos no especificados de importancia regional y mundial.
fact-aims-title = Objetivos de la visita

## firsts
fact-firsts = Es la primera visita oficial de Antony Blinken a China. Además, es la primera visita a China de un secretario de Estado estadounidense en cinco años y la primera de rango ministerial en cuatro.
fact-firsts-title = Hitos de la visita

## significance
fact-significance = La visita marca un momento clave en las relaciones entre EE. UU. y China bajo la presidencia de Joe Biden. Además, señala un giro hacia un compromiso diplomático activo.
fact-significance-title = Importancia de la visita

## taiwan
fact-taiwan = La Administración Biden entabla contacto con China antes de la visita del presidente taiwanés a EE. UU. El informe no da más detalles sobre esa visita.
fact-taiwan-title = El momento y Taiwán

## outlook-short-term
fact-outlook-short-term = Es probable que la visita logre su objetivo de abrir un diálogo con Pekín tras meses de hostilidad abierta. Sin embargo, probablemente hará poco por sanar las relaciones entre EE. UU. y China a corto plazo, ya que es breve y no aborda de forma concreta los problemas de China con EE. UU. ni viceversa.
fact-outlook-short-term-title = Perspectivas a corto plazo

## outlook-medium-term
fact-outlook-medium-term = A medio plazo, la visita prepara el terreno para una conversación más amplia y matizada entre ambos países y sienta las bases para futuros debates.
fact-outlook-medium-term-title = Perspectivas a medio plazo

## domestic-context
fact-domestic-context = La visita debe entenderse en el contexto de los objetivos y desafíos internos de cada país: en China, Xi Jinping obtuvo su tercer mandato apenas en marzo; en EE. UU., Joe Biden se presenta a la reelección el año que viene.
fact-domestic-context-title = Contexto interno

## xi-third-term
fact-xi-third-term = El presidente chino, Xi Jinping, obtuvo un tercer mandato apenas en marzo. Quizá esté aplicando una política exterior que desvíe la atención de las dificultades internas.
fact-xi-third-term-title = El tercer mandato de Xi

## biden-reelection
fact-biden-reelection = El presidente de EE. UU., Joe Biden, se presenta a la reelección el año que viene. Las medidas para limitar la influencia china en Asia Oriental y en EE. UU. son populares tanto entre los demócratas como entre los republicanos.
fact-biden-reelection-title = Biden y su reelección

## red-lines
fact-red-lines = Ambos países tienen incentivos para exagerar su hostilidad mutua sin dejar de evitar un conflicto armado. La reunión de Blinken permitirá a cada parte saber dónde están las líneas rojas de la otra.
fact-red-lines-title = Hostilidad y líneas rojas
