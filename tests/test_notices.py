"""Notices at any length (newsclean.notices): reprint bans, disclosures, newsletter, comment, support and paywall notices."""
import pytest

from newsclean import Config, Label, clean
from newsclean.document import Line
from newsclean.notices import drop_notices, kinds, notice_in
from newsclean.rules import RULES

ZH_BODY = ["新华社北京1月17日电 国家统计局17日发布数据，2011年国内生产总值比上年增长9.2%，经济运行总体平稳，"
           "物价涨幅得到控制，就业形势保持稳定，城乡居民收入继续增加。"] * 4
XINHUA = ("凡本網注明“來源：新華網”的所有作品，版權均屬于新華社，未經本網授權不得轉載、摘編或利用其它方式使用上述作品。"
          "已經本網授權使用作品的，應在授權範圍內使用，並註明“來源：新華網”。違反上述聲明者，本網將追究其相關法律責任。")
AP = ("Copyright 2012 The Associated Press. All rights reserved. This material may not be published, broadcast, "
      "rewritten or redistributed. Learn more about our Privacy Policy and Terms of Use, which have been updated.")


@pytest.mark.parametrize("text", [
    XINHUA, AP,
    "中证网声明：凡本网注明“来源：中国证券报・中证网”的所有作品，版权均属于中国证券报、中证网。",
    "39健康网(www.39.net)专稿，未经书面授权请勿转载。",
    "(內容由新浪北京提供。未經授權，不得轉載。)",
    "本文版权归解放牛网所有，任何媒体、网站或个人未经本网协议授权不得转载。",
    "版权声明:本文由本站发布,如需转载请注明出处。",
    "No part of this publication may be reproduced without the written consent of the publisher.",
    "Nachdruck und Vervielfältigung nur mit schriftlicher Genehmigung des Verlags.",
    # a portal's disclaimer of what it reprints
    "声明：新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。",
    "外汇网声明：外汇网转载上述内容，不表明证实其描述，仅供投资者参考，并不构成投资建议。",
    "本文仅代表作者个人观点，不代表本网立场。",
    "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
    "朝日新聞デジタルに掲載の記事・写真の無断転載を禁じます。すべての内容は日本の著作権法並びに国際条約により保護されています。",
    "(c) Kakaku.com, Inc. All Rights Reserved. 無断転載禁止",
    "<Copyright ⓒ 한국일보. All rights reserved. 무단 전재 및 재배포 금지>",
    "Copyright (c) 매경AX. All rights reserved. 무단 전재, 재배포 및 AI학습 이용 금지",
])
def test_reprint_formulas(text):
    assert notice_in(text).name == "reprint"


