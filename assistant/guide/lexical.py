"""The words of a text as BM25 and the offline engines see them: accent-folded, stop-word-free, stemmed (FR + EN)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from ..text import LIGATURES

_SPELLED_LIGATURES = str.maketrans(LIGATURES)


def search_fold(text: str) -> str:
    """Lowercase and strip accents ("Débutant" → "debutant"), so BM25 matches with or without them."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_SPELLED_LIGATURES)


_STOPWORDS = set(
    search_fold(
        """a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme
        mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre
        vous y est sont ete etre avoir a ont fait faire plus comme si tout tous toute toutes d l j s c n m t qu quel quelle
        quels quelles comment pourquoi quoi dont lorsque ainsi aussi cela ceci
        the a an and or of to in on for with is are was were be been being do does did what which who whom how why when
        where this that these those it its as at by from into about can could should would will shall may might i you he
        she we they me my your our their there than then so if not no"""
    ).split()
)


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Any, Any]:
    import Stemmer  # PyStemmer: Snowball stemmers

    return Stemmer.Stemmer("french"), Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Accent-folded, stop-word-free tokens, stemmed in French and (where it differs) English."""
    fr, en = _stemmers()
    words = [w for w in re.findall(r"\w+", search_fold(text)) if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]
    tokens: list[str] = []
    for _word, fr_stem, en_stem in zip(words, fr.stemWords(words), en.stemWords(words), strict=False):
        tokens.append(fr_stem)
        if en_stem != fr_stem:
            tokens.append(en_stem)
    return tokens
