"""Cue files load, merge languages and match each kind."""
import pytest

from newsclean import cues


def test_languages_present():
    assert {"en", "zh"} <= set(cues.languages())


@pytest.mark.parametrize("code, line, kind", [
    ("NC-REL", "相关阅读", "exact"),
    ("NC-CRUMB", "当前位置:首页 > 新闻", "prefix"),
    ("NC-LEGAL", "版权声明:本文由本站发布", "contains"),
    ("NC-REL", "“某某” 的相关文章", "patterns"),
    ("NC-REL", "今天天气很好", None),
    # interface lines of blog and news templates: comment forms, a search label, an accessibility link
    ("NC-COMMENT", "Schreibe einen Kommentar", "exact"),
    ("NC-COMMENT", "Hinterlasse jetzt einen Kommentar", "exact"),
    ("NC-COMMENT", "Deine E-Mail-Adresse wird nicht veröffentlicht.", "prefix"),
    ("NC-NAV", "Suche nach:", "exact"),
    ("NC-NAV", "Leichte Sprache", "exact"),
    ("NC-SHARE", "Share or comment on this article", "prefix"),
    ("NC-COMMENT", "Wer mag, kann unten einen Kommentar schreiben, sagte die Autorin.", None),
    ("NC-NAV", "Die Suche nach dem Täter dauerte die ganze Nacht.", None),
    # the post footer and trackback block of common blog templates
    ("NC-TAGS", "This entry was posted on Monday, May 31st, 2004 at 8:40 pm and is filed under News.", "prefix"),
    ("NC-COMMENT", "TrackBack URL for this entry:", "prefix"),
    ("NC-COMMENT", "Trackbacks", "exact"),
    ("NC-COMMENT", "You can follow any responses to this entry through the RSS 2.0 feed.", "prefix"),
    ("NC-TAGS", "This entry point of the river was posted on a map.", None),
    # Japanese news sites' lists of other stories under the article
    ("NC-REL", "速報・新着ニュース", "exact"),
    ("NC-REL", "こんな特集も", "exact"),
    ("NC-REL", "速報によると新着のニュースは少なかった。", None),
    # a Russian comment form and its rules
    ("NC-COMMENT", "Текст комментария", "exact"),
    ("NC-COMMENT", "Оцените, пожалуйста, статью. Нам важно Ваше мнение.", "prefix"),
    # links back to the top of the page, in their usual dress (an arrow, brackets, stars) and languages
    ("NC-NAV", "^ back to top", "exact"),
    ("NC-NAV", "[ Back To The Top ]", "exact"),
    ("NC-NAV", "* * * Back to the top * * *", "exact"),
    ("NC-NAV", "↑ Zurück nach oben", "exact"),
    ("NC-NAV", "Top of Page", "exact"),
    ("NC-NAV", "Volver arriba", "exact"),
    ("NC-NAV", "ページトップへ", "exact"),
    ("NC-NAV", "We drove back to the top of the pass at dawn.", None),
    # a gallery's links and a count of its pictures
    ("NC-IMAGE", "View larger image", "exact"),
    ("NC-IMAGE", "12 Photos", "patterns"),
    ("NC-IMAGE", "View all 8 images", "patterns"),
    ("NC-IMAGE", "12 photos were taken at the scene.", None),
    ("NC-PAGE", "Vis mer", "exact"),
])
def test_each_kind_matches(code, line, kind):
    assert cues.cues()[code].match(line) == kind


def test_extra_cues_from_configuration():
    table = cues.cues((("NC-PROMPT", "exact", ("zzz custom prompt",)),))
    assert table["NC-PROMPT"].match("ZZZ custom prompt!") == "exact"
    assert cues.cues()["NC-PROMPT"].match("zzz custom prompt") is None


def test_turkish_capital_i_matches_the_same_cue_as_small_letters():
    # "İ".lower() is "i" plus a combining dot; the dot goes before matching
    assert cues.normalize("BUNLAR DA İLGİNİZİ ÇEKEBİLİR") == "bunlar da ilginizi çekebilir"
    assert cues.hits("BUNLAR DA İLGİNİZİ ÇEKEBİLİR") == cues.hits("Bunlar da ilginizi çekebilir") == {"NC-REL": "exact"}


def test_hits_reports_all_codes():
    assert cues.hits("Share on Facebook") == {"NC-SHARE": "exact"}


