"""What a cleaned page looks like on output: Markdown, JSON, JSON Lines or plain text."""
from __future__ import annotations

import json

FORMATS = ("md", "json", "jsonl", "text")
SUFFIX = {"md": ".md", "json": ".json", "jsonl": ".jsonl", "text": ".txt"}


def record(doc, path: str) -> dict:
    """Everything a corpus tool needs about one page, as plain JSON values."""
    return {"path": path, "metadata": doc.metadata.as_dict(), "markdown": doc.markdown, "text": doc.text,
            "dropped": dict(sorted(doc.dropped().items())), "warnings": list(doc.warnings)}


def render(doc, fmt: str, path: str) -> str:
    """The page in format ``fmt``; always ends with a newline unless empty."""
    if fmt == "md":
        return doc.markdown
    if fmt == "text":
        text = doc.text
        return text + "\n" if text else ""
    if fmt == "json":
        return json.dumps(record(doc, path), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record(doc, path), ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
