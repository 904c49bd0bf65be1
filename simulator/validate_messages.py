"""The words of every validation problem, in English and French (gettext, context "validation").

A problem carries a stable `code` and its `params`; `render` turns them into text in a locale.
The English text is the contract of `hotliner scenarios validate` (`file:line path: message`), so
changing an English template changes the CLI's output. Pydantic's own wording is kept in English
(`simulator.validate` copies it); the English templates of its codes mirror it, and a test checks
that they still do. `_DETAILS_FR` glosses PyYAML's and Python's own English messages in French:
they are not our words (their English varies), so they are rules here, not catalogue entries.
"""

from __future__ import annotations

import re
import string

from simulator.translation import NC_, gettext, lang, load_translations

# code: English template, marked with the context "validation"; the French is in translations/.
# The French catalogue uses plain spaces; `_french` makes the ones before « » : ; ? !
# non-breaking, as French typography wants.
MESSAGES: dict[str, tuple[str, str]] = {
    # the file itself (simulator.yamlsource, simulator.library)
    "file_too_large": NC_("validation", "file is larger than {kib} KiB; refused"),
    "file_empty": NC_("validation", "file is empty"),
    "malformed_yaml": NC_("validation", "malformed YAML: {detail}"),
    "yaml_alias": NC_(
        "validation", "YAML anchors and aliases (&name, *name) are not allowed; write the text out"
    ),
    "cannot_read": NC_("validation", "cannot read: {reason}"),
    "validation_too_slow": NC_(
        "validation",
        "checking this scenario took longer than {seconds} s and was stopped; "
        "fewer facts, actions or triggers make it quicker to check",
    ),
    "validation_too_big": NC_(
        "validation",
        "checking this scenario needed too much memory and was stopped; "
        "fewer facts, actions or triggers make it lighter to check",
    ),
    "duplicate_scenario_id": NC_("validation", "duplicate scenario id '{value}'"),
    "not_a_mapping": NC_("validation", "a scenario must be a YAML mapping"),
    # shape (pydantic), with the validator's own wording
    "missing_french": NC_("validation", "missing French translation"),
    "missing_english": NC_("validation", "missing English translation"),
    "missing": NC_("validation", "required field is missing"),
    "extra_forbidden": NC_("validation", "unknown key '{key}'"),
    "string_too_short": NC_("validation", "must not be empty"),
    # shape (pydantic), pydantic's wording in English
    "string_type": NC_("validation", "input should be a valid string"),
    "string_too_long": NC_("validation", "string should have at most {max_length} characters"),
    "string_pattern_mismatch": NC_("validation", "string should match pattern '{pattern}'"),
    "int_type": NC_("validation", "input should be a valid integer"),
    "int_parsing": NC_(
        "validation", "input should be a valid integer, unable to parse string as an integer"
    ),
    "int_from_float": NC_(
        "validation", "input should be a valid integer, got a number with a fractional part"
    ),
    "float_type": NC_("validation", "input should be a valid number"),
    "float_parsing": NC_(
        "validation", "input should be a valid number, unable to parse string as a number"
    ),
    "finite_number": NC_("validation", "input should be a finite number"),
    "bool_type": NC_("validation", "input should be a valid boolean"),
    "bool_parsing": NC_("validation", "input should be a valid boolean, unable to interpret input"),
    "literal_error": NC_("validation", "input should be {expected}"),
    "enum": NC_("validation", "input should be {expected}"),
    "greater_than": NC_("validation", "input should be greater than {gt}"),
    "greater_than_equal": NC_("validation", "input should be greater than or equal to {ge}"),
    "less_than": NC_("validation", "input should be less than {lt}"),
    "less_than_equal": NC_("validation", "input should be less than or equal to {le}"),
    "too_short": NC_(
        "validation",
        "{field_type} should have at least {min_length} item after validation, not {actual_length}",
    ),
    "too_long": NC_(
        "validation",
        "{field_type} should have at most {max_length} items after validation, not {actual_length}",
    ),
    "list_type": NC_("validation", "input should be a valid list"),
    "dict_type": NC_("validation", "input should be a valid dictionary"),
    "model_type": NC_(
        "validation", "input should be a valid dictionary or instance of {class_name}"
    ),
    "model_attributes_type": NC_(
        "validation", "input should be a valid dictionary or object to extract fields from"
    ),
    "value_error": NC_("validation", "value error, {error}"),
    "assertion_error": NC_("validation", "assertion failed, {error}"),
    "invalid": NC_("validation", "{detail}"),
    # cross-references (simulator.validate)
    "unknown_category": NC_("validation", "unknown category '{value}'{did_you_mean}"),
    "unknown_persona": NC_("validation", "unknown persona '{value}'{did_you_mean}"),
    "unknown_kb_article": NC_(
        "validation", "unknown knowledge-base article '{value}'{did_you_mean}"
    ),
    "unknown_intent": NC_("validation", "unknown intent '{value}'{did_you_mean}"),
    "unknown_fact": NC_("validation", "unknown fact '{value}'{did_you_mean}"),
    "unknown_probe": NC_("validation", "unknown probe '{value}'{did_you_mean}"),
    "unknown_probe_or_action": NC_("validation", "unknown probe or action '{value}'{did_you_mean}"),
    "unknown_team": NC_("validation", "unknown team '{value}'{did_you_mean}"),
    "unknown_placeholder": NC_("validation", "unknown placeholder '{{{name}}}'{did_you_mean}"),
    "malformed_placeholder": NC_("validation", "malformed placeholder: {detail}"),
    "placeholder_not_bare": NC_(
        "validation", "placeholder {text}: write a bare name like {{ticket}}, with no : or !"
    ),
    "address_disagrees": NC_(
        "validation",
        "'{host}' is shown at {shown} here but at {expected} elsewhere (its host. fact or another "
        "output): ping, nslookup and every output must agree",
    ),
    "host_outside_world": NC_(
        "validation",
        "'{host}' is shown at {address} but is not in the scenario's world: add the fact "
        "'host.{host}: \"{address}\"' so ping and nslookup find it",
    ),
    "default_persona_not_listed": NC_("validation", "'{value}' is not in personas"),
    "trigger_kind": NC_("validation", "needs exactly one of intent, remote or directory"),
    "invalid_command_pattern": NC_("validation", "invalid command pattern: {detail}"),
    "last_answer_has_when": NC_(
        "validation", "the last answer must have no 'when': it is the default"
    ),
    "wrong_fact_type": NC_("validation", "value {value} is not of the fact's type ({kind})"),
    "duplicate_id": NC_("validation", "id '{value}' is already used in {group}"),
    "intent_bound_twice": NC_("validation", "intent '{value}' is already bound to probes[{index}]"),
    "intent_bound_to_probe": NC_("validation", "intent '{value}' is bound to a probe too"),
    "escalation_without_team": NC_("validation", "a required escalation must name its team"),
    "resolution_needed": NC_(
        "validation", "needed: without an escalation the call must be fixable"
    ),
    "resolution_unreachable": NC_(
        "validation", "unreachable: no sequence of actions can ever satisfy it"
    ),
    "intent_in_catalog": NC_("validation", "intent '{value}' already exists in the catalog"),
    # shift plans and the priority matrix (simulator.shift_plan)
    "shift_not_a_mapping": NC_("validation", "a shift plan must be a YAML mapping"),
    "shift_sla_missing": NC_("validation", "no SLA target for {value}"),
    "shift_duplicate_id": NC_("validation", "duplicate shift id '{value}'"),
    "shift_duplicate_ref": NC_("validation", "contact ref '{value}' is already used"),
    "shift_arrival_after_end": NC_(
        "validation", "arrives at {at} s, after the end of the shift ({length} s)"
    ),
    "shift_unknown_scenario": NC_("validation", "unknown scenario '{value}'{did_you_mean}"),
    "opening_missing": NC_("validation", "a phone scenario needs at least one opening line"),
    "email_channel_without_message": NC_(
        "validation", "the channel 'email' needs the user's e-mail (an 'email' block)"
    ),
    "email_message_without_channel": NC_(
        "validation", "an 'email' block needs 'email' in the scenario's channels"
    ),
    "shift_call_back_not_email": NC_(
        "validation", "'call_back' is for e-mail contacts, not '{value}' ones"
    ),
    "shift_reply_delay_not_email": NC_(
        "validation", "'reply_delay' is for e-mail contacts, not '{value}' ones"
    ),
    "shift_channel_unsupported": NC_(
        "validation", "scenario '{scenario}' cannot be played on channel '{value}'"
    ),
    "shift_persona_not_allowed": NC_(
        "validation", "persona '{value}' is not allowed in scenario '{scenario}'"
    ),
    "shift_matrix_gap": NC_("validation", "no priority for impact {impact} × urgency {urgency}"),
}

