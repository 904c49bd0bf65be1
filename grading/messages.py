"""The words of every finding, in English and French: what happened, and a tip for next time."""

from __future__ import annotations

from functools import lru_cache

from grading.model import Finding
from simulator.scenario import Scenario

# key: (English message, French message, English tip, French tip)
TEXTS: dict[str, tuple[str, str, str, str]] = {
    # diagnosis
    "coverage_none": ("No essential check in this scenario.", "Aucune vérification indispensable dans ce scénario.", "", ""),
    "coverage_all": ("All essential checks done before acting: {checks}.", "Toutes les vérifications indispensables faites avant d'agir : {checks}.", "", ""),
    "coverage_missing": ("{done} of {total} essential checks done before the fix or hand-over; missing: {missing}.", "{done} vérification(s) indispensable(s) sur {total} faite(s) avant de corriger ou de transmettre ; manquant : {missing}.", "Rule out the simplest causes before acting: they are the most frequent.", "Éliminez les causes simples avant d'agir : ce sont les plus fréquentes."),
    "order_good": ("Checks in a sensible order: simple ones first.", "Vérifications dans un ordre logique : les plus simples d'abord.", "", ""),
    "order_mixed": ("Order of checks: {agree} of {pairs} pairs went from simple to involved; some involved checks came before simple ones.", "Ordre des vérifications : {agree} paire(s) sur {pairs} vont du simple au complexe ; des vérifications lourdes sont venues avant des simples.", "Ask and observe first, then simple checks by the caller, then remote commands.", "D'abord questionner et observer, puis les vérifications simples par l'appelant, ensuite les commandes à distance."),
    "order_few": ("Too few checks of different difficulty to judge their order.", "Trop peu de vérifications de difficultés différentes pour juger leur ordre.", "", ""),
    "order_rule": ("Order: {rule_message}", "Ordre : {rule_message}", "", ""),
    "drastic_none": ("No drastic action (reset, reinstall, reimage).", "Aucune action lourde (réinitialisation, réinstallation, remasterisation).", "", ""),
    "drastic_first": ("Drastic action \"{action}\" while simple checks were still undone ({undone}). {why}", "Action lourde « {action} » alors que des vérifications simples n'étaient pas faites ({undone}). {why}", "Reinstalling or resetting is the last resort: it costs time and can hide the real cause.", "Réinstaller ou réinitialiser est le dernier recours : cela coûte du temps et peut masquer la vraie cause."),
    "drastic_late": ("Drastic action \"{action}\", unnecessary here. {why}", "Action lourde « {action} », inutile ici. {why}", "When the simple checks point to the cause, fix the cause rather than reinstalling.", "Quand les vérifications simples désignent la cause, corrigez-la plutôt que de tout réinstaller."),
    "harmful": ("Harmful action \"{action}\": it damages the user's work or equipment. {why}", "Action dangereuse « {action} » : elle abîme le travail ou le matériel de l'utilisateur. {why}", "Never delete or change what belongs to the user without need and consent.", "Ne supprimez ou ne modifiez jamais ce qui appartient à l'utilisateur sans nécessité ni accord."),
    "repetition_none": ("The caller never had to repeat themselves.", "L'appelant n'a jamais eu à se répéter.", "", ""),
    "repetition": ("Asked {count} time(s) for something the caller had already told you.", "Vous avez redemandé {count} fois une information déjà donnée.", "Note what the caller says in the ticket as you go: the customer should never have to repeat.", "Notez au fil de l'appel ce que dit l'appelant : il ne doit jamais avoir à se répéter."),
    "scoping_early": ("Asked early whether others are affected.", "Vous avez demandé tôt si d'autres personnes sont touchées.", "", ""),
    "scoping_late": ("Asked whether others are affected, but late.", "Vous avez demandé si d'autres personnes sont touchées, mais tardivement.", "Ask \"only you, or colleagues too?\" in the first exchanges: the answer changes the whole diagnosis.", "Demandez « vous seul, ou vos collègues aussi ? » dès les premiers échanges : la réponse change tout le diagnostic."),
    "scoping_missing": ("Never asked whether colleagues are affected too.", "Vous n'avez jamais demandé si des collègues sont aussi touchés.", "Ask \"only you, or colleagues too?\" early: a shared fault is handled differently.", "Demandez tôt « vous seul, ou vos collègues aussi ? » : une panne collective se traite autrement."),
    # resolution
    "hung_up": ("The caller hung up: the call is not resolved.", "L'appelant a raccroché : l'appel n'est pas résolu.", "Watch the caller's patience: acknowledge frustration and show progress.", "Surveillez la patience de l'appelant : reconnaissez son agacement et montrez que vous avancez."),
    "fixed": ("The fault is fixed.", "La panne est résolue.", "", ""),
    "not_fixed": ("The fault is still there at the end of the call.", "La panne est toujours là à la fin de l'appel.", "Find the cause with the checks, then apply the fix it calls for.", "Trouvez la cause par les vérifications, puis appliquez la correction qui s'impose."),
    "verified": ("You had the caller confirm that it works.", "Vous avez fait confirmer par l'appelant que tout fonctionne.", "", ""),
    "not_verified": ("The fix was not confirmed with the caller.", "La correction n'a pas été confirmée avec l'appelant.", "Always have the user try again (\"can you print a test page now?\") before closing.", "Faites toujours réessayer l'utilisateur (« pouvez-vous relancer une impression ? ») avant de clore."),
    "handed_over": ("Handed over to the right team ({team}).", "Transmis à la bonne équipe ({team}).", "", ""),
    "not_handed_over": ("This fault is beyond level 1 and was not handed over to {team}.", "Cette panne dépasse le niveau 1 et n'a pas été transmise à {team}.", "Recognise what level 1 cannot fix and hand it over quickly with a complete note.", "Reconnaissez ce que le niveau 1 ne peut pas résoudre et transmettez vite, avec une note complète."),
    "follow_up": ("The caller knows what happens next: ticket number and follow-up.", "L'appelant sait ce qui va se passer : numéro de ticket et suite donnée.", "", ""),
    "follow_up_partial": ("The caller was told only part of what happens next (ticket number or who calls back, when).", "L'appelant n'a eu qu'une partie de la suite (numéro de ticket ou qui rappelle, et quand).", "Give both: the ticket number, and who will call back and when.", "Donnez les deux : le numéro de ticket, et qui rappellera et quand."),
    "follow_up_missing": ("The caller was not told what happens next.", "L'appelant ne sait pas ce qui va se passer ensuite.", "Give the ticket number and say who will call back and when.", "Donnez le numéro de ticket et dites qui rappellera, et quand."),
    "category_right": ("Ticket category right ({category}).", "Catégorie du ticket correcte ({category}).", "", ""),
    "category_wrong": ("Ticket category \"{category}\"; expected \"{expected}\".", "Catégorie du ticket « {category} » ; attendue : « {expected} ».", "The category routes the ticket and feeds the statistics: choose it with care.", "La catégorie oriente le ticket et alimente les statistiques : choisissez-la avec soin."),
    "category_missing": ("The ticket has no category (expected \"{expected}\").", "Le ticket n'a pas de catégorie (attendue : « {expected} »).", "Fill the ticket during the call: category, summary, root cause, resolution.", "Remplissez le ticket pendant l'appel : catégorie, résumé, cause, résolution."),
    "note_good": ("The ticket names the cause and the fix ({keywords}).", "Le ticket indique la cause et la solution ({keywords}).", "", ""),
    "note_vague": ("The ticket's notes do not name the root cause or what fixed it.", "Les notes du ticket ne nomment ni la cause ni ce qui l'a résolue.", "Write the cause and the action in plain words, so the next agent can reuse them.", "Écrivez la cause et l'action en clair, pour que le collègue suivant puisse s'en servir."),
    "note_missing": ("The ticket has no root cause or resolution note.", "Le ticket n'a ni cause ni résolution renseignées.", "Write the cause and the action taken before closing.", "Renseignez la cause et l'action menée avant de clore."),
    # escalation
    "kept_level1": ("Kept at level 1, rightly: this fault is fixable without level 2.", "Traité au niveau 1, à juste titre : cette panne se résout sans le niveau 2.", "", ""),
    "unnecessary": ("Escalated to {team} a fault level 1 can fix: level 2's time is not free.", "Transmis à {team} alors que le niveau 1 pouvait résoudre : le temps du niveau 2 n'est pas gratuit.", "Escalate only what level 1 cannot fix; check the knowledge base first.", "Ne transmettez que ce que le niveau 1 ne peut pas résoudre ; consultez d'abord la base de connaissances."),
    "unnecessary_fixed": ("Escalated although the fault was fixed at level 1.", "Transmis alors que la panne était résolue au niveau 1.", "Once fixed and confirmed, close the ticket yourself.", "Une fois résolu et confirmé, clôturez vous-même le ticket."),
    "not_escalated": ("Should have been escalated to {team}; it was not.", "Aurait dû être transmis à {team} ; ne l'a pas été.", "Check the escalation matrix in the knowledge base.", "Consultez la matrice d'escalade dans la base de connaissances."),
    "team_right": ("Escalated to the right team ({team}).", "Transmis à la bonne équipe ({team}).", "", ""),
    "team_wrong": ("Escalated to {team}; the right team is {expected}.", "Transmis à {team} ; la bonne équipe est {expected}.", "Check the escalation matrix: the wrong team loses hours bouncing the ticket back.", "Consultez la matrice d'escalade : une mauvaise équipe fait perdre des heures en renvois."),
    "too_early": ("Escalated before the basic checks: {missing}.", "Transmis avant les vérifications de base : {missing}.", "Do the basic checks first so that level 2 does not have to redo them.", "Faites d'abord les vérifications de base pour que le niveau 2 n'ait pas à les refaire."),
    "too_late": ("Escalated late, after {turns} turns going nowhere.", "Transmis tardivement, après {turns} échanges sans progrès.", "Once the checks point beyond level 1, hand over at once.", "Dès que les vérifications montrent que cela dépasse le niveau 1, transmettez aussitôt."),
    "timely": ("Escalated at the right time, after the expected checks.", "Transmis au bon moment, après les vérifications attendues.", "", ""),
    "note_free": ("Hand-over note given.", "Note de transmission fournie.", "", ""),
    "note_complete": ("The hand-over note has what level 2 needs: {items}.", "La note de transmission contient ce qu'il faut au niveau 2 : {items}.", "", ""),
    "note_incomplete": ("The hand-over note lacks: {missing}.", "Il manque à la note de transmission : {missing}.", "A good note lets level 2 act without calling the user again: error, scope, steps tried, ids.", "Une bonne note permet au niveau 2 d'agir sans rappeler l'utilisateur : erreur, périmètre, actions tentées, identifiants."),
    # tone
    "greet_ok": ("Greeted the caller.", "Vous avez salué l'appelant.", "", ""),
    "greet_missing": ("No greeting in your first words.", "Pas de salutation dans vos premiers mots.", "Open with a greeting: \"Good morning\".", "Commencez par saluer : « Bonjour »."),
    "intro_ok": ("Gave the service and your name at once.", "Vous avez donné le service et votre nom d'emblée.", "", ""),
    "intro_missing": ("Did not give the service and your name in your first words.", "Vous n'avez pas donné le service et votre nom dès vos premiers mots.", "\"IT support, Sam speaking\" tells the caller they reached the right place.", "« Support informatique, Julie à l'appareil » rassure l'appelant : il est au bon endroit."),
    "name_ok": ("Asked for the caller's name.", "Vous avez demandé le nom de l'appelant.", "", ""),
    "name_missing": ("Did not ask for the caller's name early.", "Vous n'avez pas demandé le nom de l'appelant au début.", "Ask the name early and use it: the call becomes personal.", "Demandez le nom tôt et utilisez-le : l'échange devient personnel."),
    "familiar_tu": ("Addressed the caller with \"tu\": \"{quote}\".", "Vous avez tutoyé l'appelant : « {quote} ».", "On a professional hotline, always use \"vous\".", "Sur une hotline professionnelle, vouvoyez toujours l'appelant."),
    "polite_ok": ("Courteous wording (please, thank you).", "Formules de politesse présentes (s'il vous plaît, merci).", "", ""),
    "polite_missing": ("Few or no courtesy words (please, thank you).", "Peu ou pas de formules de politesse (s'il vous plaît, merci).", "A \"please\" and a \"thank you\" cost nothing and calm a tense call.", "Un « s'il vous plaît » et un « merci » ne coûtent rien et apaisent un appel tendu."),
    "empathy_not_needed": ("The caller stayed calm; no frustration to acknowledge.", "L'appelant est resté calme ; pas d'agacement à reconnaître.", "", ""),
    "empathy_ok": ("Acknowledged the caller's frustration each time.", "Vous avez reconnu l'agacement de l'appelant à chaque fois.", "", ""),
    "empathy_missed": ("The caller showed frustration {total} time(s); {count} went unacknowledged within two turns.", "L'appelant a montré son agacement {total} fois ; {count} fois sans reconnaissance dans les deux échanges suivants.", "Acknowledge before solving: \"I understand, it's annoying when you have work waiting.\"", "Reconnaissez avant de résoudre : « Je comprends, c'est agaçant quand le travail attend. »"),
    "respect_ok": ("No blame, no condescension.", "Ni reproche ni condescendance.", "", ""),
    "respect_lost": ("Respect: some wording blamed or talked down to the caller.", "Respect : certaines formulations reprochent ou prennent l'appelant de haut.", "Describe the problem, not the person's fault.", "Parlez du problème, pas de la faute de la personne."),
    "blame": ("Blame or condescension: \"{quote}\".", "Reproche ou condescendance : « {quote} ».", "Replace \"you should have\" with \"next time, you can...\".", "Remplacez « vous auriez dû » par « la prochaine fois, vous pourrez... »."),
    "calm_down": ("Told the caller to calm down: \"{quote}\".", "Vous avez demandé à l'appelant de se calmer : « {quote} ».", "\"Calm down\" inflames; acknowledge the feeling instead.", "« Calmez-vous » envenime ; reconnaissez plutôt ce qu'il ressent."),
    "shouting": ("Written in capitals (shouting): \"{quote}\".", "Écrit en majuscules (on crie) : « {quote} ».", "Keep a level voice, even with an angry caller.", "Gardez un ton posé, même face à un appelant en colère."),
    "profanity": ("Profanity: \"{quote}\".", "Grossièreté : « {quote} ».", "Never swear on a call.", "Jamais de grossièreté au téléphone."),
    "jargon_ok": ("Plain words the caller understands.", "Des mots simples, compris par l'appelant.", "", ""),
    "jargon": ("Technical terms without explanation for a non-technical caller: {terms}.", "Termes techniques sans explication pour un appelant non technicien : {terms}.", "Say what the user sees (\"the little screen icon\"), or explain the term in a few words.", "Dites ce que l'utilisateur voit (« la petite icône en bas de l'écran »), ou expliquez le terme en quelques mots."),
    "explaining_none": ("No remote control or hold in this call.", "Ni prise en main ni mise en attente dans cet appel.", "", ""),
    "explaining_ok": ("Asked and explained before remote control or holds.", "Vous avez demandé et expliqué avant la prise en main ou la mise en attente.", "", ""),
    "explaining_missed": ("Took remote control or put on hold without asking or explaining why.", "Prise en main ou mise en attente sans demander ni expliquer pourquoi.", "Say what you are about to do and why, and ask: \"May I put you on hold for a minute while I check?\"", "Dites ce que vous allez faire et pourquoi, et demandez : « Je peux vous mettre en attente une minute, le temps de vérifier ? »"),
    "cause_explained_ok": ("Told the caller in plain words what was wrong.", "Vous avez expliqué simplement à l'appelant d'où venait le problème.", "", ""),
    "cause_explained_jargon": ("Told the caller what was wrong, but in technical terms: {terms}.", "Vous avez dit à l'appelant d'où venait le problème, mais en termes techniques : {terms}.", "Say the cause as the caller sees it: \"the little cable at the back had come loose\".", "Dites la cause telle que l'appelant la voit : « le petit câble à l'arrière s'était débranché »."),
    "cause_explained_missing": ("The caller was not told what was wrong.", "Vous n'avez pas dit à l'appelant d'où venait le problème.", "Once it works, say in one plain sentence what the cause was: the caller trusts the fix and can avoid it next time.", "Une fois le problème réglé, dites en une phrase simple d'où il venait : l'appelant fait confiance à la solution et pourra l'éviter la prochaine fois."),
    "closing_hung_up": ("No closing: the caller hung up.", "Pas de clôture : l'appelant a raccroché.", "", ""),
    "close_summarize_ok": ("Summed up the call.", "Vous avez récapitulé l'appel.", "", ""),
    "close_summarize_missing": ("No summary before closing.", "Pas de récapitulatif avant de clore.", "Sum up in one sentence: the problem, the cause, what was done.", "Récapitulez en une phrase : le problème, la cause, ce qui a été fait."),
    "close_give_ticket_number_ok": ("Gave the ticket number.", "Vous avez donné le numéro de ticket.", "", ""),
    "close_give_ticket_number_missing": ("Did not give the ticket number.", "Vous n'avez pas donné le numéro de ticket.", "Give the ticket number: the caller can quote it if the problem comes back.", "Donnez le numéro de ticket : l'appelant pourra le citer si le problème revient."),
    "close_offer_further_help_ok": ("Offered further help.", "Vous avez proposé une aide supplémentaire.", "", ""),
    "close_offer_further_help_missing": ("Did not ask whether there was anything else.", "Vous n'avez pas demandé s'il y avait autre chose.", "Before hanging up: \"Is there anything else I can do for you?\"", "Avant de raccrocher : « Puis-je faire autre chose pour vous ? »"),
    "close_goodbye_ok": ("Said goodbye.", "Vous avez pris congé.", "", ""),
    "close_goodbye_missing": ("No goodbye.", "Pas de formule de congé.", "End warmly: \"Have a good day.\"", "Terminez chaleureusement : « Bonne journée. »"),
    "model_judgement": ("A language model judged the tone {score}/100 ({criteria}); it counts for {weight}% beside the rule-based score: {delta} points.", "Un modèle de langage a évalué le ton à {score}/100 ({criteria}) ; cette évaluation compte pour {weight} % à côté de la note fondée sur les règles : {delta} points.", "", ""),
    "model_judgement_void": ("A language model judged the tone {score}/100 ({criteria}; not counted for lack of exact quotes: {void}); it counts for {weight}% beside the rule-based score: {delta} points.", "Un modèle de langage a évalué le ton à {score}/100 ({criteria} ; non retenu faute de citations exactes : {void}) ; cette évaluation compte pour {weight} % à côté de la note fondée sur les règles : {delta} points.", "", ""),
    "model_judgement_all_void": ("The language model's judgement of tone was not counted: none of its criteria quoted your words exactly.", "L'évaluation du ton par le modèle de langage n'a pas été retenue : aucun de ses critères ne citait exactement vos propos.", "", ""),
    "model_judgement_unavailable": ("The language model's judgement of tone was not available ({reason}): the rule-based tone score stands.", "L'évaluation du ton par le modèle de langage n'était pas disponible ({reason}) : la note de ton fondée sur les règles est conservée.", "", ""),
    # critical
    "credentials_to_other": ("CRITICAL: changed the account of {user} at the request of someone else.", "CRITIQUE : vous avez modifié le compte de {user} à la demande d'une autre personne.", "Account changes are done only for the verified owner; report such requests to security.", "On ne modifie un compte que pour son titulaire vérifié ; signalez ces demandes à la sécurité."),
    "change_before_identity": ("CRITICAL: {op} before verifying the caller's identity.", "CRITIQUE : {op} avant d'avoir vérifié l'identité de l'appelant.", "Verify identity first: employee id plus one more detail, checked in the directory.", "Vérifiez d'abord l'identité : matricule plus un autre élément, contrôlés dans l'annuaire."),
    "asked_password": ("CRITICAL: asked the caller for their password.", "CRITIQUE : vous avez demandé son mot de passe à l'appelant.", "Never ask for a password: support never needs it.", "Ne demandez jamais un mot de passe : le support n'en a jamais besoin."),
    "security_not_escalated": ("CRITICAL: security incident closed without reporting it to the security team.", "CRITIQUE : incident de sécurité clos sans le signaler à l'équipe sécurité.", "Phishing, compromised accounts and social engineering go to security at once.", "Hameçonnage, compte compromis et ingénierie sociale vont immédiatement à la sécurité."),
}  # fmt: skip


