#!/usr/bin/env python3
"""Structural check of Editors/vscode/package.json against extension.js (what `vsce package` and VS Code need).

Usage: vscode_check.py EXTENSION_DIR. Prints one line per check and "N passed, N failed" last; exit 1 on failure.
"""
import json
import os
import re
import sys

root = sys.argv[1]
passed = failed = 0


def check(ok, what, detail=None):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {detail}" if detail is not None else ""))


try:
    manifest = json.load(open(os.path.join(root, "package.json"), encoding="utf-8"))
except Exception as e:  # noqa: BLE001 - report any parse problem
    check(False, "package.json is valid JSON", e)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1)
check(True, "package.json is valid JSON")
source = open(os.path.join(root, manifest.get("main", "extension.js")), encoding="utf-8").read()

# Fields vsce requires, in the forms it accepts.
check(re.fullmatch(r"[a-z0-9][a-z0-9-]*", manifest.get("name", "")) is not None, "name is lower-case", manifest.get("name"))
check(bool(manifest.get("publisher")), "publisher is set")
check(re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?", manifest.get("version", "")) is not None, "version is semver")
check(re.fullmatch(r"\^?\d+\.\d+\.\d+", manifest.get("engines", {}).get("vscode", "")) is not None,
      "engines.vscode is a version range", manifest.get("engines"))
check(os.path.isfile(os.path.join(root, manifest.get("main", "").lstrip("./"))), "main exists", manifest.get("main"))
readme = os.path.join(root, "README.md")
check(os.path.isfile(readme) and "This is the README for your extension" not in open(readme, encoding="utf-8").read(),
      "README.md exists and is not vsce's template")

# Activation on the three languages, and nothing broader.
events = manifest.get("activationEvents", [])
check(sorted(events) == ["onLanguage:html", "onLanguage:markdown", "onLanguage:plaintext"],
      "activates on plaintext, markdown, html only", events)
for lang in ("plaintext", "markdown", "html"):
    check(f"'{lang}'" in source, f"the client's document selector has {lang}")

# Commands: contributed == registered.
contributed = {c["command"] for c in manifest.get("contributes", {}).get("commands", [])}
registered = set(re.findall(r"registerCommand\('([^']+)'", source))
check("jdlint.fixAll" in contributed, "jdlint.fixAll is contributed", sorted(contributed))
check(contributed == registered, "every contributed command is registered and vice versa",
      {"contributed": sorted(contributed), "registered": sorted(registered)})
check(all(c.get("title") for c in manifest["contributes"]["commands"]), "every command has a title")

# Settings: the four of the issue, typed, with defaults of their type; every key the client reads is declared.
props = manifest.get("contributes", {}).get("configuration", {}).get("properties", {})
types = {"string": str, "boolean": bool, "integer": int, "number": (int, float), "object": dict, "array": list,
         "null": type(None)}
for key, want in {"jdlint.path": "string", "jdlint.profile": None, "jdlint.unsafeFixes": "boolean",
                  "jdlint.debounceMs": "integer"}.items():
    check(key in props, f"setting {key} is declared")
    if want:
        check(props.get(key, {}).get("type") == want, f"setting {key} has type {want}", props.get(key, {}).get("type"))
for key, spec in props.items():
    t = spec.get("type")
    allowed = t if isinstance(t, list) else [t]
    check(all(x in types for x in allowed), f"{key}: valid JSON-schema type", t)
    if "default" in spec:
        d = spec["default"]
        ok = any(isinstance(d, types[x]) and not (x in ("integer", "number") and isinstance(d, bool)) for x in allowed)
        if "enum" in spec:
            ok = ok and d in spec["enum"]
        check(ok, f"{key}: default {d!r} matches its type")
    check(bool(spec.get("description") or spec.get("markdownDescription")), f"{key}: has a description")
read = set(re.findall(r"\bc\.get\('([A-Za-z.]+)'", source)) | set(
    re.findall(r"getConfiguration\('jdlint'\)\.get\('([A-Za-z.]+)'", source))
check(read and all(f"jdlint.{k}" in props for k in read), "every setting the client reads is declared", sorted(read))

# Dependencies: the language client at run time, the packaging tool and types at development time.
check("vscode-languageclient" in manifest.get("dependencies", {}), "depends on vscode-languageclient")
check("@vscode/vsce" in manifest.get("devDependencies", {}), "devDependency @vscode/vsce for packaging")
check("vsce package" in manifest.get("scripts", {}).get("package", ""), "npm run package runs vsce package")

# The built-in client (used when vscode-languageclient is not installed) has no dependencies, and extension.js
# only tries to load vscode-languageclient.
client_path = os.path.join(root, "client.js")
check(os.path.isfile(client_path), "client.js (the built-in LSP client) exists")
if os.path.isfile(client_path):
    client_requires = set(re.findall(r"require\('([^']+)'\)", open(client_path, encoding="utf-8").read()))
    builtins = {"child_process", "fs", "path", "os", "util", "events", "vscode"}
    check(client_requires <= builtins, "client.js requires only Node built-ins and vscode", sorted(client_requires))
check(re.search(r"try\s*\{\s*languageclient = require\('vscode-languageclient/node'\);\s*\}\s*catch", source) is not None
      and "require('./client')" in source,
      "extension.js falls back to client.js when vscode-languageclient cannot be loaded")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
