# Discord : commandes slash et textes propres au bot (français, vouvoiement). Mêmes ID que en-US.
# Noms : minuscules, sans espace, 32 caractères au plus. Descriptions : de 1 à 100 caractères.

## Slash commands
cmd-ask = demander
    .description = Posez une question sur la visite d’Antony Blinken en Chine
cmd-ask-question = question
    .description = Votre question, dans l’une des sept langues
cmd-summary = résumé
    .description = Un résumé de la visite
cmd-summary-length = longueur
    .description = Court (points clés) ou complet (tous les sujets)
cmd-summary-length-short = Court (points clés)
cmd-summary-length-full = Complet (tous les sujets)
cmd-facts = sujets
    .description = Les sujets sur lesquels je peux répondre
cmd-facts-list = liste
    .description = Lister les sujets sur lesquels je peux répondre
cmd-facts-show = afficher
    .description = Afficher ce que je sais d’un sujet
cmd-facts-show-id = sujet
    .description = Le sujet à afficher
cmd-language = langue
    .description = Choisir la langue de mes réponses
cmd-language-locale = langue
    .description = La langue de mes réponses, ou automatique
cmd-language-locale-auto = Automatique (la langue de la question)
cmd-help = aide
    .description = Comment utiliser attache

## Help
help-intro = Posez-moi une question sur la visite d’Antony Blinken en Chine, dans l’une des sept langues suivantes : English, 简体中文, 繁體中文, Español, Français, Deutsch ou 日本語.
help-commands = Commandes
help-moderator-commands = Commandes de modération
help-channels = Sur un serveur, mentionnez-moi ou répondez à l’un de mes messages pour m’interroger. Vous pouvez aussi m’écrire directement.
help-outro = Je ne réponds qu’à partir de la note consacrée à la visite. Quand la note n’aborde pas une question, je vous le dis plutôt que de m’avancer.

## Answers
answer-footer = Votre question : { $question }
facts-show-hint = Utilisez { $command } pour lire un sujet.
feedback-already = Vous avez déjà évalué cette réponse.

## Moderator commands
cmd-reload = recharger
    .description = Recharger maintenant la base de faits et les traductions (modérateurs)
cmd-unanswered = sans-réponse
    .description = Les questions auxquelles je n’ai pas su répondre, regroupées (modérateurs)
cmd-unanswered-days = jours
    .description = Les N derniers jours (7 par défaut)
cmd-stats = statistiques
    .description = Questions, réponses et avis sur une période (modérateurs)
cmd-stats-days = jours
    .description = Les N derniers jours (7 par défaut)
cmd-settings = paramètres
    .description = Les paramètres d’attache sur ce serveur (modérateurs)
cmd-settings-show = afficher
    .description = Afficher les paramètres de ce serveur
cmd-settings-enable-channel = activer-salon
    .description = Répondre aux questions d’un salon sans être mentionné
cmd-settings-enable-channel-channel = salon
    .description = Le salon
cmd-settings-disable-channel = désactiver-salon
    .description = Ne plus répondre spontanément dans un salon
cmd-settings-disable-channel-channel = salon
    .description = Le salon
cmd-settings-language = langue
    .description = La langue des réponses par défaut sur ce serveur
cmd-settings-language-locale = langue
    .description = Une langue, ou automatique (la langue Discord du serveur)
cmd-settings-language-locale-auto = Automatique (la langue Discord du serveur)
cmd-settings-moderator-role = rôle-modérateur
    .description = Le rôle autorisé à utiliser les commandes de modération
cmd-settings-moderator-role-role = rôle
    .description = Le rôle ; à omettre pour s’en tenir à « Gérer le serveur »
cmd-settings-log-channel = salon-journal
    .description = Où signaler les rechargements
cmd-settings-log-channel-channel = salon
    .description = Le salon ; à omettre pour ne plus rien signaler
