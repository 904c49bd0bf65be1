"""The holes an attack found (issue 15), each reproduced and shown closed: redirects after login,
YAML alias bombs, format specs in placeholders, odd input that used to give a 500."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.validate import validate_text
from simulator.yamlsource import SourceError, parse
from tests.test_web import client_as, web  # noqa: F401  (the app fixture with the demo accounts)

STARTER = Path(__file__).resolve().parent.parent / "scenarios" / "starters" / "new-scenario.yaml"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        " //evil.example",
        "\x00//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    ],
)
def test_login_never_sends_the_browser_to_another_site(web, target):  # noqa: F811
    client = web.test_client()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"username": "alice", "password": "trainee-demo-2026"},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/" and "evil" not in location


def test_a_same_site_next_is_kept_after_login_and_language(web):  # noqa: F811
    client = web.test_client()
    response = client.post(
        "/login",
        query_string={"next": "/history?page=2"},
        data={"username": "alice", "password": "trainee-demo-2026"},
    )
    assert response.headers["Location"] == "/history?page=2"
    response = client.post("/language/fr", data={"next": "/\t/evil.example"})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_yaml_alias_bomb_is_refused_before_it_is_built():
    assert len(BOMB.encode()) < 400
    with pytest.raises(SourceError) as caught:
        parse(BOMB)
    assert caught.value.code == "yaml_alias" and caught.value.line == 1
    assert "aliases" in caught.value.message


def test_the_editor_reports_the_alias_bomb_in_both_languages(web):  # noqa: F811
    client = client_as(web, "trainer")
    answers = {}
    for locale in ("en", "fr"):
        client.post(f"/language/{locale}")
        answer = client.post("/authoring/validate", data={"yaml": BOMB, "mode": "new"}).get_json()
        assert answer["ok"] is False and answer["problems"][0]["line"] == 1
        answers[locale] = answer["problems"][0]["message"]
    assert "aliases" in answers["en"] and "alias" in answers["fr"]
    assert answers["en"] != answers["fr"]


@pytest.mark.parametrize(
    "opening", ["Hello {ticket:>20000000}", "Hello {ticket:{username}}", "Hello {ticket!r}"]
)
def test_a_placeholder_with_a_format_spec_is_reported_with_its_line(library, opening):
    text = STARTER.read_text(encoding="utf-8").replace(
        "Hello, my scanner doesn't work any more", opening
    )
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert scenario is None
    found = [p for p in problems if p.code == "placeholder_not_bare"]
    assert found and found[0].line == 29 and found[0].path == "opening[0].en"
    assert "bare name" in found[0].message and "bare" not in found[0].text("fr")


def test_a_bare_placeholder_still_validates(library):
    text = STARTER.read_text(encoding="utf-8").replace(
        "Hello, my scanner doesn't work any more", "Hello, {ticket} does not work any more"
    )
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert problems == [] and scenario is not None
