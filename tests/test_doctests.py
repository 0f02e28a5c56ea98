"""The examples in every module's docstring are true (subpackages included)."""
import doctest
import importlib
import pkgutil

import pytest

import pipeline

MODULES = sorted(m.name for m in pkgutil.walk_packages(pipeline.__path__, "pipeline.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0
