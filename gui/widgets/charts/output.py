"""Charts scaled onto printers and rendered to images, PNG and SVG for the report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QPainter,
)

# --------------------------------------------------------------------------
# Output helpers for the report
# --------------------------------------------------------------------------
Draw = Callable[[QPainter, QRectF], None]


def paint_scaled(painter: QPainter, target: QRectF, logical: QSizeF, draw: Draw) -> None:
    """Draw a chart laid out at ``logical`` size (96-dpi px) scaled into ``target``.

    Use it on printers and PDF writers, whose device pixels are much smaller
    than a screen's: the chart keeps its proportions and stays vector.
    """
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / logical.width(), target.height() / logical.height())
    draw(painter, QRectF(QPointF(0, 0), logical))
    painter.restore()


def render_image(draw: Draw, size: QSize, *, device_pixel_ratio: float = 2.0) -> QImage:
    """The chart as a QImage (for PNG export or a QTextDocument image resource)."""
    image = QImage(size * device_pixel_ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


def render_png(draw: Draw, size: QSize, *, device_pixel_ratio: float = 2.0) -> bytes:
    """The chart as PNG bytes."""
    image = render_image(draw, size, device_pixel_ratio=device_pixel_ratio)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 accepts str only
    buffer.close()
    return bytes(data.data())


def render_svg(draw: Draw, size: QSize, *, title: str = "") -> bytes:
    """The chart as SVG bytes (vector, for HTML export)."""
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    if title:
        generator.setTitle(title)
    painter = QPainter(generator)
    try:
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