DID_YOU_MEAN = NC_("validation", " (did you mean '{suggestion}'?)")

# Parameter values that read differently in French (the English is the value itself).
_VALUE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "str": NC_("validation", "str"),
        "int": NC_("validation", "int"),
        "float": NC_("validation", "float"),
        "bool": NC_("validation", "bool"),
    },
    "field_type": {
        "List": NC_("validation", "list"),
        "Dictionary": NC_("validation", "dictionary"),
        "Tuple": NC_("validation", "tuple"),
        "Set": NC_("validation", "set"),
    },
    "pattern": {
        "^[a-z][a-z0-9_]*$": NC_("validation", "^[a-z][a-z0-9_]*$"),
        "^[a-z][a-z0-9-]*$": NC_("validation", "^[a-z][a-z0-9-]*$"),
        "^[a-z][a-z_]*$": NC_("validation", "^[a-z][a-z_]*$"),
    },
    "reason": {
        "No such file or directory": NC_("validation", "No such file or directory"),
        "Permission denied": NC_("validation", "Permission denied"),
        "Is a directory": NC_("validation", "Is a directory"),
    },
}

# Frequent complaints of PyYAML (libyaml's wording, then pure Python's), of format strings and of
# regular expressions, in French; anything else is shown as it is (it is technical).
_DETAILS_FR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), text)
    for pattern, text in [
        (
            r"^mapping values are not allowed (here|in this context)$",
            "un « : » est mal placé (une valeur qui contient « : » doit être entre guillemets)",
        ),
        (r"^could not find expected ':'$", "il manque un « : » après une clé"),
        (
            r"^found (a tab character (that violates indentation|where an indentation space "
            r"is expected)"
            r"|character '\\t' that cannot start any token)$",
            "tabulation interdite ; indentez avec des espaces",
        ),
        (
            r"^found character that cannot start any token$",
            "caractère interdit au début d'une valeur (mettez la valeur entre guillemets)",
        ),
        (
            r"^found character '(.*)' that cannot start any token$",
            "le caractère « {0} » ne peut pas commencer une valeur (mettez la valeur entre "
            "guillemets)",
        ),
        (r"^did not find expected key$", "une clé était attendue ici (indentation incohérente ?)"),
        (
            r"^did not find expected '-' indicator$",
            "un élément de liste « - » était attendu ici (indentation incohérente ?)",
        ),
        (r"^did not find expected node content$", "une valeur était attendue ici"),
        (
            r"^did not find expected <document start>$",
            "texte inattendu après la fin du document (indentation ?)",
        ),
        (r"^did not find expected comment or line break$", "texte inattendu en fin de ligne"),
        (
            r"^block sequence entries are not allowed in this context$",
            "un élément de liste « - » est mal placé",
        ),
        (r"^expected <block end>, but found '(.*)'$", "indentation incohérente (trouvé : {0})"),
        (
            r"^(did not find expected ',' or '\]'|expected ',' or '\]', but got .*)$",
            "il manque « , » ou « ] » dans une liste entre crochets",
        ),
        (
            r"^(did not find expected ',' or '\}'|expected ',' or '\}', but got .*)$",
            "il manque « , » ou « } » dans un dictionnaire entre accolades",
        ),
        (
            r"^found unexpected end of stream$",
            "fin de fichier inattendue (guillemet non refermé ?)",
        ),
        (
            r"^found unknown escape character.*$",
            "caractère d'échappement inconnu après « \\ » entre guillemets doubles",
        ),
        (
            r"^found undefined alias.*$",
            "alias non défini (une valeur qui commence par « * » doit être entre guillemets)",
        ),
        (r"^found unhashable key$", "une clé ne peut pas être une liste ni un dictionnaire"),
        (
            r"^could not determine a constructor for the tag '(.*)'$",
            "balise YAML « {0} » non autorisée",
        ),
        (
            r"^Single '([{}])' encountered in format string$",
            "accolade « {0} » seule ; écrivez « {0}{0} » pour une accolade littérale",
        ),
        (
            r"^(expected '\}' before end of string|unmatched '\{' in format spec)$",
            "accolade « {{ » non refermée",
        ),
        (
            r"^missing \), unterminated subpattern at position (\d+)$",
            "parenthèse « ( » non refermée (position {0})",
        ),
        (
            r"^unbalanced parenthesis at position (\d+)$",
            "parenthèse « ) » sans « ( » (position {0})",
        ),
        (
            r"^unterminated character set at position (\d+)$",
            "crochet « [ » non refermé (position {0})",
        ),
        (
            r"^nothing to repeat at position (\d+)$",
            "« * », « + » ou « ? » sans rien à répéter (position {0})",
        ),
        (r"^bad escape (.*) at position (\d+)$", "échappement « {0} » inconnu (position {1})"),
    ]
]

