"""Subjects: who or what a number is about (gazetteer, shape rules, variants in context)."""

from extractors.subjects.gazetteer import Entity, Gazetteer, load_gazetteer
from extractors.subjects.ruler import Mention, find_mentions

__all__ = ["Entity", "Gazetteer", "Mention", "find_mentions", "load_gazetteer"]
