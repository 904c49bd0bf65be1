"""Cohorts through the web app: creating them, adding, importing and moving trainees, assignments,
transcript review (comments and overrides), and who may see what."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from storage import calls as call_store
from storage.scores import load_score
from storage.users import add_cohort, add_user, get_by_username, set_locale
from tests.test_web import client_as, say, start, web  # noqa: F401  (the app fixture with the demo accounts)
from web.shared.database import get_db

CSV = """name,email,locale
Jeanne Moreau,jeanne.moreau@example.org,fr
,nameless@example.org,en
Tom Baker,tom.baker@example.org,de
Jeanne Again,JEANNE.MOREAU@example.org,fr
Alice Twin,alice@example.com,fr
Bad Mail,not-an-email,en
Tom Hardy,tom.hardy@example.org,
"""


@pytest.fixture(autouse=True)
def english(web):  # noqa: F811
    """The demo trainer works in French; these tests read the English messages."""
    with web.app_context():
        for name in ("trainer", "admin"):
            set_locale(get_db(), get_by_username(get_db(), name)["id"], "en")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.data, "html.parser")


def members_of(app, cohort_id: int) -> set[str]:
    with app.app_context():
        rows = get_db().query(
            "select u.username from memberships m join users u on u.id = m.user_id "
            "where m.cohort_id = ?",
            [cohort_id],
        )
        return {r["username"] for r in rows}


def test_trainer_creates_a_cohort_and_lands_on_its_trainees(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    response = trainer.post("/cohorts/new", data={"name": "  Night  shift  "})
    assert response.status_code == 302 and response.headers["Location"].endswith("/members")
    assert "Night shift" in soup(trainer.get("/cohorts/")).select_one("table").text


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "Give the cohort a name"),
        ("Promo 2026 — Lyon", "already runs a cohort with that name"),
        ("x" * 121, "at most 120 characters"),
    ],
)
def test_bad_cohort_name_is_refused(web, name, message):  # noqa: F811
    trainer = client_as(web, "trainer")
    page = trainer.get(trainer.post("/cohorts/new", data={"name": name}).headers["Location"])
    assert message in soup(page).select_one(".flash-error").text
    with web.app_context():
        assert get_db()["cohorts"].count == 1


def test_csv_import_reports_bad_rows_and_imports_the_good_ones(web):  # noqa: F811
    page = soup(client_as(web, "trainer").post("/cohorts/1/members/import", data={"text": CSV}))
    rejected = {
        int(r.select("td")[0].text): r.select_one(".reason").text
        for r in page.select("#rejected-rows tbody tr")
    }
    assert rejected == {
        3: "the name is missing",
        4: "unknown language “de” (use en or fr, or leave it empty)",
        5: "this email appears twice in the file",
        6: "an account already uses this email (add it as an existing trainee)",
        7: "“not-an-email” is not an email address",
    }
    imported = [[c.text for c in r.select("td")] for r in page.select("#imported-rows tbody tr")]
    assert [(row[1], row[3]) for row in imported] == [
        ("Jeanne Moreau", "jeanne.moreau"),
        ("Tom Hardy", "tom.hardy"),
    ]
    assert members_of(web, 1) == {"alice", "bruno", "sam", "jeanne.moreau", "tom.hardy"}
    with web.app_context():
        db = get_db()
        refused = db.query(
            "select 1 from users where email in ('nameless@example.org', 'tom.baker@example.org')"
        )
        assert not list(refused)
        assert get_by_username(db, "jeanne.moreau")["locale"] == "fr"
    password = imported[0][4]
    response = web.test_client().post(
        "/login", data={"username": "jeanne.moreau", "password": password}
    )
    assert response.status_code == 302


def test_csv_file_with_semicolons_and_a_bom_is_read(web):  # noqa: F811
    import io

    data = "\ufeffNom;Courriel;Langue\r\nÉlodie Faure;elodie@example.org;fr\r\n".encode()
    response = client_as(web, "trainer").post(
        "/cohorts/1/members/import",
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(data), "liste.csv")},
    )
    assert [r.select("td")[1].text for r in soup(response).select("#imported-rows tbody tr")] == [
        "Élodie Faure"
    ]


@pytest.mark.parametrize("text", ["Jeanne,jeanne@example.org,fr\n", "name,locale\nJeanne,fr\n"])
def test_csv_without_the_columns_imports_nothing(web, text):  # noqa: F811
    trainer = client_as(web, "trainer")
    page = trainer.get(
        trainer.post("/cohorts/1/members/import", data={"text": text}).headers["Location"]
    )
    assert "must name the columns" in soup(page).select_one(".flash-error").text
    assert members_of(web, 1) == {"alice", "bruno", "sam"}


def test_one_new_trainee_gets_a_password_shown_once(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    page = soup(
        trainer.post(
            "/cohorts/1/members/add",
            data={
                "kind": "new",
                "name": "Léa Roux",
                "email": "lea.roux@example.org",
                "locale": "fr",
            },
        )
    )
    password = page.select_one("code.secret").text
    assert (
        web.test_client()
        .post("/login", data={"username": "lea.roux", "password": password})
        .status_code
        == 302
    )
    assert password not in trainer.get("/cohorts/1/members").data.decode()


def test_new_trainee_with_a_taken_email_is_refused(web):  # noqa: F811
    response = client_as(web, "trainer").post(
        "/cohorts/1/members/add",
        data={"kind": "new", "name": "Alice Bis", "email": "ALICE@example.com", "locale": "fr"},
    )
    assert (
        response.status_code == 422
        and "already uses this email" in soup(response).select_one(".flash-error").text
    )
    with web.app_context():
        assert get_db()["users"].count == 5


def test_existing_trainee_joins_but_a_trainer_cannot(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    other = trainer.post("/cohorts/new", data={"name": "Second"}).headers["Location"].split("/")[-2]
    trainer.post(
        f"/cohorts/{other}/members/add", data={"kind": "existing", "who": "alice@example.com"}
    )
    assert members_of(web, int(other)) == {"alice"}
    page = trainer.get(
        trainer.post(
            f"/cohorts/{other}/members/add", data={"kind": "existing", "who": "admin"}
        ).headers["Location"]
    )
    assert "No trainee you can add" in soup(page).select_one(".flash-error").text
    assert members_of(web, int(other)) == {"alice"}


def test_a_trainer_cannot_take_another_trainers_trainee_and_learns_nothing(web):  # noqa: F811
    with web.app_context():
        db = get_db()
        rival = add_user(db, "trainer2", "Rival Trainer", "password-2", "trainer")
        theirs = add_cohort(db, "Rival cohort", rival)
    rival_client = web.test_client()
    rival_client.post("/login", data={"username": "trainer2", "password": "password-2"})
    answers = {}
    for who in ("alice", "admin", "trainer", "nobody-at-all"):
        response = rival_client.post(
            f"/cohorts/{theirs}/members/add", data={"kind": "existing", "who": who}
        )
        answers[who] = soup(rival_client.get(response.headers["Location"])).select_one(
            ".flash-error"
        )
    assert members_of(web, theirs) == set()
    texts = {answer.text.strip() for answer in answers.values()}
    assert len(texts) == 1, texts  # the same refusal for a held trainee, an admin, nobody
    text = texts.pop()
    assert "Alice" not in text and "Admin" not in text and "admin " not in text
    calls_of_alice = rival_client.get("/cohorts/")  # nothing of Alice's is reachable either
    assert "Alice" not in calls_of_alice.get_data(as_text=True)


def test_an_admin_may_move_a_held_trainee_into_another_cohort(web):  # noqa: F811
    with web.app_context():
        db = get_db()
        theirs = add_cohort(
            db, "Rival cohort", add_user(db, "trainer2", "Rival", "password-2", "trainer")
        )
    client_as(web, "admin").post(
        f"/cohorts/{theirs}/members/add", data={"kind": "existing", "who": "alice"}
    )
    assert members_of(web, theirs) == {"alice"}


def test_moving_a_trainee_changes_their_cohort(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    other = int(
        trainer.post("/cohorts/new", data={"name": "Second"}).headers["Location"].split("/")[-2]
    )
    sam = 5
    assert (
        trainer.post(f"/cohorts/1/members/{sam}/move", data={"to": str(other)}).status_code == 302
    )
    assert "sam" not in members_of(web, 1) and members_of(web, other) == {"sam"}
    page = soup(trainer.get(f"/cohorts/{other}/members"))
    assert "Sam Taylor" in page.select_one("table").text


def test_moving_to_a_cohort_of_another_trainer_is_refused(web):  # noqa: F811
    with web.app_context():
        db = get_db()
        theirs = add_cohort(
            db, "Not mine", add_user(db, "trainer2", "Other Trainer", "password-2", "trainer")
        )
    trainer = client_as(web, "trainer")
    page = trainer.get(
        trainer.post("/cohorts/1/members/5/move", data={"to": str(theirs)}).headers["Location"]
    )
    assert "Choose the cohort" in soup(page).select_one(".flash-error").text
    assert "sam" in members_of(web, 1) and members_of(web, theirs) == set()


def test_trainer_sees_only_their_cohorts_and_admin_sees_all(web):  # noqa: F811
    with web.app_context():
        db = get_db()
        theirs = add_cohort(
            db, "Not mine", add_user(db, "trainer2", "Other Trainer", "password-2", "trainer")
        )
    trainer = client_as(web, "trainer")
    assert "Not mine" not in trainer.get("/cohorts/").data.decode()
    for url in (f"/cohorts/{theirs}", f"/cohorts/{theirs}/members", f"/cohorts/{theirs}/calls.csv"):
        assert trainer.get(url).status_code == 404
    assert (
        trainer.post(
            f"/cohorts/{theirs}/members/add", data={"kind": "existing", "who": "sam"}
        ).status_code
        == 404
    )
    admin = client_as(web, "admin")
    assert "Not mine" in admin.get("/cohorts/").data.decode()
    assert admin.get(f"/cohorts/{theirs}").status_code == 200


def test_assignments_appear_on_the_trainee_dashboard(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    response = trainer.post(
        "/cohorts/1/assignments",
        data={
            "scenario": ["disk-full", "vpn-caps-lock"],
            "persona": "",
            "mode": "exam",
            "due": "2099-06-30",
            "attempts": "2",
        },
    )
    assert response.status_code == 302
    rows = soup(client_as(web, "alice").get("/")).select(
        "section[aria-labelledby=assigned-title] tbody tr"
    )
    # alice reads French: the due date as French writes it, attempts used out of those given
    mine = [r.get_text(" ", strip=True) for r in rows if "30 juin 2099" in r.text]
    assert len(mine) == 2 and all("exam" in r and "0 sur 2" in r for r in mine)
    assert any("disk" in r.lower() or "disque" in r.lower() for r in mine)


@pytest.mark.parametrize(
    "form, message",
    [
        ({"mode": "practice"}, "Choose at least one scenario"),
        ({"scenario": "no-such-thing"}, "Unknown scenario"),
        ({"scenario": "printer-offline", "due": "2001-01-01"}, "The due date is in the past"),
        ({"scenario": "printer-offline", "due": "31/12/2099"}, "not a date"),
        ({"scenario": "printer-offline", "attempts": "0"}, "Attempts: a whole number"),
        ({"scenario": "printer-offline", "persona": "nobody"}, "This caller is not available"),
    ],
)
def test_bad_assignment_is_refused_and_changes_nothing(web, form, message):  # noqa: F811
    response = client_as(web, "trainer").post("/cohorts/1/assignments", data=form)
    assert response.status_code == 422 and message in soup(response).select_one(".flash-error").text
    with web.app_context():
        assert get_db()["assignments"].count == 3


def test_withdrawn_assignment_leaves_the_dashboard(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    assert trainer.post("/cohorts/1/assignments/3/delete").status_code == 302
    with web.app_context():
        assert {a["id"] for a in get_db().query("select id from assignments")} == {1, 2}
    assert trainer.post("/cohorts/1/assignments/99/delete").status_code == 404


@pytest.fixture()
def ended(web):  # noqa: F811
    alice = client_as(web, "alice")
    call_id = start(alice)
    say(alice, call_id, "Hello, IT support, may I have your name?")
    say(alice, call_id, "Is the printer switched on?")
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    return call_id


def test_comment_and_override_are_shown_to_the_trainee_and_the_score_is_unchanged(web, ended):  # noqa: F811
    with web.app_context():
        db = get_db()
        score_before, events_before = load_score(db, ended), call_store.load_events(db, ended)
    trainer = client_as(web, "trainer")
    review = soup(trainer.get(f"/cohorts/calls/{ended}/review"))
    assert review.select("li.finding") and review.select_one("#comments-2")
    trainer.post(
        f"/cohorts/calls/{ended}/comments",
        data={"turn": "2", "text": "Ask about the cable <b>first</b>"},
    )
    trainer.post(
        f"/cohorts/calls/{ended}/comments", data={"turn": "0", "text": "A good start overall."}
    )
    trainer.post(
        f"/cohorts/calls/{ended}/overrides",
        data={"skill": "tone", "score": "95", "reason": "Warm and clear."},
    )
    debrief = client_as(web, "alice").get(f"/calls/{ended}/debrief")
    page = soup(debrief)
    notes = [n.select_one("p").text for n in page.select("ol.transcript li.review-note")]
    assert notes == ["Ask about the cable <b>first</b>"] and b"&lt;b&gt;first" in debrief.data
    assert "A good start overall." in page.text
    tone = page.select(".skills .skill")[3]  # diagnosis, resolution, escalation, tone
    assert tone.select_one(".skill-score").text.startswith(str(score_before["skills"]["tone"]))
    assert (
        "95" in tone.select_one(".override-note strong").text
        and "Warm and clear." in tone.select_one(".override-note").text
    )
    with web.app_context():
        db = get_db()
        assert load_score(db, ended) == score_before
        assert call_store.load_events(db, ended) == events_before


@pytest.mark.parametrize(
    "form",
    [
        {"skill": "tone", "score": "101", "reason": "x"},
        {"skill": "tone", "score": "50", "reason": "  "},
        {"skill": "charm", "score": "50", "reason": "x"},
    ],
)
def test_bad_override_is_refused(web, ended, form):  # noqa: F811
    trainer = client_as(web, "trainer")
    page = trainer.get(
        trainer.post(f"/cohorts/calls/{ended}/overrides", data=form).headers["Location"]
    )
    assert soup(page).select_one(".flash-error")
    with web.app_context():
        assert get_db()["score_overrides"].count == 0


def test_comment_on_a_turn_the_call_does_not_have_is_refused(web, ended):  # noqa: F811
    trainer = client_as(web, "trainer")
    trainer.post(f"/cohorts/calls/{ended}/comments", data={"turn": "99", "text": "lost"})
    with web.app_context():
        assert get_db()["review_comments"].count == 0


def test_only_trainers_of_the_cohort_review_a_call(web, ended):  # noqa: F811
    with web.app_context():
        add_user(get_db(), "trainer2", "Other Trainer", "password-2", "trainer")
    client = web.test_client()
    client.post("/login", data={"username": "trainer2", "password": "password-2"})
    assert client.get(f"/cohorts/calls/{ended}/review").status_code == 404
    assert (
        client.post(
            f"/cohorts/calls/{ended}/comments", data={"turn": "0", "text": "hi"}
        ).status_code
        == 404
    )
    assert client_as(web, "alice").get(f"/cohorts/calls/{ended}/review").status_code == 403


def test_csv_over_the_row_limit_imports_nothing(web):  # noqa: F811
    from web.cohorts.roster import MAX_ROWS

    text = "name,email,locale\n" + "".join(
        f"T{i},t{i}@example.org,en\n" for i in range(MAX_ROWS + 1)
    )
    trainer = client_as(web, "trainer")
    page = trainer.get(
        trainer.post("/cohorts/1/members/import", data={"text": text}).headers["Location"]
    )
    assert f"At most {MAX_ROWS} trainees per file" in soup(page).select_one(".flash-error").text
    assert members_of(web, 1) == {"alice", "bruno", "sam"}
