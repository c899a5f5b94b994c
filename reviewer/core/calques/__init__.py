"""Literal renderings (calques) in English MT with no Chinese source.

Three parts, each usable alone:

* :mod:`.dictionary`: English glosses of Chinese words from CC-CEDICT, how specific
  an English word is (wordfreq), and Chinese place names.
* :mod:`.patterns`: gloss patterns generated from each concept's Chinese term, and
  the detector that finds English spans made of those glosses.
* :mod:`.rules`: generic calque rules read from an editable data file
  (``glossaries/calque-rules.toml``).
* :mod:`.gate`: whether a document is about Chinese government and Party affairs,
  the condition for these detectors (and for list variants that are ordinary English).
"""
