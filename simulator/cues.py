"""Cue words that tell an intent by the shape of a clause, where example phrases alone fall short.

Short self-introductions ("sam here", « c'est Julie du support ») and bare name questions ("and u
are?", « vous êtes ? ») are too short for character n-grams to tell from chatter; a first-person
plan ("I'm gonna clear…", « je passe le ticket… ») announces a next step. Each cue works on a
folded clause (lower case, no accents, apostrophes as spaces) and names the intent it favours.
"""

from __future__ import annotations

import re

SELF_INTRODUCTION = "introduce_self"
NAME_QUESTION = "ask_caller_name"
NEXT_STEP = "explain_next_step"
THANKS = "thank"
FOLLOW_UP = "explain_follow_up"
LISTEN = "ask_problem_description"
PRINTER_NAME = "ask_printer_name"
SCOPE = "ask_scope"
CUE_FORCE = 1.0  # a bonus this large is a sure reading: no similarity floor applies

# "sam here", "leo speaking", « julie a l appareil »
_NAME_THEN = re.compile(r"^(?P<name>[a-z]{2,14}) (?:here|speaking|a l appareil)$")
# "this is sam", "im leo from it", « c est julie du support », « ici marc », « je suis lea de … »
_NAME_AFTER = re.compile(
    r"^(?:(?:hi|hello|hey|bonjour|salut) )?(?:this is|it s|its|i m|im|i am|my name is|my name s"
    r"|c est|ici|moi c est|je suis|je m appelle) (?P<name>[a-z]{2,14})"
    r"(?P<tail> (?:from|at|with|on|of|du|de|d|de la|des) .*)?$"
)
# "tom from it", « paul du helpdesk » (a bare name then where they work)
_NAME_FROM = re.compile(r"^(?P<name>[a-z]{2,14})(?P<tail> (?:from|at|with|du|de|d|de la) .*)$")
_SERVICE = re.compile(
    r"\b(?:it|i t|support|service|desk|helpdesk|help desk|hotline|informatique|assistance"
    r"|technique|tech|dsi)\b"
)
# "and u are?", "who are you?" is already an example; « vous etes ? », « et vous etes madame ? »
_BARE_NAME_QUESTION = re.compile(
    r"^(?:and|et)? ?(?:you are|u are|vous etes|vous etes madame|vous etes monsieur"
    r"|who s this|whos this|who is this|who is it|who s that|who am i (?:speaking|talking)"
    r" (?:to|with)"
    r"|vous etes mme|vous etes m"
    # the word alone, as a hurried agent types it: "name?", "quick name pls", « nom ? »
    r"|(?:quick |ur |your |full |votre |ton )?(?:name|nom|nom prenom|nom et prenom)"
    r"(?: pls| please| svp| please)?)$"
)
# a first-person plan: "i m gonna clear…", "next i ll send…", « je passe le ticket… »
_PLAN = re.compile(
    r"^(?:(?:ok|okay|right|so|alors|bon|donc|bien|now|next|maintenant|ensuite) )*"
    r"(?:i m (?:gonna|going to)|im (?:gonna|going to)|i ll|ill|i will|let me|je vais"
    r"|je (?:vous (?:en )?(?:mets|cree|envoie|passe|fais)))\b"
    r"(?! (?:need|ask|have|get|want) (?:you|u)\b)"
)
# handing the case on: « je passe le ticket aux admins », "i'm passing this to the network team"
_HANDOVER = re.compile(
    r"\b(?:(?:je |j)(?:passe|transmets|transfere|remonte|escalade|previens|signale)|j escalade"
    r"|on (?:passe|transmet|remonte|escalade|previent|signale)"
    r"|(?:(?:i m|im|i am|i ll|ill|i will|we ll|we will|we re|we are)(?: going to| gonna"
    r"| required to| obliged to| supposed to| have to| need to)?|(?:i|we) (?:have to|need to|must"
    r"|ve got to|got to)) (?:handing|passing|sending|escalating|hand|pass"
    r"|send|escalate|forward|forwarding|log|logging|report|reporting|flag|flagging)"
    # typed without a subject: "escalating to the dba team now"
    r"|^(?:ok |right |so |now )?(?:escalating|passing|handing|forwarding|flagging|logging) (?:it"
    r"|this|that|ur|your|the)?)\b.*\b(?:to|aux?|a l|team"
    r"|equipe|admins?"
    r"|colleagues?|collegues|securite|security|niveau 2|level 2|n2|l2)\b"
    # who takes it on: « c'est la sécurité qui va s'en occuper », "the network team will handle it"
    r"|\b(?:qui va|qui vont|va|vont|will|ll|is going to|are going to) (?:s en (?:occuper|charger)"
    r"|prendre le relais|take care of (?:it|this|that)|handle (?:it|this|that)|take over)\b"
)
# the start of an answer: « je vous écoute », "go ahead, i'm listening", "how can i help"
_LISTENING = re.compile(
    r"^(?:je vous ecoute|j ecoute|je vous ecoute madame|je vous ecoute monsieur|i m listening"
    r"|im listening|go ahead i m listening|dites moi tout"
    r"|how can i help(?: you)?(?: today)?|what can i do for you(?: today)?)$"
)
# thanks and nothing else: « merci de votre patience » thanks, "thanks, i'm back" resumes
_THANKS_ONLY = re.compile(
    r"^(?:(?:ok|okay|bon|alors|well|so) )?"
    r"(?:merci|thanks|thank you|thx|many thanks|je vous remercie)"
    r"(?: (?:beaucoup|bien|infiniment|so much|very much|a lot))?"
    r"(?: (?:de|pour|for) (?:votre|your|ur|vos) (?:patience|comprehension|understanding|calme))?"
    r"(?: (?:madame|monsieur|sir|ma am))?$"
)

