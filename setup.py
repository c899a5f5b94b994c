"""The one thing pyproject.toml cannot say: where the package data comes from.

The shipped termbase and calque rules stay in ``glossaries/`` and the sample articles in
``resources/samples/`` (the places to edit them). The wheel carries them under the package, as
``reviewer/data/glossaries/`` and ``reviewer/data/samples/``, where :mod:`reviewer.core.paths`
finds them through ``importlib.resources``; nothing is copied in the source tree. The sdist holds
the two folders as they are. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

#: Package-data "packages" (folders without ``__init__.py``) -> their folder in the source tree.
DATA = {
    "reviewer.data.glossaries": "glossaries",
    "reviewer.data.samples": "resources/samples",
}

setup(
    packages=find_packages(include=["reviewer", "reviewer.*"]) + list(DATA),
    package_dir=DATA,
    package_data={
        "reviewer.data.glossaries": ["*"],
        "reviewer.data.samples": ["*"],
        "reviewer.gui.i18n": ["*.qm", "*.ts"],
    },
)
