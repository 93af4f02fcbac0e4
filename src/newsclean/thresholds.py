"""Every tunable number of the pipeline, named, in one place."""

# decode: telling HTML from a text dump that quotes tags
HTML_MIN_MARKUP_SHARE = 0.02  # an HTML document without a doctype: at least this share of markup characters

# blocks: detecting hard-wrapped dumps
WRAP_MIN_COLUMNS = 50  # a page whose longest line is shorter is not treated as wrapped
WRAP_MAX_COLUMNS = 200  # nor one whose longest line is longer
WRAP_SLACK = 12  # a line this many columns short of the longest still counts as "at the wrap column"
WRAP_MIN_LINES = 4  # a wrapped page has at least this many lines at the wrap column
WRAP_NEAR_SHARE = 0.3  # ... and at least this share of its lines longer than half WRAP_MIN_COLUMNS ...
WRAP_MIN_BROKEN = 3  # ... or this many lines at the wrap column broken mid-sentence (a page of short lines) ...
WRAP_BROKEN_MAX_COLUMNS = 132  # ... when that column is no wider than a wide terminal's

# line features
SHORT_LINE_CHARS = 25  # at most this many characters (a CJK character counts two) is "short"
LONG_LINE_CHARS = 80  # at least this many is "long", text-like
SENTENCE_MIN_WIDTH = 40  # a line ending like a sentence is text-like from this many columns
ERROR_MESSAGE_MAX_CHARS = 600  # a software's error message ('Warning: … in FILE on line 12') before its file: at most this long
WALL_LINE_MAX_CHARS = 1200  # a consent banner or bot check is a paragraph: a longer line (a dump that glued it to the page) is no notice
BOT_CHECK_MAX_CHARS = 3000  # a bot check's phrases are looked for on pages of at most this many characters
WALL_PAGE_SHARE = 0.5  # a page whose consent or bot-check notice is this share of its width is that notice
CUE_MAX_CHARS = 60  # a line longer than this is prose, a boilerplate cue inside it does not count
HEADER_MAX_CHARS = 40  # a related/list header is at most this long
# (the model's second stage reads these; a change needs scripts/train.py to be run again)
STACK_SURE = 0.9  # a line the first stage gives at least this is "surely kept" (its distance is a feature)
STACK_COMMENT_MASS = 3.0  # a comment cue line under this much first-stage P(content) opens a thread

# first pass
NAV_RUN_MIN = 4  # this many short lines in a row with no sentence between is a menu
LINK_TEXT_MAX_WORDS = 6  # a menu item has at most this many words

