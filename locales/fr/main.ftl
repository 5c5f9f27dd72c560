# Textes de l’interface d’attache (français). Mêmes identifiants et variables que en-US.
# Les commandes (/ask, /summary…) et les arguments de la console (short|full) ne se traduisent pas.
# Espaces insécables avant : ; ! ? (U+00A0).

language-name = Français

## Answers
decline = Je regrette, mais la note dont je dispose n’aborde pas cette question ; je préfère donc ne pas m’avancer.
decline-suggestions-intro = Voici en revanche ce dont je peux vous parler :
suggest-intro = Je ne vois pas bien ce que vous voulez dire. Pensiez-vous à l’un de ces sujets ?
source-label = D’après la note
source-note = La citation reproduit le texte original anglais de la note.
answered-in = Langue de la réponse : { $language }

## Summary
summary-title = La visite d’Antony Blinken en Chine
summary-short-intro = La visite en bref :
summary-section-who = Qui
summary-section-when = Quand
summary-section-where = Où
summary-section-why = Pourquoi
summary-section-context = Contexte
summary-section-outlook = Perspectives

## Facts list
facts-title = Ce à quoi je peux répondre
facts-intro = Vous pouvez m’interroger sur l’un de ces sujets :
facts-unknown = Je ne connais aucun sujet nommé { $id }.

## Help
help-title = Comment utiliser attache

## Terminal console
chat-welcome = attache : posez-moi vos questions sur la visite d’Antony Blinken en Chine. Tapez /help pour les commandes, /quit pour quitter.
chat-help =
    Commandes :
    /summary [short|full] – résumé de la visite, court ou complet
    /lang CODE – répondre dans une autre langue (en-US, zh-CN, zh-TW, es-ES, fr, de, ja)
    /facts – sujets auxquels je peux répondre
    /help – cette aide
    /quit – quitter

## Language
lang-set = Désormais, je vous répondrai dans cette langue : { $language }.
lang-reset = Je vous répondrai de nouveau dans la langue de votre question.
lang-unknown = Je ne parle pas encore { $locale }. Je peux vous répondre dans ces langues : { $available }.

## Errors and limits
cooldown =
    Vous posez vos questions bien vite ! Merci de patienter { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    } avant de poser la suivante.
error-generic = Un problème est survenu de mon côté. Veuillez réessayer dans un instant.
empty-question = Veuillez poser une question sur la visite d’Antony Blinken en Chine.
guild-only = Cette commande ne fonctionne que sur un serveur.
moderator-only = Seuls les modérateurs peuvent utiliser cette commande.

## Buttons and feedback
button-source = Voir la source
button-helpful = Utile
button-not-helpful = Pas utile
feedback-thanks = Merci pour votre retour !

## Moderation
reload-ok =
    Rechargement effectué : { $facts ->
        [one] { $facts } fait
       *[other] { $facts } faits
    } (modifiés : { $changed }, ajoutés : { $added }, supprimés : { $removed }), { $locales ->
        [one] { $locales } langue
       *[other] { $locales } langues
    }.
# Suivi d’une ligne par erreur.
reload-rejected = Rechargement refusé ; la base de faits précédente reste en service :
unanswered-title =
    Questions restées sans réponse ({ $days ->
        [one] dernier jour
       *[other] { $days } derniers jours
    })
unanswered-empty = Aucune question sans réponse sur cette période.
stats-title =
    Statistiques ({ $days ->
        [one] dernier jour
       *[other] { $days } derniers jours
    })
stats-body =
    { $asked ->
        [one] { $asked } question
       *[other] { $asked } questions
    } : { $answered } avec réponse, { $declined } sans réponse, { $up } 👍, { $down } 👎
settings-title = Paramètres du serveur
settings-saved = Paramètres enregistrés.

unanswered-footer =
    { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    } en { $groups ->
        [one] { $groups } groupe
       *[other] { $groups } groupes
    } ; les questions quasi identiques sont comptées ensemble.
stats-by-fact = Par sujet
stats-fact =
    { $answered ->
        [one] { $answered } réponse
       *[other] { $answered } réponses
    }, { $up } 👍, { $down } 👎
stats-no-facts = Aucun sujet n’a reçu de réponse ni d’évaluation sur cette période.
settings-channels = Réponses spontanées dans
settings-language = Langue par défaut
settings-language-auto = Automatique (la langue Discord du serveur)
settings-moderator-role = Rôle de modérateur
settings-moderator-role-none = Aucun : seuls les membres ayant « Gérer le serveur »
settings-log-channel = Salon de journal de modération
settings-none = Aucun
settings-intent-off = attache ne tourne pas avec --message-content : il ne peut pas encore lire ces salons.
