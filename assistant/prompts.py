"""Prompts are files: prompts/<name>.yaml with `system`, `human` and the `variables` they take. Strict."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import ConfigError
from .settings import bundled_dir

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage

PROMPTS_DIR = bundled_dir("prompts")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    human: str
    variables: frozenset[str]

    def render(self, **values: Any) -> list[BaseMessage]:
        """System and human messages; a missing or unexpected variable is an error, never a silent blank."""
        from langchain_core.messages import HumanMessage, SystemMessage

        given = set(values)
        if given != self.variables:
            missing, extra = sorted(self.variables - given), sorted(given - self.variables)
            raise ConfigError(f"Prompt '{self.name}': missing variables {missing}, unexpected {extra}.")
        return [SystemMessage(content=self.system.format(**values)), HumanMessage(content=self.human.format(**values))]


@cache
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    """Load and check prompts/<name>.yaml: the declared variables must be exactly those the templates use."""
    path = directory / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Prompt file not found: {path}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not {"system", "human", "variables"} <= set(data):
        raise ConfigError(f"{path}: needs the keys system, human and variables.")
    declared = frozenset(data["variables"] or [])
    used = _fields(data["system"]) | _fields(data["human"])
    if used != declared:
        raise ConfigError(f"{path}: the templates use {sorted(used)} but `variables` declares {sorted(declared)}.")
    return Prompt(name=name, system=data["system"], human=data["human"], variables=declared)