# second pass (neighbours)
REL_TAIL_MIN_LINES = 2  # after a related header, the list runs while lines look like headlines
STAGE1_SURE = 0.02  # a line the first stage of the model gives at most this, or at least 1 minus it, skips the second: it changed no label on cross-validation (scripts/tune.py) and saves 2% of the time
MODEL_KEEP = 0.45  # learned-model probability at or above which a line is content
MODEL_CONTINUE = 0.25  # a sentence right under a kept line is kept from this probability on
MODEL_PARAGRAPHS = 0.1  # two or more sentences in a row, each this likely, under kept text stay ...
PARAGRAPHS_GAP = 2  # ... with at most this many short or cue-named lines between
MODEL_LIST_INTRO = 0.15  # a line ending in a colon right under a kept line is kept from this probability on
MODEL_LIST_ITEM = 0.1  # ... and the short lines of the list it opens, from this one
LIST_MAX_ITEMS = 15  # at most this many of them
MODEL_KEEP_UNDER_LIST = 0.7  # under a list header that follows most of the article, a line needs this much
INLINE_LINK_MIN_WIDTH = 40  # a line opening with a list cue and this wide is one "Read more: <headline>" link, no header
THREAD_MIN_BEFORE = 400  # a comment-count header under this many columns of kept text opens the comment thread ...
MODEL_KEEP_UNDER_THREAD = 0.95  # ... under which a line needs this much to stay
MODEL_POST = 0.1  # on a page of several posts, a line between two of their comment counts stays from this ...
POSTS_MIN = 3  # ... when at least this many posts stand between counts
SPLIT_COUNT_LINES = 3  # a comment-count header split over up to this many short lines (a text-node dump) is one too
MODEL_OVER_CONTAINS = 0.9  # a line the model gives this much is kept though it contains a cue word (a 'contains' cue)
MODEL_SANDWICH = 0.3  # a short line this likely, with content right above and below, is kept
MODEL_SURE_PAGE = 0.95  # a page none of whose lines the model gives this much is "unsure" ...
MODEL_NEAR_MARGIN = 0.25  # ... and there a line this little under MODEL_KEEP is kept ...
MODEL_NEAR_LINES = 2  # ... when kept text stands at most this many lines away
MODEL_LEAD = 0.1  # a long sentence above the article, apart from it, is its lead from this probability on ...
LEAD_MAX_GAP = 20  # ... when at most this many lines up ...
LEAD_SKIP_MAX = 0.3  # ... with only captions and short lines the model gives less than this between ...
LEAD_BODY_MIN = 0.6  # ... above a first kept line the model gives at least this
MODEL_STANDFIRST = 0.2  # the first sentence under the headline, above the kept text, stays from this probability on ...
STANDFIRST_MAX_GAP = 6  # ... when at most this many lines under it; when the kept text starts at most ...
STANDFIRST_MAX_BODY = 15  # ... this many lines under the headline, every such sentence between them stays
MODEL_UNSTOPPED = 0.35  # (there also a sentence without its full stop, from this probability on, ...
UNSTOPPED_MAX_CAPITALS = 0.6  # ... unless more than this share of its words are capitalised)
INGREDIENT_MIN_LINES = 3  # this many short lines opening with an amount and a unit make an ingredient list ...
INGREDIENT_MAX_GAP = 2  # ... at most this many other short lines apart
CODE_MIN_LINES = 3  # this many lines that read as code make a code block ...
CODE_NEAR_LINES = 3  # ... kept when kept text stands at most this many lines above or below it
NUMBERED_MIN_ITEMS = 3  # lines numbered 1, 2, 3, ... one after another make a numbered list from this many on ...
NUMBERED_MAX_GAP = 30  # ... each at most this many lines under the one before; when the kept text holds ...
NUMBERED_MIN_KEPT = 1  # ... this many of its items, the items after the first kept one stay
POLL_MIN_OPTIONS = 2  # a numbered list of questions with this many short answers under each is a reader poll
RESCUE_MIN_P = 0.1  # on a page that keeps nothing, running text the model gives at least this ...
RESCUE_MIN_WIDTH = 200  # ... comes back as one stretch of at least this many columns
REGION_GAP_PENALTY = 0.15  # without a model: how much a short line pulls the main region away

# body rendering
HEADING_MAX_CHARS = 40  # a subheading is at most this long (CJK counting two)
LIST_ITEM_MAX_COLUMNS = 100  # under a line ending in a colon, shorter lines ending no sentence are a list's items
SECTION_HEADING_MAX_WORDS = 5  # under a list of amounts, a short line of at most this many words (no colon) before text is a subheading

# metadata
TITLE_INSIDE_MIN_BEFORE = 300  # a headline under this many columns of kept text is a heading of the text: it stays in the body too
KICKER_MAX_LINES = 2  # at most this many short kept lines above the headline, and nothing else above it, are a kicker or section name
LANGUAGE_SAMPLE_CHARS = 2000  # the language is told from this much of the kept text

# repetition across the pages of a batch (newsclean.repeat)
REPEAT_MIN_PAGES = 3  # a line on at least this many pages of the batch is repeated ...
REPEAT_PAGES_PER_MILLE = 1  # ... or on this many per thousand pages, in a larger batch
REPEAT_MAX_CHARS = 200  # longer lines are paragraphs: found twice, the page is a duplicate
REPEAT_MAX_SHARE = 0.6  # a page keeps its repeated lines when they are more than this share of its text
REPEAT_MIN_BATCH = 3  # fewer files than this: no batch statistics
