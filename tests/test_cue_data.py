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
    # Chinese cue words in Traditional characters too (Taiwan, Hong Kong)
    ("延伸閱讀", "NC-REL"),
    ("相關新聞", "NC-REL"),
    ("返回頂部", "NC-NAV"),
    # Korean: the reprint notice, share buttons, photo viewer controls, lists, comment counts
    ("저작권자 © 한국일보 무단전재 및 재배포 금지", "NC-LEGAL"),
    ("기사 공유하기", "NC-SHARE"),
    ("이미지 확대보기", "NC-IMAGE"),
    ("많이 본 뉴스", "NC-REL"),
    ("댓글 3", "NC-COMMENT"),
    # Indonesian and Portuguese: inline "read also" links, pagination, photo controls, ad slots
    ("Baca juga: Jokowi Sebut Impor Beras Tak Sampai 5% dari Kebutuhan", "NC-REL"),
    ("2 dari 4 halaman", "NC-PAGE"),
    ("Perbesar", "NC-IMAGE"),
    ("Leia também: Outra manchete sobre a economia do país", "NC-REL"),
    ("Continua após a publicidade", "NC-PROMPT"),
    ("Notas relacionadas", "NC-REL"),
    # Turkish: a "more on this story" header, a continue-reading button, an app prompt
    ("Haberle ilgili daha fazlası:", "NC-REL"),
    ("Haberin Devamı", "NC-PAGE"),
    ("NTV uygulamasını indirin, gelişmelerden haberdar olun", "NC-PROMPT"),
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
    # a news site's subscription pitch between the paragraphs
    ("Unlimited online access to read articles from 15 news sites with one account.", "NC-PROMPT"),
    ("Daily puzzles, including the New York Times Crossword.", "NC-PROMPT"),
    ("Subscribe now to read the latest news in your city and across Canada.", "NC-PROMPT"),
    ("If you are a Home delivery print subscriber, unlimited online access is included in your subscription.", "NC-PROMPT"),
    # Swedish shop and blog furniture, a French forum's edit note
    ("Du kanske också gillar", "NC-REL"),
    ("Du måste vara inloggad för att skriva ett svar.", "NC-PROMPT"),
    ("Genom att fortsätta surfa på denna webbplats accepterar du att vi använder cookies.", "NC-WALL"),
    ("Fyll i dina uppgifter nedan eller klicka på en ikon för att logga in:", "NC-COMMENT"),
    ("Klicka här för att avbryta svar.", "NC-COMMENT"),
    ("Autres articles", "NC-REL"),
    ("Dernière modification par pandageek (Le 17/10/2012, à 21:52)", "NC-META"),
    # a blog's "liked it? share it" prompt under the post
    ("If you enjoyed this post, please consider leaving a comment or subscribing to the RSS feed.", "NC-PROMPT"),
    ("If you found this article helpful, check out...", "NC-PROMPT"),
    ("Did you enjoy this article?", "NC-PROMPT"),
    ("Comments are now closed for this story", "NC-COMMENT"),
    ("Be the first to like this.", "NC-SHARE"),
    ("Email this page", "NC-SHARE"),
    ("Decrease font size Increase font size", "NC-NAV"),
    ("Loading Slideshow", "NC-IMAGE"),
    # blog platform furniture (WordPress's anti-spam note, its footer and like widget)
    ("Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.", "NC-COMMENT"),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "NC-COMMENT"),
    ("Kommentare sind geschlossen.", "NC-COMMENT"),
    ("Bloggen auf WordPress.com.", "NC-NAV"),
    ("Blog at WordPress.com.", "NC-NAV"),
    ("12 Bloggern gefällt das.", "NC-SHARE"),
    ("3 bloggers like this.", "NC-SHARE"),
    ("Die meistgelesenen Artikel", "NC-REL"),
    ("Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die Inhalte externer Links.", "NC-LEGAL"),
    # the longer Chinese "where you are" labels ("you" and "current" both written out)
    ("您当前的位置 ：东北网娱乐 > 今日焦点 正文", "NC-CRUMB"),
    ("您所在的位置：首页 > 新闻中心", "NC-CRUMB"),
    ("您當前的位置：首頁 > 新聞", "NC-CRUMB"),
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
    # print-edition notes, opinion disclaimers, comment-form and blog-widget lines, sign-up small print
    ("A version of this article appeared in print on November 8, 2012, on page B8 of the New York edition.", "NC-LEGAL"),
    ("The opinions expressed here are the personal views of the author and not those of my employer.", "NC-LEGAL"),
    ("Mail (will not be published) (required)", "NC-COMMENT"),
    ("Your comment has been saved. Comments are moderated and will not appear until approved.", "NC-COMMENT"),
    ("Email ThisBlogThis!Share to TwitterShare to Facebook", "NC-SHARE"),
    ("By signing up, you agree to our User Agreement and Privacy Policy.", "NC-PROMPT"),
    ("If you enjoyed this article, please share it on:", "NC-PROMPT"),
    ("Consider a donation if you like what you see here!", "NC-PROMPT"),
    ("This entry was written by Admin, posted on at 12:14 pm, filed under Trends.", "NC-TAGS"),
    ("Wenn Sie über diese Links einkaufen, erhalten wir eine Provision.", "NC-PROMPT"),
    # subscription offer boxes, a video player's error, embed consent, image placeholders
    ("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", "NC-PROMPT"),
    ("Support local journalism.", "NC-PROMPT"),
    ("Get the latest news from the site in your inbox.", "NC-PROMPT"),
    ("We apologize, but this video has failed to load.", "NC-PROMPT"),
    ("An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", "NC-PROMPT"),
    ("Diese Zusammenfassung wurde künstlich erzeugt.", "NC-PROMPT"),
    ("Gastbeiträge müssen nicht der Meinung der Redaktion entsprechen.", "NC-LEGAL"),
    ("Placeholder image-1", "NC-IMAGE"),
    ("Quelle: Infografik WELT", "NC-IMAGE"),
    ("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.", "NC-PROMPT"),
    ("Audio starten, abbrechen mit Escape", "NC-IMAGE"),
    ("Tu suscripción se está usando en otro dispositivo", "NC-PROMPT"),
    ("Salva questo articolo e leggilo quando vuoi.", "NC-PROMPT"),
    ("Add The Daily News to your Google News feed.", "NC-PROMPT"),
    ("この記事の画像を見る(2枚)", "NC-IMAGE"),
    ("Vis mer Vis mindre", "NC-PAGE"),
    ("Les mer om kunstig intelligens i våre artikler.", "NC-REL"),
    # comment forms and footers of blogs, and the same kinds in other scripts
    ("Notify me of follow-up comments by email.", "NC-COMMENT"),
    ("You may use these HTML tags and attributes: <a href=\"\"> <b> <i>", "NC-COMMENT"),
    ("Powered by WordPress", "NC-LEGAL"),
    ("An error occured while loading the video.", "NC-PROMPT"),
    ("Βρίσκεστε εδώ: Αρχική > Ειδήσεις", "NC-CRUMB"),
    ("Ссылки по теме", "NC-REL"),
    ("Ошибка в тексте? Выделите её мышью и нажмите Ctrl+Enter", "NC-PROMPT"),
    ("Możesz także śledzić nas na Facebooku", "NC-SHARE"),
    ("Prawa autorskie do materiałów należą do wydawcy.", "NC-LEGAL"),
    ("內容由新浪北京提供，未經授權，不得轉載。", "NC-LEGAL"),
    ("調整字體 大 中 小", "NC-NAV"),
    # wiki and shop furniture (Swedish), sign-up forms, share rows, reprint and link notices
    ("Wikipedias text är tillgänglig under licensen Creative Commons Erkännande-dela-lika 4.0", "NC-LEGAL"),
    ("Inte inloggadDiskussionBidragSkapa kontoLogga in", "NC-NAV"),
    ("Fri frakt över 199kr", "NC-PROMPT"),
    ("Inga kundrecensioner har skrivits ännu.", "NC-COMMENT"),
    ("Populära inlägg", "NC-REL"),
    ("Enter your email address:", "NC-PROMPT"),
    ("Like Tweet +1 Share Pin It Share", "NC-SHARE"),
    ("RSS Feed or, Subscribe via Email", "NC-SHARE"),
    ("Back To Top of Page", "NC-NAV"),
    ("You are visitor number 1234 since March 8, 1996", "NC-COUNT"),
    ("(Note: the site is not responsible for the content of external links.)", "NC-LEGAL"),
    ("Vous pouvez partager vos connaissances en l’améliorant.", "NC-PROMPT"),
    ("Przeczytaj więcej o: grypa, medycyna", "NC-TAGS"),
    ("• 凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点。", "NC-LEGAL"),
    ("Subscribe to the newsletter and get the week's best stories", "NC-PROMPT"),
    ("Your Email Address:", "NC-PROMPT"),
    ("Email me", "NC-CONTACT"),
    ("Reader Comments (2)", "NC-COMMENT"),
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
    # reading, signing and advertising inside Indonesian and Portuguese sentences
    "Presiden mengatakan bahwa ia akan membaca juga laporan itu besok pagi di istana.",
    "O presidente disse que vai assinar o decreto amanhã, segundo a assessoria de imprensa.",
    # related news named inside a sentence in Traditional characters
    "這是一個很長的句子，記者在現場看到很多人圍觀，相關新聞也報道了此事。",
    # related articles and advertising named inside a Korean sentence
    "정부는 관련 기사를 통해 광고 시장의 변화를 설명했다고 밝혔다.",
    # a widget's name inside a longer line of prose
    "Simplified tray interface: less commonly used tray icons (such as BlogThis!, Collage, Movie, Shop) are hidden "
    "from view so that the ones you use every day stay within reach.",
])
def test_cue_words_inside_prose_do_not_fire(line):
    got = first(line)
    assert got.first_code in ("NC-TEXT", "NC-NAV") and got.detail in ("text-like", "short"), got
