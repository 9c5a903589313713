"""Hostile review of PII redaction: the table in data/pii.yaml (written from the law and from how people write),
recall first: anything shaped like a NIR, IBAN, phone or e-mail is hidden whatever its checksum or separators."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.rules.pii import PLACEHOLDER_KINDS, find_pii, iban_is_valid, nir_is_valid, redact

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "data" / "pii.yaml").read_text(encoding="utf-8"))
POSITIVE = [c for c in CASES if c["pii"]]
NEGATIVE = [c for c in CASES if not c["pii"]]
PLACEHOLDER_KIND = {"nir": "NIR", "iban": "IBAN", "phone": "PHONE", "email": "EMAIL", "address": "ADDRESS"}


def _digit_runs(value: str) -> list[str]:
    return re.findall(r"\d{4,}", value)


def test_table_is_consistent():
    assert len(POSITIVE) >= 40 and len(NEGATIVE) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in POSITIVE:
        for value in case["pii"]:
            assert value in case["text"], case["id"]


@pytest.mark.parametrize("case", POSITIVE, ids=[c["id"] for c in POSITIVE])
def test_pii_is_redacted_and_flagged(case):
    text = case["text"]
    red = redact(text)
    for value in case["pii"]:
        assert value not in red.text, f"{case['id']}: {value!r} reaches the LLM in {red.text!r}"
        for run in _digit_runs(value):
            assert run not in red.text, f"{case['id']}: digits {run!r} of {value!r} left in {red.text!r}"
        # the value is hidden under a placeholder of its own kind, and comes back intact
        kind = PLACEHOLDER_KIND[case["kind"]]
        assert any(p.startswith(f"[{kind}_") and value in v for p, v in red.mapping.items()), (case["id"], red.mapping)
    assert red.restore(red.text) == text

    flags = find_pii(text)
    for f in flags:
        assert f.kind == "pii" and f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.evidence
    for value in case["pii"]:
        start = text.index(value)
        end = start + len(value)
        assert any(f.start <= start and end <= f.end for f in flags), f"{case['id']}: {value!r} not flagged: {flags}"  # type: ignore[operator]


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["id"] for c in NEGATIVE])
def test_no_false_redaction(case):
    text = case["text"]
    red = redact(text)
    assert red.text == text, f"{case['id']} ({case['why']}): {red.text!r}"
    assert red.mapping == {}
    assert find_pii(text) == []


CHECKSUMMED = [c for c in POSITIVE if "valid_checksum" in c]


# ISO 13616 registry lengths of the countries in the table. The table's valid_checksum is mod 97 only; the code
# also requires the country's length, so DE36 7306 1234 0005 3201 3000 (24 characters, mod 97 = 1) is no valid
# German IBAN (22): it is redacted as one that "looks like" an IBAN.
_IBAN_LENGTHS = {"FR": 27, "DE": 22, "BE": 16, "GB": 22}


def _table_checksum(case: dict[str, Any]) -> bool:
    """The table's own definition of valid_checksum, computed independently of the code under test."""
    raw = re.sub(r"[^0-9A-Za-z]", "", case["pii"][0]).upper()
    if case["kind"] == "iban":
        return int("".join(str(int(c, 36)) for c in raw[4:] + raw[:4])) % 97 == 1
    body = raw[:5] + {"2A": "19", "2B": "18"}.get(raw[5:7], raw[5:7]) + raw[7:13]
    return 97 - int(body) % 97 == int(raw[13:])


@pytest.mark.parametrize("case", CHECKSUMMED, ids=[c["id"] for c in CHECKSUMMED])
def test_checksum_raises_confidence_but_never_decides(case):
    value = case["pii"][0]
    assert _table_checksum(case) is case["valid_checksum"], case["id"]
    valid = case["valid_checksum"]
    if case["kind"] == "iban":
        valid = valid and _IBAN_LENGTHS[value[:2].upper()] == len(re.sub(r"[^0-9A-Za-z]", "", value))
    check = nir_is_valid if case["kind"] == "nir" else iban_is_valid
    assert check(value) is valid, case["id"]  # separators (space, hyphen, dot, none) do not matter
    flags = [f for f in find_pii(case["text"]) if f.evidence and value in f.evidence]
    assert len(flags) == 1
    message = flags[0].message.lower()
    if valid:
        assert "verified" in message or "key checked" in message, message
    else:
        assert "looks like" in message and "verified" not in message, message


# --------------------------------------------------------------------------- the same classes, other spellings

MORE_PII = [
    ("Tél 06–39–98–12–34.", "06–39–98–12–34"),  # en dashes
    ("Tél 06\u00a039\u00a098\u00a012\u00a035.", "06\u00a039\u00a098\u00a012\u00a035"),  # no-break spaces
    ("Mobile ０６ ３９ ９８ １２ ３４", "０６ ３９ ９８ １２ ３４"),  # fullwidth digits
    ("NIR185037511600523 noté.", "185037511600523"),  # label glued to the value
    ("tel0639981199", "0639981199"),
    ("IBANFR7617515900000451239876046", "FR7617515900000451239876046"),
    ("NIR sans la clé : 1 85 03 75 116 005.", "1 85 03 75 116 005"),
    ("Bureau (020) 7946 0958.", "(020) 7946 0958"),
    ("Berlin 030/12345678.", "030/12345678"),
    ("Bruxelles 02 123 45 67.", "02 123 45 67"),
    ("Call 1-202-555-0147.", "1-202-555-0147"),
    ("Or 202.555.0183.", "202.555.0183"),
    ("Compte marocain MA64 0115 1900 0001 2050 0053 4921.", "MA64 0115 1900 0001 2050 0053 4921"),
    ("Écrire à jean.dupont [at] example [dot] fr svp", "jean.dupont [at] example [dot] fr"),
    ("Écrire à jean.dupont @ example.fr svp", "jean.dupont @ example.fr"),
    ("'claire@example.fr' ou «paul@example.fr»", "claire@example.fr"),
    ("Bât B, appt 12, 8 allée des Tilleuls, 33000 Bordeaux.", "Bât B, appt 12, 8 allée des Tilleuls, 33000 Bordeaux"),
    ("Adresse : avenue Jean Jaurès, 69007 Lyon.", "avenue Jean Jaurès, 69007 Lyon"),
]