def test_comment_count_headers():
    # the header of a comment thread, in the forms blog and news templates print it
    table = cues.cues()
    for line in ("53 Comments »", "53 Responses to “1,400 Rectangles”", "6 thoughts on “Hello world”",
                 "{ 69 comments… read them below or add one }", "100 of 211 comments loaded", "Comments Filter:",
                 "56 comments, displaying oldest first", "| 13 Comment(s)", "9 Comments / 9 New", "7 Responses",
                 # the post's title unquoted, readers who "responded", the count beside the comment link
                 "38 comments to Participatory Culture: What questions do you have?",
                 "13 Responses to The Time Has Come", '45 users responded in " The biggest mistake "',
                 "20 Comments Post a comment", "One comment Add your comment", "126 Comments Add A Comment",
                 # the count as a sentence, alone or closing the post's signature line
                 "There are 4 comments. Add yours.", "There are 8 comments to this article", "There are 3 comments about:",
                 "Seen by Jason Fried on November 7 2012. There are 12 comments."):
        assert table["NC-COMMENT"].match(line) == "patterns", line
    assert table["NC-COMMENT"].match("12 Kommentare zu „Neue Brücke“") == "patterns"
    assert table["NC-COMMENT"].match("3 réponses à « Rouge »") == "patterns"
    assert table["NC-COMMENT"].match("2 respuestas a “Hola”") == "patterns"
    # a listicle headline or a sentence with a count is not a header
    for line in ("5 Thoughts on the Fed's decision", "We received 3 comments to the draft",
                 "40 comments in total were great", "3 replies to the consultation were received.",
                 "Just added it up there are 143 replies: 96 don't like the logo"):
        assert table["NC-COMMENT"].match(line) is None, line


def test_german_wordpress_comment_form_and_like_buttons():
    # the furniture a WordPress.com blog prints under every post, in German
    table = cues.cues()
    for line in ("Du kommentierst mit Deinem WordPress.com-Konto. ( Abmelden / Ändern )",
                 "Gib hier deinen Kommentar ein ...", "Kommentar verfassen",
                 "Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:",
                 "Benachrichtigung bei weiteren Kommentaren per E-Mail senden."):
        assert table["NC-COMMENT"].match(line), line
    for line in ("Teilen Sie dies mit:", "Gefällt mir:", "Gefällt mir Wird geladen...", "Liken Lade …"):
        assert table["NC-SHARE"].match(line), line
    # a sentence that only speaks of liking stays text
    assert table["NC-SHARE"].match("Gefällt mir die neue Regelung? Nicht wirklich, sagt die Ministerin.") is None


def test_chinese_ranking_lists_column_lists_and_back_links():
    # the headers of a news site's lists beside the article, and the link back to its section
    table = cues.cues()
    for line in ("十大人气排行", "48小时点击排行", "阅读排行榜 评论排行榜", "专栏文章"):
        assert table["NC-REL"].match(line), line
    assert table["NC-NAV"].match("返回国企红筹")
    # a sentence about a ranking is text
    assert table["NC-REL"].match("该校在全国高校排行中位列第三。") is None
    assert table["NC-NAV"].match("返回家乡后，他在县城开了一家小店，生意一直不错。") is None


def test_a_platforms_notice_that_a_user_posted_the_content():
    line = ("Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user "
            "of NetEase Hao, which is a social media platform and only provides information storage services.")
    assert cues.cues()["NC-LEGAL"].match(line.lower()) == "prefix"


@pytest.mark.parametrize("line, code", [
    ("You are commenting using your WordPress.com account. ( Log Out / Change )", "NC-COMMENT"),
    ("Fill in your details below or click an icon to log in:", "NC-COMMENT"),
    ("Like this:", "NC-SHARE"),
    ("Like Loading...", "NC-SHARE"),
    ("Vous commentez à l’aide de votre compte WordPress.com. ( Déconnexion / Changer )", "NC-COMMENT"),
    ("J’aime chargement…", "NC-SHARE"),
    ("Estás comentando usando tu cuenta de WordPress.com. ( Cerrar sesión / Cambiar )", "NC-COMMENT"),
    ("Me gusta Cargando...", "NC-SHARE"),
    ("Stai commentando usando il tuo account WordPress.com. ( Esci / Modifica )", "NC-COMMENT"),
    ("Mi piace Caricamento...", "NC-SHARE"),
])
def test_wordpress_comment_form_and_like_buttons_in_other_languages(line, code):
    assert cues.cues()[code].match(line), line


def test_german_calls_to_action_and_blog_prompts():
    table = cues.cues()
    for line in ("Jetzt spenden", "Jetzt bestellen", "Heft bestellen", "Jede kleine Spende hilft uns weiter.",
                 "Wir respektieren deine Privatsphäre"):
        assert table["NC-PROMPT"].match(line), line
    assert table["NC-COMMENT"].match("Was denkst du?")
    assert table["NC-TAGS"].match("getaggt mit:Bedingungsloses GrundeinkommenBerlin")
    # a sentence about donations is text
    assert table["NC-PROMPT"].match("Die Spenden der Bürger haben den Wiederaufbau der Brücke möglich gemacht.") is None


def test_an_author_box_header_is_a_list_header():
    # the box about the writer under a post (a bio and links), and a post's list of links
    table = cues.cues()
    for line in ("About the author", "ABOUT THE WRITER", "Über die Autorin", "Relevant links:"):
        assert table["NC-REL"].match(line) == "exact", line
    assert table["NC-REL"].match("About the author of this report, little is known.") is None


