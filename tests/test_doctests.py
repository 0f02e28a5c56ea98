"""The examples in every stage's docstring are true."""
import doctest
import importlib
import pkgutil

import pytest

import pipeline

# every module, also those of subpackages (pipeline.entities.people, pipeline.text.chars)
MODULES = sorted(m.name.removeprefix("pipeline.") for m in pkgutil.walk_packages(pipeline.__path__, "pipeline.")
                 if m.name != "pipeline.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"pipeline.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0
