"""decode: every encoding a scraped dump comes in, line ends, binary rejection, HTML sniffing."""
import pytest

from newsclean.decode import DecodeError, decode, detect, looks_like_html, sniff_binary

ZH_SIMPLIFIED = "上海启动生物医药产业投资促进伙伴计划，今年产业规模目标超过九千亿元。"
ZH_TRADITIONAL = "台灣的經濟發展與國際貿易關係，今年出口金額創下新高。"
JA = "東京で新しい研究所が開かれました。記者会見は午後に行われる予定です。"
LATIN = "Le café « déjà vu » coûte 3 € – naïve Müller sagt: Straße. L’équipe a gagné."


@pytest.mark.parametrize("text,enc,expected", [
    (ZH_SIMPLIFIED, "gb18030", "gb18030"),
    (ZH_SIMPLIFIED, "gbk", "gb18030"),  # GBK is read as its superset GB18030
    (ZH_SIMPLIFIED, "gb2312", "gb18030"),
    (ZH_TRADITIONAL, "big5", "cp950"),
    (JA, "shift_jis", "cp932"),
    (LATIN, "cp1252", "cp1252"),
])
def test_legacy_encodings(text, enc, expected):
    data = text.encode(enc)
    assert detect(data) == expected
    assert decode(data) == text


@pytest.mark.parametrize("text,enc", [
    ("中国经济", "gbk"), ("今天天气很好。", "gb18030"), ("北京", "gb18030"), ("学习中文", "gbk"),
    ("臺北市政府", "big5"), ("新聞報導", "big5"), ("經濟", "big5"), ("中國", "big5"),
    ("東京", "shift_jis"), ("こんにちは", "shift_jis"), ("日本経済新聞", "shift_jis"), ("スポーツ", "shift_jis"),
    ("résumé", "cp1252"), ("€5", "cp1252"), ("s’agit", "cp1252"), ("Müller", "cp1252"),
])
def test_short_texts(text, enc):
    """Detectors guess wrong on a few characters; the common-character scoring must not."""
    assert decode(text.encode(enc)) == text


def test_utf8_fast_path_and_bom():
    assert detect("héllo 世界".encode()) == "utf-8"
    assert decode(b"\xef\xbb\xbfhello\n") == "hello\n"
    assert not decode("\ufeff中文".encode("utf-8")).startswith("\ufeff")


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(enc):
    text = "新闻 news\n第二行"
    data = text.encode(enc)
    if enc != "utf-16":  # the plain codec writes its own BOM
        data = ("\ufeff" + text).encode(enc)
    assert decode(data) == text


def test_utf16_without_bom_is_not_binary():
    assert decode("plain news text\nsecond line".encode("utf-16-le")) == "plain news text\nsecond line"


@pytest.mark.parametrize("raw", [b"a\r\nb\r\n", b"a\rb\r", b"a\r\nb\rc\n"])
def test_line_ends_become_lf(raw):
    out = decode(raw)
    assert "\r" not in out
    assert out.split("\n")[:2] == ["a", "b"]


def test_crlf_in_legacy_encoding():
    assert decode("第一行\r\n第二行\r\n".encode("gb18030")) == "第一行\n第二行\n"


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"GIF89a\x01\x00", "GIF"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    (b"PK\x03\x04\x14\x00", "zip"),
    (b"some text\x00\x01\x02 with NULs", "NUL"),
])
def test_binary_is_rejected(data, what):
    assert sniff_binary(data) is not None
    with pytest.raises(DecodeError, match=what):
        decode(data)


def test_pdf_text_start_is_only_binary_at_offset_zero():
    assert decode(b"See the report at %PDF-1.7 for details").startswith("See")


def test_empty_input():
    assert decode(b"") == ""


def test_cyrillic_codepage():
    text = "Правительство утвердило новый бюджет на следующий год."
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>",
    "  \n<!doctype HTML>\n<p>x",
    "<html lang='en'><p>x</p></html>",
    "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
    "<!-- saved page -->\n<html>",
    "junk before\n<head><meta charset=utf-8></head><body>text</body>",
    "".join(f"<div class='c'><p>para {i}</p><a href='/x'>link</a></div>" for i in range(5)),
    # fragments without <html>/<head>/<body> open with their markup: a tag, a comment, an entity
    "<h1>Game reviews</h1>\n(in the order I played them)\n" + "<p>A <a href='/g'>game</a> <b>review</b>.</p>\n" * 10,
    "&nbsp;\n<table><tr><td>" + "<p>Cell <a href='/c'>text</a> <b>here</b>.</p>" * 10 + "</td></tr></table>",
])
def test_html_sniffed_by_content(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "",
    "A plain news page.\n\nIt mentions the <p> tag and a <br> once.",
    "Markdown with *emphasis* and a [link](http://x).",
    "If a < b and c > d then the formula holds.\n" * 20,
    "---\ntitle: x\n---\n\nBody text.",
    # a text dump of a page about HTML: it names <head> and <body> in its prose, and a
    # comment form lists the tags it allows, but markup is no real part of its characters
    pytest.param("Skip to main content\n\nHow single-page apps load\n\n" + "Running text of the article, " * 40
                 + "\n\nAn HTML document with metadata in the <head> and a blank <div> in the <body>.\n\n"
                 + "More running text about the framework and its build step. " * 40, id="prose-names-skeleton"),
    pytest.param("Blog\n\nEssays\n\n" + "A long comment thread on cryptography and its policy.\n\n" * 150
                 + "Allowed HTML <a href=\"URL\"> • <em> <cite> <i> • <strong> <b> • <sub> <sup> • <ul> <ol> <li> • "
                 "<blockquote> <pre>\n\nPowered by a blog engine", id="comment-form-lists-tags"),
    # text dumps that quote markup (a blog's comments citing <a> and <em>, a forum answer's code
    # sample, a tutorial's <pre> blocks): far more tags, but the dump opens with the page's words
    pytest.param("Election 2012\n\nLog in\n\n" + "A reader wrote: <blockquote>I agree with <em>all</em> of "
                 "this</blockquote> and linked <a href='/x'>the post</a>, <i>twice</i>.\n\n" * 30,
                 id="comments-quote-markup"),
    pytest.param("DevDojo\n\nCommunity\n\nHow do I hide the navigation?\n\n"
                 + "<nav class='x'><div><span>Menu</span><button>Open</button><img src='a.png'></div></nav>\n" * 20,
                 id="forum-code-sample"),
])
def test_plain_text_is_not_html(text):
    assert not looks_like_html(text)


def test_well_formed_replaces_only_lone_surrogates():
    from newsclean.decode import well_formed

    assert well_formed("plain") == "plain"
    assert well_formed("emoji \U0001F600 and 中文") == "emoji \U0001F600 and 中文"
    assert well_formed("cut \ud83d pair and \udc00") == "cut \ufffd pair and \ufffd"
