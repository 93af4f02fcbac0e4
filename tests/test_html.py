"""HTML input: the renderer, trafilatura + newsclean combined, and the title choice.

The pages are made up here (never corpus pages)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from newsclean.document import Label  # noqa: E402
from newsclean.html import _pick_title, clean_html, render_text  # noqa: E402

SRC = str(Path(__file__).resolve().parents[1] / "src")

EN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Harbour plan approved after ten years | Example Daily</title>
<meta name="author" content="Jane Smith"><meta property="article:published_time" content="2024-03-05T10:00:00">
<style>.x{color:red}</style><script>var tracking = "should never appear";</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li></ul></nav>
<main><article><h1>Harbour plan approved after ten years</h1>
<p class="byline">By Jane Smith</p>
<p>The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that had lasted more than ten years. The project will cost about 40 million euros.</p>
<p>Council members said the new harbour would bring jobs to the eastern districts, where unemployment is higher than in the rest of the city. Critics warned that the costs could still rise.</p>
<h2>What happens next</h2>
<p>The mayor said construction would begin next spring, after the regional government has granted the final permits for the work on the quays.</p>
<p>Share this article on Facebook</p>
</article></main>
<aside><h3>Related articles</h3><ul><li><a href="/a">Mayor opens new library in the old town</a></li>
<li><a href="/b">Tram line extended to the airport</a></li><li><a href="/c">Storm damages coastal road</a></li></ul></aside>
<footer><p>Copyright 2024 Example Daily. All rights reserved.</p></footer></body></html>
"""

