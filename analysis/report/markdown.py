"""Simple Markdown (the methodology, resources/methodology.md) as blocks of plain text."""

from __future__ import annotations

import re

from analysis.report.document import (
    Block,
    Bullets,
    Heading,
    Paragraph,
    table_from_rows,
)


def methodology_blocks(markdown: str) -> tuple[Block, ...]:
    """Turn simple Markdown into blocks of plain text.

    Headings (``#``; the first level becomes a level-2 heading, deeper ones
    level 3), paragraphs, bullet and numbered lists, pipe tables and fenced
    code (kept as plain lines). Emphasis marks and link targets are dropped.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []
    table: list[list[str]] = []
    code: list[str] = []
    in_code = False

    def flush() -> None:
        if code:
            blocks.append(Paragraph("\n".join(code), code=True))
            code.clear()
        if paragraph:
            blocks.append(Paragraph(_inline(" ".join(paragraph))))
            paragraph.clear()
        if bullets:
            blocks.append(Bullets(tuple(_inline(b) for b in bullets)))
            bullets.clear()
        if table:
            width = max(len(r) for r in table)
            rows = [r + [""] * (width - len(r)) for r in table]
            blocks.append(table_from_rows(rows[0], rows[1:]))
            table.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            flush()
            in_code = not in_code
        elif in_code:
            code.append(raw.rstrip())
        elif raw.startswith(("    ", "\t")) and line and not bullets and (code or not paragraph):
            # An indented code block (a formula): kept line by line, indent relative.
            code.append(raw.rstrip()[4:] if raw.startswith("    ") else raw.rstrip()[1:])
        elif not line:
            if not code:
                flush()
        elif line.startswith("#"):
            flush()
            level = 2 if len(line) - len(line.lstrip("#")) <= 2 else 3
            blocks.append(Heading(_inline(line.lstrip("#").strip()), level))
        elif line.startswith("|"):
            if paragraph or bullets:
                flush()
            cells = [_inline(c.strip()) for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                table.append(cells)
        elif re.match(r"([-*+]|\d+[.)]) ", line):
            if paragraph or table:
                flush()
            bullets.append(re.sub(r"^([-*+]|\d+[.)]) ", "", line))
        elif bullets and raw.startswith((" ", "\t")):
            bullets[-1] += " " + line
        else:
            if bullets or table or code:
                flush()
            paragraph.append(line)
    flush()
    return tuple(blocks)


def _inline(text: str) -> str:
    """Drop Markdown emphasis, code marks and link targets, keeping the words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)", r"\1", text)
    return text
