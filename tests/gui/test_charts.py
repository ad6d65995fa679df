"""Charts: drawn with QPainter into images, PDF (as vectors) and SVG; empty and crowded data."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from gui.widgets import charts

SENTENCES = {
    "Harbour Herald": [0.0, 0.1, 0.2, 0.15],
    "Daily Ledger": [0.5, 0.9, 0.6],
    "Coastline Today": [0.3],
}
RATES = {
    "Harbour Herald": {"label": 1.0, "hedge": 2.5},
    "Daily Ledger": {"label": 9.0, "emotive": 4.0, "attribution": 3.0, "custom:mine": 1.0},
}
FRAMES = {"Harbour Herald": {"Economic": 0.4}, "Daily Ledger": {"Economic": 0.2, "Legality": 0.5}}
SOURCES = {
    "Harbour Herald": {"Lindqvist": 2.0},
    "Daily Ledger": {"Lindqvist": 1.0, "(unnamed)": 3.0},
}

DRAWINGS = {
    "subjectivity": lambda p, r, data=SENTENCES: charts.draw_subjectivity_chart(p, r, data),
    "loaded": lambda p, r, data=RATES: charts.draw_loaded_chart(p, r, data),
    "frames": lambda p, r, data=FRAMES: charts.draw_frames_chart(p, r, data),
    "sources": lambda p, r, data=SOURCES: charts.draw_sources_chart(p, r, data),
}


def distinct_colours(image: QImage, step: int = 3) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def dark_pixels(image: QImage, step: int = 2) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if QColor(image.pixel(x, y)).lightness() < 128
    )


@pytest.mark.parametrize("name", DRAWINGS)
def test_chart_renders_into_an_image(qapp, name: str) -> None:
    image = charts.render_image(DRAWINGS[name], QSize(520, 300), device_pixel_ratio=1.0)
    assert image.width() == 520
    # Text, axes and data marks: far more than a blank background.
    assert len(distinct_colours(image)) > 10
    assert dark_pixels(image) > 200


@pytest.mark.parametrize("name", DRAWINGS)
def test_chart_prints_to_pdf_as_vectors(qapp, tmp_path, name: str) -> None:
    from pypdf import PdfReader

    path = tmp_path / f"{name}.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
        )
    )
    painter = QPainter(writer)
    target = QRectF(0, 0, writer.width(), writer.width() * 300 / 520)
    charts.paint_scaled(painter, target, QSizeF(520, 300), DRAWINGS[name])
    painter.end()

    data = path.read_bytes()
    assert len(data) < 80_000, "a vector chart is small; a big file means a raster image"
    page = PdfReader(io.BytesIO(data)).pages[0]
    resources = page["/Resources"]
    xobjects = resources.get("/XObject", {})
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert images == []
    title = {
        "subjectivity": "Subjectivity",
        "loaded": "Loaded terms",
        "frames": "Frames",
        "sources": "Quoted sources",
    }[name]
    assert title in " ".join(page.extract_text().split())  # real text, not pixels


@pytest.mark.parametrize("name", DRAWINGS)
def test_chart_renders_to_svg(qapp, name: str) -> None:
    svg = charts.render_svg(DRAWINGS[name], QSize(520, 300), title=name).decode("utf-8")
    assert svg.lstrip().startswith("<?xml")
    assert "<svg" in svg and "<image" not in svg
    assert "<path" in svg or "<rect" in svg


def test_png_bytes(qapp) -> None:
    png = charts.render_png(DRAWINGS["loaded"], QSize(300, 200))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(png)
    assert image.width() == 600  # device pixel ratio 2 by default


@pytest.mark.parametrize(
    "draw",
    [
        lambda p, r: charts.draw_subjectivity_chart(p, r, {}),
        lambda p, r: charts.draw_subjectivity_chart(p, r, {"Empty Outlet": []}),
        lambda p, r: charts.draw_loaded_chart(p, r, {}),
        lambda p, r: charts.draw_frames_chart(p, r, {"A": {}}),
        lambda p, r: charts.draw_sources_chart(p, r, {}),
    ],
)
def test_empty_data_draws_a_message(qapp, draw) -> None:
    image = charts.render_image(draw, QSize(400, 200), device_pixel_ratio=1.0)
    assert dark_pixels(image, step=1) > 30  # title and the "nothing yet" message


def test_twenty_outlets_fit(qapp) -> None:
    many = {f"Outlet number {i} with a long name": [i / 20, 1 - i / 40] for i in range(20)}
    height = int(charts.preferred_height(20))
    image = charts.render_image(
        lambda p, r: charts.draw_subjectivity_chart(p, r, many),
        QSize(600, height),
        device_pixel_ratio=1.0,
    )
    assert dark_pixels(image) > 500
    frames = {f"Outlet number {i} with a long name": {"Economic": 0.1 * (i % 5)} for i in range(20)}
    image = charts.render_image(
        lambda p, r: charts.draw_frames_chart(p, r, frames), QSize(600, 400), device_pixel_ratio=1.0
    )
    assert dark_pixels(image) > 300


def test_box_stats() -> None:
    stats = charts.box_stats([0.0, 0.25, 0.5, 1.0])
    assert stats is not None
    assert stats.n == 4
    assert stats.mean == pytest.approx(0.4375)
    assert stats.median == pytest.approx(0.375)
    assert stats.q1 == pytest.approx(0.1875)
    assert stats.q3 == pytest.approx(0.625)
    assert (stats.minimum, stats.maximum) == (0.0, 1.0)
    assert charts.box_stats([]) is None


def test_categories_have_distinct_patterns_and_colours() -> None:
    categories = charts.series_for_loaded()
    assert len(categories) >= 6
    assert len({c.pattern for c in categories}) == len(categories)
    assert len({c.colour.lower() for c in categories}) == len(categories)
    assert categories[0].id == "label"


def test_patterns_survive_grayscale(qapp) -> None:
    """Two categories whose colours turn into a similar grey still look different."""
    solid = charts.Series("a", "A", "#808080", Qt.BrushStyle.SolidPattern)
    hatched = charts.Series("b", "B", "#808080", Qt.BrushStyle.BDiagPattern)
    images = []
    for category in (solid, hatched):
        image = charts.render_image(
            lambda p, r, c=category: charts.fill_with_pattern(p, r, c),
            QSize(40, 40),
            device_pixel_ratio=1.0,
        )
        images.append(image.convertToFormat(QImage.Format.Format_Grayscale8))
    assert len(distinct_colours(images[0], step=1)) == 1
    assert len(distinct_colours(images[1], step=1)) > 1


def test_unknown_series_get_their_own_style() -> None:
    known = charts.series_for_loaded()
    series = charts.series_categories(["label", "custom:mine"], known)
    assert series[0] == known[0]
    assert series[1].label == "Mine"
    assert series[1].pattern not in {known[0].pattern}


def test_chart_widgets_paint_with_the_widget_palette(qtbot) -> None:
    chart = charts.LoadedTermsChart()
    qtbot.addWidget(chart)
    chart.set_data(RATES)
    chart.resize(500, chart.height())
    image = chart.grab().toImage()
    assert dark_pixels(image) > 100
    small = chart.height()
    chart.set_data({f"Outlet {i}": {"label": 1.0} for i in range(12)})
    assert chart.height() > small  # more outlets, taller chart
    assert chart.to_image(QSize(300, 200)).width() == 600


def test_dark_palette_uses_light_text(qapp) -> None:
    from PySide6.QtGui import QPalette

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    chart_palette = charts.ChartPalette.from_qpalette(palette)
    assert chart_palette.text.lightness() > 200
    assert chart_palette.background.lightness() < 50


def test_row_labels_break_between_words_never_inside_one(qapp) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from gui.widgets.charts.primitives import wrap_label

    fm = QFontMetricsF(QFont())
    label = "External regulation and reputation"
    narrow = fm.horizontalAdvance("External regulation") + 2
    assert wrap_label(label, fm, narrow, 2) == ["External regulation", "and reputation"]
    one = wrap_label(label, fm, narrow, 1)
    assert one == ["External regulation…"] or one == ["External…"]
    words = set(label.split())
    for line in wrap_label(label, fm, narrow, 1) + wrap_label(label, fm, narrow, 2):
        assert all(w.rstrip("…") in words for w in line.split())
    assert wrap_label("Economic", fm, 400, 1) == ["Economic"]
