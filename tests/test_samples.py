"""Golden files: every samples/<name>.txt cleans to samples/<name>.md, and cleaning is idempotent.

After a change that is an improvement you can name, regenerate with
``NEWSCLEAN_UPDATE_GOLDEN=1 python -m pytest tests/test_samples.py`` and review the diff.
"""
import os
from pathlib import Path

import pytest

from newsclean import clean
from newsclean.render import split_front_matter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = sorted(p for p in SAMPLES.glob("*.txt"))
UPDATE = os.environ.get("NEWSCLEAN_UPDATE_GOLDEN") == "1"


def test_enough_samples():
    names = [p.stem for p in PAGES]
    assert len(names) >= 8
    assert {"seed000", "seed004"} <= set(names)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_golden(page):
    got = clean(page.read_text(encoding="utf-8")).markdown
    expected = page.with_suffix(".md")
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_idempotent(page):
    once = clean(page.read_text(encoding="utf-8")).markdown
    assert clean(once).markdown == once


def body(md: str) -> str:
    return split_front_matter(md)[1]


def test_seed000_as_its_readme_says():
    doc = clean((SAMPLES / "seed000.txt").read_text(encoding="utf-8"))
    meta = doc.metadata
    assert meta.title == "2020中国生物医药产业创新大会今在宝山举行"
    assert meta.author == "admin"
    assert meta.category == "宝山产业地产信息"
    assert meta.url == "http://bs-cfw.com/index.php/post/109.html"
    assert meta.date is None  # "(09-24)" has no year: no date may be invented
    text = body(doc.markdown)
    assert text.lstrip().startswith("新民晚报讯 (记者 郭剑烽)今天上午")
    assert text.rstrip().endswith("中国生物医药产业全产业链发展新高地。")
    assert "图说:宝山区组建成立" in text
    for dropped in ("当前位置", "葛毅明", "扫一扫", "版权声明", "本文链接", "标签", "分享给朋友", "相关文章",
                    "2021年宝山区农产品绿色生产基地", "admin9个月前"):
        assert dropped not in text, dropped


def test_seed004_as_its_readme_says():
    doc = clean((SAMPLES / "seed004.txt").read_text(encoding="utf-8"))
    meta = doc.metadata
    assert meta.title == "上海启动生物医药产业投资促进伙伴计划 2023年产业规模目标超过9000亿"
    assert meta.date == "2023-04-18T21:25:03"
    assert meta.source == "股票牛"
    assert meta.category == "综合"
    assert meta.editor == "叶志远"
    text = body(doc.markdown)
    assert text.lstrip().startswith("4月18日,“上海市生物医药产业投资促进伙伴计划”正式启动")
    assert text.rstrip().endswith("共计百位领导嘉宾参会。")
    assert "原文如下:" in text
    assert "打造生物医药“朋友圈” 构筑投资促进“强磁场”" in text
    for heading in ("提“能级”,配置全球要素资源", "找“伙伴”,打造生物医药“朋友圈”", "发《指南》,提供“一门式服务”"):
        assert f"\n## {heading}\n" in text, heading
    for dropped in ("您的位置", "来源:股票牛", "相关资料图", "财经编辑", "标签", "相关阅读", "精彩放送", "钉钉接入千问大模型"):
        assert dropped not in text, dropped


def test_listicle_keeps_every_item_of_its_numbered_list():
    # 'Top 10 …': the model keeps items 1-5 and scores 6-10 like a menu; the numbers that go on
    # bring them back with their text (runs.keep_numbered), and the page's furniture stays out
    text = body(clean((SAMPLES / "en-listicle-blocks.txt").read_text(encoding="utf-8")).markdown)
    for item in ("1. Christie Leigh Mueller", "5. Kristi Dosh", "6. Michelle Beadle", "7. Erin Andrews",
                 "8. Lori Kelly", "9. The Sports Brat", "10. YOU!!!!!!!", "Funny. Real. Does sports her way",
                 "Jessica Ceresino founded The Sports Brat"):
        assert item in text, item
    for dropped in ("Popular Posts", "Basketball Basics", "« Previous", "Tweets by", "© Copyright"):
        assert dropped not in text, dropped
    # the items whose number lost its space ('3.Charlotte') are items too, not subheadings
    assert "\n3. Charlotte Jones Anderson\n" in text and "## " not in text
