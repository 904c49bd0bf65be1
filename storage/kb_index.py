"""The knowledge base in SQLite: articles indexed with FTS5, searched per locale."""

from __future__ import annotations

import re

from sqlite_utils import Database

from simulator.kb import Article
from storage.db import immediate

_WORD = re.compile(r"\w+", re.UNICODE)


def index_articles(db: Database, articles: dict[str, Article]) -> None:
    """Store (or refresh) every article in both locales; the FTS index follows by triggers."""
    rows = []
    for article in articles.values():
        for locale in ("en", "fr"):
            title, body = article.text(locale)
            rows.append(
                {
                    "article_id": article.id,
                    "locale": locale,
                    "title": title,
                    "tags": " ".join(article.tags),
                    "body": body,
                }
            )
    with immediate(db):  # waits for the write lock (each worker runs this on its first call)
        stored = {
            (r["article_id"], r["locale"]): r
            for r in db.query("select article_id, locale, title, tags, body from kb_articles")
        }
        changed = [r for r in rows if stored.get((r["article_id"], r["locale"])) != r]
        if changed:  # unchanged articles are not rewritten (nor re-indexed by the FTS triggers)
            db["kb_articles"].upsert_all(changed, pk=("article_id", "locale"))


def search(db: Database, query: str, locale: str, limit: int = 5) -> list[dict[str, str]]:
    """Articles matching any word of the query, best first (BM25), in one locale."""
    words = [w for w in _WORD.findall(query.lower()) if len(w) > 1][:12]
    if not words:
        return []
    match = " OR ".join(f'"{w}"*' for w in words)
    sql = """select a.article_id as id, a.title as title, snippet(kb_articles_fts, 2, '', '',
        ' … ', 24) as snippet
             from kb_articles_fts join kb_articles a on a.rowid = kb_articles_fts.rowid
             where kb_articles_fts match :match and a.locale = :locale
             order by bm25(kb_articles_fts, 5.0, 3.0, 1.0) limit :limit"""
    return list(db.query(sql, {"match": match, "locale": locale, "limit": limit}))


def get_article(db: Database, article_id: str, locale: str) -> dict[str, str] | None:
    """One article in one locale, or None."""
    rows = list(
        db.query(
            "select * from kb_articles where article_id = ? and locale = ?", [article_id, locale]
        )
    )
    return rows[0] if rows else None
