"""Built artefacts kept on disk between starts: pickled once, mapped from the file afterwards.

Building every scenario's matcher takes tens of seconds; reading them back takes well under one.
A file holds one pickled object (protocol 5) whose large arrays are stored out of band, after the
pickle, each aligned to 64 bytes. Loading maps the file copy-on-write (`mmap.ACCESS_COPY`) and hands
those regions to the unpickler, so the arrays are views of the mapping, not copies: the kernel's
page cache backs them, every process that maps the same file shares those pages (gunicorn workers
with or without preloading), and a page is copied only if a process writes to it.

The files are our own cache, written by this process under the instance folder (0600 in a 0700
folder) and named by a hash of what they were built from: nothing from elsewhere is unpickled. They
are safe to delete at any time (the next start builds and writes them again); a file that does not
read back whole is ignored. A new file is written under a temporary name and renamed into place, so
a process that maps the old one keeps a consistent view.
"""

from __future__ import annotations

import contextlib
import ctypes
import mmap
import os
import pickle
import struct
import tempfile
from pathlib import Path
from typing import Any

MAGIC = b"HOTLART2"
_COUNTS = struct.Struct("<QQ")  # pickle length, number of out-of-band buffers it reads
_SPAN = struct.Struct("<QQ")  # offset, length of the region one buffer reads
ALIGN = 64


def _aligned(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def save(path: Path, value: Any) -> int:
    """Write `value` to `path` (atomically: a temporary file renamed into place); bytes written.

    An array pickled twice (an array and a view of all of it, e.g. a transposed copy kept as `.T`)
    is written once: both buffers read the same region.
    """
    regions: list[pickle.PickleBuffer] = []
    where: dict[tuple[int, int], int] = {}
    uses: list[int] = []

    def out_of_band(buffer: pickle.PickleBuffer) -> bool:
        raw = buffer.raw()
        key = (_address(raw), raw.nbytes) if not raw.readonly else (-len(regions) - 1, 0)
        if key not in where:
            where[key] = len(regions)
            regions.append(buffer)
        uses.append(where[key])
        return False  # false: out of band

    body = pickle.dumps(value, protocol=5, buffer_callback=out_of_band)
    offsets, offset = [], _aligned(len(MAGIC) + _COUNTS.size + _SPAN.size * len(uses) + len(body))
    for region in regions:
        offsets.append(offset)
        offset = _aligned(offset + region.raw().nbytes)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + _COUNTS.pack(len(body), len(uses)))
            for use in uses:
                out.write(_SPAN.pack(offsets[use], regions[use].raw().nbytes))
            out.write(body)
            for start, region in zip(offsets, regions, strict=True):
                out.write(b"\0" * (start - out.tell()))
                out.write(region.raw())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return offset


def load(path: Path) -> Any | None:
    """The value stored at `path`, its arrays mapped from the file; None if absent or unreadable."""
    try:
        with open(path, "rb") as source:
            mapped = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_COPY)
    except (FileNotFoundError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    view = memoryview(mapped)
    try:
        if bytes(view[: len(MAGIC)]) != MAGIC:
            return None
        length, count = _COUNTS.unpack_from(view, len(MAGIC))
        first = len(MAGIC) + _COUNTS.size
        spans = [_SPAN.unpack_from(view, first + i * _SPAN.size) for i in range(count)]
        start = first + count * _SPAN.size
        if start + length > len(view) or any(o + n > len(view) for o, n in spans):
            return None  # cut short
        buffers = [view[offset : offset + size] for offset, size in spans]
        return pickle.loads(view[start : start + length], buffers=buffers)
    except (pickle.UnpicklingError, struct.error, EOFError, ValueError, AttributeError):
        return None


def _address(raw: memoryview) -> int:
    """Where a writable buffer's memory starts."""
    return ctypes.addressof(ctypes.c_char.from_buffer(raw))
