"""Error messages a site's software printed into the page (``NC-ERROR``).

A PHP site with its error display on prints every warning into the page, above the headline
as often as not: 'Warning: mysql_connect(): Access denied for user … in /var/www/db.php on
line 12', 'Deprecated: Assigning the return value of new by reference is deprecated in
/www/htdocs/…/query.php on line 21'. The message has one shape in every site's language (PHP
writes it in English), so it is a pattern over the page, not a cue of the per-language files.
A page's dump may split one message over several lines (a dump of text nodes sets the bold
level, file and line number apart: 'Warning' / ': … in' / '/var/www/db.php' / 'on line' / '12'),
so the pattern is matched over the page's lines joined, and every line a match covers is one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from newsclean import startcache
from newsclean.thresholds import ERROR_MESSAGE_MAX_CHARS

# PHP's levels ('Catchable fatal error', 'Fatal error'), as it writes them (case aside)
_LEVELS = r"(?i:(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?Fatal error|Parse error))"
# a level at a line's start, its colon, the message (not running into the next message), 'in' and a file (a
# path or a name with an extension, or PHP's 'Unknown'), 'on line' and a number at a line's end
_MESSAGE = startcache.compile(rf"^{_LEVELS}\s*:\s(?:(?!\n{_LEVELS}\s*:)[\s\S]){{0,{ERROR_MESSAGE_MAX_CHARS}}}?"
                              r"\sin\s+(?:Unknown|\S*[/\\.]\S*)\s+on line\s+\d+\.?$", re.M)
_NEEDLE = "on line"  # every message holds it: pages without it are not searched


def error_lines(texts: Sequence[str]) -> frozenset[int]:
    """The indices of the lines that are (part of) an error message of the site's software."""
    if not any(_NEEDLE in t for t in texts):
        return frozenset()
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    page = "\n".join(texts)
    found: set[int] = set()
    for m in _MESSAGE.finditer(page):
        found.update(range(bisect_right(starts, m.start()) - 1, bisect_right(starts, m.end() - 1)))
    return frozenset(found)