ZH_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新能源汽车销量再创新高_示例新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/car">汽车</a> <a href="/tech">科技</a></div>
<div class="article"><h1>新能源汽车销量再创新高</h1>
<p>本报讯 今年前三个季度，全国新能源汽车销量同比增长超过三成，多家企业的月度交付量创下历史新高，市场渗透率持续提升。</p>
<p>业内人士表示，充电基础设施不断完善、电池成本持续下降以及消费者接受程度提高，是推动销量增长的主要原因，预计全年销量仍将保持较快增长。</p>
<p>与此同时，多地出台政策支持老旧车辆置换，进一步释放了汽车消费潜力，部分城市的新能源汽车新车占比已经超过一半。</p>
<p>扫描二维码关注我们的微信公众号</p>
<p>联系电话：010-12345678 微信号：example_news</p>
<p>版权声明：本文为示例新闻网原创，转载请注明出处。</p>
</div>
<div class="footer"><p>京ICP备12345678号 版权所有 示例新闻网</p></div></body></html>
"""


# ------------------------------------------------------------------------------ renderer

def test_render_text_one_block_a_line_without_scripts_or_hidden_text():
    html = ("<html><head><title>T</title></head><body><div>Menu <a>Home</a></div><!-- note -->after comment"
            "<p>Hello <b>bold</b> world.<br>Second line</p><script>var x = 1;</script>"
            "<div style='display: none'>secret</div><ul><li>one</li><li>two</li></ul></body></html>")
    text = render_text(html)
    assert text.split("\n\n") == ["Menu Home", "after comment", "Hello bold world.", "Second line", "one", "two\n"]
    assert "var x" not in text and "secret" not in text and "T\n" not in text


def test_render_text_survives_deep_nesting_and_garbage():
    deep = "<html><body>" + "<div><span>" * 120 + "deep text" + "</span></div>" * 120 + "</body></html>"
    assert render_text(deep).strip() == "deep text"
    assert render_text("").strip() == ""  # lxml refuses an empty document: no exception
    assert "plain words" in render_text("plain words")


# ------------------------------------------------------------------------------ clean_html

def test_english_page_keeps_the_article_and_learns_the_metadata():
    doc = clean_html(EN_PAGE)
    md = doc.markdown
    assert doc.input_kind == "html"
    meta = doc.metadata
    assert meta.title == "Harbour plan approved after ten years"  # site suffix gone
    assert meta.date == "2024-03-05"
    assert meta.author == "Jane Smith"
    assert meta.language == "en"
    for kept in ("approved a plan to rebuild the old harbour", "bring jobs to the eastern districts",
                 "construction would begin next spring"):
        assert kept in md
    for gone in ("Related articles", "Tram line extended", "All rights reserved", "Share this article",
                 "should never appear", "Culture"):
        assert gone not in md
    # the headline is in the front matter, not repeated as the body's first line
    assert md.count("Harbour plan approved after ten years") == 1
    assert "## What happens next" in md


def test_chinese_boilerplate_trafilatura_keeps_is_removed_by_cues():
    import trafilatura

    theirs = trafilatura.extract(ZH_PAGE) or ""
    assert "联系电话" in theirs or "转载请注明" in theirs or "二维码" in theirs  # the problem being solved
    doc = clean_html(ZH_PAGE)
    md = doc.markdown
    assert "全国新能源汽车销量同比增长超过三成" in md and "释放了汽车消费潜力" in md
    for gone in ("二维码", "联系电话", "微信号", "转载请注明", "ICP备", "首页"):
        assert gone not in md
    assert doc.metadata.title == "新能源汽车销量再创新高"
    assert doc.metadata.language == "zh"
    codes = {l.code for l in doc.lines if l.label is Label.BOILERPLATE}
    assert {"NC-SHARE", "NC-CONTACT", "NC-LEGAL"} <= codes


def test_page_trafilatura_finds_nothing_in_still_cleans():
    html = "<html><body><p>One short line.</p></body></html>"
    doc = clean_html(html)
    assert doc.input_kind == "html"
    assert "One short line." in doc.markdown


def test_pick_title_drops_the_site_name():
    assert _pick_title("Headline here | Example Daily", "Headline here", None) == "Headline here"
    assert _pick_title("Headline here - Example Daily", None, "Example Daily") == "Headline here"
    assert _pick_title("标题文字_示例新闻网", "标题文字", None) == "标题文字"
    # a colon inside the headline is not a site suffix
    assert _pick_title("Ukraine: talks resume", "Something else", None) == "Ukraine: talks resume"
    assert _pick_title(None, "Ours", None) == "Ours"
    assert _pick_title("", None, None) is None


def test_cli_detects_html_by_content_and_gives_the_same_markdown(tmp_path):
    page = tmp_path / "page.txt"  # the suffix says text; the content is HTML
    page.write_text(EN_PAGE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(page)], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == clean_html(EN_PAGE).markdown


# ------------------------------------------------------------------- combining, metadata

PARAS = ["The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that had lasted "
         "more than ten years.",
         "Council members said the new harbour would bring jobs to the eastern districts, where unemployment is "
         "higher than elsewhere.",
         "The mayor said construction would begin next spring, after the regional government has granted the "
         "final permits.",
         "Environmental groups welcomed the decision but asked the council to protect the wetlands north of the "
         "old quays.",
         "The first ships are expected to dock at the rebuilt harbour in the summer of 2027, the port authority "
         "said on Wednesday.",
         "Residents will be able to comment on the detailed plans at a public meeting in the town hall next month."]
HEAD = ("<html><head><title>Harbour plan approved</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>")
FOOT = "<footer><p>Copyright 2024 Example Daily.</p></footer></body></html>"


def _ps(paras) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def test_article_the_rendering_does_not_show_comes_from_trafilatura():
    """Text in a hidden element (streamed server-side rendering fills the page from it by
    script): the rendered page has no article, trafilatura's text is cleaned instead."""
    html = HEAD + "<main><h1>Harbour plan approved</h1><div hidden id='S:1'>" + _ps(PARAS) + "</div></main>" + FOOT
    doc = clean_html(html)
    body = doc.markdown.split("---\n", 2)[2]
    assert [b.strip() for b in body.strip().split("\n\n")] == PARAS  # every paragraph, each its own
    assert doc.metadata.title == "Harbour plan approved" and "Copyright" not in body


def test_box_inside_the_article_ends_neither_the_article_nor_keeps_its_links():
    html = (HEAD + "<article><h1>Harbour plan approved</h1>" + _ps(PARAS[:3])
            + "<aside><h3>Most Popular</h3><ul><li><a href='/a'>Mayor opens new library</a></li>"
              "<li><a href='/b'>Tram line extended to the airport</a></li>"
              "<li><a href='/c'>Storm damages coastal road</a></li></ul></aside>"
            + _ps(PARAS[3:]) + "</article>" + FOOT)
    md = clean_html(html).markdown
    assert all(p in md for p in PARAS)
    assert "Most Popular" not in md and "library" not in md and "Tram line" not in md and "Storm" not in md


