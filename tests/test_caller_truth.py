"""The caller stays true (issue 14): each quoted example of the issue, as a test."""

from __future__ import annotations

import re

import pytest

from simulator import hosts, remote, saying
from simulator.caller import draw_caller
from simulator.persona import CONDITIONS
from tests.helpers import caller_lines, play

ALL = frozenset(CONDITIONS)
SUFFIX = re.compile(r"\b(?:DDS|PhD|Jr|Sr|MD|DVM|II|III|IV|Dr|Mr|Mrs|Ms|Miss|Mme|Mlle|M)\.?$")


def _events(call, kind):
    return [e["data"] for e in call.events if e["kind"] == kind]


def test_intranet_password_fix_does_not_bring_a_desktop_back(engine, library):
    text = library.sources.get("password-expired", "") or str(library.scenario("password-expired"))
    assert "desktop is back" not in text and "bureau est revenu" not in text


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_ping_and_test_netconnection_show_the_same_address(engine, library, locale):
    scenario = library.scenario("erp-database-down")
    steps = [
        {"remote_connect": True},
        {"remote": "ping SQL-FIN01"},
        {"remote": "tnc sql-fin01 -port 1433"},
        {"remote": "nslookup sql-fin01"},
    ]
    call = play(engine, scenario, steps, locale=locale)
    outputs = "\n".join(d["output"] for d in _events(call, "remote_command"))
    dns = {"10.20.0.10", "10.20.0.11"}
    addresses = set(re.findall(r"10\.\d+\.\d+\.\d+", outputs)) - {call.caller.ip} - dns
    assert addresses == {"10.10.2.15"}


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("host", ["srv-unknown42", "nowhere.corp.example.com", "PC-DOESNOTEXIST"])
def test_a_host_outside_the_scenario_does_not_answer(host, locale):
    who = {"hostname": "PC-1234", "ip": "10.20.30.40", "gateway": "10.20.30.1"}
    for command in (f"ping {host}", f"nslookup {host}"):
        output, _ = remote.run(command, {}, who, locale)
        assert hosts.resolve(host, {}, who) is None
        assert set(re.findall(r"\d+\.\d+\.\d+\.\d+", output)) <= {"10.20.0.10"}, output


def test_known_hosts_answer_and_the_console_is_the_same_in_both_locales():
    who = {"hostname": "PC-1234", "ip": "10.20.30.40", "gateway": "10.20.30.1", "username": "jd"}
    state = {"host.srv-print02": "10.20.0.40", "pc.disk_free_gb": 0.38}
    assert "10.20.0.40" in remote.run("ping srv-print02", state, who, "en")[0]
    assert "10.20.30.40" in remote.run("ping pc-1234", state, who, "fr")[0]
    commands = [
        "net stop spooler",
        "net use",
        "wmic logicaldisk get freespace",
        "rd /s /q c:\\temp",
        "powershell",
        "gpupdate /force",
        "tnc srv-print02 -port 445",
    ]
    for command in commands:
        for locale in ("en", "fr"):
            output = remote.run(command, state, who, locale)[0]
            assert "not recognized as an internal" not in output
            assert "n'est pas reconnu en tant que commande" not in output


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_dir_shows_the_free_space_of_the_facts(locale):
    who = {"hostname": "PC-1234", "ip": "10.20.30.40", "gateway": "10.20.30.1", "username": "jd"}
    output = remote.run("dir c:\\", {"pc.disk_free_gb": 0.38}, who, locale)[0]
    shown = int(re.sub(r"\D", "", output.rsplit("  ", 1)[-1]))
    assert abs(shown / 1024**3 - 0.38) < 0.01


@pytest.mark.parametrize(
    ("persona", "situation", "locale", "line", "missing"),
    [
        ("vague", "action_generic", "fr", "Fait. Ça fait toujours le truc.", "unresolved"),
        (
            "vague",
            "repeated_question",
            "en",
            "Yeah, it's still doing the thing I said.",
            "unresolved",
        ),
        ("angry", "summary_ack", "fr", "Oui, exactement. Maintenant, réparez-le.", "unresolved"),
        (
            "novice",
            "apology_received",
            "fr",
            "Ce n'est pas grave, ne vous inquiétez pas.",
            "no_loss",
        ),
        ("novice", "reassured", "fr", "Oh, quel soulagement. Merci.", "no_loss"),
        ("angry", "answer_prefix", "fr", "Comme je vous l'ai dit...", "said_before"),
        ("angry", "complaint", "fr", "C'est la troisième fois ce mois-ci !", "repeat_caller"),
    ],
)
def test_an_add_on_is_drawn_only_when_its_condition_holds(
    library, persona, situation, locale, line, missing
):
    spec = library.personas.get(persona)
    assert line in spec.variants(situation, locale, ALL)
    assert line not in spec.variants(situation, locale, ALL - {missing})


def test_after_the_wifi_fix_the_vague_caller_does_not_say_it_does_its_thing(library):
    lines = library.personas.get("vague").variants("anything_else_resolved", "en", ALL)
    assert not any("doing its thing again" in line for line in lines)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("persona", ["angry", "pushy", "hurried"])
