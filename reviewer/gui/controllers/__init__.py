"""The window's controllers: each holds one part of its work (opening and keeping a session, checking, decisions, exports)."""
