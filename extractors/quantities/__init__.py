"""Chinese quantity parser: numerals, units, qualifiers and ranges in news text.

Public API: ``find_quantities(text)``, ``find_numbers(text)``, ``parse_chinese_number(s)``.
"""

from .finder import find_numbers, find_quantities
from .numerals import parse_chinese_number

__all__ = ["find_numbers", "find_quantities", "parse_chinese_number"]
