"""Text helpers every job shares: one fold, one comparison key, one language detector, one sentence splitter,
one figure finder. Each name has one meaning across the package."""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Literal

from .errors import InputError

Language = Literal["fr", "en"]

# --------------------------------------------------------------------------- folding

# Latin lookalikes from Cyrillic and Greek (lowercase and capitals), enough for the usual tricks.
_HOMOGLYPHS = dict(
    zip(
        "аеорсухіјѕԁɡһԛԝѵӏкмтнвАВЕКМНОРСТХУІЈЅαορνικτυεΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdghqwvlkmthbABEKMHOPCTXYIJSaopviktueABEZHIKMNOPTYX",
        strict=True,
    )
)
_APOSTROPHES = "’‘ʼ´`‛′ʹ＇"
_DASHES = "‐‑‒–—―−﹣－"
_LOWER_TABLE: dict[int, str] = {}
_FOLD_TABLE: dict[int, str] = {}
_SEEN: set[str] = set()
_TABLE_LOCK = threading.Lock()


def _fold_char(ch: str) -> tuple[str, str]:
    """(lowercase with accents, lowercase without accents) for one character, each one character long."""
    c = _HOMOGLYPHS.get(ch, ch)
    k = unicodedata.normalize("NFKC", c)
    if len(k) == 1:
        c = k
    low = c.lower()
    if len(low) == 1:
        c = low
    if c in _APOSTROPHES:
        c = "'"
    elif c in _DASHES:
        c = "-"
    elif c != "\n" and unicodedata.category(c) == "Zs":
        c = " "
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
    return c, (base if len(base) == 1 else c)


def fold_pair(text: str) -> tuple[str, str]:
    """(lowercase with accents kept, `fold(text)`), both the same length as `text`."""
    new = set(text) - _SEEN
    if new:
        with _TABLE_LOCK:  # the UI serves several requests at once; the tables only grow
            for ch in new:
                low, folded = _fold_char(ch)
                if low != ch:
                    _LOWER_TABLE[ord(ch)] = low
                if folded != ch:
                    _FOLD_TABLE[ord(ch)] = folded
                _SEEN.add(ch)
    return text.translate(_LOWER_TABLE), text.translate(_FOLD_TABLE)


_OCR_ONE = re.compile(r"(?<=[^\W\d_])1{1,2}(?=[^\W\d_])")


def ocr_letters(text: str) -> str:
    """`text` with the « 1 » OCR reads for an « l » between letters put back (« c1ients », « e11e »); the same
    length, so offsets stay valid."""
    if "1" not in text:
        return text

    def letters(m: re.Match[str]) -> str:
        # A word joined to other digits is a code, not OCR (« Ma1e-200 », "X1a9"): left as written.
        # at most 20 characters each way (review: scanning whole tokens was quadratic on « a1a1a1… »)
        start, end = m.start(), m.end()
        while start > max(0, m.start() - 20) and (text[start - 1].isalnum() or text[start - 1] in "-/_"):
            start -= 1
        while end < min(len(text), m.end() + 20) and (text[end].isalnum() or text[end] in "-/_"):
            end += 1
        word = text[start : m.start()] + text[m.end() : end]
        return m.group() if any(ch.isdigit() for ch in word) else "l" * len(m.group())

    return _OCR_ONE.sub(letters, text)


LIGATURES = {"œ": "oe", "æ": "ae"}
"""The ligatures `fold` leaves whole (it keeps one character for one), spelled out where words are compared
(BM25's search_fold; the stem lists of qa/shorthand.py): « œnologue » is « oenologue »."""


def fold(text: str) -> str:
    """Lowercase, strip accents, map homoglyphs/apostrophes/dashes/spaces; same length as `text`, so offsets
    found in the folded text are offsets in the original."""
    return fold_pair(text)[1]


def fold_plain(text: str) -> str:
    """`fold(text)` with markdown bold marks dropped and whitespace runs made one space: how a dataset's or an
    example's verbatim words are matched against a passage."""
    return " ".join(fold(text).replace("**", "").split())


def plain_words(words: str) -> re.Pattern[str]:
    """`fold_plain(words)` as whole words, to search in a `fold_plain` text: « CES » finds the glossary entry, not
    « nécessitant » (an eval case's or an example's `contains` against a passage)."""
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold_plain(words)) + r"(?![a-z0-9])")


