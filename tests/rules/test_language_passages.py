"""The job-ad linter reads every line of a French ad: an English passage is an error, whatever the rest says."""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad

FRENCH_AD = """# Account Manager (F/H)

**Chargé·e de comptes clients** · CDI · Paris

## Vos missions

Vous gérez et développez un portefeuille client, suivez les KPI et le business development de vos comptes.

- Onboarding des nouveaux clients et reporting mensuel.
"""


def language_errors(text: str, **kwargs: object) -> list:
    return [f for f in lint_ad(text, language="fr", **kwargs) if f.kind == "language" and f.severity == "error"]


def test_a_french_ad_with_english_terms_is_not_flagged() -> None:
    assert language_errors(FRENCH_AD, job_in_france=True) == []


def test_each_english_passage_of_a_french_ad_is_an_error_quoting_it() -> None:
    passage = "The Account Manager will be responsible for managing existing clients and prospecting new ones."
    bullet = "Strong relationship with the sales team and their clients"
    text = FRENCH_AD + f"\n{passage}\n\n- {bullet}\n"
    flags = language_errors(text, job_in_france=True)
    assert [f.evidence for f in flags] == [passage, bullet]
    assert all("L5331-4" in f.message and f.message_fr and "anglais" in f.message_fr for f in flags)
    for f in flags:
        assert text[f.start : f.end] == f.evidence  # the span points at the passage, for the editor's fixes


def test_no_passage_check_for_a_job_outside_france() -> None:
    text = FRENCH_AD + "\nThe Account Manager will be responsible for the team and their clients.\n"
    assert language_errors(text, job_in_france=False) == []


def test_english_names_and_term_lists_in_a_french_ad_are_not_passages() -> None:
    # English job titles and jargon that French ads quote as they are: not English passages (found by review).
    lines = [
        "- Vos interlocuteurs : Head of Sales, Head of Marketing, VP of Customer Success",
        "- Méthodes : go-to-market, time to market, voice of the customer",
        "- Soft skills : team player, can-do attitude, ownership",
        "Vous travaillez avec le Head of Customer Success et le Chief Revenue Officer.",
    ]
    text = FRENCH_AD + "\n" + "\n".join(lines) + "\n"
    assert language_errors(text, job_in_france=True) == []


def test_english_prose_and_english_phrases_stay_passages() -> None:
    passages = [
        "Helios is a prestigious company with a strong focus on its clients, and it has a team of 4 partners.",
        "Strong understanding of the agricultural sector",
        "Ability to build and maintain strong relationships with clients",
        "The Account Manager will be responsible for the sales team and their clients.",
    ]
    text = FRENCH_AD + "\n" + "\n".join(f"- {p}" for p in passages) + "\n"
    assert [f.evidence for f in language_errors(text, job_in_france=True)] == passages


def test_an_english_sentence_inside_a_french_paragraph_is_an_error_on_that_sentence() -> None:
    # A small model writing a French ad slips into English for one sentence of a French paragraph: the paragraph
    # as a whole has more French than English, yet that sentence is an English passage.
    english = "We are looking for someone who loves working with their clients."
    paragraph = (
        "Vous rejoignez une équipe de cinq personnes basée à Lyon. "
        f"{english} "
        "Vous êtes rattaché·e à la directrice commerciale et travaillez avec le service client."
    )
    text = FRENCH_AD + f"\n{paragraph}\n"
    flags = language_errors(text, job_in_france=True)
    assert [f.evidence for f in flags] == [english]
    assert text[flags[0].start : flags[0].end] == english


def test_a_french_paragraph_whose_sentences_quote_english_terms_is_not_flagged() -> None:
    paragraph = (
        "Vous pilotez l'onboarding et le reporting de vos comptes. "
        "Vous suivez le churn, l'upsell et le cross-sell avec le Head of Customer Success. "
        "Le poste est ouvert au full remote deux jours par semaine."
    )
    assert language_errors(FRENCH_AD + f"\n{paragraph}\n", job_in_france=True) == []


def test_an_english_line_is_one_passage_not_one_per_sentence() -> None:
    line = "The role is based in Paris. You will join a team of five. The team works with the sales director."
    flags = language_errors(FRENCH_AD + f"\n{line}\n", job_in_france=True)
    assert [f.evidence for f in flags] == [line]


def test_an_english_sentence_in_a_french_bullet_is_found_too() -> None:
    english = "Strong focus on the needs of their clients and the team."
    bullet = f"- Vous gérez un portefeuille de 80 clients PME. {english}"
    flags = language_errors(FRENCH_AD + f"\n{bullet}\n", job_in_france=True)
    assert [f.evidence for f in flags] == [english]