def test_no_first_turn_says_as_i_told_you_or_third_time(engine, library, persona, seed):
    scenario = library.scenario("print-server-floor" if persona != "hurried" else "disk-full")
    if persona not in scenario.personas:
        pytest.skip("persona not allowed")
    call = play(
        engine,
        scenario,
        [{"say": "À qui ai-je l'honneur ?"}],
        persona=persona,
        locale="fr",
        seed=seed,
    )
    first_two = " ".join(caller_lines(call)[:2]).lower()
    assert "l'ai dit" not in first_two and "troisième fois" not in first_two
    assert "très bien, merci" not in first_two


@pytest.mark.parametrize("seed", range(8))
def test_at_most_one_tic_per_reply(engine, library, seed):
    scenario = library.scenario("account-locked-phone")
    steps = [
        {"say": s}
        for s in (
            "Hello, who am I speaking to?",
            "Can I have your employee ID and your manager's name?",
            "What is the exact error message?",
            "Since when?",
            "Reboot.",
            "Next.",
        )
    ]
    for persona in ("hurried", "angry"):
        call = play(engine, scenario, steps, persona=persona, seed=seed)
        tics = sorted(saying.tics(call), key=len, reverse=True)
        for line in caller_lines(call):
            found = 0
            for tic in tics:
                pattern = rf"(?:^|(?<=\s)){re.escape(tic)}(?=\s|$)"
                if re.search(pattern, line):
                    found += 1
                    line = re.sub(pattern, " ", line)
            assert found <= 1, line


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_novice_asks_where_the_windows_key_is_before_pressing_win_p(engine, library, locale):
    scenario = library.scenario("monitor-no-signal")
    bare = {"en": "Press Win+P.", "fr": "Faites Windows+P."}[locale]
    guided = {
        "en": "Press the Windows key, the one with the Windows logo at the bottom left of the "
        "keyboard, and P at the same time: what do you see?",
        "fr": "Appuyez en même temps sur la touche Windows, celle avec le logo Windows en bas à "
        "gauche du clavier, et sur P : qu'est-ce qui s'affiche ?",
    }[locale]
    call = play(engine, scenario, [{"say": bare}], persona="novice", locale=locale)
    assert _events(call, "guidance_asked")
    assert not [d for d in _events(call, "probe_answered") if d["probe"] == "display_mode"]
    call = play(engine, scenario, [{"say": bare}, {"say": guided}], persona="novice", locale=locale)
    assert [d for d in _events(call, "probe_answered") if d["probe"] == "display_mode"]


def test_a_vague_caller_reads_the_asset_tag_only_when_pointed_at_the_label(engine, library):
    scenario = library.scenario("laptop-dead-hardware")
    call = play(engine, scenario, [{"say": "Which computer is it?"}], persona="vague")
    assert call.caller.asset_tag not in " ".join(caller_lines(call))
    call = play(
        engine,
        scenario,
        [
            {"say": "Which computer is it?"},
            {"say": "Could you read me the asset tag on the label underneath?"},
        ],
        persona="vague",
    )
    assert call.caller.asset_tag in caller_lines(call)[-1]


@pytest.mark.parametrize(
    ("scenario_id", "locale"), [("monitor-no-signal", "fr"), ("laptop-dead-hardware", "en")]
)
def test_mood_does_not_rise_while_the_trainee_is_curt_and_full_of_jargon(
    engine, library, scenario_id, locale
):
    steps = {
        "fr": [
            "Vérifiez la source HDMI.",
            "Mettez DP dans l'OSD.",
            "Redémarrez.",
            "Faites un ping.",
        ],
        "en": ["Check the HDMI input source.", "Flush DNS.", "Do a power drain.", "Reboot."],
    }[locale]
    steps = [{"say": s} for s in steps]
    call = play(engine, library.scenario(scenario_id), steps, persona="novice", locale=locale)
    moods = [d for d in _events(call, "mood_changed")]
    assert moods and all(d["after"] <= d["before"] for d in moods)
    assert call.mood < library.personas.get("novice").spec.mood


def test_a_question_asked_again_gets_a_shorter_as_i_said_then_annoyance(engine, library):
    scenario = library.scenario("disk-full")
    question = "How much free space does the C drive show in This PC?"
    call = play(engine, scenario, [{"say": question}] * 3, persona="calm")
    lines = caller_lines(call)[1:]
    assert len(set(lines)) == len(lines)
    assert len(lines[1]) < len(lines[0]) + 25
    assert lines[0] not in lines[1] and lines[0] not in lines[2]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_names_have_no_title_or_suffix_and_first_differs_from_last(library, locale):
    spec = library.scenario("social-engineering-reset").caller
    for seed in range(400):
        who = draw_caller(spec, locale, seed)
        people = [who.caller_name, who.manager, *(p.name for p in who.others.values())]
        for name in people:
            first, _, last = name.partition(" ")
            assert not SUFFIX.search(name) and not SUFFIX.match(first), name
            assert first.lower() != last.lower(), name


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_asked_for_the_cfos_username_the_caller_does_not_give_her_own(engine, library, locale):
    scenario = library.scenario("social-engineering-reset")
    ask = {
        "en": "What is the CFO's username, please?",
        "fr": "Quel est l'identifiant de votre directeur administratif et financier ?",
    }[locale]
    call = play(engine, scenario, [{"say": ask}], persona="pushy", locale=locale)
    said = " ".join(caller_lines(call)[1:])
    assert call.caller.username not in said
