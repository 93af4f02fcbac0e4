"""NC-WALL: cookie consent banners and bot checks, and the pages that are nothing else."""
import json
import subprocess
import sys

import pytest

from newsclean import Config, Label, clean
from newsclean.cuematch import Phrases
from newsclean.thresholds import BOT_CHECK_MAX_CHARS, WALL_LINE_MAX_CHARS
from newsclean.walls import WALLS_PATH, WALL_PAGE_WARNING, tables, wall_lines

ARTICLE = [
    "Library reopens after two-year restoration",
    "The town library reopened on Saturday after a two-year restoration that repaired its roof, replaced "
    "the heating and added a reading room for children on the ground floor.",
    "More than four hundred people queued outside before the doors opened at nine, and the first books "
    "were lent within minutes, the head librarian said.",
    "The restoration cost 2.4 million pounds, most of it raised by a local appeal that ran for three years "
    "and drew donations from former residents abroad.",
]
# long enough that a bot check's phrases are not looked for on it
FILLER = ["The council will discuss the library's opening hours at its next meeting in April, and residents "
          "may send their views by letter or through the town's website until the end of the month."] * 40

BANNERS = [
    "Slideshare uses cookies to improve functionality and performance, and to provide you with relevant "
    "advertising. If you continue browsing the site, you agree to the use of cookies on this website.",
    "This website uses cookies. We'll assume you're ok with this.",
    "Accept all cookies",
    "Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du "
    "der Verwendung von Cookies zu.",
    "Wir verwenden Cookies, um Ihnen den bestmöglichen Service zu gewährleisten.",
    "Afin d'améliorer votre navigation dans nos pages, nous utilisons des cookies. En continuant votre visite, "
    "vous acceptez leur utilisation.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
    "Questo sito utilizza cookie tecnici e di terze parti.",
    "Wij gebruiken cookies om de website goed te laten werken.",
    "Este site utiliza cookies para melhorar a sua experiência.",
    "Używamy plików cookie, aby ułatwić korzystanie z serwisu.",
    "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "Käytämme evästeitä parantaaksemme sivuston toimivuutta.",
    "På www.example.se använder vi cookies för att webbplatsen ska fungera bra.",
    "Web sitemizde çerezler kullanılır; çerezleri kabul ediyorsunuz.",
    "本网站使用cookie以提升您的浏览体验。",
    "We use cookies and data to deliver and maintain Google services.",
    "We and our partners store and/or access information on a device, such as cookies and unique identifiers.",
    "Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, wie z. B. Cookies.",
    "Nous et nos partenaires stockons et/ou accédons à des informations sur un appareil, telles que les cookies.",
    "Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales como cookies.",
    "Noi e i nostri partner archiviamo e/o accediamo a informazioni su un dispositivo, come i cookie.",
    "Wij en onze partners slaan informatie op een apparaat op, zoals cookies.",
    "Denna site använder cookies för att leverera en bättre användarupplevelse.",
    "Genom användandet av våra tjänster accepterar du användandet av cookies.",
    "Strictly Necessary Cookies: These Cookies are required for Service functionality.",
    "Personalization Cookies: These Cookies enable us to provide certain features.",
    "Notwendige Cookies helfen dabei, eine Webseite nutzbar zu machen.",
    "An dieser Stelle finden Sie externen Inhalt, der den Artikel ergänzt.",
    "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird.",
    "Cookies strictement nécessaires : ces cookies sont indispensables au fonctionnement du site.",
    "Cookies estrictamente necesarias: estas cookies son esenciales para el sitio.",
]

BOT_CHECKS = [
    "Verify you are human by completing the action below.",
    "Checking your browser before accessing example.com.",
    "To regain access, please make sure that cookies and JavaScript are enabled before reloading the page.",
    "Our systems have detected unusual traffic from your computer network.",
    "Entschuldige bitte, dann hat unser System dich fälschlicherweise als Roboter identifiziert.",
    "请完成安全验证后继续访问",
    "You need to enable JavaScript to run this app.",
    "Access to this page has been denied because we believe you are using automation tools to browse the website.",
    "You don't have permission to access /news/2024/story.html on this server.",
    "Sorry, you have been blocked",
]


@pytest.mark.parametrize("line", BANNERS)
def test_a_banner_is_found_on_any_page(line):
    assert wall_lines([t.lower() for t in ARTICLE + [line] + FILLER]) == {len(ARTICLE)}


@pytest.mark.parametrize("line", BOT_CHECKS)
def test_a_bot_check_is_found_on_a_short_page(line):
    assert wall_lines([t.lower() for t in ["example.com", line]]) == {1}


@pytest.mark.parametrize("line", BOT_CHECKS[:4])
def test_a_bot_checks_phrase_in_a_long_page_is_left_alone(line):
    lower = [t.lower() for t in ARTICLE + [line] + FILLER]
    assert len("\n".join(lower)) > BOT_CHECK_MAX_CHARS
    assert wall_lines(lower) == frozenset()


@pytest.mark.parametrize("line", [
    "Bake the cookies for twelve minutes, until their edges turn golden.",
    "Almost every site uses cookies to track its visitors, the regulator's report found.",
    "The robot asked the children whether they were human, and they laughed.",
    "Wir backen Cookies mit den Kindern.",
    "Google uses cookies to deliver its ads, the regulator said.",
    "These cookies are best eaten warm, with a glass of cold milk.",
    "Nutzer sollten Cookies ablehnen, rät der Verbraucherschutz.",
    "Il faut parfois accepter les cookies pour lire un article, regrette l'association.",
])
def test_prose_about_cookies_or_robots_is_no_notice(line):
    assert wall_lines([line.lower()]) == frozenset()


