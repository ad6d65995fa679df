"""The HTML export: one self-contained file from the same ReportData as the PDF.

Every string from the report data goes through :func:`html.escape`, so an
article holding ``<script>`` or ``&amp;`` shows those characters literally.
The file carries its CSS inline (resources/report.css plus the category
rules) and its charts as ``data:`` PNG images; it has no script and no
reference to anything outside itself, and a Content-Security-Policy that
forbids loading any if a browser were ever tempted.
"""

from __future__ import annotations

import base64
from html import escape

from PySide6.QtCore import QSize

from analysis.report import (
    Bullets,
    Chart,
    Heading,
    HighlightedText,
    Legend,
    Paragraph,
    ReportData,
    Table,
)
from gui.report import styles
from gui.report.chartdraw import draw_chart, logical_size

#: Width of a chart image in CSS pixels (the page body is about this wide).
CHART_WIDTH = 760

_NUM = ' class="num"'
_NOWRAP = ' class="nowrap"'
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def chart_png(chart: Chart, width: int = CHART_WIDTH) -> bytes:
    """The chart as PNG bytes, drawn by the dashboard's function at 2x resolution."""
    from gui.widgets import charts

    size = logical_size(chart, float(width))
    return charts.render_png(
        lambda painter, rect: draw_chart(painter, rect, chart),
        QSize(int(size.width()), int(size.height())),
    )


def _table(table: Table, css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    out = [f"<table{cls}>"]
    if table.caption:
        out.append(f"<caption>{escape(table.caption)}</caption>")
    out.append("<thead><tr>")
    for name, numeric in zip(table.columns, table.numeric, strict=True):
        out.append(f"<th{_NUM if numeric else ''}>{escape(name)}</th>")
    out.append("</tr></thead><tbody>")
    for row in table.rows:
        out.append("<tr>")
        for value, numeric in zip(row, table.numeric, strict=True):
            # Short single words (dates, counts) never break across lines.
            cls = _NUM if numeric else _NOWRAP if len(value) <= 16 and " " not in value else ""
            out.append(f"<td{cls}>{escape(value)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _spans(passage: HighlightedText, data: ReportData) -> str:
    out = []
    for span in passage.spans:
        if not span.category:
            out.append(escape(span.text))
            continue
        style = data.style(span.category)
        title = span.reason or style.label
        css = styles.css_class(style.id)
        if span.voice != "outlet":
            css += f" voice-{span.voice}"
        out.append(f'<mark class="{css}" title="{escape(title)}">{escape(span.text)}</mark>')
    return "".join(out)


def _legend(legend: Legend) -> str:
    out = ['<table class="legend"><tbody>']
    for style in legend.categories:
        out.append(
            f'<tr><td class="sample"><mark class="{styles.css_class(style.id)}">'
            f"{escape(style.label)}</mark></td><td>{escape(style.description)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def render_html(data: ReportData) -> str:
    """The whole report as one self-contained HTML document."""
    css = styles.report_css() + "\n" + styles.css_for_styles(data.styles)
    body: list[str] = [
        '<header class="report-header">'
        f"<span>{escape(data.title)}</span><span>{escape(data.date)}</span></header>",
        f'<h1 class="title">{escape(data.title)}</h1>',
        f'<p class="subtitle">{escape(data.subtitle)}</p>',
        f'<p class="note">Report made on {escape(data.date)} with FrameLens.</p>',
        '<nav class="contents"><ol>',
        *(f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a></li>' for s in data.sections),
        "</ol></nav>",
    ]
    for section in data.sections:
        body.append(f'<section id="{escape(section.id)}"><h2>{escape(section.title)}</h2>')
        for block in section.blocks:
            if isinstance(block, Heading):
                tag = "h3" if block.level <= 2 else "h4"
                body.append(f"<{tag}>{escape(block.text)}</{tag}>")
            elif isinstance(block, Paragraph) and block.code:
                body.append(f'<pre class="code">{escape(block.text)}</pre>')
            elif isinstance(block, Paragraph):
                cls = ' class="note"' if block.note else ""
                body.append(f"<p{cls}>{escape(block.text)}</p>")
            elif isinstance(block, Bullets):
                body.append(
                    "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"
                )
            elif isinstance(block, Table):
                body.append(_table(block))
            elif isinstance(block, Chart):
                png = base64.b64encode(chart_png(block)).decode("ascii")
                body.append(
                    f'<figure class="chart"><img alt="{escape(block.title)}" '
                    f'src="data:image/png;base64,{png}">'
                    + (f"<figcaption>{escape(block.caption)}</figcaption>" if block.caption else "")
                    + "</figure>"
                )
            elif isinstance(block, Legend):
                body.append(_legend(block))
            elif isinstance(block, HighlightedText):
                body.append('<div class="passage">')
                if block.label or block.note:
                    body.append('<div class="passage-head">')
                    if block.label:
                        body.append(f'<span class="passage-label">{escape(block.label)}</span> ')
                    if block.note:
                        body.append(f'<span class="passage-note">{escape(block.note)}</span>')
                    body.append("</div>")
                body.append(f'<div class="passage-text">{_spans(block, data)}</div></div>')
        body.append("</section>")
    body.append(
        '<footer class="note"><p>Made with FrameLens. Scores flag language worth a closer '
        "look; they are not a verdict on an outlet or author.</p></footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="generator" content="FrameLens">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(data.title)} — {escape(data.date)}</title>\n"
        f"<style>\n{css}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def write_html(data: ReportData, path: str) -> None:
    """Write the report as one HTML file (UTF-8).

    Raises :class:`analysis.errors.ReportError` when the file cannot be written.
    """
    from analysis.errors import ReportError
    from analysis.safeio import encodable, printable, write_atomically

    # Undecodable bytes of file names are shown as \xNN (HTML is UTF-8 text).
    payload = encodable(render_html(data)).encode("utf-8")
    try:
        write_atomically(path, payload)
    except OSError as exc:
        raise ReportError(f"Cannot write {printable(path)}: {exc.strerror or exc}.") from exc
