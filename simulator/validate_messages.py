"""The words of every validation problem, in English and French.

A problem carries a stable `code` and its `params`; `render` turns them into text in a locale.
The English text is the contract of `hotliner scenarios validate` (`file:line path: message`), so
changing an English template changes the CLI's output. Pydantic's own wording is kept in English
(`simulator.validate` copies it); the English templates of its codes mirror it, and a test checks
that they still do.
"""

from __future__ import annotations

import re
import string

# code: (English, French). French uses plain spaces here; `_french` makes the ones before
# « » : ; ? ! non-breaking, as French typography wants, once at import.
MESSAGES: dict[str, tuple[str, str]] = {
    # the file itself (simulator.yamlsource, simulator.library)
    "file_too_large": ("file is larger than {kib} KiB; refused", "fichier refusé : il dépasse {kib} Kio"),
    "file_empty": ("file is empty", "le fichier est vide"),
    "malformed_yaml": ("malformed YAML: {detail}", "YAML mal formé : {detail}"),
    "cannot_read": ("cannot read: {reason}", "lecture impossible : {reason}"),
    "duplicate_scenario_id": ("duplicate scenario id '{value}'", "identifiant de scénario « {value} » en double"),
    "not_a_mapping": ("a scenario must be a YAML mapping",
                      "un scénario doit être un dictionnaire YAML (des lignes « clé : valeur »)"),
    # shape (pydantic), with the validator's own wording
    "missing_french": ("missing French translation", "il manque la traduction française"),
    "missing_english": ("missing English translation", "il manque la traduction anglaise"),
    "missing": ("required field is missing", "champ obligatoire manquant"),
    "extra_forbidden": ("unknown key '{key}'", "clé inconnue « {key} »"),
    "string_too_short": ("must not be empty", "ne doit pas être vide"),
    # shape (pydantic), pydantic's wording in English
    "string_type": ("input should be a valid string", "doit être un texte"),
    "string_too_long": ("string should have at most {max_length} characters",
                        "doit faire au plus {max_length} caractère(s)"),
    "string_pattern_mismatch": ("string should match pattern '{pattern}'",
                                "ne respecte pas le format attendu : {pattern}"),
    "int_type": ("input should be a valid integer", "doit être un nombre entier"),
    "int_parsing": ("input should be a valid integer, unable to parse string as an integer",
                    "doit être un nombre entier : ce texte n'en est pas un"),
    "int_from_float": ("input should be a valid integer, got a number with a fractional part",
                       "doit être un nombre entier, sans partie décimale"),
    "float_type": ("input should be a valid number", "doit être un nombre"),
    "float_parsing": ("input should be a valid number, unable to parse string as a number",
                      "doit être un nombre : ce texte n'en est pas un"),
    "finite_number": ("input should be a finite number", "doit être un nombre fini"),
    "bool_type": ("input should be a valid boolean", "doit valoir true ou false"),
    "bool_parsing": ("input should be a valid boolean, unable to interpret input",
                     "doit valoir true ou false : cette valeur n'est pas reconnue"),
    "literal_error": ("input should be {expected}", "doit valoir {expected}"),
    "enum": ("input should be {expected}", "doit valoir {expected}"),
    "greater_than": ("input should be greater than {gt}", "doit être strictement supérieur à {gt}"),
    "greater_than_equal": ("input should be greater than or equal to {ge}",
                           "doit être supérieur ou égal à {ge}"),
    "less_than": ("input should be less than {lt}", "doit être strictement inférieur à {lt}"),
    "less_than_equal": ("input should be less than or equal to {le}", "doit être inférieur ou égal à {le}"),
    "too_short": ("{field_type} should have at least {min_length} item after validation, not {actual_length}",
                  "{field_type} doit contenir au moins {min_length} élément(s) (actuellement : {actual_length})"),
    "too_long": ("{field_type} should have at most {max_length} items after validation, not {actual_length}",
                 "{field_type} doit contenir au plus {max_length} élément(s) (actuellement : {actual_length})"),
    "list_type": ("input should be a valid list", "doit être une liste"),
    "dict_type": ("input should be a valid dictionary",
                  "doit être un dictionnaire (des lignes « clé : valeur »)"),
    "model_type": ("input should be a valid dictionary or instance of {class_name}",
                   "doit être un bloc de lignes « clé : valeur » (attendu : {class_name})"),
    "model_attributes_type": ("input should be a valid dictionary or object to extract fields from",
                              "doit être un bloc de lignes « clé : valeur »"),
    "value_error": ("value error, {error}", "valeur refusée : {error}"),
    "assertion_error": ("assertion failed, {error}", "condition non remplie : {error}"),
    "invalid": ("{detail}", "valeur non valide ({detail})"),
    # cross-references (simulator.validate)
    "unknown_category": ("unknown category '{value}'{did_you_mean}", "catégorie inconnue « {value} »{did_you_mean}"),
    "unknown_persona": ("unknown persona '{value}'{did_you_mean}", "profil d'appelant (persona) inconnu « {value} »{did_you_mean}"),
    "unknown_kb_article": ("unknown knowledge-base article '{value}'{did_you_mean}",
                           "article de base de connaissances inconnu « {value} »{did_you_mean}"),
    "unknown_intent": ("unknown intent '{value}'{did_you_mean}", "intention inconnue « {value} »{did_you_mean}"),
    "unknown_fact": ("unknown fact '{value}'{did_you_mean}", "fait inconnu « {value} »{did_you_mean}"),
    "unknown_probe": ("unknown probe '{value}'{did_you_mean}", "vérification (probe) inconnue « {value} »{did_you_mean}"),
    "unknown_probe_or_action": ("unknown probe or action '{value}'{did_you_mean}",
                                "vérification ou action inconnue « {value} »{did_you_mean}"),
    "unknown_team": ("unknown team '{value}'{did_you_mean}", "équipe inconnue « {value} »{did_you_mean}"),
    "unknown_placeholder": ("unknown placeholder '{{{name}}}'{did_you_mean}",
                            "variable inconnue « {{{name}}} »{did_you_mean}"),
    "malformed_placeholder": ("malformed placeholder: {detail}", "variable mal écrite : {detail}"),
    "default_persona_not_listed": ("'{value}' is not in personas", "« {value} » ne figure pas dans personas"),
    "trigger_kind": ("needs exactly one of intent, remote or directory",
                     "il faut un et un seul des champs intent, remote ou directory"),
    "invalid_command_pattern": ("invalid command pattern: {detail}",
                                "motif de commande non valide (expression régulière) : {detail}"),
    "last_answer_has_when": ("the last answer must have no 'when': it is the default",
                             "la dernière réponse ne doit pas avoir de « when » : c'est la réponse par défaut"),
    "wrong_fact_type": ("value {value} is not of the fact's type ({kind})",
                        "la valeur {value} n'est pas du type du fait ({kind})"),
    "duplicate_id": ("id '{value}' is already used in {group}",
                     "l'identifiant « {value} » est déjà utilisé dans {group}"),
    "intent_bound_twice": ("intent '{value}' is already bound to probes[{index}]",
                           "l'intention « {value} » est déjà associée à probes[{index}]"),
    "intent_bound_to_probe": ("intent '{value}' is bound to a probe too",
                              "l'intention « {value} » est aussi associée à une vérification (probe)"),
    "escalation_without_team": ("a required escalation must name its team",
                                "une escalade obligatoire doit nommer son équipe"),
    "resolution_needed": ("needed: without an escalation the call must be fixable",
                          "obligatoire : sans escalade, l'appel doit pouvoir être résolu"),
    "resolution_unreachable": ("unreachable: no sequence of actions can ever satisfy it",
                               "aucune résolution n'est atteignable : aucune suite d'actions ne peut remplir "
                               "cette condition"),
    "intent_in_catalog": ("intent '{value}' already exists in the catalog",
                          "l'intention « {value} » existe déjà dans le catalogue"),
}  # fmt: skip

