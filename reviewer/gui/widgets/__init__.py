"""Widgets of the review window."""
