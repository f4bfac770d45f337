"""PEP 517 build backend of the repository root, for pre-commit (standard library only, no download).

pre-commit installs a `language: python` hook with `pip install .` of the hook's repository. Building jdlint itself
would need Swift, so `.` builds `jdlint-pre-commit-hook`, a wheel with no code whose one requirement is the jdlint wheel
of the same version (`Requires-Dist: jdlint==VERSION`): pip installs that wheel, the native binary, into the hook's
environment, and the hook's `entry: jdlint` runs it. The version is read from Sources/JDLintCore/Version.swift, the
one the program prints with --version.
"""
import base64
import hashlib
import os
import re
import zipfile

NAME = "jdlint_pre_commit_hook"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _version():
    text = open(os.path.join(ROOT, "Sources", "JDLintCore", "Version.swift"), encoding="utf-8").read()
    return re.search(r'static let string = "([^"]+)"', text).group(1)


def _metadata(version):
    return (f"Metadata-Version: 2.1\nName: jdlint-pre-commit-hook\nVersion: {version}\n"
            "Summary: The jdlint pre-commit hook: installs the jdlint wheel (the native linter) of the same version\n"
            f"Requires-Dist: jdlint=={version}\n")


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    version = _version()
    info = f"{NAME}-{version}.dist-info"
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    with open(os.path.join(metadata_directory, info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata(version))
    return info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    info = f"{NAME}-{version}.dist-info"
    files = [(f"{info}/METADATA", _metadata(version).encode()),
             (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: jdlint_hook_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n")]
    record = [f"{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode()},{len(d)}"
              for p, d in files] + [f"{info}/RECORD,,"]
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    name = f"{NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for p, d in files:
            z.writestr(zipfile.ZipInfo(p, (1980, 1, 1, 0, 0, 0)), d)
    return name
