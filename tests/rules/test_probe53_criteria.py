"""Protected criteria that stop 53's two outside probes (a recruiter writing interview notes, one writing job ads and
briefs; neither read the code) found unflagged, with phrasings of the same classes written here, and look-alikes that
must stay unflagged."""

from __future__ import annotations

import pytest

from assistant.rules.safety import find_protected_criteria

FLAGGED = [
    # the probes' sentences
    ("At 58 he still closes deals like a junior.", "age"),
    ("Mature candidate, very good listener.", "age"),
    ("Very organised, aged fifty-two.", "age"),
    ("Idéalement sorti(e) d'école en 2023 ou 2024.", "age"),
    ("Vous avez la fougue de la jeunesse.", "age"),
    ("Churchgoer, very good at resolving conflicts.", "religion"),
    ("Expecting in the autumn, great negotiator.", "pregnancy"),
    ("On mat leave until Sept, proactive on LinkedIn.", "pregnancy"),
    ("Encinte de 4 mois.", "pregnancy"),
    ("Came out as trans last year, calm with clients.", "gender identity"),
    ("Trans, très à l'aise pour gérer les conflits clients.", "gender identity"),
    ("Personnes trans s'abstenir.", "gender identity"),
    ("Shop steward for 3 yrs, negotiated hard.", "union"),
    ("Compte bancaire au Maroc, a géré des clients anglophones.", "bank"),
    ("Son père est marocain.", "origin"),
    ("Rebeu de banlieue, très bon contact.", "origin"),
    ("Petit gabarit, voix fluette.", "appearance"),
    ("Next step: call back once her chemo ends (May).", "health"),
    ("Prochaine étape : rappeler après son opération du genou le 15/04.", "health"),
    ("Sans pathologie chronique.", "health"),
    ("Aucune restriction médicale, apte à 100 %.", "health"),
    ("Bonne vue exigée, pas de daltoniens.", "health"),
    ("Must have a clean bill of health.", "health"),
    ("Candidats de Seine-Saint-Denis s'abstenir.", "residence"),
    ("Candidats parisiens intra-muros.", "residence"),
    ("Code postal 69xxx uniquement.", "residence"),
    ("Pas de contraintes de garde le soir.", "family situation"),
    ("Prénom français apprécié par nos clients.", "family name"),
    # the same classes, other words
    ("At 61, she wants one last challenge.", "age"),
    ("Mature applicants preferred for this role.", "age"),
    ("Profil sorti d'école en 2022 uniquement.", "age"),
    ("Goes to the mosque on Fridays, so he leaves early.", "religion"),
    ("She's expecting her second child in March.", "pregnancy"),
    ("Expecting twins, wants a part-time start.", "pregnancy"),
    ("Union rep at his last company.", "union"),
    ("Sa mère est algérienne, il parle arabe.", "origin"),
    ("His parents are Lebanese.", "origin"),
    ("Candidats du Val-de-Marne s'abstenir.", "residence"),
    ("Résultats de sa chimio attendus en mai.", "health"),
    ("Had a hip replacement in the spring.", "health"),
    ("No childcare constraints, she says.", "family situation"),
    ("Prénom à consonance arabe, à voir.", "family name"),
]

NOT_FLAGGED = [
    "Expecting a call back from the client on Monday.",
    "We are expecting growth in the autumn.",
    "He's our trans-Atlantic sales lead.",
    "Trans-European accounts, 4 countries.",
    "Transport et logistique, 5 ans.",
    "Opération commerciale réussie avec le client.",
    "Sortie d'école de commerce en 2019, puis 3 ans chez Sage.",
    "Le client est marocain, elle a géré le compte en français.",
    "At 50 accounts he reached his limit.",
    "Nos clients ouvrent des comptes bancaires en ligne.",
    "Nos clients sont des cliniques spécialisées en chirurgie du genou.",
    "Mature market, slow growth, long sales cycles.",
    "Elle a un grand réseau de contacts.",
    "Our union with Acme was signed in 2022.",
    "Le code postal de l'agence est 69003.",
    "Contrat cadre avec les habitants de la ville de Saint-Denis.",
    "Le beurre et les produits laitiers, 6 ans chez Lactalis.",
    "She manages the Turkish and Polish distributors.",
    # (review of stop 53) ordinary notes the new terms flagged
    "Kept NPS at 72, she runs QBRs.",
    "Very mature person, calm under pressure.",
    "Chased receivables aged sixty days.",
    "Elle est étrangère au monde du SaaS.",
    "A vendu des comptes bancaires en ligne aux TPE.",
    "Saisissait chaque opération à la main dans Excel.",
    "Secteur : trans. et logistique.",
    "Transport de colis petit gabarit en Île-de-France.",
    # (second review of stop 53)
    "She's transitioning from SMB to enterprise accounts.",
    "C'est un grand pas pour elle.",
    "She's 30 minutes from the office.",
    "He's 25 points above quota.",
    "Has MS in Marketing from ESCP.",
    "Spelled her last name wrong in the invite.",
    "Saisissait chaque opération à la main.",
]