def fold_key(text: str) -> str:
    """A loose comparison key for synonyms: "Débutant(e)", "débutantes", "DEBUTANT" → "debutant"."""
    value = re.sub(r"\(e\)|[·.]e\b", "", fold(text))
    words = re.sub(r"[^a-z0-9%]+", " ", value).split()
    return " ".join(re.sub(r"e+$", "", re.sub(r"s$", "", w)) if len(w) > 4 else w for w in words)


# --------------------------------------------------------------------------- language

# Common words of each language, as fold() writes them. Words both languages use ("a", "on", "as") are left out.
_FR_WORDS = frozenset(
    """le la les des du de un une et est pour dans avec vous nous sur au aux ce cette qui que en son sa ses votre vos
    notre nos ou pas plus etre sont chez d l qu afin ainsi leur leurs tout toute tous toutes poste mission tres il
    elle ne mais bien bonne bon ont sans aucun aucune peu trop plutot quel quelle quels quelles comment pourquoi faut
    combien quoi""".split()
)
_EN_WORDS = frozenset(
    """the and of to in for with you we our your is are an at be this that will from by have has it its who what
    role team join their about can into very he she his her not but good was they no never could would well weak
    strong which how why do does should my""".split()
)
_WORD = re.compile(r"[a-z]+")
_ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœ]")


def detect_language(text: str) -> Language:
    """'fr' or 'en' from common-word counts; a word with a French accent counts for French; ties go to French
    (the guide's language)."""
    if not isinstance(text, str):
        raise InputError(f"detect_language() needs a string, not {type(text).__name__}.")
    fr, en = language_votes(text[:50_000])
    return "en" if en > fr else "fr"


def language_votes(text: str) -> tuple[int, int]:
    """(French, English) evidence in `text`: common words of each language, and French accents for French."""
    lower, folded = fold_pair(text)
    words = _WORD.findall(folded)
    fr = sum(w in _FR_WORDS for w in words) + len(_ACCENTED.findall(lower))
    en = sum(w in _EN_WORDS for w in words)
    return fr, en


# Common words of languages the engines do not read (folded; those French or English also use count for none, see
# _AMBIGUOUS). Notes or a question in one of them get a notice: cue words and the guide are French and English only.
_OTHER_WORDS = {
    "Spanish": frozenset(
        """el los las del y es por con una muy pero como su sus mas esta este ha hay para al lo yo mi cuando donde
        porque tiene tenia fue sobre clientes cliente cuentas ventas cuanto cuanta cuantos cuantas cual cuales gana
        ganar salario sueldo puesto pregunta preguntas hacer entrevista debo puedo deberia candidato francia espana""".split()
    ),
    "Italian": frozenset(
        """il gli della delle dei degli e che non per con una sono ha anche molto ma come alla al nel nella questo
        questa lei lui ho sempre clienti cliente vendite quanto quanti quale quali guadagna stipendio domanda domande
        colloquio devo posso candidato francia puoi""".split()
    ),
    "German": frozenset(
        """der die das und ist nicht mit ein eine sie er zu den dem auf auch sehr aber wie war hat fur ich wir
        kunden kunde vertrieb wieviel viel verdient verdienen gehalt welche welcher welches soll sollte kann konnen
        muss mussen vom zum zur bei nach oder wird werden haben sind frage fragen vorstellungsgesprach bewerber
        bewerberin stelle frankreich warum wann einen einem einer mehr""".split()
    ),
    "Portuguese": frozenset(
        """o os da das do dos e nao com uma muito mas como ela ele seu sua foi tem para ao na no isso esta voce
        clientes cliente vendas quanto quais qual ganha salario pergunta perguntas fazer entrevista devo posso vaga
        candidato franca""".split()
    ),
}
# A question is short: at most SHORT_TEXT_WORDS words need only 2 of a language's common words (« ¿Cuánto gana un
# account manager? »), a longer one 3, and a text of 40 words or more MIN_OTHER_LANGUAGE_WORDS.
SHORT_TEXT_WORDS = 12
MIN_OTHER_LANGUAGE_WORDS = 8
_SHARED_WITH_FRENCH = frozenset("de en la que un une le les des se si son sa ses tres".split())  # Spanish, Italian…
# Words of those lists that French or English also use ("il", "non", "ma", "lui" in French; "do", "no", "war" in
# English; « il y a », « mi-temps », « la com », « DA », « para-commercial »): they count for no language.
_AMBIGUOUS = frozenset(
    """il non ma lui cliente clientes clients client e o a do no die war hat den er mit so an in on es est per con
    come al y mi com da para""".split()
)
_FRENCH_ONLY_ACCENTS = re.compile(r"[àâçèêëîïôûùœ]")
_SPANISH_MARKS = re.compile(r"[¿¡]")


