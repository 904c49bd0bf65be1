"""Security headers on every page the app has, as every role sees it, and pages the CSP cannot
break.

The routes come from tests/test_web.py's MATRIX, which a test keeps equal to the app's url_map: a
new page is checked here as soon as it has its entry there.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.test_web import BODIES, MATRIX, ROLES, calls, client_as, web  # noqa: F401  (fixtures)


def _directives(csp: str) -> dict[str, list[str]]:
    parts = (d.split() for d in csp.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


def assert_secure_headers(response, where) -> None:
    csp = _directives(response.headers.get("Content-Security-Policy", ""))
    assert csp, f"{where}: no Content-Security-Policy"
    scripts = csp.get("script-src", csp.get("default-src", []))
    assert scripts and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, where
    assert "'unsafe-inline'" not in csp.get("style-src", []), where
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert csp.get("object-src") == ["'none'"], where
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("X-Frame-Options") == "DENY", where


def assert_nothing_inline(html: bytes, where) -> None:
    """What the CSP would block: inline scripts, event-handler attributes, style attributes."""
    page = BeautifulSoup(html, "html.parser")
    inline = [
        s
        for s in page.find_all("script")
        if not s.get("src") and s.get("type") != "application/json"
    ]
    assert not inline, f"{where}: inline <script>"
    handlers = [
        (tag.name, a)
        for tag in page.find_all(True)
        for a in tag.attrs
        if a.lower().startswith("on")
    ]
    assert not handlers, f"{where}: inline event handlers {handlers[:3]}"
    styled = [tag.name for tag in page.find_all(style=True)]
    assert not styled, f"{where}: style attributes on {styled[:3]}"
    assert not page.select('a[href^="javascript:"]'), f"{where}: javascript: link"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_has_the_security_headers_and_no_inline_code(web, calls, role):  # noqa: F811
    client = client_as(web, role)
    pages = 0
    for method, endpoint, url, expected in MATRIX:
        if endpoint == "auth.logout":
            continue
        where = (role, method, endpoint)
        response = client.open(url(calls), method=method, **BODIES.get(endpoint, {}))
        assert response.status_code == expected[role], where
        assert_secure_headers(response, where)  # on every answer: pages, redirects, errors, JSON
        if response.status_code == 200 and response.mimetype == "text/html":
            assert_nothing_inline(response.data, where)
            pages += 1
    assert pages >= (1 if role == "anonymous" else 3)


def test_error_pages_have_the_headers_too(web):  # noqa: F811
    client = client_as(web, "alice")
    for response in (
        client.get("/no-such-page"),
        client.get("/calls/999999"),
        client.post("/api/v1/calls", data="{", content_type="application/json"),
    ):
        assert response.status_code in (400, 404)
        assert_secure_headers(response, response.request.path)