# « merci de redémarrer », « merci de bien vouloir… »: a polite request, not thanks
_THANKS_TO_DO = re.compile(
    r"^(?:merci|je vous remercie) (?:de|d) (?:bien vouloir |me |nous |le |la |les |l |y )?"
    r"(?!votre|vos|ton|tes|m avoir|nous avoir|avoir|m appeler|nous appeler|appeler|patienter)"
    r"[a-z]+(?:er|ir|re)\b"
)

FURTHER_HELP = "offer_further_help"
# « c'est marqué FR ou autre chose ? », "blue or something else?": an alternative, not an offer
_OR_ELSE = re.compile(
    r"\w+ (?:ou|or) (?:autre chose|quelque chose d autre|something else|anything else"
    r"|sth else|smth else|qqch d autre)\s*$"
)

POWER = "check_power"
_WHAT_HAPPENS = re.compile(
    r"\b(?:il se passe quoi|qu est ce qui se passe|que se passe t il|ca fait quoi|what happens"
    r"|what s happening|whats happening|what does it do)\b"
)
# a light asked about as on or off; its colour or blinking (or a charger's) is another check
_LIGHT_ON = re.compile(r"\b(?:voyant|light|led)\b.*\b(?:allume|allumee|lit|on)\b")
_LIGHT_STATE = re.compile(
    r"\b(?:clignot\w*|blink\w*|flash\w*|couleur|colou?r|orange|rouge|vert|red|green|amber"
    r"|chargeur|charger|adaptateur|adapter|caps|verr|maj|num|avion|airplane|plane|f12)\b"
)

# other people, in a question: whether they are affected too
_OTHERS = re.compile(
    r"\b(?:colleagues?|coworkers?|co workers?|neighbou?rs?|anyone else|everyone|everybody"
    r"|the others|other people|your team|ur team|collegues?|voisin(?:e|s|es)?|les autres"
    r"|quelqu un d autre"
    r"|tout le monde|personne d autre|votre equipe|vos equipes|le service)\b"
)


# a question about the printer's name names it: its name, which one, what it is called, its label
_NAMING_WORDS = re.compile(
    r"\b(?:name|named|called|which|what|whats|model|label|sticker|ref|reference|nom|appelle"
    r"|quel|quelle|lequel|laquelle|quoi|modele|etiquette|marque|numero|id|identifiant)\b"
)


