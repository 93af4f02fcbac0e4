"""newsclean: raw scraped news pages in, clean Markdown with YAML front matter out.

    >>> from newsclean import clean
    >>> doc = clean(open("page.txt", encoding="utf-8").read())
    >>> doc.metadata.title, doc.markdown

``clean`` and ``clean_html`` are imported on first use, so that ``import newsclean``
stays cheap for the command line's start-up.
"""
from newsclean.config import Config
from newsclean.document import Block, BlockKind, Document, Label, Line, Metadata

__version__ = "0.1.0"
__all__ = ["clean", "clean_html", "Config", "Document", "Line", "Label", "Metadata", "Block", "BlockKind",
           "__version__"]


def __getattr__(name: str):
    if name == "clean":
        from newsclean.pipeline import clean

        return clean
    if name == "clean_html":
        from newsclean.html import clean_html

        return clean_html
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
