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
help-channels = Sur un serveur, mentionnez-moi ou répondez à l’un de mes messages pour m’interroger. Vous pouvez aussi m’écrire directement.
help-outro = Je ne réponds qu’à partir de la note consacrée à la visite. Quand la note n’aborde pas une question, je vous le dis plutôt que de m’avancer.

## Answers
answer-footer = Votre question : { $question }
facts-show-hint = Utilisez { $command } pour lire un sujet.
feedback-already = Vous avez déjà évalué cette réponse.