# what the screen or the program says, asked: « ça affiche quoi ? », « c'est marqué quoi ? », "what
# does it say?" (a light, an icon or the bars are looked at, not read)
_SAYS = re.compile(
    r"\b(?:affiche|affichent|affiche t il|affiche t elle|marque|ecrit|indique|dit|dise|met"
    r"|says|say|said|shows|show|showing|displays|display|written|reads|read)\b"
)
_WHAT = re.compile(r"\b(?:quoi|quel|quelle|quels|quelles|qu est ce qui|que|what|whats|which)\b")
_LOOKED_AT = re.compile(
    r"\b(?:voyant|voyants|lumiere|led|leds|light|lights|lamp|icone|icon|bars|barres|barre|bar"
    r"|ressemble|look|looks|couleur|colou?r|clignote|blinking|flashing|afficheur|panneau|panel"
    r"|(?:its|the|little|small|tiny) display)\b"
)
READS_OUT = "ask_error_message"
# since when, asked: "and when did the low disk space bubble first show up?", « c'est depuis
# quelle heure ? » (the topic words must not pull the question towards a check of that thing)
_SINCE_WHEN = re.compile(
    r"^(?:(?:and|so|ok|okay|right|et|alors|bon|donc|d accord|roughly|about|around|approximately"
    r"|environ|a peu pres|vers) )*(?:when did|when was|when were|what time|at what time"
    r"|a quelle heure|quelle heure|vers quelle heure"
    r"|since when|how long (?:has|have|ago)|depuis quand|depuis combien|c est depuis"
    r"|ca a commence|ca date|ca fait combien|a quel moment|quand est ce que ca"
    r"|quand (?:avez vous|est ce que vous avez) (?:vu|remarque|constate))\b"
)
ONSET = "ask_when_started"
VERIFY = "verify_fix"
GOODBYE = "goodbye"
POLICY = "explain_policy"
# the words a rule or a refusal is said with; a line without any explains no policy
_RULE = re.compile(
    r"\b(?:can t|cant|cannot|can not|won t|wont|will not|not|no|never|ever|isn t|aren t|unable"
    r"|allowed|permitted|policy|policies|procedure|rules?|only|must|have to|has to|need to|needs to"
    r"|got to|should|shouldn t|required|requires|security|himself|herself|personally|private"
    r"|ne|n|pas|jamais|uniquement|seul|seule|seulement|regle|regles|politique|doit|doivent|devez"
    r"|dois|faut|impossible|interdit|autorise|securite|personnellement|lui meme|elle meme)\b"
)
# the words a goodbye is said with; a line without any says none
_FAREWELL = re.compile(
    r"\b(?:bye|byee|goodby\w*|cya|see (?:ya|you|u)|take care|take it easy|(?:speak|talk) (?:soon"
    r"|later)|have a|enjoy|good luck|all the best|so long|cheerio|cheers|ttyl|later|good night"
    r"|let (?:you|u) go|leave (?:you|u)|safe journey|gd (?:day|one)|done|ta ra|good day"
    # « bonne journée », « bonne réunion »… but not « la bonne solution »
    r"|revoir|aurevoir|bonnes? (?:journee|soiree|fin|continuation|semaine|apres midi|aprem|nuit"
    r"|vacances|fetes?|annee|route|chance|sante|reunion|visio|presentation|conf|matinee|reprise"
    r"|rentree|soutenance|formation|journees|soirees)|belle \w+"
    r"|bon (?:courage|week|weekend|we|apres|aprem|appetit"
    r"|retour|dejeuner|teletravail|vent|continuation|apres midi)|bientot|a plus|a \+|prochaine"
    r"|au plaisir|je vous laisse|je vs laisse|je vous quitte|je vs quitte|raccroche|souhaite"
    r"|prenez soin|tout a l heure|ciao|tchao|salut)\b"
)
# a good day wished: « je vous souhaite une bonne journée », "wish you a good afternoon"
_WISHED = re.compile(r"\b(?:wish (?:you|u) a|vous souhaite (?:une|un)|te souhaite (?:une|un))\b")
# a short question on whether the thing is back: "teams back?", "sound back on?", « réparti ? »
_BACK = re.compile(
    r"^(?:(?:and|so|ok|okay|alors|et|bon) )?(?:(?P<verb>is|are) |c est )?"
    r"(?:(?!you\b|u\b|vous\b)\w+ ){0,3}"
    r"(?:back|back up|back on|back now|all back|revenu|revenue|revenus|revenues|reparti|repartie"
    r"|repartis|de retour|good now|ok now|fixed now)$"
)
# whether it ever worked, asked: "had it worked before today?", « ça marchait encore hier ? »
_WORKED_BEFORE = re.compile(
    r"\b(?:(?:did|had|has|was|were) (?:it|this|that|they|the \w+) (?:ever |always |still )?"
    r"(?:work|worked|working|been working|ok|fine)(?: \w+)? (?:before|yesterday|last|this morning"
    r"|until|earlier|up to|friday|monday|on)"
    r"|(?:ca|cela|il|elle|ils|elles|c) (?:marchait|fonctionnait|allait|etait ok|passait)"
    r"(?: \w+)? (?:avant|hier|ce matin|jusqu|encore|la semaine|vendredi|lundi))\b"
)

# everyday words that follow "i'm" or « c'est » and are no name, when no example holds them
_EVERYDAY_WORDS = (
    "ok okay normal parti done ready good great sure fine bon bien ca moi here there back sorry"
    " away free available dispo fait pret tout rien pas not no yes oui non on off in out up down"
    " all just still also gonna afraid glad happy right wrong true vrai faux possible clair note"
    " la ici pareil grave fini termine complique simple urgent important"
)
EVERYDAY = frozenset(_EVERYDAY_WORDS.split())


