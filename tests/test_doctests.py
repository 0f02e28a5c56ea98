"""The examples in every stage's docstring are true."""
import doctest
import importlib
import pkgutil

import pytest

import pipeline

# every module of the package, subpackages (pipeline.claims, pipeline.text) included
MODULES = sorted(m.name[len("pipeline."):] for m in pkgutil.walk_packages(pipeline.__path__, "pipeline.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"pipeline.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0