DID_YOU_MEAN = (" (did you mean '{suggestion}'?)", " — vouliez-vous dire « {suggestion} » ?")

# Parameter values that read differently in French: (English, French).
_VALUE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {"str": ("str", "texte"), "int": ("int", "nombre entier"), "float": ("float", "nombre"),
             "bool": ("bool", "true ou false")},
    "field_type": {"List": ("list", "la liste"), "Dictionary": ("dictionary", "le dictionnaire"),
                   "Tuple": ("tuple", "la liste"), "Set": ("set", "l'ensemble")},
    "pattern": {
        r"^[a-z][a-z0-9_]*$": (r"^[a-z][a-z0-9_]*$",
                               "lettres minuscules sans accent, chiffres et « _ », en commençant par une lettre"),
        r"^[a-z][a-z0-9-]*$": (r"^[a-z][a-z0-9-]*$",
                               "lettres minuscules sans accent, chiffres et « - », en commençant par une lettre"),
        r"^[a-z][a-z_]*$": (r"^[a-z][a-z_]*$", "lettres minuscules sans accent et « _ », en commençant par une lettre"),
    },
    "reason": {"No such file or directory": ("No such file or directory", "fichier introuvable"),
               "Permission denied": ("Permission denied", "accès refusé"),
               "Is a directory": ("Is a directory", "c'est un dossier, pas un fichier")},
}  # fmt: skip

