"""A guide's Markdown → structure-aware chunks.

Chunks follow the guide's structure (a run of paragraphs of one section, a list with its lead-in, one glossary
entry), never a fixed character window. Chunk ids are content hashes: ingesting an unchanged guide writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .framework import load_guide_text
from .models import Chunk

MAX_SECTION_CHARS = 900  # paragraphs of one section are grouped up to about this size

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_GLOSSARY_ITEM = re.compile(r"^\*\*(.+?)\*\*\s*[:：]")


def chunk_id(guide_id: str, section: str, text: str) -> str:
    return hashlib.sha256(f"{guide_id}\x1f{section}\x1f{text}".encode()).hexdigest()[:16]


def chunk_markdown(guide_id: str, body: str) -> list[Chunk]:
    """Split a guide's Markdown body into structure-aware chunks."""
    title = ""
    path: list[tuple[int, str]] = []
    blocks: list[tuple[str, str, list[str]]] = []  # (section, kind, lines)
    para: list[str] = []
    items: list[str] = []

    def section() -> str:
        return " > ".join(h for _, h in path) or title

    def flush_para() -> None:
        if para:
            blocks.append((section(), "para", [" ".join(s.strip() for s in para)]))
            para.clear()

    def flush_list() -> None:
        if items:
            blocks.append((section(), "list", list(items)))
            items.clear()

    for raw in body.splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if heading:
            flush_para()
            flush_list()
            level, text = len(heading.group(1)), heading.group(2).strip()
            if level == 1:
                title, path = text, []
            else:
                path = [(lvl, h) for lvl, h in path if lvl < level] + [(level, text)]
        elif item:
            flush_para()
            items.append(item.group(1).strip())
        elif not line.strip():
            flush_para()
            flush_list()
        elif items and raw.startswith((" ", "\t")):
            items[-1] += " " + line.strip()  # continuation of a list item
        else:
            flush_list()
            para.append(line)
    flush_para()
    flush_list()

    chunks: list[Chunk] = []

    def emit(section_name: str, kind: str, text: str) -> None:
        chunks.append(
            Chunk(
                id=chunk_id(guide_id, section_name, text),
                guide_id=guide_id,
                section=section_name,
                kind=kind,  # type: ignore[arg-type]
                text=text,
                order=len(chunks),
            )
        )

    i = 0
    while i < len(blocks):
        sec, kind, lines = blocks[i]
        if kind == "para":
            # A paragraph that introduces a list (ends with ':' or announces it) travels with its list.
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt and nxt[1] == "list" and nxt[0] == sec and lines[0].rstrip().endswith(":"):
                _emit_list(emit, sec, lines[0], nxt[2])
                i += 2
                continue
            group = [lines[0]]
            while (
                i + 1 < len(blocks)
                and blocks[i + 1][1] == "para"
                and blocks[i + 1][0] == sec
                and len(" ".join(group)) + len(blocks[i + 1][2][0]) <= MAX_SECTION_CHARS
                and not _introduces_list(blocks, i + 1)
            ):
                i += 1
                group.append(blocks[i][2][0])
            emit(sec, "intro" if sec == title else "section", "\n\n".join(group))
        else:
            _emit_list(emit, sec, None, lines)
        i += 1
    return chunks


def _introduces_list(blocks: list[tuple[str, str, list[str]]], i: int) -> bool:
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return bool(nxt and nxt[1] == "list" and nxt[0] == blocks[i][0] and blocks[i][2][0].rstrip().endswith(":"))


def _emit_list(emit: Callable[[str, str, str], None], sec: str, lead: str | None, items: list[str]) -> None:
    if items and sum(bool(_GLOSSARY_ITEM.match(it)) for it in items) >= 0.8 * len(items):
        for it in items:  # a glossary ("- **Term** : definition"): one entry per chunk
            emit(sec, "glossary", it)
        return
    body = "\n".join(f"- {it}" for it in items)
    emit(sec, "list", f"{lead}\n{body}" if lead else body)


@dataclass(frozen=True)
class Guide:
    id: str
    meta: dict[str, Any]
    chunks: list[Chunk]


def load_guide(guide_dir: Path) -> Guide:
    """Read guide.md from a guide folder and chunk it."""
    meta, body = load_guide_text(guide_dir)
    guide_id = str(meta.get("id") or guide_dir.name)
    chunks = chunk_markdown(guide_id, body)
    if not chunks:
        raise KnowledgeError(f"{guide_dir / 'guide.md'}: no text to index (is the file empty?).")
    return Guide(id=guide_id, meta=meta, chunks=chunks)


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: the section path gives a short passage its context."""
    return f"{chunk.section}\n{chunk.text}"