def test_english_terms_after_a_colon_in_a_french_paragraph_are_not_a_passage() -> None:
    paragraph = "Vous travaillez en binôme avec le support. Nos outils : voice of the customer et jobs to be done."
    assert language_errors(FRENCH_AD + f"\n{paragraph}\n", job_in_france=True) == []


@pytest.mark.parametrize(
    "line, english",
    [
        (
            "Avantages : mutuelle de la société, tickets restaurant, prime de fin d'année. "
            "We hope that you will love it and the team.",
            "We hope that you will love it and the team.",
        ),
        (
            "Vous travaillez avec votre équipe à Lyon ; we are looking for someone who loves their clients.",
            "we are looking for someone who loves their clients.",
        ),
    ],
)
def test_an_english_sentence_after_a_term_list_or_a_semicolon_is_found(line: str, english: str) -> None:
    text = FRENCH_AD + f"\n{line}\n"
    flags = language_errors(text, job_in_france=True)
    assert [f.evidence for f in flags] == [english]
    assert text[flags[0].start : flags[0].end] == english


# A small model (Qwen2.5-Coder-1.5B, dev run of 2026-12-04) ended a French ad's descriptive line with a Hangul
# syllable: « … en améli먼 ». Text in another script is not French, whatever the words around it.
@pytest.mark.parametrize("foreign", ["améli먼", "comptes客户端", "clientsМосква", "クライアント"])
def test_text_in_another_script_in_a_french_ad_is_an_error_on_that_text(foreign: str) -> None:
    line = f"Vous gérez un portefeuille de clients existants et de nouveaux clients, en {foreign} chaque mois."
    text = FRENCH_AD + f"\n{line}\n"
    flags = [f for f in language_errors(text, job_in_france=True) if "script" in f.message]
    assert len(flags) == 1, flags
    assert text[flags[0].start : flags[0].end] == flags[0].evidence and flags[0].evidence in foreign
    assert flags[0].message_fr and "écriture" in flags[0].message_fr


def test_a_slip_into_another_script_in_an_ad_outside_france_is_an_error_without_french_law() -> None:
    # The real model (dev run of stop 29) wrote "…the candidate's skills and经验." in an English ad for London; the
    # re-ask named it as a warning, the model kept it, and the ad reached the user. A slip is no text of the ad,
    # whatever the country: an error, so the offline draft takes its place. French law is not cited.
    text = "# Account Manager\n\nYou will assess the candidate's skills and经验 in Dublin.\n"
    flags = [f for f in lint_ad(text, language="en", job_in_france=False) if f.kind == "language"]
    assert [(f.severity, f.evidence) for f in flags] == [("error", "经验")]
    assert "L5331-4" not in flags[0].message  # French law does not apply to a job in Dublin


def test_a_name_in_another_alphabet_in_an_ad_outside_france_is_a_warning() -> None:
    text = "# Account Manager\n\nYou will manage our partners in Dublin, among them ООО Ромашка.\n"
    flags = [f for f in lint_ad(text, language="en", job_in_france=False) if f.kind == "language"]
    assert [(f.severity, f.evidence) for f in flags] == [("warning", "ООО Ромашка")]


