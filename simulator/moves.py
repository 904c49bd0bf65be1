"""Courtesy moves a sentence makes besides its main intent: "sorry you got cut off, that's rough,
we'll get you back on" apologises, shows empathy and reassures, all in one line.

The classifier gives each clause one intent; a person hears these moves whatever else the sentence
does. Each move is told by the words that make it in a help desk's everyday speech (first person
feelings, the caller's trouble named as hard, a promise of a fix, what the caller will see on their
screen, a name after the service's), on a folded sentence (lower case, no accents, apostrophes as
spaces). Only moves that change no state are found here: the caller answers them, nothing is done.
"""

from __future__ import annotations

import re

from simulator.cues import hands_over

EMPATHY = "empathize"
FOLLOW_UP = "explain_follow_up"
CAUSE = "explain_cause"
REASSURANCE = "reassure"
APOLOGY = "apologize"
NEXT_STEP = "explain_next_step"
SELF_INTRODUCTION = "introduce_self"

_HARD = (
    r"(?:annoying|frustrating|rough|tough|hard|stressful|a pain|a nightmare|horrible|awful"
    r"|rubbish|no fun|not fun|a bad day|bad timing|the worst|penible|agacant|enervant|frustrant"
    r"|stressant|embetant|rageant|genant|ennuyeux|pas drole|pas evident|pas pratique|galere"
    r"|une galere|l enfer|la plaie)"
)
_EMPATHY = re.compile(
    r"\b(?:i (?:totally |completely |really |fully )?(?:understand|get it|hear you|can imagine)"
    rf"|i (?:know|get|see|understand) (?:that |how |it s |its |this is |that s )+.*{_HARD}"
    rf"|(?:that s|thats|that is|it s|its|this is|must be|must have been|sounds) (?:so |really "
    rf"|very |super |pretty |quite |a bit )?{_HARD}"
    r"|what a (?:pain|nightmare|hassle|headache|mess)|quelle (?:galere|plaie|poisse|misere)"
    r"|je (?:vous )?comprends(?! bien| que vous)|je comprends tout a fait|j imagine"
    # the caller's pressure named: "i know ur in a hurry", « je sais que vous êtes pressée »
    r"|i (?:do |really |fully |totally )?(?:know|appreciate|realise|realize|understand)"
    r" (?:that )?(?:you re|youre|ur|your|you are|u r|u re) (?:\w+ )?(?:in a hurry|in a rush|busy"
    r"|pressed"
    r"|under (?:a lot of |a great deal of |a bit of |some |real )?pressure|stressed|waiting|stuck"
    r"|in a difficult|in a tough|in a tight)"
    r"|je sais que vous etes (?:\w+ )?(?:presse|pressee"
    r"|deborde|debordee|sous pression|bloque|bloquee)"
    r"|gutted (?:about|for)|(?:that s|thats|that is|it s|its) not (?:ok|okay|on|fair|acceptable)"
    r"|(?:c est|ca doit etre|ca a du etre|ca doit pas etre)"
    rf" (?:vraiment |tres |super |un peu |assez )?{_HARD}|je sais que c est)\b"
)
# "if I understand you right…" restates; it shows no feeling
_UNDERSTANDING_CHECK = re.compile(
    r"\b(?:if i (?:understand|get)|do i understand|si je (?:vous )?comprends|si j ai bien compris"
    r"|que je comprenne)\b"
)
_FIX_WORDS = r"(?:back|sorted|fixed|working|running|up|out|going|right)"
_REASSURANCE = re.compile(
    r"\b(?:don t worry|dont worry|do not worry|no need to worry|not to worry|no need to panic"
    r"|(?:nothing|none of it|none of your \w+) (?:is|s|has been|got) lost|nothing s lost"
    r"|(?:you|u) (?:didn t|didnt|did not|haven t|havent) do(?:ne)? anything wrong"
    r"|(?:it s|its|it is) (?:really |honestly |absolutely |totally )?not (?:your|ur) fault"
    r"|(?:you|u) did (?:the )?right"
    r"|good (?:thing|call) (?:you|u) (?:called|rang)|(?:you|u) (?:were|was) right to call"
    rf"|(?:we ll|well|we will|i ll|ill|i will|let s|lets|we re gonna|we re going to|gonna) "
    rf"(?:get|sort|fix|have) (?:it|this|that|you|u|ur \w+|your \w+|things|everything)"
    rf"(?: \w+)? {_FIX_WORDS}"
    r"|(?:easy|quick|simple) (?:fix|one)|i ll be (?:as )?quick|won t take long|wont take long"
    r"|nothing serious|ne vous (?:en )?inquietez pas|ne vous en faites pas|pas d inquietude"
    # "it's just a switch", « ce n'est qu'un réglage »: the fault made small
    r"|(?:it s|its|it is|that s|thats|c est|ce n est|ce n etait) (?:just|only|juste|seulement"
    r"|simplement|qu) (?:a|an|un|une) (?:switch|setting|button|key|option|toggle|tick|checkbox"
    r"|touche|reglage|bouton|option|case|interrupteur|parametre)"
    r"|pas de panique|(?:ce n est|c est|ce n est vraiment|c est vraiment) pas grave"
    r"|rien (?:n est|de) perdu|vous n avez rien (?:fait|casse) de mal|vous n y etes pour rien"
    r"|(?:ce n est|c est) pas (?:de )?votre faute|vous avez (?:tres )?bien fait"
    r"|on (?:va )?(?:regle|regler|arrange|arranger|resout|resoudre) (?:ca|cela|tout|le probleme)"
    r"|ca (?:s arrange|se regle|se corrige|se repare)|je fais (?:vite|au plus vite)"
    r"|on (?:va )?(?:vous )?(?:remettre|remet) (?:ca|tout|cela) en (?:route|marche|ordre|etat)"
    r"|(?:c est|ce sera) (?:rapide|simple|facile) a (?:regler|corriger|reparer|resoudre)"
    # the caller's data is safe: "ur files stay where they are", « vos documents ne bougent pas »
    r"|(?:your|ur|all your|all ur) (?:files|documents|docs|data|stuff|photos|mails|emails) "
    r"(?:stay|are (?:safe|fine|untouched)|won t be touched|wont be touched|remain|are not touched)"
    r"|(?:vos|tous vos) (?:fichiers|documents|docs|donnees|photos|mails) (?:restent|ne bougent"
    r"|ne risquent|sont en securite|sont intacts|ne seront pas touches)"
    # the caller did right, or no worse than anyone: "u did nothing stupid", « ça arrive à tout
    # le monde », "that's exactly the right thing to do", « on va trouver la cause »
    r"|(?:you|u) did nothing (?:wrong|stupid|bad|silly)|(?:it|this|that) happens to (?:everyone"
    r"|everybody|anyone|the best)|ca arrive a tout le monde|(?:you|u) re not the first"
    r"|vous n etes pas (?:le premier|la premiere|le seul|la seule)"
    r"|(?:that s|thats|that was|it was) (?:exactly |absolutely )?the right thing"
    r"|(?:we ll|well|we will|i ll|we re going to|we re gonna) (?:find|figure) (?:out )?"
    r"(?:what|why|the cause|the problem|it)"
    r"|on (?:va )?(?:trouver|comprendre) (?:la cause|le probleme|ce qui|pourquoi|d ou)"
    # nothing is broken: "the computer is fine", « ça va revenir tout seul », « rien de cassé »
    r"|(?:the|your|ur|this) (?:computer|pc|laptop|machine|screen|printer)(?: itself)? (?:is|s)"
    r" (?:fine|ok"
    r"|okay|not broken|working fine)|(?:that|it|this) (?:was|is|s) the only (?:problem|issue|thing)"
    r"|nothing (?:is |s |was )?(?:broken|damaged)|rien (?:de |n est |n a ete )?(?:casse|abime)"
    r"|(?:it ll|itll|it will|ca va|ca devrait|ca va se) (?:come back|fix itself|sort itself out"
    r"|revenir|remarcher|repartir|se remettre|se retablir)(?: \w+)? (?:on its own|by itself"
    r"|tout seul|toute seule|d elle meme|de lui meme)|rassurez vous|soyez rassuree?"
    # "we'll look at it together", « on va regarder ça ensemble »
    r"|(?:on va|nous allons|je vais) (?:regarder|voir|reprendre|regler) (?:ca|cela|tout ca|le"
    r" probleme|ce probleme) ensemble|(?:we ll|well|we will|let s|lets) (?:look at|go through"
    r"|sort|work through|figure out) (?:it|this|that) together)\b"
)
_APOLOGY = re.compile(
    r"(?:^sorry (?!what|come again|say again|didn t catch|i didn t)"
    r"|\b(?:i m|im|i am|so|really|very) sorry"
    r"|\bsorry (?:about|for|that|to|you|u)\b|\bapologies|\bmy apologies"
    r"|\bi apologi[sz]e|\b(?:je suis )?(?:vraiment |tres )?desolee?s?|\btoutes mes excuses"
    r"|\bje m excuse|\bje vous prie de m excuser|\bpardon pour|\bexcusez moi (?:pour|de|du))\b"
)
# what the caller is about to see: "a little window will pop up", « vous allez voir une fenêtre »
_WHAT_YOU_LL_SEE = re.compile(
    r"\b(?:(?:you ll|u ll|you will|u will|you re going to|you re gonna) see (?:a|an|the|some|me)"
    r"|(?:a|the) (?:little |small )?(?:window|box|prompt|pop ?up|message) (?:will|ll|is going to"
    r"|is gonna|should|might) (?:pop|open|appear|show|come)"
    r"|vous (?:allez |verrez |pourrez )?(?:voir|verrez) (?:une|un|la|le|tout|ce|s afficher)"
    r"|une (?:petite )?(?:fenetre|boite|demande|invitation) (?:va|devrait|peut)"
    r" (?:s ouvrir|apparaitre|s afficher))\b"
)
# why it went wrong, said as such: "that's why", « c'est pour ça que », « le souci venait de »
_CAUSE = re.compile(
    r"\b(?:that s why|thats why|that s what (?:did|caused|happened)|caused by|because of"
    # the cause named, not looked for: "we'll find the cause" promises, it explains nothing
    r"|(?<!find )(?<!found )(?<!out )(?<!trouver )(?<!trouve )(?<!chercher )(?:the|la) cause"
    r"|due to|turns out|turned out|the (?:problem|issue|fault|reason) (?:was|is)|the culprit"
    r"|was the (?:problem|issue|culprit)|c est pour ca qu\w*|c est ce qui|a cause d\w*"
    r"|le (?:souci|probleme) (?:c est|c etait|venait|vient)|du a|provient|provenait"
    r"|(?:ca|cela|tout ca|le souci|le probleme|it|that|this|the problem) (?:vient|venait"
    r"|comes|came|is coming) (?:d\w*|from)"
    r"|that explains (?:it|everything|why)|(?:ca|cela|voila qui) explique (?:tout|ca|pourquoi)"
    r"|(?:there s|that s|thats) (?:the|your|our) (?:problem|culprit|issue)"
    r"|(?:c est|voila) (?:donc )?(?:ca|la) (?:le|la|votre) (?:souci|probleme|coupable|cause)"
    # a guess at what happened: "you must have hit it", « ça a dû s'activer dans le train »
    r"|must have (?:been )?\w+|(?:a|ont|avez|aurait|auraient) du (?:s |se |l |le |la |etre )?\w+"
    r"|probably (?:hit|pressed|switched|turned|knocked|got|left|changed|\w+ed)"
    # what a sign means: "that usually means the screen gets no picture", « ça veut dire que… »
    r"|(?:that|this|it|which) (?:usually |normally |just |probably |only )?means"
    r"|(?:ca|cela|ce qui|ce qu il|qui) (?:veut|voudrait) dire|(?:ca|cela) signifie"
    # done without meaning to: "it's easy to hit by mistake", « appuyé dessus sans faire exprès »
    r"|by (?:mistake|accident)|accidentally|par (?:erreur|megarde)|sans (?:faire expres|le vouloir)"
    r"|(?:that s|thats|that|this) (?:s )?(?:probably|must be|has to be|s got to be|is surely) it"
    r"|(?:c est|ce doit etre|ca doit etre) (?:surement|sans doute|probablement|donc) ca"
    # where the fault lies: "it's on the server side, not your pc", « c'est matériel »
    r"|(?:it s|its|it is|c est|ce n est|ca n est|ca ne vient) (?:not |pas |absolument pas "
    r"|pas du tout )?(?:just |only |juste |bien |surement |forcement )?(?:du |de la |le |la |l "
    r"|the |your |ur |votre |on |on the |our |de )?(?:hardware|materiel|materielle|server side"
    r"|server end|cote serveur|serveur|server|(?:pc|computer|laptop|ordi|ordinateur|portable"
    r"|poste|machine)(?!(?: \w+)? (?:ou|or) (?!\w+ing\b))|notre cote|our side|our end|chez nous"
    r"|chez vous)"
    r"|(?:, |\b)not (?:your|ur|the) (?:pc|computer|laptop|machine)$|pas (?:votre|le) (?:pc|poste"
    r"|ordinateur|ordi)$"
    # where it lies, and only there: "it's only the phone"
    r"|(?:it s|its) (?:only|just) (?:the|your|ur) \w+)\b"
)
# what happens next, done by others: "they'll post an update on the ticket", « l'équipe vous
# rappellera », "we'll ring you back on your mobile"
_FOLLOW_UP = re.compile(
    r"\b(?:(?:they ll|theyll|they will|they re going to|they re gonna|the (?:\w+ )?team (?:will|ll)"
    r"|someone (?:will|ll)|somebody (?:will|ll)|an engineer (?:will|ll)|a technician (?:will|ll))"
    r" (?:call|ring|phone|contact|email|e mail|post|update|get back|come|be in touch|reach|send)"
    r"|(?:we ll|well|we will|i ll|ill|we|or we|we can) (?:call|ring|phone) (?:you|u|him|her|them)"
    r" back"
    # "ill close it tomorrow if all good", "i'll check back with you this afternoon"
    r"|(?:i ll|ill|i will|we ll|we will) (?:close (?:it|the ticket|this)|check back|check in"
    r"|follow up|get back to (?:you|u)) (?:\w+ )?(?:tomorrow|later|this afternoon|this evening"
    r"|in an hour|in a bit|next week|on monday|if|once|when|after)"
    # "the CFO can call us directly": who will make the next move, and how
    r"|(?:he|she|they|him|them|\w+) (?:can|could|should|will) (?:call|ring|phone|contact|email)"
    r" (?:us|the (?:service ?desk|helpdesk|help desk|hotline))"
    r"|(?:l \w+(?: \w+)?|les? \w+|un \w+|quelqu un|le niveau 2|ils|elles) (?:va |vont )?"
    r"(?:vous )?(?:rappellera|rappelleront|rappeler|recontactera|recontacteront|recontacter"
    r"|contactera|contacteront|contacter|appellera|appelleront|appeler|mettra|mettront|mettre"
    r"|reviendra|reviendront|revenir|passera|passeront|passer)"
    r"|on (?:va )?vous (?:rappelle|rappellera|rappeler|recontacte|recontactera|recontacter))\b"
    # "we'll keep you posted", « on vous prévient dès que c'est reparti »
    r"|\b(?:we ll|well|we will|i ll|ill|i will) (?:let (?:you|u) know|keep (?:you|u) (?:posted"
    r"|updated|informed|in the loop)|update (?:you|u))\b"
    r"|\b(?:on (?:va )?vous|je vous|nous vous) (?:previent|previendra|previendrai|prevenir"
    r"|previens|tient au courant|tiendra au courant|tiens au courant|tiendrai au courant"
    r"|tenir au courant)\b"
    # a loan or a visit arranged: « on vous prête un portable de remplacement, passez au guichet »,
    # "we'll get you a loaner, pop down to the IT desk"
    r"|\b(?:on vous prete|je vous prete|nous vous pretons|on va vous preter|(?:a|un|une)"
    r" (?:pc|portable|ordinateur|ordi|laptop|machine) (?:de pret|de remplacement)|(?:a|the)"
    r" (?:loaner|loan laptop|replacement laptop|spare laptop)|passez (?:au|a la|a l) (?:guichet"
    r"|bureau|support|service"
    r"|accueil|helpdesk)|(?:pop|come|swing|drop) (?:down|by|over|up) (?:to|at) the (?:it|service"
    r"|help) ?(?:desk|office|bar|counter))\b"
    # "if it locks again, call us back", « si ça recommence, rappelez-nous »
    r"|\b(?:call|ring|phone) us (?:back|again)\b|\brappelez nous\b"
)
# the security rule said, not asked about: "id never read a password out over the phone", "the CFO
# needs to ring us himself", « je rappelle uniquement le numéro de l'annuaire »
_POLICY = re.compile(
    r"\b(?:(?:i|we|id|ill|wed) (?:still |really |simply |just )?(?:can t|cant|cannot|can not"
    r"|won t|wont"
    r"|will not|will never|d never|would never|never|m not allowed to|am not allowed to|re not"
    r" allowed to|are not allowed to|m not going to|am not going to|don t|dont|do not) (?:\w+ )?"
    r"(?:reset|give|read|tell|share|send|hand|disclose|change|unlock)\b(?=.*\b(?:password|passwords"
    r"|pwd|pw|credentials|phone|this call|someone else|anyone|on behalf|his account|her account"
    r"|their account)\b)"
    r"|(?:procedure|policy|the rules?|security rules?|our process|la procedure|la regle|les regles"
    r"|notre politique|politique de securite)\b"
    r"|(?:call|ring|phone|contact) (?:us|the (?:service ?desk|helpdesk|help desk|hotline)) "
    r"(?:\w+ ){0,3}?(?:himself|herself|themselves|personally|in person|from (?:his|her|their) own)"
    r"|(?:himself|herself|themselves|personally|in person) (?:from|on|with) (?:his|her|their) own"
    r"|(?:lui meme|elle meme|personnellement|en personne) (?:depuis|de|avec) son (?:propre )?"
    r"|je (?:ne )?(?:rappelle|rappellerai|rappellerais|appelle) (?:que |uniquement |seulement )"
    r"|je ne (?:peux|vais|dois) pas (?:vous )?(?:\w+ )?(?:reinitialiser|donner|communiquer|lire"
    r"|dire|changer|debloquer|transmettre)(?=.*\b(?:mot de passe|mdp|telephone|quelqu un d autre"
    r"|de la part|son compte|pour lui|pour elle)\b)"
    r"|ne me suffit pas|(?:n est|c est) pas (?:possible|autorise) (?:par|au) telephone)"
)
POLICY = "explain_policy"
# a ticket number given: "ticket's INC0047719", « votre ticket c'est le 77014 », "ref 2231457"
_TICKET = re.compile(
    r"\b(?:ticket|tickets|incident|inc|case|ref|reference|dossier|demande)\b"
    r"(?: \w+){0,4}? (?:inc ?)?\d{5,}\b|\binc ?\d{5,}\b"
)
# a closing formula ends the sentence: « bonne fin de journée madame », "have a good one"
_CLOSING = re.compile(
    r"\b(?:bye|goodbye|bye bye|ciao|tchao|au revoir|a bientot|a plus|bonne (?:fin de )?(?:journee"
    r"|soiree|apres midi|semaine|week end|weekend|continuation)|have a (?:good|nice|great|lovely) "
    r"(?:day|one|evening|weekend|afternoon|week)|talk soon|take care|speak soon|cya|see ya"
    r"|see (?:you|u) (?:soon|later)|gotta (?:run|go)|got to (?:run|go)|good day to you"
    r"|wish (?:you|u) a (?:good|nice|pleasant|lovely|great|very good) (?:day|afternoon|evening"
    r"|weekend|week|one))"
    r"(?: (?:a vous|to you|too|aussi|madame|monsieur|mme|sir|ma am|[a-z]{2,14})){0,2}$"
)
# a sentence that opens with thanks thanks, whatever follows ("thx for bearing with me and sorry
# again"); « merci de redémarrer » asks, politely
_THANKS_FIRST = re.compile(
    r"^(?:(?:ok|okay|right|great|perfect|super|parfait|bon|alors|well) )?(?:thanks|thank you|thx"
    r"|many thanks|ty|merci(?! de (?:bien vouloir )?(?:me |nous |le |la |les |l |y )?[a-z]+(?:er|ir"
    r"|re)\b)|je vous remercie(?! de [a-z]+(?:er|ir|re)\b))\b"
)
# thanks for waiting, wherever it comes: « c'est bon je suis là, merci d'avoir attendu »
_THANKS_WAITING = re.compile(
    r"\b(?:merci|thanks|thank you|thank u|thx|ty) (?:de |d |for |pour )?"
    r"(?:avoir |votre |your |ur )?(?:attendu|patiente|patienter|patience|waiting|holding|hold)\b"
)
THANKS = "thank"
LISTEN = "ask_problem_description"
# the opening ends by inviting the caller to speak: "helpdesk, sam, how can i help"
_INVITED = re.compile(
    r"\b(?:je vous ecoute|j vous ecoute|jvous ecoute|je t ecoute|i m listening|im listening"
    r"|how can i help(?: you)?(?: today)?|what can i do for (?:you|u)(?: today)?)$"
)
TICKET = "give_ticket_number"
GREETING = "greet"
GOODBYE = "goodbye"
_GREETING = r"(?:(?:hi|hello|hey|morning|good (?:morning|afternoon|evening)|bonjour|bjr|bonsoir"
_SERVICE = (
    r"(?:the )?(?:it |i t )?(?:service desk|servicedesk|helpdesk|help desk|support|hotline"
    r"|support informatique|assistance|it|dsi)"
)
# "hello, helpdesk, Ines", « bonjour support Karim »: the service, then the agent's name
_SERVICE_NAME = re.compile(
    rf"^(?:(?:oui|yes|yeah) )?{_GREETING}|salut|allo) )?{_SERVICE}(?: here| speaking)?"
    r"(?: (?P<name>[a-z]{2,14})(?: here| speaking| a l appareil)?)?"
    # ...and then the first question: « bjr helpdesk, Thomas, c'est à quel nom ? »
    r"(?: (?:c est|c|ca|a qui|qui|who|whom|what|whats|may|can|could|your|ur|vous|votre|quel"
    r"|how|puis je|je peux)\b.*)?$"
)
_GREETS = re.compile(rf"^(?:(?:oui|yes|yeah) )?{_GREETING}|salut|allo) )")


