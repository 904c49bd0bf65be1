"""Knowledge-base articles: short internal-wiki procedures in both locales."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from simulator.scenario import Model, Text
from simulator.yamlsource import SourceError, format_path, read

KB_DIR = Path(__file__).resolve().parent.parent / "scenarios" / "kb"


class Article(Model):
    """One article: id (the file name), title, keywords and the procedure itself."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Text
    tags: list[str] = Field(default_factory=list)
    body: Text

    def text(self, locale: str) -> tuple[str, str]:
        """(title, body) in `locale`."""
        return self.title.get(locale), self.body.get(locale)


class KnowledgeBaseError(Exception):
    """An article file is malformed."""


def load_articles(directory: Path = KB_DIR) -> dict[str, Article]:
    """Every article under `directory`, by id; raise KnowledgeBaseError naming path and line."""
    articles: dict[str, Article] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            source = read(path)
            article = Article.model_validate(source.data)
        except SourceError as exc:
            problems.append(f"{path}:{exc.line or 1} {exc.message}")
            continue
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                problems.append(f"{path}:{source.line_of(loc)} {format_path(loc)}: {err['msg']}")
            continue
        if article.id != path.stem:
            problems.append(f"{path}:1 id: '{article.id}' must match the file name '{path.stem}'")
        articles[article.id] = article
    if problems:
        raise KnowledgeBaseError("\n".join(problems))
    return articles