@pytest.mark.parametrize("name", ["ООО «Газпром нефть»", "Ελληνικά Πετρέλαια", "شركة الاتصالات"])
def test_a_name_in_another_alphabet_standing_alone_is_a_warning_not_an_error(name: str) -> None:
    # A partner's or a client's name as it is written (Cyrillic, Greek, Arabic): worth a look, not a slip of the model.
    text = FRENCH_AD + f"\nVous travaillez avec nos partenaires, dont {name}, sur leurs comptes.\n"
    flags = [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"]
    assert flags and all(f.severity == "warning" for f in flags), flags


@pytest.mark.parametrize("symbol", ["KPI Δ", "version β", "π", "100 ㎡", "étape ㉑", "10 kΩ", "μ-services"])
def test_a_greek_letter_or_a_unit_sign_used_as_a_symbol_is_not_another_script(symbol: str) -> None:
    text = FRENCH_AD + f"\nVous suivez le {symbol} de vos comptes chaque mois.\n"
    assert [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"] == []


def test_accents_symbols_and_emoji_are_not_another_script() -> None:
    line = "Vous êtes à l'aise avec Excel (≥ 3 ans), µ-services, Œuvre, « guillemets », 🎯 et le CRM – c'est tout."
    assert language_errors(FRENCH_AD + f"\n{line}\n", job_in_france=True) == []


# Found by review of the script check (stop 28): runs of another script split by punctuation gave one flag per piece,
# and several alphabets were not known at all.
@pytest.mark.parametrize("foreign", ["客户，管理。", "用户、客户", "Москва, Санкт-Петербург", "ООО «Газпром нефть»"])
def test_a_run_of_another_script_split_by_punctuation_is_one_flag(foreign: str) -> None:
    text = FRENCH_AD + f"\nVous gérez les comptes de nos clients : {foreign}\n"
    flags = [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"]
    assert len(flags) == 1, flags
    assert text[flags[0].start : flags[0].end] == flags[0].evidence
    assert foreign.startswith(flags[0].evidence) and len(flags[0].evidence) >= len(foreign.rstrip("。»")) - 1


@pytest.mark.parametrize("name", ["Երևան", "თბილისი", "বাংলা টেলিকম", "தமிழ்நாடு", "አዲስ አበባ", "ພາສາລາວ", "ខ្មែរ", "မြန်မာ"])
def test_more_alphabets_standing_alone_are_a_warning(name: str) -> None:
    # Armenian, Georgian, Bengali, Tamil, Ethiopic, Lao, Khmer, Burmese: names as they are written.
    text = FRENCH_AD + f"\nVous travaillez avec nos partenaires, dont {name}, sur leurs comptes.\n"
    flags = [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"]
    assert [(f.severity, f.evidence) for f in flags] == [("warning", name)]


@pytest.mark.parametrize("foreign", ["clientsԵրևան", "comptesთბილისი", "venteবাংলা", "suiviதமிழ்"])
def test_more_alphabets_glued_to_a_french_word_are_an_error(foreign: str) -> None:
    text = FRENCH_AD + f"\nVous gérez un portefeuille de {foreign} chaque mois.\n"
    flags = [f for f in language_errors(text, job_in_france=True) if "script" in f.message]
    assert len(flags) == 1, flags


@pytest.mark.parametrize(
    "slip", ["Vous gérez，les comptes", "Vous gérez les comptes。", "Vous gérez les ｃｏｍｐｔｅｓ"]
)
def test_chinese_punctuation_or_full_width_letters_in_a_french_ad_are_a_slip(slip: str) -> None:
    text = FRENCH_AD + f"\n{slip} de nos clients.\n"
    flags = [f for f in language_errors(text, job_in_france=True) if "script" in f.message]
    assert len(flags) == 1, flags


def test_an_english_sentence_of_short_clauses_inside_a_french_line_is_a_passage() -> None:
    # Short comma-separated clauses are not a list of terms: "we are bold" has a subject.
    english = "We are bold, we are kind, we love the team."
    line = f"Vous rejoignez une équipe de cinq personnes basée à Lyon. {english}"
    flags = language_errors(FRENCH_AD + f"\n{line}\n", job_in_france=True)
    assert [f.evidence for f in flags] == [english]


@pytest.mark.parametrize("symbols", ["les ratios α, β", "le Δ/Δ% mensuel", "les scénarios α/β"])
def test_greek_symbols_in_a_list_are_still_symbols(symbols: str) -> None:
    # Third review: once runs went on across punctuation, "α, β" became a two-letter run in another alphabet.
    text = FRENCH_AD + f"\nVous suivez {symbols} de vos comptes chaque mois.\n"
    assert [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"] == []


@pytest.mark.parametrize("emoji", ["〰️", "〽️"])
def test_the_emoji_among_chinese_punctuation_are_not_a_slip(emoji: str) -> None:
    text = FRENCH_AD + f"\nVous rejoignez une équipe qui aime les défis {emoji} et le terrain.\n"
    assert [f for f in lint_ad(text, language="fr", job_in_france=True) if f.kind == "language"] == []


@pytest.mark.parametrize("line", ["Our office is in Tokyo (東京).", "We work with 楽天 and its partners."])
def test_chinese_or_japanese_standing_alone_outside_france_is_a_warning(line: str) -> None:
    # Fifth review (stop 29): a name in Japanese in an English ad for Japan is no slip; only one glued to a Latin
    # word is, in any country.
    text = f"# Account Manager\n\n{line}\n"
    flags = [f for f in lint_ad(text, language="en", job_in_france=False) if f.kind == "language"]
    assert flags and all(f.severity == "warning" for f in flags), flags
