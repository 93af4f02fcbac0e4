"""Importing one of ``scripts/*.py`` in a test: the training and tuning scripts are not part of
the package, and they import their neighbours (``align``, ...) from their own folder."""
import importlib.util
import os
import sys

SCRIPTS = os.path.join(os.path.dirname(__file__), "..", "scripts")


def load_script(name: str):
    """The module of ``scripts/<name>.py``, imported under a name of its own."""
    sys.path.insert(0, SCRIPTS)
    try:
        spec = importlib.util.spec_from_file_location(f"nc_script_{name}", os.path.join(SCRIPTS, name + ".py"))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(SCRIPTS)
