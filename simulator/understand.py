"""Understanding what a trainee types: text → intents, offline, in French and English.

Technique: each utterance is split into clauses. A clause is folded (case and accents removed) and
turned into TF-IDF features of character n-grams (robust to typos and inflections) and of words
(after fixing typos against the examples' vocabulary with rapidfuzz). A linear SVM trained on the
catalog's example phrases names the intent; the clause is understood only when the SVM's decision
clears a threshold *and* the clause is close enough (cosine similarity) to some example phrase, so
that small talk and nonsense are reported as not understood rather than guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from simulator.agent_typing import expand, gives_cause, pieces, split_elision
from simulator.catalog import Catalog
from simulator.cues import CUE_FORCE, circumstance, cue_bonuses
from simulator.features import Features
from simulator.folding import fold
from simulator.lazy_import import lazy
from simulator.moves import courtesy_moves

np = lazy("numpy")  # imported on first use: pages never need them (simulator/lazy_import.py)
sp = lazy("scipy.sparse")

DECISION_THRESHOLD = -0.3  # the SVM's decision value the best intent must reach
SIMILARITY_FLOOR = 0.25  # the clause must resemble at least one example this much
CHAR_WEIGHT = 0.55  # share of character n-grams in the similarity
SVM_C = 1.0
# Below the threshold, a clause is still understood when the SVM's best intent is also that of the
# example it most resembles, and it resembles it this much (two different readings agree).
AGREEMENT_THRESHOLD = -0.45
AGREEMENT_SIMILARITY = 0.45
IGNORED = ("small_talk",)  # recognised, but reported as not understood (off-topic chatter)
NAMING = ("introduce_self", "greet", "ask_caller_name")  # intents whose examples hold names
# Intents that only a statement can carry: "was it the cable?" asks, "it was the cable" explains.
STATEMENTS = ("explain_cause",)
CAUSE_CUE = 0.6  # added to their decision when a statement names a cause ("it was", « vient de »)
MAX_CLAUSES = 12
MOVE_SCORE = 0.5  # a courtesy move told by its words (simulator/moves.py) is a sure reading
SHORT_CLAUSE = 3  # a clause this short that is mostly unknown words is not understood
# a last word of thanks that signs off a line that said more ("…ticket's INC0047719. cheers")
_SIGN_OFF = re.compile(r"^(?:ok |so |right )?(?:cheers|cheers mate|cheers then)$")
# a colon before a number labels it ("ticket : 33710", "10:30"): the sentence goes on
_SENTENCE_SPLIT = re.compile(r"[.?!;\n]+|:+(?!\s*(?:inc\s*)?\d)|\s[—–-]\s|—|–", re.IGNORECASE)
# Abbreviations whose full stop does not end a sentence ("Verr. Maj", "etc.").
_ABBREVIATIONS = re.compile(
    r"\b(verr|etc|e\.g|i\.e|p\. ?ex|ex|env|tél|tel|réf|ref|no|dr|mr|mrs|ms|st|m)\.(?=\s)",
    re.IGNORECASE,
)
PART_CONFIDENCE = (
    0.5  # parts override the whole sentence when two of them are this sure of different intents
)
_COMMA_SPLIT = re.compile(r",|\s(?:and then|and|then|et puis|puis|et|ensuite)\s")
# "whats ur name n whats going on": "n" and "&" typed for "and" (English only: « n » is French's
# elided negation typed without its apostrophe)
_COMMA_SPLIT_EN = re.compile(r",|\s(?:and then|and|then|n|&)\s")


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

    def __init__(self, examples: list[tuple[str, str]], locale: str = ""):
        if not examples:
            raise ValueError("a matcher needs example phrases")
        from sklearn.feature_extraction.text import TfidfVectorizer  # slow imports: on first use
        from sklearn.svm import LinearSVC

        self.locale = locale
        self.labels = np.array([intent for intent, _ in examples])
        self.intent_ids = sorted(set(self.labels.tolist()))
        texts = [self._fold(text) for _, text in examples]
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self.word = TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
        )
        self.char_matrix = self.char.fit_transform(texts)
        self.word_matrix = self.word.fit_transform(texts)
        self.vocabulary = sorted({w for t in texts for w in t.split()})
        self._known = set(self.vocabulary)
        # everyday words: a self-introduction's name is none of them ("i m back" is no name)
        names = {w for _, t in examples for w in fold(t).split()} - {
            w for _, t in examples for w in fold(" ".join(re.findall(r"\b[a-zà-ÿ]\w*", t))).split()
        }
        self._common = frozenset(
            w
            for (i, t) in zip(self.labels, texts, strict=True)
            if i not in NAMING
            for w in t.split()
            if w not in names
        )
        self._columns = {i: np.flatnonzero(self.labels == i) for i in self.intent_ids}
        # clause × example products run 10x faster against the transposed matrices kept in CSR
        self._char_t = self.char_matrix.T.tocsr()
        self._word_t = self.word_matrix.T.tocsr()
        # seeded: every process (gunicorn workers, a restart) must train the same model, or
        # replaying
        # a call's log elsewhere could match a borderline clause differently than when it was played
        self.svm = LinearSVC(C=SVM_C, random_state=0)
        if len(self.intent_ids) > 1:
            self.svm.fit(sp.hstack([self.char_matrix, self.word_matrix]).tocsr(), self.labels)
            self._coef_t = np.ascontiguousarray(self.svm.coef_.T)
            self._statement_columns = np.flatnonzero(np.isin(self.svm.classes_, STATEMENTS))
        self._char_features, self._word_features = Features(self.char), Features(self.word)

    def _fold(self, text: str) -> str:
        """Folded, with agents' shorthand spelt out (« pb mdp » → « probleme mot de passe »)."""
        return expand(fold(text), self.locale)

    def _mostly_unknown(self, folded: str) -> bool:
        """Whether a short clause is mostly words no example has, even with a typo fixed
        ("asdfgh qwerty"); words with digits (a ticket number) do not count."""
        words = [w for w in folded.split() if not any(c.isdigit() for c in w)]
        if not words or len(words) > SHORT_CLAUSE:
            return False
        unknown = [w for w in self._fix_typos(" ".join(words)).split() if w not in self._known]
        return 2 * len(unknown) >= len(words)

    def _fix_typos(self, folded: str) -> str:
        words = []
        for word in folded.split():
            if word in self._known or len(word) < 4 or word.isdigit():
                words.append(word)
                continue
            if self.locale == "fr" and (split := split_elision(word, self._known)) != word:
                words.append(split)
                continue
            best = process.extractOne(
                word, self.vocabulary, scorer=Levenshtein.normalized_similarity, score_cutoff=0.75
            )
            words.append(best[0] if best else word)
        return " ".join(words)

    def _features(self, folded: list[str]):
        return (
            self._char_features.transform(folded),
            self._word_features.transform([self._fix_typos(f) for f in folded]),
        )

    def _similarity_matrix(self, char_vecs, word_vecs) -> np.ndarray:
        """(examples × clauses) blended cosine similarities."""
        char_sim = (char_vecs @ self._char_t).toarray().T
        word_sim = (word_vecs @ self._word_t).toarray().T
        return CHAR_WEIGHT * char_sim + (1 - CHAR_WEIGHT) * word_sim

    def scores(self, clause: str) -> dict[str, float]:
        """Every intent's similarity to one clause: its closest example's (0..1)."""
        folded = self._fold(clause)
        if not folded:
            return {}
        blended = self._similarity_matrix(*self._features([folded]))[:, 0]
        return {i: float(blended[cols].max()) for i, cols in self._columns.items()}

    def resemblance(self, clauses: list[str], intent: str) -> list[float]:
        """How close each clause comes to an intent's closest example (0..1), in one pass."""
        folded = [self._fold(c) for c in clauses]
        keep = [i for i, f in enumerate(folded) if f]
        result = [0.0] * len(clauses)
        cols = self._columns.get(intent)
        if not keep or cols is None:
            return result
        blended = self._similarity_matrix(*self._features([folded[i] for i in keep]))
        best = blended[cols].max(axis=0)
        for row, index in enumerate(keep):
            result[index] = float(best[row])
        return result

    def decision(self, clauses: list[str], intent: str) -> list[float]:
        """The SVM's decision for one intent on each clause (-inf when unknown or empty)."""
        folded = [self._fold(c) for c in clauses]
        classes = list(getattr(self.svm, "classes_", []))
        if intent not in classes or not any(folded):
            return [-math.inf] * len(clauses)
        values = sp.hstack(self._features(folded)).tocsr() @ self._coef_t[:, classes.index(intent)]
        bias = float(self.svm.intercept_[classes.index(intent)])
        return [float(v) + bias if f else -math.inf for v, f in zip(values, folded, strict=True)]

    def classify_many(
        self, clauses: list[str], questions: list[bool] | None = None
    ) -> list[tuple[Match | None, Match | None]]:
        """For each clause: (the accepted match or None, the best guess whatever its score).

        A clause flagged as a question is never taken for an intent only a statement carries.
        """
        folded = [self._fold(c) for c in clauses]
        questions = questions or [False] * len(clauses)
        keep = [i for i, f in enumerate(folded) if f]
        results: list[tuple[Match | None, Match | None]] = [(None, None)] * len(clauses)
        if not keep:
            return results
        char_vecs, word_vecs = self._features([folded[i] for i in keep])
        blended = self._similarity_matrix(char_vecs, word_vecs)
        similarity = blended.max(axis=0)
        nearest = self.labels[blended.argmax(axis=0)]
        if len(self.intent_ids) > 1:
            # the SVM's decision function (X·wᵀ + b) without its per-call input validation
            values = sp.hstack([char_vecs, word_vecs]).tocsr() @ self._coef_t + self.svm.intercept_
        for row, index in enumerate(keep):
            cued: set[str] = set()
            if len(self.intent_ids) == 1:
                best, decision = self.intent_ids[0], float(similarity[row])
            else:
                decisions = values[row].copy()
                if questions[index] and self._statement_columns.size:
                    decisions[self._statement_columns] = -np.inf
                elif gives_cause(folded[index]):
                    decisions[self._statement_columns] += CAUSE_CUE
                cued = self._cue(decisions, folded[index], questions[index])
                top = int(decisions.argmax())
                best, decision = str(self.svm.classes_[top]), float(decisions[top])
            guess = Match(best, round(decision, 3), clauses[index].strip())
            # two readings agree: the SVM's unsure best intent is also the nearest example's
            agreed = (
                decision >= AGREEMENT_THRESHOLD
                and nearest[row] == best
                and similarity[row] >= AGREEMENT_SIMILARITY
            )
            accepted = (
                (similarity[row] >= SIMILARITY_FLOOR or best in cued)
                and (decision >= DECISION_THRESHOLD or agreed)
                and not self._mostly_unknown(folded[index])
            )
            results[index] = (guess if accepted and best not in IGNORED else None), guess
        return results

    def _cue(self, decisions: np.ndarray, folded: str, question: bool) -> set[str]:
        """Add the cue words' bonuses to a clause's decisions; the intents a cue forces."""
        forced = set()
        classes = self.svm.classes_.tolist()
        for intent, bonus in cue_bonuses(folded, question, self._common).items():
            if intent in classes:
                column = classes.index(intent)
                decisions[column] += bonus
                if bonus >= CUE_FORCE:  # a sure reading, as sure as a part must be to count
                    decisions[column] = max(decisions[column], CUE_FORCE)
                    forced.add(intent)
        return forced

    def _courtesy(self, sentence: str, asks: bool, found: list[Match]) -> list[Match]:
        """The courtesy moves a sentence makes besides what was found in it ("sorry about that,
        is it only your machine?" apologises too)."""
        have = {m.intent for m in found}
        return [
            Match(intent, MOVE_SCORE, sentence.strip())
            for intent in courtesy_moves(self._fold(sentence), self._common, asks)
            if intent not in have and intent in self.intent_ids
        ]

    def classify(self, clause: str) -> tuple[Match | None, Match | None]:
        """(the accepted match or None, the best guess whatever its score)."""
        return self.classify_many([clause])[0]

    def understand(self, text: str) -> Understanding:
        """Split an utterance into clauses and recognise every intent in it."""
        text = _ABBREVIATIONS.sub(lambda m: m.group(1), text)
        ends = _SENTENCE_SPLIT.findall(text) + [""]
        asked = [
            (s, "?" in end)
            for s, end in zip(_SENTENCE_SPLIT.split(text), ends, strict=True)
            if s.strip()
        ]
        asked = [(piece, q) for s, q in asked for piece in pieces(s)][:MAX_CLAUSES]
        sentences = [s for s, _ in asked]
        split = _COMMA_SPLIT_EN if self.locale[:2] == "en" else _COMMA_SPLIT
        parts = [
            _topics_joined([p for p in split.split(s) if len(fold(p)) > 1][:MAX_CLAUSES])
            for s in sentences
        ]
        parts = [p if len(p) > 1 else [] for p in parts]
        flat = sentences + [p for group in parts for p in group]
        questions = [q for _, q in asked] + [
            q for (_, q), group in zip(asked, parts, strict=True) for _ in group
        ]
        results = self.classify_many(flat, questions)
        sentence_results, part_results = results[: len(sentences)], iter(results[len(sentences) :])
        matches: list[Match] = []
        guesses = [g for _, g in results[: len(sentences)] if g]
        for at, ((found, _), group, (sentence, asks)) in enumerate(
            zip(sentence_results, parts, asked, strict=True)
        ):
            found_parts = [m for m, _ in (next(part_results) for _ in group)]
            part_matches = [m for m in found_parts if m]
            confident = [m for m in part_matches if m.score >= PART_CONFIDENCE]
            before = len(matches)
            if part_matches and not found:
                matches += part_matches
            elif len({m.intent for m in confident}) > 1:
                matches += [m for m in part_matches if m in confident or m.intent == found.intent]
            elif found:
                matches.append(found)
            # "bonjour, support, julien, c'est à quel nom ?": the question mark is the last part's
            last = found_parts[-1] if asks and found_parts else None
            if last and last.intent not in {m.intent for m in matches[before:]}:
                matches.append(last)
            matches += self._courtesy(sentence, asks, matches[before:])
            if at and at == len(asked) - 1 and _SIGN_OFF.match(fold(sentence)):
                # "ticket's INC0047719. cheers": after what closed the call, "cheers" signs off
                matches.append(Match("goodbye", MOVE_SCORE, sentence.strip()))
        # one match per intent, at its first place, carried by its surest clause: "The phone
        # keeps your old password. Please update it" asks in the second sentence
        surest: dict[str, Match] = {}
        for match in matches:
            if match.intent not in surest or match.score > surest[match.intent].score:
                surest[match.intent] = match
        unique = [surest[i] for i in dict.fromkeys(m.intent for m in matches)]
        best_guess = max(guesses, key=lambda m: m.score) if guesses else None
        return Understanding(tuple(unique), best_guess)


