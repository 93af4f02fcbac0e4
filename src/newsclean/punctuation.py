"""The punctuation that ends a sentence or a clause, in the scripts newsclean meets.

Latin and CJK marks first, then the full stops of scripts that have their own: Burmese ``။``,
the Devanagari danda ``।`` and ``॥`` (Hindi, Marathi, Nepali; Bengali uses it too), the Urdu
full stop ``۔``, the Arabic question mark ``؟``, the Ethiopic ``።`` and the Armenian ``։``.
A page in one of those scripts whose lines end in its own full stop reads as running text,
as a page in English does; without them every line of it looked like a menu item.

Shared by the line shape (``classify``), the line features (``features``) and the renderer
(``render``), so that all three agree on what ends a sentence; ``runs_on`` tells a sentence that a
dump split over lines, for the context rules and the byline finder alike.
"""
from __future__ import annotations

__all__ = ["FULL_STOPS", "OTHER_SCRIPT_STOPS", "CLAUSE_MARKS", "GOES_ON", "runs_on"]

# the full stops of scripts that have their own (Burmese, Devanagari, Urdu, Arabic, Ethiopic, Armenian)
OTHER_SCRIPT_STOPS = "။।॥۔؟።։"
# marks that end a sentence
FULL_STOPS = ".!?。！？…" + OTHER_SCRIPT_STOPS
# marks that end a clause inside a sentence (Burmese little section, Arabic comma and semicolon)
CLAUSE_MARKS = ",，;；、" + "၊،؛"
# a sentence's part opening with one of these goes on from the line above
GOES_ON = frozenset(",;:.)!?")


def runs_on(above: str, below: str) -> bool:
    """Whether line ``below`` goes on with the sentence of line ``above``: ``above`` ends without a mark,
    ``below`` opens with a word in lower case (not a brand, 'iOS 6 …') or with a comma or a full stop."""
    if not above[-1:].isalnum():
        return False
    if below[:1] in GOES_ON:
        return True
    word = below.split(" ", 1)[0]
    return word.isalpha() and word.islower()