# Frequent complaints of PyYAML (libyaml's wording, then pure Python's), of format strings and of
# regular expressions, in French; anything else is shown as it is (it is technical).
_DETAILS_FR: list[tuple[re.Pattern[str], str]] = [(re.compile(pattern), text) for pattern, text in [
    (r"^mapping values are not allowed (here|in this context)$",
     "un « : » est mal placé (une valeur qui contient « : » doit être entre guillemets)"),
    (r"^could not find expected ':'$", "il manque un « : » après une clé"),
    (r"^found (a tab character (that violates indentation|where an indentation space is expected)"
     r"|character '\\t' that cannot start any token)$", "tabulation interdite ; indentez avec des espaces"),
    (r"^found character that cannot start any token$",
     "caractère interdit au début d'une valeur (mettez la valeur entre guillemets)"),
    (r"^found character '(.*)' that cannot start any token$",
     "le caractère « {0} » ne peut pas commencer une valeur (mettez la valeur entre guillemets)"),
    (r"^did not find expected key$", "une clé était attendue ici (indentation incohérente ?)"),
    (r"^did not find expected '-' indicator$",
     "un élément de liste « - » était attendu ici (indentation incohérente ?)"),
    (r"^did not find expected node content$", "une valeur était attendue ici"),
    (r"^did not find expected <document start>$", "texte inattendu après la fin du document (indentation ?)"),
    (r"^did not find expected comment or line break$", "texte inattendu en fin de ligne"),
    (r"^block sequence entries are not allowed in this context$", "un élément de liste « - » est mal placé"),
    (r"^expected <block end>, but found '(.*)'$", "indentation incohérente (trouvé : {0})"),
    (r"^(did not find expected ',' or '\]'|expected ',' or '\]', but got .*)$",
     "il manque « , » ou « ] » dans une liste entre crochets"),
    (r"^(did not find expected ',' or '\}'|expected ',' or '\}', but got .*)$",
     "il manque « , » ou « } » dans un dictionnaire entre accolades"),
    (r"^found unexpected end of stream$", "fin de fichier inattendue (guillemet non refermé ?)"),
    (r"^found unknown escape character.*$", "caractère d'échappement inconnu après « \\ » entre guillemets doubles"),
    (r"^found undefined alias.*$", "alias non défini (une valeur qui commence par « * » doit être entre guillemets)"),
    (r"^found unhashable key$", "une clé ne peut pas être une liste ni un dictionnaire"),
    (r"^could not determine a constructor for the tag '(.*)'$", "balise YAML « {0} » non autorisée"),
    (r"^Single '([{}])' encountered in format string$",
     "accolade « {0} » seule ; écrivez « {0}{0} » pour une accolade littérale"),
    (r"^(expected '\}' before end of string|unmatched '\{' in format spec)$", "accolade « {{ » non refermée"),
    (r"^missing \), unterminated subpattern at position (\d+)$", "parenthèse « ( » non refermée (position {0})"),
    (r"^unbalanced parenthesis at position (\d+)$", "parenthèse « ) » sans « ( » (position {0})"),
    (r"^unterminated character set at position (\d+)$", "crochet « [ » non refermé (position {0})"),
    (r"^nothing to repeat at position (\d+)$", "« * », « + » ou « ? » sans rien à répéter (position {0})"),
    (r"^bad escape (.*) at position (\d+)$", "échappement « {0} » inconnu (position {1})"),
]]  # fmt: skip

_PUNCTUATION = re.compile(r"« | »| (?=[:;?!])")


def _french(template: str) -> str:
    return _PUNCTUATION.sub(lambda m: m.group(0).replace(" ", "\u00a0"), template)


_FRENCH = {code: _french(fr) for code, (_en, fr) in MESSAGES.items()}
_DID_YOU_MEAN_FR = _french(DID_YOU_MEAN[1])
_DETAILS_FR = [(pattern, _french(text)) for pattern, text in _DETAILS_FR]  # once, at import


def placeholders(template: str) -> set[str]:
    """The `{names}` a template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _choices_fr(expected: str) -> str:
    """Pydantic's "'low', 'medium' or 'high'" → "« low », « medium » ou « high »"."""
    words = re.findall(r"'([^']*)'", expected)
    if not words:
        return expected
    quoted = [f"«\u00a0{w}\u00a0»" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " ou " + quoted[-1]


def _detail_fr(detail: str) -> str:
    for pattern, text in _DETAILS_FR:
        match = pattern.match(detail)
        if match:
            return text.format(*match.groups())
    return detail


def _localized(name: str, value: str, locale: str) -> str:
    if locale != "fr":
        return _VALUE_WORDS.get(name, {}).get(value, (value, value))[0]
    if name == "pattern" and value not in _VALUE_WORDS[name]:
        return _french(f"motif « {value} »")
    if name in _VALUE_WORDS:
        return _french(_VALUE_WORDS[name].get(value, (value, value))[1])
    if name == "expected":
        return _choices_fr(value)
    if name == "detail":
        return _detail_fr(value)
    return value


def render(code: str, params: dict[str, str], locale: str = "en") -> str:
    """The text of problem `code` with `params`, in `locale` ("en" or "fr")."""
    french = locale == "fr"
    template = _FRENCH[code] if french else MESSAGES[code][0]
    values = {name: _localized(name, str(value), locale) for name, value in params.items()}
    suggestion = values.pop("suggestion", "")
    if suggestion:
        values["did_you_mean"] = (_DID_YOU_MEAN_FR if french else DID_YOU_MEAN[0]).format(suggestion=suggestion)
    else:
        values.setdefault("did_you_mean", "")
    return template.format_map(values)