def other_language(text: str) -> str | None:
    """The language the text is written in when it is neither French nor English ("Spanish", "Italian", "German",
    "Portuguese"), else None: that language's common words number at least 2 in a text of 12 words or fewer, 3 in a
    longer one, 8 in a text of 40 words or more, and
    more than 1.5 times the French and the English ones (French-only accents count for French). A text whose letters
    are mostly of another script ("客户经理的薪水是多少？") is in that script's language (stop 48's review of ask: it got
    "not covered" and no word on the language)."""
    script = _other_script(text[:50_000])
    if script:
        return script
    words = _WORD.findall(fold(text[:50_000]))
    fr = sum(w in _FR_WORDS and w not in _SHARED_WITH_FRENCH for w in words)
    fr += len(_FRENCH_ONLY_ACCENTS.findall(text[:50_000].lower()))
    en = sum(w in _EN_WORDS for w in words)
    counts = {
        name: sum(w in vocabulary and w not in _AMBIGUOUS for w in words) for name, vocabulary in _OTHER_WORDS.items()
    }
    counts["Spanish"] += 2 * len(_SPANISH_MARKS.findall(text[:50_000]))  # « ¿ », « ¡ » are Spanish alone
    name, best = max(counts.items(), key=lambda item: item[1])
    needed = MIN_OTHER_LANGUAGE_WORDS if len(words) >= 40 else 3 if len(words) > SHORT_TEXT_WORDS else 2
    return name if best >= needed and best > 1.5 * max(fr, en) else None


_SCRIPTS = (
    ("CJK", "Chinese"),
    ("HIRAGANA", "Japanese"),
    ("KATAKANA", "Japanese"),
    ("HANGUL", "Korean"),
    ("ARABIC", "Arabic"),
    ("HEBREW", "Hebrew"),
    ("CYRILLIC", "Russian"),
    ("GREEK", "Greek"),
    ("DEVANAGARI", "Hindi"),
    ("THAI", "Thai"),
)


def _other_script(text: str) -> str | None:
    """The language of the script most of the text's letters are written in, when it is not the Latin one."""
    counts: dict[str, int] = {}
    latin = 0
    for char in text:
        if not char.isalpha():
            continue
        name = "LATIN" if char.isascii() else unicodedata.name(char, "")
        if "LATIN" in name:
            latin += 1
            continue
        language = next((lang for prefix, lang in _SCRIPTS if name.startswith(prefix)), None)
        if language:
            counts[language] = counts.get(language, 0) + 1
    if not counts:
        return None
    language, count = max(counts.items(), key=lambda item: item[1])
    return language if count >= 2 and count > latin else None


# --------------------------------------------------------------------------- sentences and figures


def sentences(text: str) -> list[str]:
    """Sentences of a passage; each list item counts as one; a line without end punctuation stays whole."""
    parts: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            parts.append(line[2:].strip())
            continue
        parts.extend(s.strip() for s in re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Ý«“])", line) if s.strip())
    return parts


_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,]*\d)?")


def figures(text: str) -> set[str]:
    """The numbers of a text as digit strings, separators removed ("2 920 €" and "2920€" both give "2920")."""
    return {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text)}


CUT_MARGIN = 0.9
"""A string at least this share of its schema maxLength, with no closing punctuation, was cut by the grammar."""

_SENTENCE_END = re.compile(r"[.!?…](?:[»”\")]*)(?=\s)")


def whole_sentences(text: str, limit: int) -> str:
    """`text` when it is whole; when a model's string was cut at its maxLength ("… pourrait être t"), the text up
    to its last complete sentence (the whole string when it has none: a bullet is often one phrase)."""
    if len(text) < CUT_MARGIN * limit or re.search(r"[.!?…:;»”\")]\s*$", text):
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[: ends[-1]].strip() if ends else text


LOOP_SPAN = 6
"""Words in the span looping() counts."""
LOOP_REPEATS = 4
"""A span of LOOP_SPAN words written this many times is a loop, not prose: parallel sentences ("Pour un junior, le
salaire est compris entre …" three times) change a word (the level, the figure) within each span of six."""


def looping(text: str) -> bool:
    """Whether a model's text repeats itself: the same LOOP_SPAN words (folded) LOOP_REPEATS times or more. A small
    model that loops writes one sentence, or one phrase, until its output limit or the schema's maxLength."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    counts: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - LOOP_SPAN + 1):
        span = tuple(words[i : i + LOOP_SPAN])
        counts[span] = counts.get(span, 0) + 1
        if counts[span] >= LOOP_REPEATS:
            return True
    return False
