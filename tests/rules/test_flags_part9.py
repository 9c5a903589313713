"""Flag misses found by the eighth dev round of notes (h124-h138) at its first run, each fixed by its class and
tested here on phrasings of my own: a remark on how hard a surname is to pronounce (family name, L1132-1); hospital
days and medical appointments of the candidate (state of health); a protected word put between quotation marks
(« quartier « sensible » »); text read by OCR, where « l » comes out as « 1 » (« diffici1e »); a British or US home
address (pii). And one false flag: a race the candidate ran is a sport, not an origin."""

from __future__ import annotations

import pytest

from assistant.notes.prepare import prepare


def _kinds(text: str) -> list[str]:
    return sorted({f.kind for f in prepare(text, 20_000).flags})


_PREFIX = "- 5 ans AM, 30 comptes.\n"


@pytest.mark.parametrize(
    "text",
    [
        # family name
        _PREFIX + "- nom de famille très compliqué à prononcer, ça peut gêner au téléphone",
        _PREFIX + "- son nom est dur à retenir pour les clients",
        _PREFIX + "- nom très difficile à prononcer, gênant au tél.",
        _PREFIX + "- surname hard to pronounce, might put clients off",
        _PREFIX + "- her last name is really tricky to say on calls",
        # state of health, said through appointments and hospital days
        _PREFIX + "- his hospital appointments are over, so attendance should be back to normal",
        _PREFIX + '- her "clinic Fridays" are done now',
        _PREFIX + "- ses rendez-vous à l'hôpital le jeudi sont terminés",
        _PREFIX + "- ses rdv médicaux réguliers, à surveiller",
        _PREFIX + "- was in hospital for a month last spring, seems fine now",
        # a protected word between quotation marks
        _PREFIX + "- habite un quartier « difficile », pas idéal pour l'image",
        _PREFIX + '- vient d\'un quartier "populaire", à voir',
        _PREFIX + "- lives in a “rough” area, not great for the image",
        # OCR: « l » read as « 1 »
        _PREFIX + "- nom diffici1e à prononcer -> gênant au té1.",
        _PREFIX + "- absente souvent, ma1adie chronique",
        _PREFIX + "- nom imprononçab1e, à voir avec les clients",
        _PREFIX + "- asked about her race, should not have",
        # found by the review of the change
        _PREFIX + "- He was in hospital - nothing serious.",
        _PREFIX + "- Does her race matter? I doubt it.",
        _PREFIX + "- Asked about her race last week.",
        _PREFIX + "- Manager wanted to talk race with him.",
    ],
)
def test_new_forms_of_protected_remarks_are_flagged(text: str) -> None:
    assert _kinds(text) == ["discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "- 3.5 years L2 support on our hospital-scheduling software, mostly NHS trusts and private clinics.",
        "- sold to hospitals and clinics across the region, 40 accounts",
        "- key account: the hospital group in Lyon, renewed twice",
        "- did 20 hospital visits a week as a medical-device rep",
        "- worked in hospital sales for 4 years",
        "- was in hospital procurement before, then in hospital-pharmacy sales",
        "- a géré le compte de l'hôpital de Nantes pendant 3 ans",
        "- the product name is hard to pronounce for French buyers",
        "- le nom du produit est difficile à prononcer en anglais",
        "- Q1 2024: P1 incidents down, B2B, 1 client lost",
        "- a monté seu1e 1e c1ub c1ients annue1 (40 insta11ateurs)",
        "- « top » client, « grand » compte, 5 ans",
        # found by the review of the change: a medical rep's calls, hospital careers, a product's name
        "- His hospital visits were 20 a week as a medical rep.",
        "- Her doctor visits average 9 a day as a pharma rep.",
        "- Ex-délégué médical : décroche 8 rdv médicaux par semaine auprès des cardiologues.",
        "- Spent 6 years in hospital logistics.",
        "- Was in hospital administration for 3 years.",
        "- Le nom est difficile à retenir pour les clients, il propose un acronyme.",
        # a product code joined to digits is not OCR noise (review, stop 31: « Ma1e » read as "male")
        "- vend la gamme Ma1e-200 chez un distributeur",
        "- the X1a9 and Fe1ix-3 modules, 30 accounts",
        # a race run is a sport
        "- Runs ultra-marathons (did a 100 km trail race this summer)",
        "- won the company relay race twice, race day organiser",
    ],
)
def test_work_about_hospitals_and_ocr_noise_are_not_flagged(text: str) -> None:
    assert "discrimination" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- courier the contract to his home: 27 Elm Grove, Reading RG1 5XX (he asked for paper).",
        "- Home: 14 Maple Close, Leeds LS6 2AB",
    ],
)
def test_british_home_addresses_are_personal_data(text: str) -> None:
    assert _kinds(_PREFIX + text) == ["pii"]


@pytest.mark.parametrize(
    "text",
    [
        "- Managed 40 Central Park accounts.",
        "- Closed 3 Canary Wharf deals last year.",
        "- Has 8 Notting Hill boutiques in her book.",
        "- Opened 5 Retail Park stores.",
    ],
)
def test_business_places_named_like_streets_are_no_address(text: str) -> None:
    assert "pii" not in _kinds(_PREFIX + text)


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ("- habite un quartier « sensible », pas idéal pour l'image", "quartier « sensible »"),
        ('- vient d\'un quartier "populaire", à voir', 'quartier "populaire"'),
        ("- lives in a “rough” area, not great for the image", "“rough” area"),
    ],
)
def test_a_flag_quotes_the_quotation_marks_it_opens_or_closes(line: str, quoted: str) -> None:
    # review, stop 31: the flag's quote stopped at the mark (« quartier « sensible »), which reads as a typo
    flags = [f for f in prepare(_PREFIX + line, 20_000).flags if f.kind == "discrimination"]
    assert quoted in [f.quote for f in flags]