def introduces_self(folded: str, common: frozenset[str]) -> bool:
    """Whether a clause is a short self-introduction: a name (not an everyday word) + cue."""
    found = _NAME_THEN.match(folded) or _NAME_AFTER.match(folded)
    if not found and (found := _NAME_FROM.match(folded)) and not _SERVICE.search(found["tail"]):
        return False
    name = found.group("name") if found else ""
    if not name or name in common or name in EVERYDAY or name.endswith(("ing", "ed")):
        return False
    tail = found.groupdict().get("tail")
    return not tail or bool(_SERVICE.search(tail))


def asks_name_bare(folded: str) -> bool:
    """Whether a clause is the bare idiom asking a name ("and you are?", « vous êtes ? »)."""
    return bool(_BARE_NAME_QUESTION.match(folded.strip()))


# « depuis le pc d'un collègue, allez sur le portail »: where or how, set before what to do there
_CIRCUMSTANCE = re.compile(
    r"^(?:from|on|with|in|via|using|depuis|sur|avec|dans|par|a partir d\w*|en passant par)\b"
)


def circumstance(folded: str) -> bool:
    """Whether a part opens on a preposition: a circumstance of what follows, not an act."""
    return bool(_CIRCUMSTANCE.match(folded))


def wishes_well(folded: str) -> bool:
    """Whether a clause wishes the caller a good day ("I shall wish you a good afternoon")."""
    return bool(_WISHED.search(folded))


def hands_over(folded: str) -> bool:
    """Whether a clause hands the case on ("I'm passing this to the network team")."""
    return bool(_HANDOVER.search(folded))


def states_plan(folded: str) -> bool:
    """Whether a clause announces what the trainee will do next (first person, future)."""
    return bool(_PLAN.match(folded))


def cue_bonuses(folded: str, question: bool, common: frozenset[str]) -> dict[str, float]:
    """Decision bonuses by intent for one folded clause (empty when no cue fits)."""
    bonuses = _shape_bonuses(folded, question, common)
    if not _NAMING_WORDS.search(folded):  # « ça imprime ? » asks for no printer's name
        bonuses[PRINTER_NAME] = bonuses.get(PRINTER_NAME, 0.0) - CUE_FORCE
    if not _FAREWELL.search(folded):  # « passez au guichet IT au 2e » says no goodbye
        bonuses[GOODBYE] = bonuses.get(GOODBYE, 0.0) - CUE_FORCE
    if _WISHED.search(folded):  # "I shall wish you a good afternoon" takes leave, it greets not
        bonuses["greet"] = bonuses.get("greet", 0.0) - CUE_FORCE
    if not _RULE.search(folded):  # "so u need the CFO's pwd reset" restates, it refuses nothing
        bonuses[POLICY] = bonuses.get(POLICY, 0.0) - CUE_FORCE
    return bonuses


def _shape_bonuses(folded: str, question: bool, common: frozenset[str]) -> dict[str, float]:
    if introduces_self(folded, common):  # a part of a question too: "IT, sam here, ur name?"
        return {SELF_INTRODUCTION: CUE_FORCE}
    if asks_name_bare(folded):
        return {NAME_QUESTION: CUE_FORCE}
    if _THANKS_ONLY.match(folded):
        return {THANKS: 0.5}
    if _THANKS_TO_DO.match(folded):  # « merci de couper le mode avion » asks, politely
        return {THANKS: -CUE_FORCE}
    if _LISTENING.match(folded):
        return {LISTEN: CUE_FORCE}
    if question and _OR_ELSE.search(folded):
        return {FURTHER_HELP: -CUE_FORCE}
    back = _BACK.match(folded)
    if back and (question or back["verb"]):  # "teams back?", "is the wifi back on"
        return {VERIFY: CUE_FORCE}
    if question and _WHAT_HAPPENS.search(folded):  # « il se passe quoi quand vous appuyez ? »
        return {LISTEN: 0.5}
    if question and _LIGHT_ON.search(folded) and not _LIGHT_STATE.search(folded):
        return {POWER: 0.5}  # « le petit voyant sous l'écran est allumé ? »: is it on at all
    if question and _OTHERS.search(folded):  # « votre collègue d'en face a internet ? »
        return {SCOPE: 0.5}
    if question and (_SINCE_WHEN.match(folded) or _WORKED_BEFORE.search(folded)):
        return {ONSET: 0.5}
    if question and _SAYS.search(folded) and _WHAT.search(folded) and not _LOOKED_AT.search(folded):
        return {READS_OUT: 0.5}  # « globalprotect vous affiche quoi exactement ? »
    if not question and _HANDOVER.search(folded):
        return {FOLLOW_UP: 0.5}
    if not question and states_plan(folded):
        return {NEXT_STEP: 0.5}
    return {}