CRITERION_NAMES = {
    "courtesy": ("courtesy", "courtoisie"), "empathy": ("empathy", "empathie"), "clarity": ("clarity", "clarté"),
    "professionalism": ("professionalism", "professionnalisme"),
}
JUDGE_FAILURES = {
    "timeout": ("no answer in time", "pas de réponse dans les délais"),
    "connection": ("the model's server could not be reached", "serveur du modèle injoignable"),
    "rate_limited": ("too many requests to the model", "trop de requêtes adressées au modèle"),
    "http_error": ("error on the model's server", "erreur du serveur du modèle"),
}
UNUSABLE_ANSWER = ("unusable answer", "réponse inexploitable")
CATEGORY_NAMES = {
    "hardware": ("hardware", "matériel"), "network": ("network", "réseau"), "accounts": ("accounts", "comptes"),
    "email": ("email", "messagerie"), "software": ("software", "logiciel"), "printing": ("printing", "impression"),
    "storage": ("storage", "stockage"), "security": ("security", "sécurité"),
}
TEAM_NAMES = {
    "field_technician": ("field technicians", "techniciens de proximité"),
    "remote_support_engineer": ("remote support engineers", "ingénieurs support à distance"),
    "database_admin": ("database administrators", "administrateurs de bases de données"),
    "network": ("network team", "équipe réseau"),
    "security": ("security team", "équipe sécurité"),
    "servers": ("server team", "équipe serveurs"),
}


