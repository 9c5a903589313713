"""Ads: what the hostile review of stop 42's first changes found (its inputs). A spaced dash after an
equal-opportunity phrase made every list of criteria after it a flag; a manner word ("on that basis") cleared a
verb of hiring; an unclosed incise resumed at a participle inside it. Now (after the second and third reviews): a dash
changes nothing by itself, an age adjective in a part that seeks someone is not framed; "on that basis" is a reason,
not a manner; an unclosed incise resumes at a verb group or a subject. Also flagged now: more forms of a group turned away (« ne tiendrons pas compte », « n'étudierons
pas », "applicants with a disability", "candidates who are pregnant", "review / process applications from", « ne
seront pas considérées », « les femmes enceintes, nous n'en recrutons pas »)."""

from __future__ import annotations

import pytest

from support import ad_discriminates

AD_FLAG = [
    "Equal opportunity employer: we do not hire pregnant women on that basis, since the role involves travel.",
    "Equal opportunity employer: we will not consider applicants with a disability for this role.",
    "Equal opportunity employer: we will not consider any applicants with a disability.",
    "Equal opportunity employer: we will not consider candidates who are pregnant.",
    "Nous étudions toutes les candidatures : nous ne tiendrons pas compte des candidatures de femmes enceintes.",
    "Nous étudions toutes les candidatures : les candidatures de femmes enceintes ne seront pas considérées.",
    "Poste ouvert à tous : nous n'étudierons pas les candidatures de femmes enceintes.",
    "Poste ouvert à tous : nous ne retiendrons pas les candidatures émanant de femmes enceintes.",
    "Poste ouvert à tous : nous ne retiendrons pas les candidatures de toutes les femmes enceintes.",
    "Open to all: we will not accept applications submitted by pregnant women.",
    "Open to all: we will not process applications from pregnant women.",
    "Open to all: we will not review applications from pregnant women.",
    "Poste ouvert à tous : les femmes enceintes, nous n'en recrutons pas.",
    "Poste ouvert à tous : les femmes enceintes, on n'en embauche plus.",
    "Poste ouvert à tous : les femmes enceintes, on n'en veut pas.",
    "Poste ouvert à tous : les femmes enceintes, nous n’en recruterons aucune.",
]
AD_LAWFUL = [
    "Equal opportunity employer – applicants of any age, sex, religion or disability are encouraged to apply.",
    "We are an equal opportunity employer - disability, age, pregnancy and religion play no part in our decisions.",
    "Poste ouvert à tous – les candidatures de personnes handicapées sont encouragées.",
    "Entreprise engagée en faveur de la diversité - nous accueillons les personnes en situation de handicap.",
    "Nous étudions toutes les candidatures - âge, sexe, origine, handicap : seules les compétences comptent.",
    "Handi-accueillant - aménagement du poste pour les personnes en situation de handicap.",
    "Inclusive employer — reasonable adjustments for disabled candidates at interview.",
    "Diversité et inclusion - femmes, hommes, seniors, juniors : rejoignez-nous.",
    "Nous recrutons sans distinction - d'âge, de sexe ou d'origine.",
    "We hire regardless of - age, gender, religion or disability.",
    "Diversity & inclusion – we welcome women, men, seniors and people with disabilities.",
    "We are committed to diversity — applications from candidates with disabilities are welcome.",
    "Poste ouvert à tous - sans condition d'âge.",
    "Poste ouvert à tous - pas de limite d'âge.",
    "Equal opportunity employer - no age limit.",
    "Equal opportunity employer – no age limit, no degree required.",
    "Poste ouvert à tous – débutants acceptés, pas de limite d'âge.",
    "Equal opportunity employer - we do not consider age, gender or religion.",
    "Entreprise handi-accueillante - locaux accessibles en fauteuil roulant.",
    "Our commitment to inclusion - wheelchair-accessible offices, flexible hours for parents.",
    "Recrutement sans discrimination - handicap compatible.",
    "Open to all: disabled applicants, even where not selected elsewhere are welcome.",
    "Poste ouvert à tous : les seniors, même non retenus lors d'une précédente campagne peuvent postuler.",
    "Open to all: candidates with a disability, even if not shortlisted before can reapply.",
    "Open to all: pregnant applicants, even if not hired last time are encouraged to reapply.",
]


@pytest.mark.parametrize("text", AD_FLAG)
def test_a_group_turned_away_is_flagged(text: str) -> None:
    assert ad_discriminates(text)


@pytest.mark.parametrize("text", AD_LAWFUL)
def test_lists_after_a_dash_and_participles_in_an_incise_stay_lawful(text: str) -> None:
    assert not ad_discriminates(text)
