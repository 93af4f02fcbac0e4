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