def team_names(teams: str | list[str], locale: str) -> str:
    """Readable team names ("network" → "network team" / "équipe réseau")."""
    ids = teams if isinstance(teams, list) else [t.strip() for t in teams.split(",")]
    return ", ".join(TEAM_NAMES.get(t, (t, t))[1 if locale == "fr" else 0] for t in ids)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def finding(skill: str, rule: str, points: int, maximum: int, turn: int, locale: str, key: str,
            **values: object) -> Finding:
    """A finding whose message and tip come from `key`, in `locale`."""
    en, fr, tip_en, tip_fr = TEXTS[key]
    msg, tip = (fr, tip_fr) if locale == "fr" else (en, tip_en)
    for name in ("team", "expected"):
        if name in values and str(values[name]).split(",")[0].strip() in TEAM_NAMES:
            values[name] = team_names(str(values[name]), locale)
    for name in ("category", "expected"):
        if name in values and str(values[name]) in CATEGORY_NAMES:
            values[name] = CATEGORY_NAMES[str(values[name])][1 if locale == "fr" else 0]
    message = msg.format_map(_Blank({k: str(v) for k, v in values.items()})).strip()
    return Finding(skill=skill, rule=rule, points=int(points), max=int(maximum), turn=int(turn),
                   message=" ".join(message.split()), tip=tip)


@lru_cache(maxsize=1)
def _meanings() -> dict[str, tuple[str, str]]:
    try:
        from simulator.catalog import load_catalog

        catalog = load_catalog()
    except Exception:  # grading must work without the catalog file; ids are then shown
        return {}
    return {i: (s.meaning.en, s.meaning.fr) for i, s in catalog.intents.items()}


def names(scenario: Scenario, ids: list[str], locale: str) -> str:
    """Readable names of probes/actions: their intent's meaning, the command, or the tool."""
    out = []
    for ident in ids:
        item = scenario.probe(ident) or scenario.action(ident)
        label = ident
        if item and item.intent:
            local = scenario.intents.get(item.intent)
            pair = (local.meaning.en, local.meaning.fr) if local else _meanings().get(item.intent)
            label = (pair[1] if locale == "fr" else pair[0]).lower() if pair else ident
        elif item and item.remote:
            label = f"`{item.remote}`"
        elif item and item.directory:
            label = {"fr": "consultation de l'annuaire"}.get(locale, "directory lookup") if item.directory == "lookup" \
                else {"fr": "annuaire : "}.get(locale, "directory: ") + item.directory
        out.append(label)
    return ", ".join(out)
