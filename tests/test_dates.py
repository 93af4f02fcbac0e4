import datetime

import pytest

from newsclean.dates import date_in_url, find_dates, parse_date


@pytest.mark.parametrize("text, iso", [
    ("2023-04-18 21:25:03    来源:股票牛", "2023-04-18T21:25:03"),
    ("2023/4/18", "2023-04-18"),
    ("2023.04.18", "2023-04-18"),
    ("2023年4月18日", "2023-04-18"),
    ("2023年4月18日 下午3:30", "2023-04-18T15:30:00"),
    ("2023年4月18日 上午10:30", "2023-04-18T10:30:00"),
    ("2023年04月18日 10:30", "2023-04-18T10:30:00"),
    ("18 April 2023", "2023-04-18"),
    ("April 18, 2023", "2023-04-18"),
    ("Apr. 18 2023", "2023-04-18"),
    ("Posted on March 3rd, 2019 at 5:45 pm", "2019-03-03T17:45:00"),
    ("18.04.2023", "2023-04-18"),
    ("06. 01. 2026, 14:59 Uhr", "2026-01-06T14:59:00"),
    ("19.10.19, 18:56", "2019-10-19T18:56:00"),
    ("18. April 2023", "2023-04-18"),
    ("05. Juni 2025", "2025-06-05"),
    ("18 avril 2023", "2023-04-18"),
    ("18 de abril de 2023", "2023-04-18"),
    ("18 апреля 2023 г.", "2023-04-18"),
    ("18 kwietnia 2023", "2023-04-18"),
    ("18 aprile 2023", "2023-04-18"),
    ("18 april 2023", "2023-04-18"),
    ("18 Απριλίου 2023", "2023-04-18"),
    ("2023-04-18T21:25:03Z", "2023-04-18T21:25:03+00:00"),
    ("2023-04-18T21:25:03+02:00", "2023-04-18T21:25:03+02:00"),
    ("Mon, 05 Jun 2025 14:46:12 GMT", "2025-06-05T14:46:12+00:00"),
    ("Updated 4/18/2023 10:30 AM", "2023-04-18T10:30:00"),
    ("By Jane Doe | April 18, 2023", "2023-04-18"),
    # a count glued to the year by lost markup ('3 years' ago, '0' comments)
    ("April 10, 20233 years Jane Doe 142 Views", "2023-04-10"),
    ("Talkshow7. Januar 20220", "2022-01-07"),
    # a two-digit year after an apostrophe, with a month name
    ("veröffentlicht am 14 Feb ’20 | Kategorien: Social Media", "2020-02-14"),
    ("Posted Mar 3 '19 by jane", "2019-03-03"),
    # a place and a dash before a slashed date
    ("Madrid-29/05/2025 20:00", "2025-05-29T20:00:00"),
    # the parts of a date each in its own markup, set apart by spaced separators
    ("29 / Dezember / 2022", "2022-12-29"),
    ("26 | 01 | 2022  Schweiz | Praxis | Video", "2022-01-26"),
    # a blog's date badge: day, weekday, month, year
    ("31 Donnerstag Okt 2019", "2019-10-31"),
    ("7 Sunday Jan 2018", "2018-01-07"),
    # C's ctime(): the time between the day and the year
    ("Jan 04 09:34 2021", "2021-01-04T09:34:00"),
    ("Thu Jan  4 09:34:00 2021", "2021-01-04T09:34:00"),
    # the time after a word of data/dates.toml's time_joiners, per language
    ("18 April 2023 at 10:30", "2023-04-18T10:30:00"),
    ("3. Mai 2023 um 10:15 Uhr", "2023-05-03T10:15:00"),
    ("2. mars 2023 kl. 14:00", "2023-03-02T14:00:00"),
    ("5 de mayo de 2023 a las 10:30", "2023-05-05T10:30:00"),
    ("1 marca 2023 o 12:15", "2023-03-01T12:15:00"),
    ("18 апреля 2023 года в 12:00", "2023-04-18T12:00:00"),
])
def test_forms(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "(09-24)", "admin9个月前 (09-24)宝山产业地产信息465", "April 18", "18. April", "4月18日",
    "2023-02-30", "2023-13-01", "31.04.2023", "version 1.2.3", "", "no date here",
    "Tel. 0123/456789",
    # glued counts, apostrophe years, spaced separators, badges and ctime forms stay strict
    "12-18/04/2023", "April 10, 202334567", "Rock n' Roll since May 5 '1999", "Feb ’200", "It's 14 Feb, '20s music",
    "29/ Dezember /2022x", "1 | 2 | 20225", "31 Donnerstag 2019", "Jan 04 09:34",
])
def test_no_date(text):
    assert parse_date(text) is None


def test_time_range_is_not_a_zone():
    assert parse_date("19.1.23, 10:00-11:30 Uhr") == "2023-01-19T10:00:00"


def test_relative_only_with_reference():
    ref = datetime.date(2021, 6, 10)
    assert parse_date("3 hours ago") is None
    assert parse_date("3 hours ago", reference=ref) == "2021-06-10"
    assert parse_date("yesterday", reference=ref) == "2021-06-09"
    assert parse_date("2天前", reference=ref) == "2021-06-08"
    assert parse_date("vor 2 Tagen", reference=ref) == "2021-06-08"
    assert parse_date("admin9个月前 (09-24)") is None


def test_find_dates_spans_and_order():
    text = "Published 18 April 2023, updated 2023-04-20 10:00"
    found = find_dates(text)
    assert [iso for _, iso in found] == ["2023-04-18", "2023-04-20T10:00:00"]
    (a, b), _ = found[0]
    assert text[a:b].startswith("18 April 2023")


