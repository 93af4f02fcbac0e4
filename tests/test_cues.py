"""Cue files load, merge languages and match each kind."""
from newsclean import cues


def test_languages_present():
    assert {"en", "zh"} <= set(cues.languages())


def test_each_kind_matches():
    table = cues.cues()
    assert table["NC-REL"].match("相关阅读") == "exact"
    assert table["NC-CRUMB"].match("当前位置:首页 > 新闻") == "prefix"
    assert table["NC-LEGAL"].match("版权声明:本文由本站发布") == "contains"
    assert table["NC-REL"].match("“某某” 的相关文章") == "patterns"
    assert table["NC-REL"].match("今天天气很好") is None


def test_extra_cues_from_configuration():
    table = cues.cues((("NC-PROMPT", "exact", ("zzz custom prompt",)),))
    assert table["NC-PROMPT"].match("ZZZ custom prompt!") == "exact"
    assert cues.cues()["NC-PROMPT"].match("zzz custom prompt") is None


def test_hits_reports_all_codes():
    assert cues.hits("Share on Facebook") == {"NC-SHARE": "exact"}


def test_comment_search_and_share_widgets():
    # interface lines of blog and news templates: comment forms, a search label, an accessibility link
    table = cues.cues()
    assert table["NC-COMMENT"].match("Schreibe einen Kommentar") == "exact"
    assert table["NC-COMMENT"].match("Hinterlasse jetzt einen Kommentar") == "exact"
    assert table["NC-COMMENT"].match("Deine E-Mail-Adresse wird nicht veröffentlicht.") == "prefix"
    assert table["NC-NAV"].match("Suche nach:") == "exact"
    assert table["NC-NAV"].match("Leichte Sprache") == "exact"
    assert table["NC-SHARE"].match("Share or comment on this article") == "prefix"
    assert table["NC-COMMENT"].match("Wer mag, kann unten einen Kommentar schreiben, sagte die Autorin.") is None
    assert table["NC-NAV"].match("Die Suche nach dem Täter dauerte die ganze Nacht.") is None
