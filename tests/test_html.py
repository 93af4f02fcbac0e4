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