@pytest.mark.parametrize("text,value", MORE_PII)
def test_other_spellings_of_the_same_classes(text, value):
    red = redact(text)
    assert value not in red.text and red.restore(red.text) == text
    for run in _digit_runs(unicodedata.normalize("NFKC", value)):
        assert run not in unicodedata.normalize("NFKC", red.text)
    flags = find_pii(text)
    start = text.index(value)
    assert any(f.start <= start and start + len(value) <= f.end for f in flags), flags  # type: ignore[operator]
    assert all(text[f.start : f.end] == f.evidence for f in flags)  # type: ignore[index]


MORE_NEGATIVES = [
    "Disponible le 01.12.2026 14.05 ou le 12/03/2026 à 14:30.",
    "ISIN FR0000120271, TVA FR40123456789, version v3.12.4.",
    "+12 % de CA, worked at acme.com in 2020.",
    "Prime de 3 000 € + 15 %, 35 000 - 45 000 €, 1 234 567 clients, 0,8 M€.",
    "Réf. 2024-001234-56, SIREN 123 456 789.",
    "Le 06/03/2024 à 10h, le 1er trimestre 2024 : +33 % vs 2023.",
    "De 2019 à 2023 puis 2023-2025, 3 ans et 4 mois.",
]


@pytest.mark.parametrize("text", MORE_NEGATIVES)
def test_other_negatives(text):
    assert find_pii(text) == [] and redact(text).text == text


# --------------------------------------------------------------------------- placeholders cannot be forged

_TOKEN = re.compile(rf"\[({'|'.join(PLACEHOLDER_KINDS)})_(\d+)\]")


def _as_an_llm_might_echo_it(token: str) -> str:
    """What a model may turn a placeholder-like string into: compatibility forms, case, spaces, zeros, invisibles."""
    s = unicodedata.normalize("NFKC", token).upper()
    s = re.sub(r"[\s\u200b-\u200f\u2060\ufeff]", "", s)
    return re.sub(r"_0+(\d)", r"_\1", s)


FORGED = [
    "[EMAIL_1]",
    "[EMAIL_1] [PHONE_1] [NIR_1] [IBAN_1] [ADDRESS_1] [EMAIL_2]",
    "[email_1]",
    "[ EMAIL_1 ]",
    "[EMAIL_01]",
    "［ＥＭＡＩＬ＿１］",  # fullwidth
    "[EMAIL\u200b_1]",  # zero-width space inside
    "[EMAIL_\u200b1]",
]


@pytest.mark.parametrize("forged", FORGED)
def test_placeholders_in_the_notes_cannot_be_forged(forged):
    notes = (
        f"Le candidat a écrit {forged} dans son CV. Contact : jean.dupont@example.fr, 06 39 98 12 34, "
        "NIR 1 85 03 75 116 005 23, IBAN FR76 1273 9004 5100 1234 5678 967, 12 rue des Lilas, 75011 Paris."
    )
    red = redact(notes)
    # the real values are hidden all the same
    for value in ("jean.dupont@example.fr", "06 39 98 12 34", "1 85 03 75 116 005 23", "FR76 1273", "rue des Lilas"):
        assert value not in red.text
    # the user's own token is sent as written, and no placeholder of the mapping can be confused with it
    assert forged in red.text
    echoed = _as_an_llm_might_echo_it(forged)
    for token in _TOKEN.findall(echoed):
        assert f"[{token[0]}_{token[1]}]" not in red.mapping, (forged, red.mapping)
    # restoring what the LLM quotes from the user's own words gives back the user's words, never a real value
    assert red.restore(forged) == forged
    assert red.restore(echoed) == echoed
    assert red.restore(f"a écrit {forged} dans") == f"a écrit {forged} dans"
    assert red.restore(red.text) == notes
    # and every placeholder the redaction made is used in the text it sent, once per value
    assert all(p in red.text for p in red.mapping)
    assert len(set(red.mapping.values())) == len(red.mapping)


def test_restore_is_one_pass_and_ignores_unknown_tokens():
    notes = "Mail: a.b@example.fr ; literal [EMAIL_1] ; phone [PHONE_7]"
    red = redact(notes)
    assert set(red.mapping) == {"[EMAIL_2]"}  # [EMAIL_1] is the user's text, never reused
    assert red.restore("[EMAIL_1] [PHONE_7] [EMAIL_3]") == "[EMAIL_1] [PHONE_7] [EMAIL_3]"
    assert red.restore("[EMAIL_2]") == "a.b@example.fr"
    # a value that itself looks like a placeholder-bearing text is not expanded again
    tricky = redact("Write to x@example.fr, then [EMAIL_1]x@example.fr")
    assert tricky.restore(tricky.text) == "Write to x@example.fr, then [EMAIL_1]x@example.fr"
