"""``newsclean explain`` and ``newsclean rules``: why each line was kept or dropped.

Coloured with rich when stdout is a terminal, plain text otherwise (rich is only
imported then); ``--json`` for tools.
"""
from __future__ import annotations

import json
import sys

_STYLE = {"content": "green", "boilerplate": "red", "metadata": "cyan"}


def _limit() -> int:
    import os

    from newsclean.cli.runner import DEFAULT_MAX_SIZE_TEXT, MAX_SIZE_ENV, parse_size

    try:
        return parse_size(os.environ.get(MAX_SIZE_ENV) or DEFAULT_MAX_SIZE_TEXT)
    except (ValueError, IndexError):
        return parse_size(DEFAULT_MAX_SIZE_TEXT)


def _read(path: str) -> str:
    from newsclean.cli.jobs import TooBig, read_limited, text_limit
    from newsclean.decode import DecodeError, decode, looks_like_html

    limit = _limit()
    if path == "-":
        raw = sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()
        if limit and len(raw) > limit:
            raise DecodeError(TooBig(len(raw), at_least=True).reason(limit))
    else:
        try:
            raw = read_limited(path, limit)
        except TooBig as e:
            raise DecodeError(e.reason(limit)) from None
    text = decode(raw)
    if text_limit(limit) and len(text) > text_limit(limit) and not looks_like_html(text):
        raise DecodeError(f"{len(text):,} characters of plain text, over the {text_limit(limit):,} the cleaner takes")
    return text


def line_record(line) -> dict:
    return {"index": line.index, "text": line.text, "first": line.first.value, "first_code": line.first_code,
            "label": line.label.value, "code": line.code, "detail": line.detail}


def explain(path: str, *, url=None, lang=None, config=None, as_json: bool = False) -> int:
    """Print every line of the page with its final label and rule code (and the first-pass
    label where the neighbours changed it). 123 if the file cannot be read."""
    from newsclean.cli.jobs import Settings, clean_text, init
    from newsclean.decode import DecodeError

    try:
        text = _read(path)
    except FileNotFoundError:
        print(f"newsclean: error: {path}: no such file", file=sys.stderr)
        return 2
    except (OSError, DecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        print(f"error: cannot explain {path}: {reason}", file=sys.stderr)
        return 123
    init(Settings(url=url, lang=lang, config=config))
    try:
        doc = clean_text(text)
    except Exception as e:  # noqa: BLE001 - a core bug: one line, not a traceback
        print(f"error: cannot explain {path}: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 123
    records = [line_record(l) for l in doc.lines]
    for warning in doc.warnings:  # (on stderr, as ``clean`` gives them: stdout stays the lines)
        print(f"warning: {path}: {warning}", file=sys.stderr)
    if as_json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return 0
    if sys.stdout.isatty():
        _explain_rich(records, doc)
        return 0
    out = []
    for r in records:
        first = f"  (first: {r['first']} {r['first_code']})" if (r["first"], r["first_code"]) != (
            r["label"], r["code"]) else ""
        detail = f"  [{r['detail']}]" if r["detail"] else ""
        out.append(f"{r['index']:4d} {r['label']:<11} {r['code']:<10} {r['text']}{first}{detail}\n")
    meta = doc.metadata.as_dict()
    if meta:
        out.append("\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()))
    sys.stdout.write("".join(out))
    return 0


def _explain_rich(records: list[dict], doc) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for r in records:
        t = Text()
        t.append(f"{r['index']:4d} ", style="dim")
        t.append(f"{r['label']:<11} ", style=_STYLE.get(r["label"], ""))
        t.append(f"{r['code']:<10} ", style="bold " + _STYLE.get(r["label"], ""))
        t.append(r["text"], style="" if r["label"] == "content" else "dim")
        if (r["first"], r["first_code"]) != (r["label"], r["code"]):
            t.append(f"  (first: {r['first']} {r['first_code']})", style="yellow")
        if r["detail"]:
            t.append(f"  [{r['detail']}]", style="dim italic")
        console.print(t)
    for k, v in doc.metadata.as_dict().items():
        console.print(Text.assemble((f"{k}: ", "cyan"), str(v)))


def print_rules(as_json: bool = False) -> int:
    """Every rule code with what it does, why, and an example."""
    from newsclean.rules import RULES

    rows = [{"code": r.code, "label": r.label.value, "name": r.name, "what": r.what, "why": r.why,
             "example": r.example} for r in RULES.values()]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table("code", "becomes", "what / why", "example", show_lines=True)
        for r in rows:
            table.add_row(f"[bold]{r['code']}[/]\n{r['name']}", r["label"], f"{r['what']}\n[dim]{r['why']}[/]",
                          r["example"])
        Console().print(table)
        return 0
    out = []
    for r in rows:
        out.append(f"{r['code']}  {r['name']} ({r['label']})\n    what:    {r['what']}\n"
                   f"    why:     {r['why']}\n    example: {r['example']}\n")
    sys.stdout.write("\n".join(out))
    return 0
