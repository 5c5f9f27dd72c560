# Discord: comandos de barra y textos propios del bot (español, trato de usted). Mismos ID que en-US.
# Nombres: minúsculas, sin espacios, 32 caracteres como máximo. Descripciones: de 1 a 100 caracteres.

## Slash commands
cmd-ask = preguntar
    .description = Haga una pregunta sobre la visita de Antony Blinken a China
cmd-ask-question = pregunta
    .description = Su pregunta, en cualquiera de los siete idiomas
cmd-summary = resumen
    .description = Un resumen de la visita
cmd-summary-length = extensión
    .description = Breve (puntos clave) o completo (todos los temas)
cmd-summary-length-short = Breve (puntos clave)
cmd-summary-length-full = Completo (todos los temas)
cmd-facts = temas
    .description = Los temas sobre los que puedo responder
cmd-facts-list = lista
    .description = Ver la lista de temas sobre los que puedo responder
cmd-facts-show = ver
    .description = Mostrar lo que sé sobre un tema
cmd-facts-show-id = tema
    .description = El tema que quiere ver
cmd-language = idioma
    .description = Elegir el idioma de mis respuestas
cmd-language-locale = idioma
    .description = El idioma de mis respuestas, o automático
cmd-language-locale-auto = Automático (el idioma de la pregunta)
cmd-help = ayuda
    .description = Cómo usar attache

## Help
help-intro = Hágame una pregunta sobre la visita de Antony Blinken a China en cualquiera de estos siete idiomas: English, 简体中文, 繁體中文, Español, Français, Deutsch o 日本語.
help-commands = Comandos
help-channels = En un servidor, mencióneme o responda a uno de mis mensajes para preguntarme allí. También puede escribirme directamente.
help-outro = Solo respondo a partir del informe sobre la visita. Cuando el informe no trata una pregunta, se lo diré en lugar de especular.

## Answers
answer-footer = Su pregunta: { $question }
facts-show-hint = Use { $command } para leer un tema.
feedback-already = Ya ha valorado esta respuesta.
