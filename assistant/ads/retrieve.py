"""The guide passages behind each section of an ad: fixed queries, retrieved once per knowledge base, and the
chunks that hold each framework source quote."""

from __future__ import annotations

import re
import unicodedata
import weakref
from typing import Any

from ..guide.knowledge import KnowledgeBase
from ..guide.models import ScoredChunk

SECTION_QUERIES = {
    "company": "valoriser votre organisation clients prestigieux nombre de partners taille de l'équipe expertise secteur",
    "missions": "le métier s'articule autour de 4 axes accompagnement portefeuille client indicateurs de performance",
    "profile": "compétences à viser culture marketing expérience formation soft skills",
    "pay": "grille de salaire fourchette débutant mensuel part variable",
    "process": "process d'entretien téléphonique face à face étude de cas",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("**", ""))).casefold().strip()


def _chunks_for(kb: KnowledgeBase, sources: list[str]) -> list[str]:
    """Ids of the smallest chunks that contain each framework source quote verbatim."""
    ids: list[str] = []
    for source in sources:
        needle = _norm(source)
        holders = [c for c in kb.chunks if needle in _norm(c.text)]
        if holders:
            best = min(holders, key=lambda c: len(c.text))
            if best.id not in ids:
                ids.append(best.id)
    return ids


_RETRIEVED: dict[tuple[int, int], tuple[weakref.ref[Any], dict[str, list[ScoredChunk]]]] = {}


def retrieve_sections(kb: KnowledgeBase, k: int = 4) -> dict[str, list[ScoredChunk]]:
    """The guide passages retrieved for each section of an ad (the queries are fixed: computed once per KB)."""
    cached = _RETRIEVED.get((id(kb), k))
    if cached is not None and cached[0]() is kb:
        hits = cached[1]
    else:
        hits = {section: kb.search(query, k=k) for section, query in SECTION_QUERIES.items()}
        _RETRIEVED[(id(kb), k)] = (weakref.ref(kb), hits)
    return {section: list(h) for section, h in hits.items()}


def section_citations(kb: KnowledgeBase, hits: list[ScoredChunk], sources: list[str]) -> list[str]:
    """The chunks a section drew on: retrieved hits holding a source quote first, then the other source chunks."""
    grounded = _chunks_for(kb, sources)
    first = [h.chunk.id for h in hits if h.chunk.id in grounded]
    return first + [cid for cid in grounded if cid not in first]