@pytest.mark.parametrize("text", [
    # the words of a notice in an article's sentences: no formula
    "未经许可不得擅自进入保护区，违者将被处罚。",  # a ban, but not on reprinting
    "新系统能够传递更多信息，延迟也更低。",  # conveying more information, no reprint
    "这并不意味着市场已经见底。",  # 'this does not mean': no endorsement disclaimed
    "警察は、写真を無断転載した疑いで男を逮捕した。",  # a report of a copyright case
    "分析师表示，上述观点不构成对市场走势的判断。",  # an analyst's caveat, not about investing advice
    "法院判决该歌曲的版权归唱片公司所有，被告须赔偿经济损失。",  # whose rights, in a news report
    "The results may not be reproduced in other labs, the authors warned.",
    "All rights reserved, the author said, is a phrase older than copyright law itself.",
    "Der Nachdruck des Romans erschien 1950 im selben Verlag.",
    # what an article says of commissions, newsletters, comments and support
    "Makler erhalten eine Provision von drei Prozent des Kaufpreises.",  # whose commission: no page's links
    "The union said its members receive compensation for overtime.",
    "We welcome your comments and suggestions for next year's programme.",  # a newsletter's own text
    "If you want in, just sign up for my newsletter (it's free).",  # a blog's own offer: gold texts keep it
    "Werden Sie Teil der Community und unterstützen Sie uns dabei, unsere Produkte zu verbessern.",
    "The foundation gives grants to support independent journalism in Africa.",
    "Let us know in the comments which boards you found.",
    "Subscribers to the service can read the full story on their phones.",
    "In his last post he wrote that this entry was posted too late for the vote.",  # a footer opens its line
    "She posted by the door at 9:30 | then left.",  # no byline: "posted by" opens no line here
    "Du kan hjälpa till med disken efter middagen.",  # 'you can help with the dishes': no article to improve
    "For all the latest updates be sure to follow us on Twitter after you subscribe.",  # a columnist's own line
    "Public comments will be reviewed before the rule is final, the agency said.",  # a consultation's comments
    "The minister said the government does not endorse the views of the protesters.",
    "The phishing email sent to your inbox looked like a bank's.",
    # an app, a messenger channel, the paper's letters and views, in a report
    "Huge news: millions of PHP developers can now build mobile apps for iOS and Android.",
    "The announcement, posted on Hamas's Telegram channel soon after the strike, was seen as defiant.",
    "Reproduction of the photographs without written permission led to the lawsuit, the court heard.",
    "The editor said the letters to the editor page would move online next month.",
    "Die Chefredakteurin sagte, das sei die Meinung der Redaktion.",  # not a disclaimer: the paper's own view
    "Protesters join the movement's Telegram group to share the routes of the march.",
    "Written permission is required for minors to travel alone, the airline said.",
    "Der Verlag verteilte 3 Ausgaben kostenlos an Schulen in der Region.",
    "« Je fais un don chaque année », explique-t-elle.",
    "You can download the Signal app for Android from the Play Store.",
    "He decided to send a letter to the editor of the local paper instead.",
    "The council said this topic has 3 replies from residents so far.",  # no voices counted: not bbPress's
    "Officials were viewing 3 posts an hour on the site, she said.",
    "Tippen Sie in den Einstellungen auf „Benachrichtigungen aktivieren“.",
    "Anwohner können sich melden, wenn sie per E-Mail über die Bauarbeiten informiert werden wollen.",  # 'they'
    "Wer per E-Mail informiert werden will, muss sich beim Amt melden, sagte der Sprecher.",  # not the site asking
])
def test_no_formula_in_prose(text):
    assert notice_in(text) is None


