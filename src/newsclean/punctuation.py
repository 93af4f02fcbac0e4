"""The punctuation that ends a sentence or a clause, in the scripts newsclean meets.

Latin and CJK marks first, then the full stops of scripts that have their own: Burmese ``။``,
the Devanagari danda ``।`` and ``॥`` (Hindi, Marathi, Nepali; Bengali uses it too), the Urdu
full stop ``۔``, the Arabic question mark ``؟``, the Ethiopic ``።`` and the Armenian ``։``.
A page in one of those scripts whose lines end in its own full stop reads as running text,
as a page in English does; without them every line of it looked like a menu item.

Shared by the line shape (``classify``), the line features (``features``) and the renderer
(``render``), so that all three agree on what ends a sentence.
"""
from __future__ import annotations

__all__ = ["FULL_STOPS", "OTHER_SCRIPT_STOPS", "CLAUSE_MARKS"]

# the full stops of scripts that have their own (Burmese, Devanagari, Urdu, Arabic, Ethiopic, Armenian)
OTHER_SCRIPT_STOPS = "။।॥۔؟።։"
# marks that end a sentence
FULL_STOPS = ".!?。！？…" + OTHER_SCRIPT_STOPS
# marks that end a clause inside a sentence (Burmese little section, Arabic comma and semicolon)
CLAUSE_MARKS = ",，;；、" + "၊،؛"
