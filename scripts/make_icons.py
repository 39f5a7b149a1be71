"""Draws the extension's icons (extension/icons/*.png): a weight (гиря, "веско") on a blue disc.

Plain zlib PNG writing, so no imaging library is needed. Run once: python scripts/make_icons.py
"""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extension" / "icons"
BLUE, WHITE = (37, 99, 235, 255), (255, 255, 255, 255)


def pixel(x: float, y: float) -> tuple:
    """Colour at (x, y) in a 1x1 square: a disc, and in it a kettlebell (handle ring over a heavy body)."""
    dx, dy = x - 0.5, y - 0.5
    if dx * dx + dy * dy > 0.25:
        return (0, 0, 0, 0)
    body = (x - 0.5) ** 2 / 0.22**2 + (y - 0.62) ** 2 / 0.2**2 <= 1
    ring_r = ((x - 0.5) ** 2 + (y - 0.36) ** 2) ** 0.5
    handle = 0.09 <= ring_r <= 0.16 and y <= 0.42
    return WHITE if body or handle else BLUE


def png(size: int) -> bytes:
    samples = 4
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    c = pixel((i + (si + 0.5) / samples) / size, (j + (sj + 0.5) / samples) / size)
                    acc = [a + b for a, b in zip(acc, c)]
            row += bytes(round(a / samples**2) for a in acc)
        rows.append(bytes(row))
    chunk = lambda tag, data: struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))  # noqa: E731
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (OUT / f"{size}.png").write_bytes(png(size))