# « Votre imprimante, elle est allumée ? », "the printer, is it on?": a short topic set before a
# part that takes it up again with a pronoun belongs to that part.
_TAKEN_UP = re.compile(r"^(?:elle|il|ils|elles|ca|cela|it|they|is it|does it|was it|are they)\b")
TOPIC_WORDS = 3


CIRCUMSTANCE_WORDS = 6


def _topics_joined(parts: list[str]) -> list[str]:
    """The comma parts of a sentence, a dislocated topic joined to the part that takes it up, and
    a short circumstance set before the first part joined to it."""
    joined: list[str] = []
    for part in parts:
        if joined and _leads_into(joined, part):
            joined[-1] = f"{joined[-1]},{part}"
        else:
            joined.append(part)
    return joined


def _leads_into(joined: list[str], part: str) -> bool:
    """Whether the last part so far is a topic `part` takes up, or a circumstance opening the
    sentence (« depuis le pc d'un collègue, allez sur le portail »)."""
    before = fold(joined[-1]).split()
    topic = len(before) <= TOPIC_WORDS and bool(_TAKEN_UP.match(fold(part)))
    opening = len(joined) == 1 and len(before) <= CIRCUMSTANCE_WORDS
    return topic or (opening and circumstance(" ".join(before)))


def catalog_examples(catalog: Catalog, locale: str) -> list[tuple[str, str]]:
    """(intent, phrase) pairs of the catalog in one locale."""
    return [(i, text) for i in catalog.intents for text in catalog.examples(i, locale)]


@lru_cache(maxsize=64)
def _cached_matcher(key: tuple, locale: str) -> Matcher:
    return Matcher(list(key), locale)


def matcher_for(catalog: Catalog, locale: str, extra: tuple[tuple[str, str], ...] = ()) -> Matcher:
    """A matcher for a catalog (plus a scenario's extra examples), built once and cached."""
    return _cached_matcher(tuple(catalog_examples(catalog, locale)) + tuple(extra), locale)
