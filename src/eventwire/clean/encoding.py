"""Turn input bytes into text, or say precisely why they cannot be read as text.

UTF-8 is tried first because nearly every modern input is UTF-8 and the strict decode is
cheap. Only when it fails is charset-normalizer asked: a file wholly in one legacy encoding
(cp1252, latin-1, UTF-16 with a BOM) is decoded with the detected codec, while a file that is
*mostly* valid UTF-8 but holds stray bytes of another encoding is refused, because any single
codec would garble one of its parts.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Magic numbers of formats that are never news text; checked before any decoding attempt.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class EncodingProblem(ValueError):
    """Bytes that cannot be read as text. ``reason`` is a quarantine code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str

    @property
    def was_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf_8", "utf-8-sig")


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` (the first bytes of an input) belongs to, if any."""
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(_BOMS):
        return None
    sample = head[:8192]
    # NUL bytes never occur in text encodings other than UTF-16/32, which carry a BOM here.
    if b"\x00" in sample:
        return "binary data (it contains NUL bytes)"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls / len(sample) > 0.05:
        return "binary data (it is mostly control bytes)"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text or raise :class:`EncodingProblem`.

    ``declared`` is a charset the container names (an HTML meta tag, an HTTP header); it is
    trusted only when the bytes actually decode with it.
    """
    kind = binary_kind(data[:8192])
    if kind:
        raise EncodingProblem("binary", f"this is {kind}, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as err:
            raise EncodingProblem("undecodable", f"it starts with a UTF-16 mark but breaks at byte "
                                  f"{err.start}") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    if _valid_utf8_multibyte(data):
        raise EncodingProblem(
            "mixed_encoding",
            f"it mixes UTF-8 with another encoding (first non-UTF-8 byte at offset {first_bad}); "
            "re-save the file as UTF-8 throughout")
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return Decoded(data.decode(declared), declared.lower())
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise EncodingProblem("undecodable", "its encoding could not be detected; re-save it as UTF-8")
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except UnicodeDecodeError as err:
        raise EncodingProblem("undecodable", f"it looks like {best.encoding} but byte {err.start} "
                              "does not decode; re-save it as UTF-8") from None


def _valid_utf8_multibyte(data: bytes) -> bool:
    """True when ``data`` holds well-formed UTF-8 multibyte characters (so it was meant as UTF-8)."""
    count = 0
    i, n = 0, len(data)
    while i < n and count < 1:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        width = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        if width and i + width <= n and all(0x80 <= c <= 0xBF for c in data[i + 1:i + width]):
            try:
                data[i:i + width].decode("utf-8")
                count += 1
                i += width
                continue
            except UnicodeDecodeError:
                pass
        i += 1
    return count >= 1
