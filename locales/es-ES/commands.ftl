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
help-moderator-commands = Comandos de moderación
help-channels = En un servidor, mencióneme o responda a uno de mis mensajes para preguntarme allí. También puede escribirme directamente.
help-outro = Solo respondo a partir del informe sobre la visita. Cuando el informe no trata una pregunta, se lo diré en lugar de especular.

## Answers
answer-footer = Su pregunta: { $question }
facts-show-hint = Use { $command } para leer un tema.
feedback-already = Ya ha valorado esta respuesta.

## Moderator commands
cmd-reload = recargar
    .description = Volver a cargar ahora la base de hechos y las traducciones (moderadores)
cmd-unanswered = sin-respuesta
    .description = Preguntas que no pude responder, agrupadas (moderadores)
cmd-unanswered-days = días
    .description = Los últimos N días (7 por defecto)
cmd-stats = estadísticas
    .description = Preguntas, respuestas y valoraciones de un periodo (moderadores)
cmd-stats-days = días
    .description = Los últimos N días (7 por defecto)
cmd-settings = configuración
    .description = La configuración de attache en este servidor (moderadores)
cmd-settings-show = ver
    .description = Ver la configuración de este servidor
cmd-settings-enable-channel = activar-canal
    .description = Responder preguntas en un canal sin que me mencionen
cmd-settings-enable-channel-channel = canal
    .description = El canal
cmd-settings-disable-channel = desactivar-canal
    .description = Dejar de responder espontáneamente en un canal
cmd-settings-disable-channel-channel = canal
    .description = El canal
cmd-settings-language = idioma
    .description = El idioma predeterminado de las respuestas en este servidor
cmd-settings-language-locale = idioma
    .description = Un idioma, o automático (el idioma de Discord del servidor)
cmd-settings-language-locale-auto = Automático (el idioma de Discord del servidor)
cmd-settings-moderator-role = rol-moderador
    .description = El rol que puede usar los comandos de moderación
cmd-settings-moderator-role-role = rol
    .description = El rol; omítelo para que baste con «Gestionar servidor»
cmd-settings-log-channel = canal-registro
    .description = Dónde informar de las recargas
cmd-settings-log-channel-channel = canal
    .description = El canal; omítelo para dejar de informar