def courtesy_moves(folded: str, common: frozenset[str], question: bool = False) -> list[str]:
    """The courtesy moves a folded sentence makes, in the order a person hears them (a question
    gives no cause: "is that why it stopped?" asks)."""
    found: list[tuple[int, str]] = []
    for intent, pattern in ((CAUSE, _CAUSE), (FOLLOW_UP, _FOLLOW_UP), (TICKET, _TICKET)):
        # a ticket number is given even in a line that asks ("le n° INC0065003, autre chose ?")
        # ...and so is who calls back (« ils vont vous rappeler, c'est bien le 01… ? »)
        hit = None if question and intent not in (TICKET, FOLLOW_UP) else pattern.search(folded)
        if hit:
            found.append((hit.start(), intent))
    for intent, pattern in (
        (APOLOGY, _APOLOGY),
        (EMPATHY, _EMPATHY),
        (REASSURANCE, _REASSURANCE),
        (NEXT_STEP, _WHAT_YOU_LL_SEE),
        (GOODBYE, _CLOSING),
        (POLICY, _POLICY),
        (THANKS, _THANKS_FIRST),
        (THANKS, _THANKS_WAITING),
    ):
        hit = pattern.search(folded)
        if hit and intent in (i for _, i in found):
            continue
        if hit and not (intent == EMPATHY and _UNDERSTANDING_CHECK.search(folded)):
            found.append((hit.start(), intent))
    if hands_over(folded) and NEXT_STEP not in (i for _, i in found):
        found.append((len(folded), NEXT_STEP))  # handing the case on is the next step
    if _INVITED.search(folded):  # « bjr support it jvous écoute »: the caller is asked to speak
        found.append((len(folded), LISTEN))
    named = _SERVICE_NAME.match(folded)
    # the service alone after a greeting introduces too, as desks answer: « oui bonjour support »
    if named and (named["name"] not in common if named["name"] else _GREETS.match(folded)):
        found.append((0, SELF_INTRODUCTION))
        found.append((0, GREETING))  # "Service desk, Priya speaking": the opening formula greets
    return [intent for _, intent in sorted(found)]