@pytest.mark.parametrize("text, kind", [
    ("Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler, z.B. für solche mit -Symbol.", "disclosure"),
    ("Advertising disclosure: We may receive compensation for some of the links in our stories.", "disclosure"),
    ("This article contains affiliate links. The products or services listed have been selected independently "
     "by journalists after hands-on testing. We may earn a commission when you click a link.", "disclosure"),
    ("As an Amazon Associate I earn from qualifying purchases.", "disclosure"),
    ("Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.", "newsletter"),
    ("Enter your email address to subscribe to this blog and receive notifications of new posts by email.", "newsletter"),
    ("Keine Neuigkeiten mehr verpassen: Abonnieren Sie kostenlos die MEEDIA-Newsletter und bleiben Sie auf dem Laufenden.", "newsletter"),
    ("Votre adresse de messagerie est uniquement utilisée pour vous envoyer les lettres d'information d'ARTE Radio.", "newsletter"),
    ("Puede escribirnos o suscribirse aquí a nuestra newsletter.", "newsletter"),
    ("Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden. Nach Anmeldung geht mir eine "
     "E-Mail zur Zustimmung nach Double-Opt-In-Verfahren zu.", "newsletter"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "newsletter"),
    ("Your email address will not be published. Required fields are marked *", "comment_policy"),
    ("Please understand that comments are moderated and it is not always possible to publish all that have been submitted.",
     "comment_policy"),
    ("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert", "comment_policy"),
    ("If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!", "support"),
    ("Ihr Beitrag hilft, unsere Berichterstattung noch weiter auszubauen und diese weiterhin kostenlos anzubieten.", "support"),
    ("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", "support"),
    ("To view the full story, please subscribe to The Haitian Times. You can choose a $60 Annual Subscription.", "paywall"),
    ("Copyright © AFP 2017-2026. Für die kommerzielle Nutzung dieses Inhalts ist ein Abonnement erforderlich.", "paywall"),
    ("La suite est réservée à nos abonnés. Déjà abonné ? Se connecter", "paywall"),
    ("The Winnipeg Free Press does not necessarily endorse any of the views posted. By submitting your comment, you agree "
     "to our Terms and Conditions.", "comment_policy"),
    ("Please consider making a completely voluntary contribution to show your appreciation and support for the material "
     "on this website.", "support"),
    ("This entry was posted on Monday, May 31st, 2004 at 8:40 pm and is filed under Uncategorized. You can follow any "
     "responses to this entry through the RSS 2.0 feed.", "post_footer"),
    ("Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux, Tutorials, Ubuntu.", "post_footer"),
    ("Posted by Seb Ruiz in sebr at 15:39 | Comments (3) | Trackbacks (0)", "post_footer"),
    ("November 27, 2006 in Everyday Life | Permalink | Comments (36) | TrackBack (0)", "post_footer"),
    ("Reply 28 - Posted by: moebellini3 5/21/2024 9:11:25 AM (No. 1721999)", "post_byline"),
    ("ealperin reblogged this from dcwomenkickingass and added:", "reblog"),
    ("This topic has 3 replies, 3 voices, and was last updated 4 years, 4 months ago by thompsonmax.", "forum_status"),
    ("Viewing 4 posts - 1 through 4 (of 4 total)", "forum_status"),
    ("Denna artikel om egentliga insekter saknar väsentlig information. Du kan hjälpa till genom att tillföra den "
     "informationen.", "wiki_maintenance"),
    ("Cet article est une ébauche concernant la géographie. Vous pouvez partager vos connaissances en l'améliorant.",
     "wiki_maintenance"),
    ("Den här artikeln har skapats av Lsjbot. Artikeln kan eventuellt innehålla språkliga fel. Mallen kan avlägsnas "
     "efter en kontroll av innehållet.", "wiki_maintenance"),
    ("Veuillez saisir vos identifiant et mot de passe dans le pavé Mon compte pour accéder à votre compte.", "login"),
    ("JavaScript disabled. Please enable JavaScript to use My News, My Clippings, My Comments and user settings.", "login"),
    ("香港新浪新聞現已開設Facebook專頁，讓你即時掌握本地、中國、國際新聞，與朋友分享！快點到Facebook Like我們的專頁！", "social_promo"),
    ("Eine Newsübersicht am Morgen und Breaking News: Abonniere den Whatsapp-Kanal von 20 Minuten.", "social_promo"),
    ("¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular.", "social_promo"),
    ("Cek berita dan artikel yg lain di Google News dan ikuti WhatsApp channel mediaindonesia.com", "social_promo"),
    ("Join our Telegram channel for the latest updates.", "social_promo"),
    ("* Follow Official WhatsApp Channel Liputan6.com untuk mendapatkan berita-berita terkini", "social_promo"),
    ("Wenn Sie per E-Mail über neue Beiträge informiert werden möchten, tragen Sie sich hier ein.", "newsletter"),
    ("© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking Belize News. Written "
     "permission must be obtained before reprint in online or print media.", "reprint"),
    ("Les opinions exprimées dans les blogs du Monde diplomatique n'engagent que leurs auteurs.", "reprint"),
    ("Leserkommentare geben nicht die Meinung der Redaktion wieder.", "reprint"),
    ("Disclaimer: The responses below are not provided or commissioned by the bank advertiser. Responses have not "
     "been reviewed, approved or otherwise endorsed by the bank advertiser.", "disclosure"),
    ("For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.", "app_promo"),
    ("Get the latest news straight to your phone with the VI Consortium app.", "app_promo"),
    ("Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten Nachrichten informieren?",
     "push"),
    ("Download our new hockey app for the iPhone for Winnipeg Jets updates", "app_promo"),
    ("Submit your letter to the editor via this form. Read more Letters to the Editor.", "letters"),
    ("Wenn du per E-Mail über Aktuelles aus der Löwenwelt informiert werden willst, kannst du den Newsletter hier "
     "abonnieren.", "newsletter"),
    ("Ihre Meinung zu diesem Thema zur Startseite Jetzt 3 Ausgaben GRATIS erhalten!", "newsletter"),
    ("NOTE: The advertising disclaimer below does not apply to this article.", "disclosure"),
    ("Je fais un don à Attac", "support"),
    ("Artikel gefallen? Vergiss nicht zu teilen!", "share_prompt"),
])
def test_notice_kinds(text, kind):
    assert notice_in(text).name == kind


def test_every_kind_names_a_known_rule_code():
    codes = set(RULES)
    assert [k.name for k in kinds()] == ["reprint", "disclosure", "newsletter", "comment_policy", "support", "paywall",
                                         "app_promo", "push", "letters", "post_footer", "post_byline", "forum_status", "reblog",
                                         "share_prompt", "wiki_maintenance", "login", "social_promo"]
    assert all(k.code in codes and k.detail and k.label is RULES[k.code].label for k in kinds())


