# Textos de la interfaz de attache (español). Mismos ids y variables que en-US.
# Los comandos (/ask, /summary, ...) y los argumentos de la consola (short|full) no se traducen.

language-name = Español

## Answers
decline = Lo siento, pero el informe en el que me baso no trata esa cuestión, así que prefiero no especular.
decline-suggestions-intro = En cambio, puedo informarle sobre lo siguiente:
suggest-intro = No tengo claro a qué se refiere. ¿Quería preguntar por alguno de estos temas?
source-label = Según el informe
source-note = La cita reproduce el texto original en inglés del informe.
answered-in = Idioma de la respuesta: { $language }

## Summary
summary-title = La visita de Antony Blinken a China
summary-short-intro = La visita, en resumen:
summary-section-who = Quién
summary-section-when = Cuándo
summary-section-where = Dónde
summary-section-why = Por qué
summary-section-context = Contexto
summary-section-outlook = Perspectivas

## Facts list
facts-title = Sobre qué puedo responder
facts-intro = Puede preguntarme sobre cualquiera de estos temas:
facts-unknown = No conozco ningún tema llamado { $id }.

## Help
help-title = Cómo usar attache

## Terminal console
chat-welcome = attache: pregúnteme sobre la visita de Antony Blinken a China. Escriba /help para ver los comandos y /quit para salir.
chat-help =
    Comandos:
    /summary [short|full] – resumen de la visita, breve o completo
    /lang CÓDIGO – responder en otro idioma (en-US, zh-CN, zh-TW, es-ES, fr, de, ja)
    /facts – temas sobre los que puedo responder
    /help – esta ayuda
    /quit – salir

## Language
lang-set = A partir de ahora responderé en este idioma: { $language }.
lang-reset = Volveré a responder en el idioma de su pregunta.
lang-unknown = Todavía no hablo { $locale }. Puedo responder en estos idiomas: { $available }.

## Errors and limits
cooldown =
    ¡Está preguntando muy rápido! Por favor, espere { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    } antes de volver a preguntar.
error-generic = Algo ha fallado por mi parte. Inténtelo de nuevo dentro de un momento.
empty-question = Hágame una pregunta sobre la visita de Antony Blinken a China.
guild-only = Este comando solo funciona en un servidor.
moderator-only = Solo los moderadores pueden usar este comando.

## Buttons and feedback
button-source = Ver fuente
button-helpful = Útil
button-not-helpful = No útil
feedback-thanks = ¡Gracias por su opinión!

## Moderation
reload-ok =
    Recarga completada: { $facts ->
        [one] { $facts } hecho
       *[other] { $facts } hechos
    } (modificados: { $changed }; añadidos: { $added }; eliminados: { $removed }), { $locales ->
        [one] { $locales } idioma
       *[other] { $locales } idiomas
    }.
# Seguido de una línea por cada error.
reload-rejected = Recarga rechazada; se sigue usando la base de hechos anterior:
unanswered-title =
    Preguntas que no pude responder ({ $days ->
        [one] último día
       *[other] últimos { $days } días
    })
unanswered-empty = No hay preguntas sin responder en ese periodo.
stats-title =
    Estadísticas ({ $days ->
        [one] último día
       *[other] últimos { $days } días
    })
stats-body =
    { $asked ->
        [one] { $asked } pregunta
       *[other] { $asked } preguntas
    }: { $answered } con respuesta, { $declined } sin respuesta, { $up } 👍, { $down } 👎
settings-title = Configuración del servidor
settings-saved = Configuración guardada.

unanswered-footer =
    { $questions ->
        [one] { $questions } pregunta
       *[other] { $questions } preguntas
    } en { $groups ->
        [one] { $groups } grupo
       *[other] { $groups } grupos
    }; las preguntas casi idénticas se cuentan juntas.
stats-by-fact = Por tema
stats-fact =
    { $answered ->
        [one] { $answered } respuesta
       *[other] { $answered } respuestas
    }, { $up } 👍, { $down } 👎
stats-no-facts = Ningún tema recibió respuestas ni valoraciones en este periodo.
settings-channels = Respuestas espontáneas en
settings-language = Idioma predeterminado
settings-language-auto = Automático (el idioma de Discord del servidor)
settings-moderator-role = Rol de moderador
settings-moderator-role-none = Ninguno: solo los miembros con «Gestionar servidor»
settings-log-channel = Canal de registro de moderación
settings-none = Ninguno
settings-intent-off = attache no se está ejecutando con --message-content, así que todavía no puede leer estos canales.