def test_dates_in_urls():
    assert date_in_url("https://x.org/2019/08/02/json-parsing/") == "2019-08-02"
    assert date_in_url("https://x.org/news/2023-04-18-title.html") == "2023-04-18"
    assert date_in_url("https://x.org/story/3000000218734/title") is None
    assert date_in_url(None) is None


@pytest.mark.parametrize("text, iso", [
    ("30.01.202430. Januar 2024", "2024-01-30"),  # a date glued to its own repetition
    ("Veröffentlicht am 19. Dezember 202219. Dezember 2022 von Redaktion", "2022-12-19"),
    ("30/10/23 | StarsInsider", "2023-10-30"),  # two-digit year, slashed
    ("von lupa am 26/10/13, 03:48 pm", "2013-10-26T15:48:00"),
])
def test_glued_and_two_digit_year(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["1/2/3", "Preis 12/10/2023x1", "Seite 3/4"])
def test_no_fraction_dates(text):
    assert parse_date(text) in (None, "2023-10-12")  # never a date from a fraction


@pytest.mark.parametrize("text, iso", [
    # a year glued to the time after it (markup lost between them)
    ("Published Fri, Apr 28 20232:23 PM EDT", "2023-04-28T14:23:00"),
    ("miércoles, 4 de mayo de 202207:59 hs", "2022-05-04T07:59:00"),
    # a date glued to its copy ("published" and "updated" dates side by side)
    ("17/11/201917/11/2019 ~ Jane Doe", "2019-11-17"),
    ("2023-04-182023-04-18", "2023-04-18"),
    # dotted month-first when the day cannot be a month
    ("01.21.2020 07:00 AM", "2020-01-21T07:00:00"),
    # a capitalised month glued to the word before it
    ("Associated PressApril 28, 2023 GMT", "2023-04-28"),
    ("2 minute readApril 25, 20232:26 PM GMT+2Last Updated 9 min ago", "2023-04-25T14:26:00+02:00"),
])
def test_glued_and_month_first_forms(text, iso):
    assert parse_date(text) == iso


def test_second_of_two_glued_dates_is_found():
    found = [iso for _span, iso in find_dates("Jane Doe | 29. Dezember 202230. Dezember 2022 | HR")]
    assert found == ["2022-12-29", "2022-12-30"]


@pytest.mark.parametrize("text", ["2023-13-01", "Ref. 18/04/20231", "Nr. 2022301 Bericht", "April 2023",
                                  "Marchand 5, 2020", "formay 5, 2020"])
def test_glued_forms_stay_strict(text):
    assert parse_date(text) is None


def test_patterns_skipped_without_their_characters_give_the_same_dates():
    # the per-pattern pre-checks only skip scans that could not match
    for text in ["18.04.2023", "2023-04-18T21:25:03Z", "2023年4月18日", "April 18, 2023", "30/10/23",
                 "18 de abril de 2023", "20230418T212503", "18-04-2023"]:
        assert find_dates(text), text


def test_date_words_file_is_well_formed():
    # data/dates.toml: per language twelve month lists, lower-case words, a word naming one month only
    from newsclean.dates import DATES_FILE, MONTHS, WEEKDAYS
    from newsclean.startcache import toml

    langs = toml(DATES_FILE)
    seen: dict[str, int] = {}
    for lang, words in langs.items():
        months = words.get("months")
        if months is not None:
            assert len(months) == 12, lang
            for num, names in enumerate(months, 1):
                for name in names:
                    assert name == name.lower() and not name.endswith("."), (lang, name)
                    assert seen.setdefault(name, num) == num, f"{lang}: {name!r} names two months"
        assert all(w == w.lower() for key in ("weekdays", "yesterday", "today") for w in words.get(key, ())), lang
    assert MONTHS == seen and {"april", "апреля", "kwietnia", "απριλίου"} <= set(MONTHS)
    assert {"donnerstag", "mon", "воскресенье"} <= WEEKDAYS


@pytest.mark.parametrize("text, iso", [
    ("Aktualisiert gestern", "2023-04-17"),
    ("aujourd'hui à 10:30", "2023-04-18"),
    ("Dziś", "2023-04-18"),
    ("前天 10:30", "2023-04-16"),
    ("昨日", "2023-04-17"),
    # a count of units ago, each language's way (data/dates.toml's ago_* tables)
    ("2 weeks ago", "2023-04-04"),
    ("9个月前", "2022-07-22"),
    ("il y a 3 jours", "2023-04-15"),
    ("hace 1 año", "2022-04-18"),
    ("há 2 semanas", "2023-04-04"),
    ("fa 2 mesi", "2023-02-17"),
])
def test_days_named_from_the_reference_come_from_the_date_words(text, iso):
    assert parse_date(text, reference=datetime.date(2023, 4, 18)) == iso


@pytest.mark.parametrize("text, found", [
    ("Jane Doe | Published 4 hours ago", ["4 hours ago"]),
    ("admin9个月前 (09-24)栏目465", ["9个月前"]),
    ("Jane Doe · vor 3 Stunden", ["vor 3 Stunden"]),
    ("2hrs 50mins ago", ["50mins ago"]),  # (its last unit only: the cut leaves the hours to the line)
    ("Storm hits the coast, 3 dead", []),
])
def test_relative_spans_without_a_reference(text, found):
    from newsclean.dates import relative_spans

    assert [text[a:b] for a, b in relative_spans(text)] == found