@pytest.mark.parametrize(("text", "label"), FLAGGED)
@pytest.mark.parametrize("context", ["notes", "ad"])
def test_flagged(text: str, label: str, context: str) -> None:
    found = find_protected_criteria(text, context=context)  # type: ignore[arg-type]
    assert any(label in f.message for f in found), (text, [f.message for f in found])


@pytest.mark.parametrize("text", NOT_FLAGGED)
@pytest.mark.parametrize("context", ["notes", "ad"])
def test_not_flagged(text: str, context: str) -> None:
    assert find_protected_criteria(text, context=context) == []  # type: ignore[arg-type]


# Ads: what the business sells or whom it serves is no requirement (the probe's sentences, then others written here);
# a requirement or a preference in the same sentence stays flagged.
AD_MARKET = [
    "Nos clients sont des enseignes de puériculture et des magasins de jouets pour enfants.",
    "Vous vendez nos solutions aux salons de coiffure et instituts de beauté.",
    "Vous vendez nos solutions aux collectivités et aux élus locaux.",
    "Notre application aide les femmes enceintes à suivre leur grossesse.",
    "Vous accompagnez des gestionnaires de patrimoine pour retraités.",
    "Our platform serves financial advisers for retirees.",
    "You will manage accounts for trade unions and mutual insurers.",
    "Vous suivez religieusement vos KPI.",
    "Notre handicap actuel : un CRM vieillissant.",
    "Vous développez un portefeuille de crèches et d'écoles pour enfants.",
    "Our software helps pregnant employees plan their leave with HR.",
]
AD_STILL_FLAGGED = [
    ("Nos clients préfèrent un commercial jeune.", "age"),
    ("Vous vendez aux pharmacies, idéalement jeune diplômé.", "age"),
    ("Vous vendez des produits halal, candidat musulman de préférence.", "religion"),
    ("Nos clients sont exigeants : pas de femmes enceintes.", "pregnancy"),
    ("Vous accompagnez nos clients, vous êtes jeune et dynamique.", "age"),
    ("Vous gérez des comptes dans la grande distribution, vous êtes de nationalité française.", "origin"),
    # (review of stop 53) a market's verb earlier in the sentence excused these
    ("Vous gérez un portefeuille de 40 comptes, hommes jeunes bienvenus.", "sex"),
    ("You will manage key accounts, perfect for a young graduate.", "age"),
    ("Vous prospectez les PME et êtes de nationalité française.", "origin"),
    ("Vous accompagnez nos clients grands comptes, en bonne santé et sans handicap.", "health"),
    ("Nos clients sont des enseignes de mode et nous recrutons une jeune femme.", "sex"),
    ("Poste en boutique à Paris, pour jeune femme souriante.", "sex"),
    ("You will handle retailers and should be young and energetic.", "age"),
    # (second review of stop 53) products or a target beside a requirement or a person
    ("You will sell products for women and must be a woman.", "sex"),
    ("Products for pros only men under 35 need apply.", "age"),
    ("Vente de produits pour le jardin réservée aux hommes.", "sex"),
    ("Candidat cible : 25-35 ans.", "age"),
    ("Profil cible : jeune femme", "age"),
    ("You will manage key accounts as a young woman.", "sex"),
    ("Vous vendez nos solutions et avez la nationalité française.", "origin"),
    ("Clients : Dior, Chanel, jeune femme de bonne présentation.", "age"),
]


@pytest.mark.parametrize("text", AD_MARKET)
def test_the_market_an_ad_describes_is_no_criterion(text: str) -> None:
    assert find_protected_criteria(text, context="ad") == [], text


@pytest.mark.parametrize(("text", "label"), AD_STILL_FLAGGED)
def test_a_requirement_beside_the_market_stays_flagged(text: str, label: str) -> None:
    found = find_protected_criteria(text, context="ad")
    assert any(label in f.message for f in found), (text, [f.message for f in found])


def test_in_notes_the_market_does_not_excuse_a_remark_on_the_candidate() -> None:
    found = find_protected_criteria("Elle vend aux retraités, retraitée elle-même.", context="notes")
    assert any("age" in f.message for f in found)
    for text, label in [
        ("Sold to banks but is pregnant now.", "pregnancy"),
        ("Sells to hospitals and is disabled.", "health"),
        ("A vendu des articles pour le sport mais musulmane pratiquante.", "religion"),
        ("Opérée au genou en mars.", "health"),
        ("Son handicap actuel l'empêche de porter des charges.", "health"),
        ("Elle a un handicap majeur.", "health"),
    ]:
        assert any(label in f.message for f in find_protected_criteria(text, context="notes")), text


_HTML = """<!DOCTYPE html>
<html lang="fr"><head><title>Account Manager (F/H)</title>
<script type="application/ld+json">{json}</script></head>
<body><h1>Account Manager (F/H)</h1><p>Publiée le 01/12/2026. Salaire : 45 000 – 52 000 € brut annuel.</p>
<p>Vous gérez un portefeuille de 30 clients.</p></body></html>
"""


