"""The rule codes: every decision newsclean takes on a line is named by one of these."""
from __future__ import annotations

from dataclasses import dataclass

from newsclean.document import Label

# When several cues fire on one line, the first code in this order wins: the more
# specific kinds (a permalink, a tag line) before the generic ones (navigation).
PRIORITY = ("NC-LINK", "NC-TAGS", "NC-CRUMB", "NC-EDITOR", "NC-META", "NC-LEGAL", "NC-CONTACT",
            "NC-SHARE", "NC-REL", "NC-PAGE", "NC-COMMENT", "NC-PROMPT", "NC-IMAGE", "NC-COUNT", "NC-NAV")

@dataclass(frozen=True)
class Rule:
    """One rule code, for ``newsclean rules`` and ``explain``: what it does, why, and an example line."""
    code: str
    label: Label  # what a line this rule fires on becomes
    name: str
    what: str
    why: str
    example: str


ALL_RULES: tuple[Rule, ...] = (
    Rule("NC-TEXT", Label.CONTENT, "article text",
         "A line that reads like running text of the article and no rule removed, or one the second pass "
         "keeps by its neighbours: a subheading between paragraphs, the items of a list the text opens, "
         "sentences in a row continuing the text (or one right under text another rule kept), a recipe's ingredient list, a code block next to the text, the rest of a numbered list whose items go on one by one after those the text keeps ('6. …', '7. …' under a kept '4.' and '5.'), "
         "the standfirst between the headline and the text (a sentence, or one set without its full stop), the parts of a kept "
         "sentence that a dump of text nodes set on lines of their own (a link's text), the posts between the comment counts "
         "that end them on a page of several posts (a blog's front page); on a page that would keep nothing, its widest "
         "stretch of running text.",
         "Sentences with final punctuation inside the page's densest stretch of text are the article.",
         "4月18日,“上海市生物医药产业投资促进伙伴计划”正式启动…"),
    Rule("NC-MODEL", Label.CONTENT, "learned classifier",
         "The learned line classifier decided (its strongest cue is shown beside the code).",
         "Boilerplate that no cue word names is still recognisable by its shape and position.",
         "a short teaser line in a footer, dropped with p(content)=0.08"),
    Rule("NC-TITLE", Label.METADATA, "title",
         "The page's headline: moved to the front matter's title, not repeated in the body.",
         "Front matter holds the title so corpus tools can read it without parsing the body.",
         "上海启动生物医药产业投资促进伙伴计划 2023年产业规模目标超过9000亿"),
    Rule("NC-META", Label.METADATA, "byline",
         "A date / source / author line under the headline: its values go to the front matter; a "
         "thread's numbered reply header ('Reply 28 - Posted by: …') at any length.",
         "A byline is not article text, but what it says about the page is worth keeping.",
         "2023-04-18 21:25:03    来源:股票牛"),
    Rule("NC-EDITOR", Label.METADATA, "editor line",
         "An editor or attribution line: the editor goes to the front matter.",
         "Editor credits close many news pages; they are metadata, not prose.",
         "本文编选自微信公众号“BioShanghai”;财经编辑:叶志远。"),
    Rule("NC-LINK", Label.METADATA, "permalink",
         "A 'link to this article' line: the URL goes to the front matter.",
         "The canonical URL is the page's identity; the line itself is boilerplate.",
         "本文链接:http://bs-cfw.com/index.php/post/109.html"),
    Rule("NC-TAGS", Label.METADATA, "tag line",
         "A tag or keyword line: its tags go to the front matter (an empty one is dropped); a blog's "
         "footer under a post at any length ('This entry was posted on … and is filed under …').",
         "Tags describe the page; as a body line they are noise.",
         "标签: 生物医药, 上海"),
    Rule("NC-CRUMB", Label.BOILERPLATE, "breadcrumb",
         "A breadcrumb or 'you are here' line; its last section becomes the category.",
         "Site navigation, not article; it tells the page's section though.",
         "当前位置:首页 > 宝山产业地产信息 > 正文内容"),
    Rule("NC-NAV", Label.BOILERPLATE, "navigation",
         "Menus: runs of short, link-like lines without sentences, and navigation cue words; "
         "a kicker or section name standing alone above the headline.",
         "Menus surround every article on a site and carry no content.",
         "Home | World | Politics | Sports"),
    Rule("NC-REL", Label.BOILERPLATE, "related list",
         "A related / recommended / latest / popular list: its header and the headlines and teasers under it.",
         "Lists of other articles are the largest block of noise on most news pages.",
         "相关阅读 / Related articles / You may also like"),
    Rule("NC-CONTACT", Label.BOILERPLATE, "contact block",
         "Phone numbers, WeChat/QQ/e-mail contacts and 'tell us your needs' prompts.",
         "Advertisers' contact details are not the article, and often personal data.",
         "或微信/手机:13524678515"),
    Rule("NC-SHARE", Label.BOILERPLATE, "share / QR prompt",
         "Share buttons, QR-code prompts, 'follow us' lines; a reblog note ('… reblogged this from …'), a "
         "prompt to share the article ('Vergiss nicht zu teilen!') or a promotion of the site's social-media "
         "page or messenger channel ('Like我們的專頁', 'Abonniere den Whatsapp-Kanal …') at any length.",
         "Calls to action of the page's chrome, not text of the article.",
         "扫一扫关注公众号 / Share on Facebook"),
    Rule("NC-LEGAL", Label.BOILERPLATE, "legal notice",
         "Copyright, reprint and disclaimer notices; a line holding a reprint ban, a site's claim to "
         "its works' rights, a portal's disclaimer ('未经本网授权不得转载', '不代表本网观点', 'This "
         "material may not be published'), a disclaimer of the views it prints ('… n'engagent que leurs "
         "auteurs') or a shop's commission on the page's links ('We may earn a commission', 'erhält … eine "
         "Provision vom Händler') at any length.",
         "Site-wide legal text is repeated on every page and is not the article.",
         "版权声明:本文由本站发布,如需转载请注明出处。"),
    Rule("NC-PAGE", Label.BOILERPLATE, "pagination",
         "Previous/next article links and page numbers.",
         "Pager links point elsewhere; their titles are other articles.",
         "上一篇:… / Next article"),
    Rule("NC-COMMENT", Label.BOILERPLATE, "comment widget",
         "Comment counts, 'leave a comment' forms and their prompts; and the readers' comments under a "
         "comment-count header that follows the article ('53 Responses to “…”'), unless the page "
         "holds several posts, each ending in its count; a line holding a comment form's or policy's "
         "notice ('Your email address will not be published', 'All comments are moderated') at any length.",
         "Comment widgets are page chrome; reader comments are not the article.",
         "发表评论 / Leave a Reply / 12 comments"),
    Rule("NC-ERROR", Label.BOILERPLATE, "error message",
         "An error or warning the site's software printed into the page: PHP's 'Warning: … in "
         "/path/file.php on line 12', 'Deprecated: …', 'Strict Standards: …', 'Fatal error: …'.",
         "It is the server's debugging output, not the article; it often stands above the headline, "
         "where it would be taken for the title.",
         "Warning: mysql_connect(): Access denied for user 'web'@'localhost' in /var/www/db.php on line 12"),
    Rule("NC-WALL", Label.BOILERPLATE, "consent or bot-check notice",
         "The notice a site shows in front of its pages, in its set phrases (data/walls.toml): a cookie "
         "consent banner ('This website uses cookies to …', 'If you continue browsing the site, you agree …', "
         "'Accept all cookies', or the consent asked before an embedded post: 'Ich bin damit einverstanden, dass "
         "mir der externe Inhalt angezeigt wird'), found anywhere in a line of any length; or, on a short page, what a site "
         "serves a client it takes for a bot or cannot serve ('Verify you are human', 'Checking your browser "
         "before accessing …', 'Access to this page has been denied', 'You need to enable JavaScript to run "
         "this app'). A page that is mostly such a notice keeps nothing, with a warning: the scraper saved "
         "the wall instead of the article.",
         "It reads like a sentence, and on thousands of pages of one site it is the same one; a page that is "
         "only the notice has no article to keep.",
         "Slideshare uses cookies to improve functionality and performance. If you continue browsing the site, "
         "you agree to the use of cookies on this website."),
    Rule("NC-PROMPT", Label.BOILERPLATE, "prompt",
         "Newsletter, cookie, login and subscription prompts, ads labels; a line holding a newsletter's "
         "sign-up form ('Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben'), an "
         "appeal for donations, a paywall's notice ('To view the full story, please subscribe'), a "
         "promotion of the site's app ('download the … apps for iOS and Android'), a prompt to allow its "
         "notifications ('Dürfen wir Sie in Ihrem Browser … informieren?'), an invitation to write to the editor ('Submit your "
         "letter to the editor'), a wiki's maintenance notice ('You can help Wikipedia by expanding it') "
         "or a login or JavaScript prompt ('Forgot your password?', 'Please enable JavaScript') at any "
         "length.",
         "Interface text asking the reader to act is not content.",
         "Sign up for our newsletter / We use cookies"),
    Rule("NC-IMAGE", Label.BOILERPLATE, "image placeholder",
         "Placeholders left where an image was.",
         "They carry no text of the article.",
         "(相关资料图) / [image]"),
    Rule("NC-COUNT", Label.BOILERPLATE, "counter",
         "View, like and read counts, and lines of bare numbers; a forum's status line ('This topic has 3 "
         "replies, 3 voices, and was last updated …', 'Viewing 4 posts - 1 through 4 (of 4 total)') at any "
         "length.",
         "Counters change every visit and mean nothing in a corpus.",
         "阅读 465 / 1.2k views"),
    Rule("NC-DUP", Label.BOILERPLATE, "repeated line",
         "A line repeating one the page dropped earlier (a teaser title twice, a menu shown again); "
         "with the model, a repeat of a kept line stays when the model keeps it.",
         "Real articles seldom repeat a line; lists of links do. A forum thread or a listing repeats "
         "its furniture under every post ('Joined: ...', 'Reply'), and the gold keeps each copy.",
         "the second of two identical headline lines"),
    Rule("NC-REPEAT", Label.BOILERPLATE, "repeated across the batch",
         "A kept line that recurs verbatim on many pages of the batch being cleaned (a folder).",
         "Lines every page of a site repeats are its furniture, however much they look like text "
         "(CCNet's line deduplication, within one batch); `--no-corpus` turns it off.",
         "“Sign up for our morning briefing” on 40 of 50 pages of one site"),
    Rule("NC-OUTSIDE", Label.BOILERPLATE, "outside the article",
         "A text-like line far from the article's main stretch (header or footer region).",
         "The article is one contiguous stretch; isolated text around it belongs to other blocks.",
         "a site slogan sentence in the footer"),
)

RULES: dict[str, Rule] = {r.code: r for r in ALL_RULES}
# the classifier's own verdicts, not rules: every line gets one of them when no rule names it, so
# they cannot be switched off (``--no-model`` leaves the learned one out)
ALWAYS_ON = frozenset({"NC-TEXT", "NC-MODEL"})


def rule(code: str) -> Rule:
    return RULES[code]