def test_a_banner_glued_to_the_page_into_one_long_line_is_no_notice():
    glued = " ".join(ARTICLE + FILLER[:10] + [BANNERS[0]])
    assert len(glued) > WALL_LINE_MAX_CHARS
    assert wall_lines([glued.lower()]) == frozenset()


def test_every_phrase_holds_a_literal_that_gates_it():
    # the data file's phrases all compile and each is searched only where its literal is
    for table in tables().values():
        assert set(table) <= {"consent", "bot_check"}
        Phrases(table.get("consent", []) + table.get("bot_check", []), WALLS_PATH)
    with pytest.raises(ValueError, match="no literal"):
        Phrases(["(?:a|b)?c"], WALLS_PATH)


def test_a_banner_the_model_keeps_goes_and_the_article_stays():
    page = "\n\n".join(ARTICLE[:1] + [BANNERS[0]] + ARTICLE[1:]) + "\n"
    doc = clean(page)
    banner = doc.lines[1]
    assert (banner.label, banner.code, banner.first_code) == (Label.BOILERPLATE, "NC-WALL", "NC-WALL")
    assert all(l.label is not Label.BOILERPLATE for l in doc.lines if l.index != 1)
    assert doc.warnings == ()
    assert "cookies" not in doc.text and "four hundred people" in doc.text


def test_a_page_that_is_a_wall_keeps_nothing_and_says_so():
    page = "\n\n".join([BANNERS[0], BANNERS[0], "Be the first to comment"]) + "\n"
    doc = clean(page)
    assert doc.text == "" and doc.warnings == (WALL_PAGE_WARNING,)
    bot = "\n\n".join(["Just a moment...", BOT_CHECKS[4], "Warum haben wir deine Suchanfragen blockiert?",
                       BOT_CHECKS[2]]) + "\n"
    doc = clean(bot)
    assert doc.text == "" and doc.warnings == (WALL_PAGE_WARNING,)
    assert [l.code for l in doc.lines if l.label is Label.BOILERPLATE].count("NC-WALL") >= 3


def test_cloudflares_interstitial_is_a_wall_line_by_line():
    page = "\n\n".join(["Just a moment...", "Checking your browser before accessing example.com.",
                         "This process is automatic. Your browser will redirect to your requested content shortly.",
                         "Please allow up to 5 seconds…", "DDoS protection by Cloudflare", "Ray ID: 7a1b2c3d4e5f"]) + "\n"
    doc = clean(page)
    assert doc.text == "" and doc.warnings == (WALL_PAGE_WARNING,)
    assert all(l.code == "NC-WALL" for l in doc.lines if l.label is Label.BOILERPLATE)


def test_a_short_post_under_a_long_banner_is_no_wall():
    # the notice is most of the kept text but not of the page: the post stays
    page = "\n\n".join(["Home", "Blog", "Archive", "About"] * 5 + [ARTICLE[0], ARTICLE[1], BANNERS[3]]) + "\n"
    doc = clean(page)
    assert doc.warnings == () and "reading room" in doc.text


def test_switched_off_it_names_nothing():
    page = "\n\n".join(ARTICLE[:1] + [BANNERS[0]] + ARTICLE[1:]) + "\n"
    doc = clean(page, config=Config(disabled_rules=frozenset({"NC-WALL"})))
    assert not [l for l in doc.lines if "NC-WALL" in (l.code, l.first_code)] and doc.warnings == ()


def test_the_command_line_warns_and_the_json_record_carries_it(tmp_path):
    wall = tmp_path / "wall.txt"
    wall.write_text("\n\n".join([BANNERS[0], BANNERS[0]]) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(wall), "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert f"warning: {wall}: {WALL_PAGE_WARNING}" in r.stderr
    assert json.loads(r.stdout)["warnings"] == [WALL_PAGE_WARNING]
    (tmp_path / "article.txt").write_text("\n\n".join(ARTICLE) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(tmp_path), "-o", str(tmp_path / "out")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "2 files cleaned" in r.stderr and "1 with warnings" in r.stderr


def test_html_drops_a_banner_trafilatura_kept():
    from newsclean import clean_html

    html = ("<html><body><div class='consent'><p>" + BANNERS[0] + "</p></div><article><h1>" + ARTICLE[0]
            + "</h1>" + "".join(f"<p>{t}</p>" for t in ARTICLE[1:]) + "</article></body></html>")
    doc = clean_html(html)
    assert "cookies" not in doc.text and "four hundred people" in doc.text
    assert [l.code for l in doc.lines if l.text == BANNERS[0]] == ["NC-WALL"]


def test_explain_names_the_notice_and_warns_of_a_wall(tmp_path):
    wall = tmp_path / "wall.txt"
    wall.write_text("\n\n".join([BANNERS[0], BANNERS[0]]) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "newsclean", "explain", str(wall)], capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stdout.count("NC-WALL") == 2
    assert f"warning: {wall}: {WALL_PAGE_WARNING}" in r.stderr


def test_an_html_bot_check_is_a_wall_too():
    from newsclean import clean_html

    html = ("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><h1>Just a moment...</h1>"
            "<p>Checking your browser before accessing example.com.</p><p>This process is automatic. Your browser "
            "will redirect to your requested content shortly.</p><p>Please allow up to 5 seconds…</p>"
            "<div>DDoS protection by Cloudflare<br>Ray ID: 7a1b2c3d4e5f</div></body></html>")
    doc = clean_html(html)
    assert doc.text == "" and doc.warnings == (WALL_PAGE_WARNING,)
