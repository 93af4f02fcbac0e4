"""Every test runs with its own batch cache folder, never the user's."""
import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
