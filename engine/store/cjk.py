"""Full-text search that works for Chinese, Japanese and Korean as well as for English.

SQLite's FTS5 tokenizers fail on CJK text in two ways (measured on SQLite 3.40):
``unicode61`` treats a whole run of Han characters as one token, so ``品牌`` never
matches ``品牌調性``; ``trigram`` cannot match terms shorter than three characters,
and most Chinese words are two. So Airlock indexes a derived text: every CJK run is
written as its overlapping bigrams followed by its last character
(``品牌調性`` -> ``品牌 牌調 調性 性``), and queries are rewritten the same way. A
two-character word is then one token, a longer word is a phrase of consecutive bigrams,
and a single character is a prefix query (``品*``): every character of a run either
starts one of its bigrams or is its last character. (Until migration
``m_speed_001_lean_search`` every single character of a run was indexed as well, which
made the index a third larger for nothing.) Latin text passes through unchanged for
``unicode61``.

Both sides are NFKC-normalised so full-width letters and digits (ＡＩ, ２０２６) match
their ASCII forms.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable

# Han (incl. extension A and compatibility), kana, Hangul, and CJK symbols that are
# letters rather than punctuation.
_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0002ebef"  # extensions B-F
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_TERM = re.compile(rf"[{_CJK}]+|[^\s{_CJK}\"*^():]+")


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _expand(match: re.Match[str]) -> str:
    run = match.group(0)
    if len(run) == 1:
        return f" {run} "
    return " " + " ".join(_bigrams(run)) + f" {run[-1]} "


def index_text(*parts: str | None) -> str:
    """The text to put in the FTS index for a record made of ``parts``.

    Deterministic on purpose: the history's contentless index deletes a row by indexing
    its text again (see migration ``m_speed_001_lean_search``), so the same input must
    always give the same tokens. A change here needs a migration that rebuilds it.
    """
    text = unicodedata.normalize("NFKC", "\n".join(p for p in parts if p))
    return _CJK_RUN.sub(_expand, text)


_WORD = re.compile(r"[^\W_]+")
EXPAND_FROM = 4
"""Latin prefixes this long or longer may be rewritten as the words they begin (see
:func:`fts_query`); shorter ones have FTS5 prefix indexes (``prefix='1 2 3'``)."""
EXPAND_AT_MOST = 24


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(word: str) -> str:
    """A word as ``unicode61 remove_diacritics 2`` stores it: lower case, no accents."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", word)).lower()


def latin_words(*parts: str | None) -> list[str]:
    """The distinct non-CJK words of at least :data:`EXPAND_FROM` characters in ``parts``,
    folded as the index stores them: the vocabulary :func:`fts_query` expands prefixes to."""
    text = _CJK_RUN.sub(" ", unicodedata.normalize("NFKC", "\n".join(p for p in parts if p)))
    return list(dict.fromkeys(f for w in _WORD.findall(text) if len(f := fold(w)) >= EXPAND_FROM))


def fts_query(query: str, expand: Callable[[str], list[str] | None] | None = None) -> str | None:
    """Turn what a person typed into a safe FTS5 MATCH expression (all terms required).

    Each CJK run becomes a quoted phrase of its bigrams (a single character, a prefix
    term); each other word becomes a quoted prefix term. Quoting means FTS syntax characters
    in the input can never cause a syntax error. Returns None when nothing searchable is left.

    ``expand(prefix)`` may give every indexed word that starts with a (folded) prefix of
    :data:`EXPAND_FROM` or more characters, or None when it cannot: such a prefix then
    becomes ``("word1" OR "word2" ...)``. FTS5 merges a prefix query's whole doclists before
    returning a row (SQLite 3.40), which for a word in most rows ("Airlock", "brand") cost
    50-100 ms at 100,000 generations; an OR of exact words is read lazily, newest first.
    """
    text = unicodedata.normalize("NFKC", query)
    terms: list[str] = []
    for match in _TERM.finditer(text):
        term = match.group(0)
        if _CJK_RUN.fullmatch(term):
            terms.append(f'"{term}"*' if len(term) == 1 else '"' + " ".join(_bigrams(term)) + '"')
        else:
            cleaned = term.replace('"', "")
            if not any(ch.isalnum() for ch in cleaned):
                continue
            words = None
            if expand is not None and len(cleaned) >= EXPAND_FROM and _WORD.fullmatch(cleaned):
                words = expand(fold(cleaned))
            if words and len(words) <= EXPAND_AT_MOST:
                terms.append("(" + " OR ".join(f'"{w}"' for w in words) + ")")
            else:
                terms.append(f'"{cleaned}"*')
    return " AND ".join(terms) if terms else None


def query_terms(query: str) -> list[str]:
    """What :func:`fts_query` searches for, folded as the index folds: each CJK run (a
    substring) and each other word (a word prefix)."""
    text = unicodedata.normalize("NFKC", query)
    terms = []
    for match in _TERM.finditer(text):
        term = match.group(0).replace('"', "")
        if _CJK_RUN.fullmatch(term) or any(ch.isalnum() for ch in term):
            terms.append(fold(term))
    return terms


def rank_scores(terms: list[str], texts: list[str], *, k1: float = 1.2, b: float = 0.75) -> list[float]:
    """BM25-style scores (higher is better) of ``texts`` that all contain every term: how
    often each term occurs (a CJK run anywhere, another word at the start of a word), for
    the text's length against the others'. Computed here because SQLite's bm25() reads every
    candidate's position lists, 20-200 ms for a window of 100 rows on a busy machine."""
    terms = [t for t in terms if t]
    # Lower case only: normalising 100 texts (NFKC/NFKD) cost more than the query itself;
    # a word written with accents or in full width still matched, it just counts for less.
    folded = [t.lower() for t in texts]
    average = sum(map(len, folded)) / len(folded) if folded else 1.0
    scores = []
    for text in folded:
        norm = k1 * (1 - b + b * len(text) / (average or 1.0))
        score = 0.0
        for term in terms:
            tf = _occurrences(text, term, anywhere=bool(_CJK_RUN.fullmatch(term)))
            score += tf * (k1 + 1) / (tf + norm) if tf else 0.0
        scores.append(score)
    return scores


def _occurrences(text: str, term: str, *, anywhere: bool) -> int:
    """How often ``term`` occurs in ``text``: anywhere, or only at the start of a word."""
    count, start = 0, text.find(term)
    while start >= 0:
        if anywhere or start == 0 or not text[start - 1].isalnum():
            count += 1
        start = text.find(term, start + len(term))
    return count


SQL_FUNCTION = "airlock_search_text"
"""The SQL name of :func:`index_text` for two parts (prompt, output): the history's search
triggers call it, so every connection that writes generations registers it
(:func:`register_sql_function`, done by ``engine.store.db.open_db``)."""


WORDS_FUNCTION = "airlock_search_words"
"""The SQL name of :func:`latin_words` for (prompt, output), as a JSON array."""


def register_sql_function(conn: object) -> None:
    """Make :data:`SQL_FUNCTION` and :data:`WORDS_FUNCTION` callable on a sqlite3 (or
    sqlcipher3) connection."""
    conn.create_function(SQL_FUNCTION, 2, lambda prompt, output: index_text(prompt, output),  # type: ignore[attr-defined]
                         deterministic=True)
    conn.create_function(WORDS_FUNCTION, 2,  # type: ignore[attr-defined]
                         lambda prompt, output: json.dumps(latin_words(prompt, output), ensure_ascii=False),
                         deterministic=True)
