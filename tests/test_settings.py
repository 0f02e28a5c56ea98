"""Thresholds live in pipeline/settings.toml; an override file changes them, a typo is refused."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import settings

ROOT = Path(__file__).resolve().parent.parent
PROMPT_LINE = "分享到微信朋友圈"


def _classify_with(override: Path | None) -> str:
    env = dict(os.environ)
    env.pop(settings.ENV_VAR, None)
    if override is not None:
        env[settings.ENV_VAR] = str(override)
    code = ("from pipeline.clean import classify_line; "
            f"print(classify_line({PROMPT_LINE!r}).kind)")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def test_defaults_come_from_the_settings_file():
    assert settings.setting("clean", "prompt_max_cjk") == 20
    assert settings.section("clean").short_line_cjk == 30
    assert settings.setting("run", "max_text_chars") == 500_000


def test_an_override_file_changes_a_threshold_in_a_fresh_process(tmp_path):
    override = tmp_path / "s.toml"
    override.write_text("[clean]\nprompt_max_cjk = 3\n", encoding="utf-8")
    assert _classify_with(None) == "chrome"
    assert _classify_with(override) == "text"  # 7 CJK > 3: no longer a short prompt line


@pytest.mark.parametrize("body, error", [
    ("[clean]\nprompt_max_cj = 3\n", KeyError),       # typo in a key
    ("[cleaning]\nprompt_max_cjk = 3\n", KeyError),   # typo in a section
    ("[clean]\nprompt_max_cjk = \"3\"\n", TypeError),  # wrong type
])
def test_an_override_never_passes_silently(tmp_path, monkeypatch, body, error):
    override = tmp_path / "bad.toml"
    override.write_text(body, encoding="utf-8")
    monkeypatch.setenv(settings.ENV_VAR, str(override))
    with pytest.raises(error):
        settings.settings()


def test_the_cli_refuses_a_bad_settings_file(tmp_path):
    override = tmp_path / "bad.toml"
    override.write_text("[clean]\nno_such_threshold = 1\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "pipeline", "schema", "--settings", str(override)],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    assert "no_such_threshold" in out.stderr and out.stderr.count("\n") == 1


def _fingerprint_with(override: Path | None) -> str:
    env = dict(os.environ)
    env.pop(settings.ENV_VAR, None)
    if override is not None:
        env[settings.ENV_VAR] = str(override)
    code = "from pipeline.cache import code_fingerprint; print(code_fingerprint())"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()


def test_settings_are_part_of_the_cache_key(tmp_path):
    override = tmp_path / "s.toml"
    override.write_text("[clean]\nprompt_max_cjk = 3\n", encoding="utf-8")
    assert _fingerprint_with(override) != _fingerprint_with(None)


def test_the_fingerprint_refuses_settings_changed_after_the_stages_bound_them(tmp_path, monkeypatch):
    import pipeline.clean  # noqa: F401  (binds the [clean] thresholds)

    override = tmp_path / "s.toml"
    override.write_text("[clean]\nprompt_max_cjk = 3\n", encoding="utf-8")
    monkeypatch.setenv(settings.ENV_VAR, str(override))
    with pytest.raises(RuntimeError, match="changed after the stages read"):
        settings.fingerprint()


def test_an_int_is_accepted_for_a_float_setting(tmp_path, monkeypatch):
    override = tmp_path / "s.toml"
    override.write_text("[clean]\ntitle_repeat_shared_fraction = 1\n", encoding="utf-8")
    monkeypatch.setenv(settings.ENV_VAR, str(override))
    assert settings.settings()["clean"]["title_repeat_shared_fraction"] == 1.0
