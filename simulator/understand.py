"""Understanding what a trainee types: text → intents, offline, in French and English.

Technique: each utterance is split into clauses; each clause is compared with every example phrase
of every intent by two TF-IDF cosine similarities — character n-grams (robust to typos and
inflections) and words (after fixing typos against the examples' vocabulary with rapidfuzz) —
both on accent- and case-folded text. An intent's score is its best example's blended score. A
clause is understood when the best score clears a threshold *and* beats the next intent by a margin;
otherwise it is reported as not understood rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sklearn.feature_extraction.text import TfidfVectorizer
from unidecode import unidecode

from simulator.catalog import Catalog

THRESHOLD = 0.40
MARGIN = 0.03
CHAR_WEIGHT = 0.55
MAX_CLAUSES = 12
_SENTENCE_SPLIT = re.compile(r"[.?!;:\n]+|\s[—–-]\s|—|–")
_COMMA_SPLIT = re.compile(r",|\s(?:and then|and|then|et puis|puis|et|ensuite)\s")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: the form every comparison uses."""
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()


@dataclass(frozen=True)
class Match:
    """One recognised intent in a clause of the utterance."""

    intent: str
    score: float
    clause: str


@dataclass(frozen=True)
class Understanding:
    """What the matcher made of one utterance."""

    matches: tuple[Match, ...]
    best_guess: Match | None

    @property
    def intents(self) -> list[str]:
        """The recognised intent ids, in the order they were said."""
        return [m.intent for m in self.matches]

    @property
    def understood(self) -> bool:
        """Whether anything was recognised."""
        return bool(self.matches)


class Matcher:
    """A nearest-example matcher over one locale's example phrases."""

    def __init__(self, examples: list[tuple[str, str]]):
        if not examples:
            raise ValueError("a matcher needs example phrases")
        self.labels = np.array([intent for intent, _ in examples])
        self.intent_ids = sorted(set(self.labels.tolist()))
        texts = [fold(text) for _, text in examples]
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                    token_pattern=r"(?u)\b\w+\b")
        self.char_matrix = self.char.fit_transform(texts)
        self.word_matrix = self.word.fit_transform(texts)
        self.vocabulary = sorted({w for t in texts for w in t.split()})
        self._known = set(self.vocabulary)
        self._columns = {i: np.flatnonzero(self.labels == i) for i in self.intent_ids}

    def _fix_typos(self, folded: str) -> str:
        words = []
        for word in folded.split():
            if word in self._known or len(word) < 4 or word.isdigit():
                words.append(word)
                continue
            best = process.extractOne(word, self.vocabulary, scorer=Levenshtein.normalized_similarity,
                                      score_cutoff=0.75)
            words.append(best[0] if best else word)
        return " ".join(words)

    def scores(self, clause: str) -> dict[str, float]:
        """Every intent's score for one clause (0..1)."""
        folded = fold(clause)
        if not folded:
            return {}
        char_sim = (self.char_matrix @ self.char.transform([folded]).T).toarray().ravel()
        word_sim = (self.word_matrix @ self.word.transform([self._fix_typos(folded)]).T).toarray().ravel()
        blended = CHAR_WEIGHT * char_sim + (1 - CHAR_WEIGHT) * word_sim
        return {i: float(blended[cols].max()) for i, cols in self._columns.items()}

    def classify(self, clause: str) -> tuple[Match | None, Match | None]:
        """(the accepted match or None, the best guess whatever its score)."""
        ranked = sorted(self.scores(clause).items(), key=lambda kv: kv[1], reverse=True)
        if not ranked:
            return None, None
        (best, top), second = ranked[0], ranked[1][1] if len(ranked) > 1 else 0.0
        guess = Match(best, round(top, 3), clause.strip())
        accepted = top >= THRESHOLD and top - second >= MARGIN
        return (guess if accepted else None), guess

    def understand(self, text: str) -> Understanding:
        """Split an utterance into clauses and recognise every intent in it."""
        matches: list[Match] = []
        guesses: list[Match] = []
        for sentence in [s for s in _SENTENCE_SPLIT.split(text) if s.strip()][:MAX_CLAUSES]:
            found, guess = self.classify(sentence)
            if guess:
                guesses.append(guess)
            parts = [p for p in _COMMA_SPLIT.split(sentence) if len(fold(p)) > 1]
            if len(parts) > 1:
                part_matches = [m for m in (self.classify(p)[0] for p in parts[:MAX_CLAUSES]) if m]
                if part_matches and (not found or len({m.intent for m in part_matches}) > 1):
                    matches += part_matches
                    continue
            if found:
                matches.append(found)
        unique: list[Match] = []
        for match in matches:
            if match.intent not in {m.intent for m in unique}:
                unique.append(match)
        best_guess = max(guesses, key=lambda m: m.score) if guesses else None
        return Understanding(tuple(unique), best_guess)


def catalog_examples(catalog: Catalog, locale: str) -> list[tuple[str, str]]:
    """(intent, phrase) pairs of the catalog in one locale."""
    return [(i, text) for i in catalog.intents for text in catalog.examples(i, locale)]


@lru_cache(maxsize=64)
def _cached_matcher(key: tuple) -> Matcher:
    return Matcher(list(key))


def matcher_for(catalog: Catalog, locale: str, extra: tuple[tuple[str, str], ...] = ()) -> Matcher:
    """A matcher for a catalog (plus a scenario's extra examples), built once and cached."""
    return _cached_matcher(tuple(catalog_examples(catalog, locale)) + tuple(extra))
