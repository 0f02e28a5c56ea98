"""Thresholds of the heuristics, read once per process from ``pipeline/settings.toml``.

``setting("run", "max_text_chars")`` gives one value. A TOML file named by the environment
variable ``CNNEWS_SETTINGS`` (the CLI's ``--settings`` sets it, so worker processes see it too)
overrides any section and key; unknown keys are an error, so a typo never passes silently.

>>> setting("run", "max_text_chars"), section("clean").short_line_cjk
(500000, 30)
"""
from __future__ import annotations

import hashlib
import json
import os
import tomllib
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

ENV_VAR = "CNNEWS_SETTINGS"


@lru_cache(maxsize=None)
def _defaults() -> dict:
    return tomllib.loads(resources.files("pipeline").joinpath("settings.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _load(override_path: str) -> dict:
    merged = {section: dict(values) for section, values in _defaults().items()}
    if override_path:
        with open(override_path, "rb") as fh:
            override = tomllib.load(fh)
        for section, values in override.items():
            if section not in merged or not isinstance(values, dict):
                raise KeyError(f"{override_path}: unknown settings section [{section}]")
            for key, value in values.items():
                if key not in merged[section]:
                    raise KeyError(f"{override_path}: unknown setting {section}.{key}")
                default = merged[section][key]
                if isinstance(default, float) and type(value) is int:
                    value = float(value)  # 1 for 1.0: TOML writes them differently
                if type(value) is not type(default):
                    raise TypeError(f"{override_path}: {section}.{key} must be "
                                    f"{type(merged[section][key]).__name__}")
                merged[section][key] = value
    return merged


_bound_with: list[str] = []  # the override path in force when a module first read a value


def settings() -> dict:
    """All settings: the defaults with the ``CNNEWS_SETTINGS`` file's values over them."""
    return _load(os.environ.get(ENV_VAR, ""))


def _bound_settings() -> dict:
    """``settings()``, remembering which override file was in force when a module first read
    them (``fingerprint`` checks it)."""
    if not _bound_with:
        _bound_with.append(os.environ.get(ENV_VAR, ""))
    return settings()


def setting(section: str, key: str):
    """One value, e.g. ``setting("clean", "short_line_cjk")``."""
    return _bound_settings()[section][key]


def section(name: str) -> SimpleNamespace:
    """One section as attributes (``section("clean").short_line_cjk``): modules bind it once at
    import, so a threshold costs an attribute lookup in a hot loop, not a dict walk. Set
    ``CNNEWS_SETTINGS`` before the stage modules are imported (the CLI's ``--settings`` does)."""
    return SimpleNamespace(**_bound_settings()[name])


def fingerprint() -> str:
    """A short hash of the settings in force (part of the result cache's key). Refuses to
    answer if ``CNNEWS_SETTINGS`` changed after modules bound their thresholds: the hash would
    then describe settings the stages do not use, and the cache could serve stale rows."""
    if _bound_with and _bound_with[0] != os.environ.get(ENV_VAR, ""):
        raise RuntimeError(f"{ENV_VAR} changed after the stages read their settings "
                           f"({_bound_with[0] or 'defaults'} → {os.environ.get(ENV_VAR) or 'defaults'})")
    return hashlib.sha1(json.dumps(settings(), sort_keys=True).encode()).hexdigest()[:12]