_PUNCTUATION = re.compile(r"« | »| (?=[:;?!])")


def _french(template: str) -> str:
    return _PUNCTUATION.sub(lambda m: m.group(0).replace(" ", "\u00a0"), template)


_DETAILS_FR = [(pattern, _french(text)) for pattern, text in _DETAILS_FR]  # once, at import


def english(code: str) -> str:
    """The English template of problem `code` (the CLI's contract)."""
    return MESSAGES[code][1]


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
    if lang(locale) != "fr":
        return _VALUE_WORDS.get(name, {}).get(value, ("", value))[1]
    if name == "pattern" and value not in _VALUE_WORDS[name]:
        return _french(f"motif « {value} »")
    if name in _VALUE_WORDS:
        return _french(
            gettext(
                load_translations(), locale, _VALUE_WORDS[name].get(value, ("validation", value))
            )
        )
    if name == "expected":
        return _choices_fr(value)
    if name == "seconds":
        return value.replace(".", ",")  # 0,3 s
    if name == "detail":
        return _detail_fr(value)
    return value


def _template(message: tuple[str, str], locale: str) -> str:
    if lang(locale) != "fr":
        return message[1]
    return _french(gettext(load_translations(), locale, message))


def render(code: str, params: dict[str, str], locale: str = "en") -> str:
    """The text of problem `code` with `params`, in `locale` ("en" or "fr")."""
    template = _template(MESSAGES[code], locale)
    values = {name: _localized(name, str(value), locale) for name, value in params.items()}
    suggestion = values.pop("suggestion", "")
    if suggestion:
        values["did_you_mean"] = _template(DID_YOU_MEAN, locale).format(suggestion=suggestion)
    else:
        values.setdefault("did_you_mean", "")
    return template.format_map(values)