def test_a_list_header_naming_the_site():
    # 'Also on HuffPost:' above a list of the site's other stories, as 'More from ...' is
    table = cues.cues()
    for line in ("Also on HuffPost:", "Also On Yahoo!", "ALSO ON THE WEST"):
        assert table["NC-REL"].match(line) == "prefix", line


@pytest.mark.parametrize("line, code, kind", [
    ("BlogThis!", "NC-SHARE", "exact"), ("Skocz do tekstu", "NC-NAV", "exact"),
    ("Przejdź do treści", "NC-NAV", "exact"), ("Show activity on this post.", "NC-COUNT", "exact"),
    ("This question shows research effort; it is useful and clear", "NC-COUNT", "prefix"),
    ("This answer is not useful", "NC-COUNT", "prefix"),
])
def test_widget_buttons(line, code, kind):
    # Blogger's share button, a Polish skip link, a Q&A site's vote buttons and activity link
    assert cues.cues()[code].match(line) == kind


def test_spanish_see_also_opens_a_list():
    table = cues.cues()
    assert table["NC-REL"].match("VEA TAMBIÉN: Entre heces y guaricha: Estrella de la educación") == "prefix"
    assert table["NC-REL"].match("Véase también") == "exact"


@pytest.mark.parametrize("line, code, kind", [
    ("Nos siga no Instagram", "NC-SHARE", "prefix"), ("Télécharger au format EPUB", "NC-SHARE", "prefix"),
    ("Pressemitteilung als PDF", "NC-SHARE", "patterns"), ("Weitere Beiträge aus der Kolumne:", "NC-REL", "prefix"),
])
def test_follow_download_and_more_posts_links(line, code, kind):
    assert cues.cues()[code].match(line) == kind
    # a sentence about a PDF is text
    assert cues.cues()["NC-SHARE"].match("Das Gericht veröffentlichte das Urteil am Montag als PDF.") is None


def test_news_tip_prompts_and_a_blogs_on_this_day_list():
    table = cues.cues()
    for line in ("Got A Tip?", "Got a story to tell?", "(What's this?)"):
        assert table["NC-PROMPT"].match(line) == "exact", line
    assert table["NC-REL"].match("Posted on this day, other years:") == "prefix"


@pytest.mark.parametrize("line, code", [
    ("Forgot your password?", "NC-NAV"), ("Passwort vergessen?", "NC-NAV"), ("Mot de passe oublié ?", "NC-NAV"),
    ("¿Olvidaste tu contraseña?", "NC-NAV"),
    ("Page générée en 0.863 secondes avec 63 requêtes.", "NC-LEGAL"),
])
def test_login_form_links_and_a_generation_time_footer(line, code):
    assert cues.cues()[code].match(line), line


@pytest.mark.parametrize("line, code", [
    ("Estimated reading time: 6 minutes", "NC-META"), ("21 minutes - 4312 words", "NC-META"),
    ("Lesedauer: 4 Minuten", "NC-META"), ("Tiempo de lectura: 8 minutos", "NC-META"),
    ("8 minutos de lectura", "NC-META"), ("Czas czytania: 3 min", "NC-META"), ("Время чтения: 5 минут", "NC-META"),
    ("No Response so far »", "NC-COMMENT"), ("3 Responses so far »", "NC-COMMENT"), ("Sharen mit:", "NC-SHARE"),
])
def test_reading_times_a_themes_comment_count_and_a_share_label(line, code):
    # a reading time is the byline's, never a headline ("21 minutes - 4312 words" was taken for one)
    assert cues.cues()[code].match(line.lower()), line
    # a sentence about reading time is text (cue patterns are trusted on short lines only, but these
    # must not even match one that merely speaks of reading)
    assert cues.cues()["NC-META"].match("the reading of the minutes took an hour") is None


@pytest.mark.parametrize("line, code", [
    ("142 Antworten zu Würde des Lebens – ein Projekt", "NC-COMMENT"), ("HIER KOSTENLOS ANMELDEN »", "NC-PROMPT"),
    ("Jetzt kostenlos registrieren", "NC-PROMPT"), ("Du willst nichts mehr verpassen?", "NC-PROMPT"),
    ("Verwandte Themenbereiche", "NC-REL"), ("Pour lire la suite", "NC-PROMPT"),
])
def test_german_and_french_comment_counts_sign_up_buttons_and_list_headers(line, code):
    assert cues.cues()[code].match(line.lower()), line
    # a sentence that counts answers is no comment count (it ends in a full stop), nor is a listicle's
    # subheading, which answers "auf" a question (WordPress's count says "zu")
    assert cues.cues()["NC-COMMENT"].match("12 antworten zu der umfrage kamen aus bayern.") is None
    assert cues.cues()["NC-COMMENT"].match("7 antworten auf die wichtigsten fragen") is None
