"""Exits 0 when this python has what the generated Python client needs (its requirements.txt):
pydantic 2, python-dateutil, urllib3 2 and typing-extensions. GeneratedClientsTest and .ci/run
both run it, so they agree on whether a python qualifies."""
import sys

try:
    import dateutil  # noqa: F401
    import pydantic
    import typing_extensions  # noqa: F401
    import urllib3
except ImportError as missing:
    sys.exit(f"missing: {missing.name}")

too_old = [
    f"{name} {version} (2 or later needed)"
    for name, version in (("pydantic", pydantic.VERSION), ("urllib3", urllib3.__version__))
    if int(version.split(".")[0]) < 2
]
if too_old:
    sys.exit("too old: " + ", ".join(too_old))