def test_a_line_taken_for_the_headline_goes_back_to_the_body_when_the_title_is_another():
    from newsclean.document import Document, Line, Metadata
    from newsclean.html import _combined

    first = Line(1, PARAS[0], 1, (2, 2)).with_first(Label.CONTENT, "NC-TEXT").with_final(Label.METADATA, "NC-TITLE")
    lines = (Line(0, "Home World", 0, (0, 0)).with_first(Label.BOILERPLATE, "NC-NAV"), first,
             *(Line(i + 2, p, i + 2, (2 * i + 4, 2 * i + 4)).with_first(Label.CONTENT, "NC-TEXT")
               for i, p in enumerate(PARAS[1:])))
    doc = Document(lines, Metadata(title=PARAS[0]), (), "")
    found = {"text": "Harbour plan approved\n" + "\n".join(PARAS)}
    out = _combined(doc, found, "Harbour plan approved")
    assert [l.label for l in out] == [Label.BOILERPLATE] + [Label.CONTENT] * len(PARAS)
    kept = _combined(doc, found, PARAS[0])  # it is the title chosen: it stays in the front matter
    assert kept[1].label is Label.METADATA


def test_dates_and_authors_from_both_sources():
    from newsclean.document import Metadata
    from newsclean.html import _later, _metadata

    assert _later("2021-11-22", "2023-01-01") == "2023-01-01" == _later("2023-01-01", "2021-11-22")
    assert _later("2024-04-28", "2024-04-28T10:00:00") == "2024-04-28T10:00:00"  # the same day: with the time
    assert _later(None, "2024-04-28") == "2024-04-28" and _later("2024-04-28", None) == "2024-04-28"
    site = {"sitename": "Example Daily", "hostname": "www.example-daily.com"}
    person = Metadata(author="Jane Smith")
    # the site's name (or host) as author gives way to a person named on the page ...
    for theirs in ("Example Daily", "Example-Daily Com", "example-daily"):
        assert _metadata(Metadata(author=theirs), person, None, site).author == "Jane Smith"
    # ... but stays when the page names nobody (the site is then the author)
    assert _metadata(Metadata(author="Example Daily"), Metadata(), None, site).author == "Example Daily"
    # a real name from the markup wins; a CMS placeholder never does
    assert _metadata(Metadata(author="John Doe"), person, None, site).author == "John Doe"
    assert _metadata(Metadata(author="admin"), Metadata(), None, site).author is None
    assert _metadata(Metadata(author="Admin"), person, "T", site) == Metadata(title="T", author="Jane Smith")


def test_html_with_stray_nul_bytes_is_cleaned(tmp_path):
    """Scraped HTML now and then carries a few NUL bytes: not a binary file."""
    from newsclean.decode import decode_report

    html = (HEAD + "<article>" + _ps(PARAS * 2) + "\x00</article>" + FOOT).encode("utf-8")  # under 1 in 1,000 bytes
    text, warning = decode_report(html)
    assert "\x00" not in text and warning == "1 NUL byte dropped"
    page = tmp_path / "page.html"
    page.write_bytes(html)
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(page)], capture_output=True, text=True,
                          env=env)
    assert proc.returncode == 0, proc.stderr
    assert PARAS[1] in proc.stdout and "NUL byte dropped" in proc.stderr


def test_switching_nc_title_off_leaves_the_headline_in_the_body():
    # the repeated title leaves the body by one function for text and HTML input alike
    # (pipeline.drop_repeated_title), and NC-TITLE switched off keeps it there in both
    from newsclean.config import Config
    from newsclean.pipeline import clean

    off = Config(disabled_rules=frozenset({"NC-TITLE"}))
    head = "Harbour plan approved after ten years"
    text = "\n\n".join(["Home", head, "By Jane Smith"] + PARAS)
    for make in (lambda cfg: clean_html(EN_PAGE, config=cfg), lambda cfg: clean(text, config=cfg)):
        body_on = make(None).markdown.split("---\n", 2)[2]
        body_off = make(off).markdown.split("---\n", 2)[2]
        assert head not in body_on and head in body_off