def test_a_disabled_code_leaves_its_kinds_out():
    policy = "Your email address will not be published. Required fields are marked *"
    assert notice_in(policy, disabled={"NC-COMMENT"}) is None
    assert notice_in(XINHUA, disabled={"NC-LEGAL"}) is None and notice_in(XINHUA, disabled={"NC-COMMENT"}).code == "NC-LEGAL"


def test_long_notice_under_the_article_goes_at_any_length():
    # far too long for a cue to be trusted on it, and text-like enough for the model to keep
    doc = clean("\n\n".join(["国家统计局发布2011年经济数据", *ZH_BODY, XINHUA]))
    notice = next(l for l in doc.lines if l.text == XINHUA)
    assert (notice.label, notice.code, notice.detail) == (Label.BOILERPLATE, "NC-LEGAL", kinds()[0].detail)
    assert "版權均屬于新華社" not in doc.markdown and "国内生产总值" in doc.markdown
    doc = clean("\n\n".join(["Storm hits the coast", *(["The storm reached the coast on Tuesday night, cutting "
                                                       "power to thousands of homes, officials said."] * 4), AP]))
    assert "may not be published" not in doc.markdown
    # switched off with the rule code, and in the rules-only mode too
    assert "版權均屬于新華社" in clean("\n\n".join([*ZH_BODY, XINHUA]), config=Config(disabled_rules=frozenset({"NC-LEGAL"}))).markdown
    assert "版權均屬于新華社" not in clean("\n\n".join([*ZH_BODY, XINHUA]), config=Config(use_model=False)).markdown


def test_drop_keeps_metadata_lines_and_changes_nothing_in_place():
    lines = [Line(0, XINHUA, 0, (0, 0), Label.CONTENT, "NC-TEXT", Label.CONTENT, "NC-MODEL", "p=0.90"),
             Line(1, XINHUA, 1, (2, 2), Label.CONTENT, "NC-TEXT", Label.METADATA, "NC-META", "source")]
    out = drop_notices(lines)
    assert out[0].code == "NC-LEGAL" and out[0].label is Label.BOILERPLATE
    assert out[1] is lines[1] and lines[0].code == "NC-MODEL"
    assert drop_notices(lines, disabled={"NC-LEGAL"}) == lines


def test_notices_of_the_new_kinds_under_an_article_go_with_and_without_the_model():
    body = ["The storm reached the coast on Tuesday night, cutting power to thousands of homes across the region, "
            "officials said on Wednesday morning.",
            "Emergency crews worked through the night to clear fallen trees from the main roads, and schools in "
            "three counties stayed closed while engineers checked the bridges.",
            "Forecasters expect calmer weather by the weekend, though rivers in the north may still rise after the "
            "heavy rain of the past days."]
    disclosure = ("Advertising disclosure: We may receive compensation for some of the links in our stories. "
                  "Thank you for supporting the Coast Herald and our advertisers.")
    policy = ("Please understand that comments are moderated and it is not always possible to publish all that have "
              "been submitted. We will, however, try to publish comments that are representative of all received.")
    page = "\n\n".join(["Storm hits the coast", *body, disclosure, policy])
    for config in (Config(), Config(use_model=False)):
        doc = clean(page, config=config)
        assert "compensation" not in doc.markdown and "moderated" not in doc.markdown
        assert all(b[:40] in doc.markdown for b in body)
        assert {(l.code, l.detail) for l in doc.lines if l.text in (disclosure, policy)} == {
            ("NC-LEGAL", "affiliate or advertising disclosure"), ("NC-COMMENT", "comment form or policy")}
    kept = clean(page, config=Config(disabled_rules=frozenset({"NC-LEGAL", "NC-COMMENT"}))).markdown
    assert "compensation" in kept and "moderated" in kept


def test_the_lines_lower_cased_by_the_cue_scan_give_the_same_decisions():
    lines = [Line(0, XINHUA, 0, (0, 0), Label.CONTENT, "NC-TEXT", Label.CONTENT, "NC-MODEL", "p=0.90"),
             Line(1, "Your email address will not be published.", 1, (2, 2), Label.CONTENT, "NC-TEXT",
                  Label.CONTENT, "NC-MODEL", "p=0.90")]
    assert drop_notices(lines, lower=[l.text.lower() for l in lines]) == drop_notices(lines)
    assert [l.code for l in drop_notices(lines)] == ["NC-LEGAL", "NC-COMMENT"]
