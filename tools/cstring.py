# SPDX-License-Identifier: MIT
"""C string literals for the build-time generators (tools/gen-*.py)."""


def c_str(s):
    """s as a C string literal: ASCII kept, other characters as UTF-8
    escapes, each followed by an empty "" so that a hex escape never runs
    into the next character."""
    out = []
    for ch in s:
        if ch in '\\"':
            out.append('\\' + ch)
        elif ord(ch) < 0x80:
            out.append(ch)
        else:
            out.extend('\\x%02x' % b for b in ch.encode('utf-8'))
            out.append('""')
    return '"' + ''.join(out) + '"'