def _nest(value: object, depth: int) -> object:
    for _ in range(depth):
        value = {"a": value}
    return value


def test_the_json_ld_of_an_html_ad_is_checked_too() -> None:
    """(stop 53's outside probe) What job search engines show (the JSON-LD) passed `check-ad` unread."""
    import json

    from assistant.rules.compliance import lint_ad

    bad = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Account Manager (F/H)",
        "description": "<p>Poste réservé aux hommes de moins de 35 ans. Merci d'indiquer votre salaire actuel.</p>",
        "employmentType": "FULL_TIME",
    }
    flags = lint_ad(_HTML.replace("{json}", json.dumps(bad, ensure_ascii=True)))
    structured = [f for f in flags if "JSON-LD" in f.message]
    assert {f.kind for f in structured} == {"discrimination", "pay_history"}
    assert all(f.start is None and f.severity == "error" for f in structured)
    # the same text in the visible ad and in the JSON-LD is flagged once, where the reader sees it
    good = {**bad, "description": "<p>Vous gérez un portefeuille de 30 clients.</p>"}
    assert not [f for f in lint_ad(_HTML.replace("{json}", json.dumps(good))) if "JSON-LD" in f.message]
    # (probe of stop 53) a block that cannot be read whole is a warning saying so, not a silent pass
    unread = [f for f in lint_ad(_HTML.replace("{json}", "{not json")) if "JSON-LD" in f.message]
    assert [(f.kind, f.severity) for f in unread] == [("structured_data", "warning")]
    assert "not valid JSON" in unread[0].message and unread[0].message_fr
    # (review of stop 53) nesting deeper than the parser goes is no crash; a value wrapped in « @value » is read; a
    # word the visible ad also uses does not hide a different flag
    deep = [f for f in lint_ad(_HTML.replace("{json}", "[" * 5000 + "]" * 5000)) if "JSON-LD" in f.message]
    assert [f.kind for f in deep] == ["structured_data"]
    nested = {**bad, "description": _nest({"text": "Poste réservé aux hommes."}, 30)}
    deeper = [f for f in lint_ad(_HTML.replace("{json}", json.dumps(nested))) if "JSON-LD" in f.message]
    assert [f.kind for f in deeper] == ["structured_data"] and "20 levels" in deeper[0].message
    # (review of stop 54) a CMS's CDATA wrapper is read; many bad blocks make one warning; too deep is not "invalid"
    for wrapped_block in (f"/* <![CDATA[ */{json.dumps(bad)}/* ]]> */", f"<![CDATA[{json.dumps(bad)}]]>"):
        kinds = {f.kind for f in lint_ad(_HTML.replace("{json}", wrapped_block)) if "JSON-LD" in f.message}
        assert kinds == {"discrimination", "pay_history"}, wrapped_block
    # (second review of stop 54) only at the block's edges: inside a string the same characters are text
    inside = {**bad, "description": "<p>Vous gérez 30 clients.</p><!-- jeune homme -->"}
    assert not [f for f in lint_ad(_HTML.replace("{json}", json.dumps(inside))) if "JSON-LD" in f.message]
    slashes = '{"@type": "JobPosting", "description": "a \\/* ]]> */ b"}'
    assert not [f for f in lint_ad(_HTML.replace("{json}", slashes)) if "JSON-LD" in f.message]
    # (third review of stop 54) wrapped twice; a closing wrapper before a run of spaces is no slow search
    twice = f"/* <![CDATA[ */ <!-- {json.dumps(bad)} --> /* ]]> */"
    assert {f.kind for f in lint_ad(_HTML.replace("{json}", twice)) if "JSON-LD" in f.message} >= {"discrimination"}
    from assistant.rules.compliance import _unwrapped

    assert _unwrapped("{}]]>" + " " * 40_000 + "x").startswith("{}]]>")
    line_comments = f"//<![CDATA[\n{json.dumps(bad)}\n//]]>"
    assert {f.kind for f in lint_ad(_HTML.replace("{json}", line_comments)) if "JSON-LD" in f.message} >= {
        "discrimination"
    }
    many = _HTML.replace("{json}", "{not json").replace(
        "</script>", "</script>" + '<script type="application/ld+json">{x</script>' * 300, 1
    )
    assert len([f for f in lint_ad(many) if f.kind == "structured_data"]) == 1
    assert "20 levels" in deep[0].message
    shallow = {**bad, "description": _nest({"text": "Vous gérez 30 clients."}, 5)}
    assert not [f for f in lint_ad(_HTML.replace("{json}", json.dumps(shallow))) if "JSON-LD" in f.message]
    wrapped = {**bad, "description": {"@value": "Poste réservé aux hommes."}}
    assert [f for f in lint_ad(_HTML.replace("{json}", json.dumps(wrapped))) if "JSON-LD" in f.message]
