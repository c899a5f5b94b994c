"""The window's controllers: each holds one part of its work (opening and keeping a session, checking, decisions, exports)."""


def int_or_zero(value: object) -> int:
    """``value`` as an int (a setting, a segment id), or 0 when it is none."""
    try:
        return int(str(value))
    except ValueError:
        return 0
