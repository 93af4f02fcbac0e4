"""NC-ERROR: error messages a site's software printed into the page."""
import pytest

from newsclean import Config, Label, clean
from newsclean.errors import error_lines

WARNINGS = [
    "Strict Standards: Redefining already defined constructor for class wpdb in /www/htdocs/w00/wp-includes/wp-db.php on line 56",
    "Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/w00/wp-settings.php on line 520",
]

PAGE = "\n\n".join(WARNINGS + [
    "Malaga, die quirlige Metropole in Andalusien",
    "22. November 2011",
    "Spanien hat als Reiseland eine Menge zu bieten. Ob nun die Inselgruppen der Balearen oder auch Kanaren, "
    "die so gut wie jedem ein Begriff sein sollten, oder die Hauptstadt Madrid.",
    "Eine der größten Städte ganz Spaniens ist Malaga in Andalusien. Die Stadt, die oftmals ein wenig im "
    "Schatten des historischen Sevilla steht, ist jedoch auch selber eine Reise wert.",
]) + "\n"


@pytest.mark.parametrize("line", WARNINGS + [
    "Warning: mysql_connect(): Access denied for user 'web'@'localhost' (using password: NO) in /var/www/db.php on line 12",
    "Notice: Undefined index: page in C:\\inetpub\\site\\index.php on line 7",
    "Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 82130233 bytes) in /srv/a.php on line 3",
    "PHP Warning:  Unknown: failed to open stream in Unknown on line 0",
    "Catchable fatal error: Object of class WP_Error could not be converted to string in /x/formatting.php on line 3.",
])
def test_a_message_on_one_line(line):
    assert error_lines(["Some headline", line, "Some text."]) == {1}


@pytest.mark.parametrize("line", [
    "Warning: delays in Berlin on line 5",  # no file
    "Notice: the bus stops in /Kreuzberg/ on line 7 are moved",  # not at the line's end
    "He read the warning: errors in /etc/hosts on line 3",  # no level opening the line
    "Deprecated functions are listed in the manual.",
])
def test_prose_is_no_message(line):
    assert error_lines([line]) == frozenset()


def test_a_message_split_by_a_dump_of_text_nodes_is_found_whole():
    # the bold level, file and line number are text nodes of their own
    texts = ["Strict Standards", ": Redefining already defined constructor for class wpdb in",
             "/www/htdocs/w00/wp-includes/wp-db.php", "on line", "56", "Malaga, die quirlige Metropole"]
    assert error_lines(texts) == {0, 1, 2, 3, 4}


def test_a_line_opening_like_a_message_does_not_swallow_the_next_one():
    texts = ["Warning: delays in Berlin on line 5", WARNINGS[0]]
    assert error_lines(texts) == {1}


def test_messages_are_dropped_and_never_the_title():
    doc = clean(PAGE)
    assert doc.metadata.title == "Malaga, die quirlige Metropole in Andalusien"
    assert doc.metadata.date == "2011-11-22"
    errors = [l for l in doc.lines if l.code == "NC-ERROR"]
    assert [l.text for l in errors] == WARNINGS
    assert all(l.label is Label.BOILERPLATE for l in errors)
    assert "Strict Standards" not in doc.markdown and "Deprecated" not in doc.markdown


def test_the_rule_can_be_switched_off():
    doc = clean(PAGE, config=Config(disabled_rules=frozenset({"NC-ERROR"})))
    assert not any(l.code == "NC-ERROR" or l.first_code == "NC-ERROR" for l in doc.lines)
    # switched off all through: the title finder is no longer told the message is one, and takes it
    assert doc.metadata.title == WARNINGS[0]
