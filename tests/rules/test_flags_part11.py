"""Flag gaps found by the eleventh dev round of notes (h169-h183) at its first run, each fixed by its class and tested
here on phrasings of my own, beside the candidate's own trait that must still be flagged:
- « belle » said of a meeting, a career or a result (« une très belle rencontre »), not of a person;
- a mayor as a client or a decision-maker (« le maire menaçait de résilier »), not the candidate's own mandate;
- disabled people as the users a product serves (« accessibles aux personnes handicapées »), not the candidate."""

from __future__ import annotations

import pytest
from notes_helpers import flag_kinds as _kinds


@pytest.mark.parametrize(
    "text",
    [
        "- Franchement une très belle rencontre, on a parlé 50 minutes sans voir le temps passer.",
        "- Une carrière vraiment belle chez le même éditeur, si belle progression en 6 ans.",
        "- C'est une très belle réussite : 120 % de l'objectif deux ans de suite.",
        "- Le maire de la commune menaçait de résilier, elle a obtenu un avenant en une semaine.",
        "- Six mois avant les élections, aucun maire ne signe : il boucle tout avant.",
        "- Elle vend aux maires et aux DGS des petites communes de l'Ain.",
        "- Son logiciel rend les sites accessibles aux personnes handicapées (audit RGAA).",
        "- Éditeur de logiciels destinés aux personnes handicapées, 200 clients publics.",
        "- She convinced the mayor of Leeds to sign a 3-year renewal.",
        "- Sells software accessible to disabled users to 40 councils.",
    ],
)
def test_business_senses_are_not_flagged(text: str) -> None:
    assert "discrimination" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- Elle est très belle, ça aidera en rendez-vous.",
        "- Une belle femme, très soignée.",
        "- Il est maire de son village depuis 2020, il faudra voir s'il a le temps.",
        "- Il est le maire de sa commune.",
        "- Candidat élu maire en 2020.",
        "- Elle est handicapée, prévoir un poste adapté.",
        "- Travailleur handicapé (RQTH).",
        "- Les personnes handicapées comme elle ont souvent des absences.",
        "- He is the mayor of his village, so evenings are busy.",
        "- She was mayor of Ashford until 2022.",
        "- He campaigned for the mayor in the last election.",
        "- She is disabled, we'd need an adapted desk.",
    ],
)
def test_the_candidates_own_traits_are_still_flagged(text: str) -> None:
    assert "discrimination" in _kinds(text)
