"""The cue word data (data/cues/*.toml): kinds of boilerplate it names, and content it leaves alone.

Each case is one line labelled alone by the first pass, so a cue file change that makes a
cue fire inside ordinary prose, or stop naming a kind of boilerplate, shows here.
"""
import pytest

from newsclean.blocks import split
from newsclean.classify import first_pass
from newsclean.document import Label


def first(line: str):
    (out,) = first_pass(split(line))
    return out


@pytest.mark.parametrize("line, code", [
    # inline "read also" links of other articles
    ("Lea también: Otro titular sobre la economía", "NC-REL"),
    ("Mire: El cantante Juan Luis Guerra da positivo", "NC-REL"),
    ("Dowiedz się więcej: Kto jak głosował?", "NC-REL"),
    ("Ähnliche Beiträge", "NC-REL"),
    ("Das könnte dich auch interessieren", "NC-REL"),
    ("More stories you may have missed", "NC-REL"),
    # share buttons, comment widgets, prompts
    ("Mit Freunden teilen", "NC-SHARE"),
    ("Klicken, um auf WhatsApp zu teilen (Wird in neuem Fenster geöffnet)", "NC-SHARE"),
    ("Skicka en kommentar", "NC-COMMENT"),
    ("Please understand that comments are moderated before they appear.", "NC-COMMENT"),
    ("Zgłoś do moderacji", "NC-COMMENT"),
    ("Пожаловаться", "NC-COMMENT"),
    ("Externer Inhalt", "NC-PROMPT"),
    ("Jetzt Zugang sichern", "NC-PROMPT"),
    ("Gerne möchte ich Angebote weiterer Partner erhalten (Werbung)", "NC-PROMPT"),
    # pagination and navigation in the Nordic languages, as in English
    ("Äldre inlägg", "NC-PAGE"),
    ("Hoppa till: navigering, sök", "NC-NAV"),
    # licence lines, photo credits, blog post footers
    ("Texten är tillgänglig under licensen Creative Commons Erkännande-dela-lika 3.0", "NC-LEGAL"),
    ("Photo by Jane Doe on Unsplash", "NC-IMAGE"),
    ("Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit Radio.", "NC-TAGS"),
    ("Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht.", "NC-META"),
    # bylines still are bylines
    ("By Jane Doe", "NC-META"),
    ("Von Heike Buchter", "NC-META"),
    ("记者：张三 李四", "NC-META"),
    ("Werbung", "NC-PROMPT"),
    ("Publicité", "NC-PROMPT"),
    # forum, shop and blog widgets, and their kin on multilingual news sites
    ("12 people like this.", "NC-COUNT"),
    ("Please Login or Register to create posts and topics.", "NC-PROMPT"),
    ("We may earn a commission from links on this page.", "NC-LEGAL"),
    ("Related Questions", "NC-REL"),
    ("Hors ligne", "NC-NAV"),
    ("Reply", "NC-NAV"),  # a button under every post: not a header that ends the article
    ("Similar Posts:", "NC-REL"),
    ("Senare inlägg", "NC-PAGE"),
    ("Нашли опечатку? Выделите ее и нажмите Ctrl+Enter", "NC-PROMPT"),
    ("Ссылки по теме:", "NC-REL"),
    ("Другие статьи:", "NC-REL"),
    ("Читай также: Поза дня", "NC-REL"),
    ("To pole jest wymagane", "NC-COMMENT"),
    ("調整字體︰大 中 小", "NC-NAV"),
    ("(內容由新浪北京提供。未經授權，不得轉載。)", "NC-LEGAL"),
    # wiki tool menus, forum permission lists, text-size widgets run together in a dump
    ("Inte inloggadDiskussionBidragSkapa kontoLogga in Namnrymder", "NC-NAV"),
    ("You cannot post new topics in this forum", "NC-PROMPT"),
    ("EmailΕκτύπωσηΜικρό μέγεθοςΜεγάλο μέγεθος", "NC-NAV"),
    ("Σχόλια αναγνωστών (0)", "NC-COMMENT"),
    ('Ошибка в тексте? Пожалуйста, выделите ее и нажмите "Ctrl + Enter"', "NC-PROMPT"),
    ("Βρίσκεστε εδώ: Αρχική Ειδησεις Υγεία", "NC-CRUMB"),
    ("【我说两句】 字体大小 大 中 小 视力保护色", "NC-NAV"),
    ("凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点。", "NC-LEGAL"),
    ("Helpful (3)", "NC-COUNT"),
    ("举报 缩小字体 放大字体 收藏 微博 微信 分享", "NC-NAV"),
    ("Tabelog-Appアプリで開く", "NC-PROMPT"),
    # Turkish news furniture
    ("Facebook'ta Paylaş X'te Paylaş", "NC-SHARE"),
    ("Bu Habere 21 Yorum Yapılmış", "NC-COMMENT"),
    ("DİĞER HABERLER", "NC-REL"),
    ("İçeriğin Devamı Aşağıda", "NC-PROMPT"),
])
def test_boilerplate_kinds_are_named(line, code):
    got = first(line)
    assert (got.first, got.first_code) == (Label.BOILERPLATE, code)


@pytest.mark.parametrize("line", [
    # a byline word opening an ordinary sentence
    "By the time we arrived, the shop had already closed its doors.",
    "Von der Wärmemessung zur Echtzeit-Energiedienstleistung",
    # an interviewer's question, not a reporter's byline
    "记者：南方多雨雪天气，北方天气如何？未来一周的天气会怎样变化？",
    # advertising or access as the subject of a sentence, not an ad label or a paywall
    "Das ist alles nicht gekennzeichnet, wie soll ich wissen, ob das Werbung ist?",
    "Tu as des modèles de créatifs dans la publicité ? Des gens qui t’inspirent ?",
    "Geflüchtete brauchen einen uneingeschränkten Zugang zu medizinischer Versorgung",
    # a count of people liking something inside a sentence, a font size in prose
    "About 12 people like this plan, the mayor said, but most residents do not.",
    "这款字体大小适中，看起来很舒服。",
    # sharing as the subject of a Turkish sentence
    "İşte, Hülya Koçyiğit, Instagram hesabı üzerinden yaptığı o paylaşım:",
])
def test_cue_words_inside_prose_do_not_fire(line):
    got = first(line)
    assert got.first_code in ("NC-TEXT", "NC-NAV") and got.detail in ("text-like", "short"), got
