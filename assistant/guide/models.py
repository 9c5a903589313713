"""The guide's passages as the retrievers return them, and the citation a result carries."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Chunk(BaseModel):
    """One retrievable passage of a guide: a section, a list, a list item or a glossary entry."""

    id: str = Field(description="Content-hash id of the passage.")
    guide_id: str
    section: str = Field(description="Section path, e.g. 'Les compétences à viser > Les 5 soft skills'.")
    kind: Literal["intro", "section", "list", "list_item", "glossary"]
    text: str
    order: int = Field(0, description="Position of the chunk in the guide, for stable display.")


class ScoredChunk(BaseModel):
    chunk: Chunk
    score: float = Field(description="Fused (reciprocal-rank) score; higher is better.")
    dense_score: float | None = Field(None, description="Cosine similarity, when dense retrieval ran.")
    bm25_score: float | None = None


class Citation(BaseModel):
    chunk_id: str
    section: str
    text: str
