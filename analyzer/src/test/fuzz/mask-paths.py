#!/usr/bin/env python3
"""Masks machine paths in JFR files, in place and byte for byte.

Recordings carry the paths of the machine that made them (class path, java.home, PATH, the
environment). Each JFR string is a byte 3 (UTF-8) or 5 (Latin-1), a varint length and the bytes, or a byte 4,
a varint length and one varint per char (one byte each for ASCII); inside such strings only, every absolute path under a machine-specific root becomes /xxx... of
the same length, so lengths, offsets and the file's structure stay as they were.

    mask-paths.py FILE...
"""
import re
import sys

PATH = re.compile(rb"/(?:work|root|tmp|home|usr|opt)\b[^\s\"',;:]*")


def varint(data, at):
    value, shift = 0, 0
    for i in range(5):
        if at + i >= len(data):
            return None, at
        byte = data[at + i]
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at + i + 1
        shift += 7
    return None, at


def mask(data):
    i = 0
    while i < len(data) - 1:
        if data[i] in (3, 4, 5):
            length, start = varint(data, i + 1)
            end = start + (length or 0)
            ascii_only = data[i] == 4
            if length and end <= len(data) and all(
                    (b >= 0x20 or b in (9, 10)) and (b < 0x80 or not ascii_only) for b in data[start:end]):
                text = bytes(data[start:end])
                masked = PATH.sub(lambda m: b"/" + b"x" * (len(m.group(0)) - 1), text)
                data[start:end] = masked
                i = end
                continue
        i += 1


for name in sys.argv[1:]:
    with open(name, "rb") as f:
        content = bytearray(f.read())
    size = len(content)
    mask(content)
    assert len(content) == size
    with open(name, "wb") as f:
        f.write(content)
