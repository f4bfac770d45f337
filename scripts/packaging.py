#!/usr/bin/env python3
"""Helpers of scripts/package (Python standard library only).

  packaging.py glibc BINARY                    the highest GLIBC_x.y symbol version BINARY needs ("2.35")
  packaging.py wheel BINARY VERSION OUTDIR     dist/jdlint-VERSION-py3-none-manylinux_X_Y_ARCH.whl
  packaging.py vsix BINARY VERSION OUTDIR      dist/jdlint-VERSION.vsix

The wheel is built by hand, as maturin builds binary-only wheels (ruff, uv): the binary goes to
`jdlint-VERSION.data/scripts/jdlint` (pip installs it into the environment's bin/ with its executable bit), with
`WHEEL`, `METADATA` and `RECORD` (sha256 of every file) in `jdlint-VERSION.dist-info/`. No Python code: `jdlint` on
PATH is the native program itself. The platform tag is honest: manylinux_X_Y where glibc X.Y is the newest symbol
version the binary needs (the Swift runtime is linked in statically; glibc, libstdc++ and libgcc_s are dynamic).

The .vsix is the zip `vsce package` writes: `[Content_Types].xml`, `extension.vsixmanifest` and `extension/` with
package.json, extension.js, client.js, README.md, node_modules/ (the production dependencies, when `npm install` ran
in Editors/vscode; without them extension.js uses the built-in LSP client of client.js) and the binary at
`extension/server/linux-x64/jdlint`, which extension.js starts when `jdlint.path` is empty.
"""
import base64
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import time
import zipfile
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def zip_date():
    """Entry dates from SOURCE_DATE_EPOCH (reproducible archives), else 1980-01-01."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    return time.gmtime(max(epoch, 315532800))[:6]


def add(z, name, data, executable=False):
    info = zipfile.ZipInfo(name, zip_date())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix: the mode below is read by pip and by unzip
    info.external_attr = ((0o100755 if executable else 0o100644) & 0xFFFF) << 16
    z.writestr(info, data, compresslevel=9)


def glibc_version(binary):
    """The newest GLIBC_x.y version among the binary's dynamic symbol references, as (x, y)."""
    out = subprocess.run(["objdump", "-T", binary], check=True, capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in m.split(".")) for m in re.findall(r"\bGLIBC_(\d+\.\d+(?:\.\d+)?)\b", out)}
    if not versions:
        sys.exit(f"{binary}: no GLIBC_ symbol versions found (not a dynamically linked glibc binary?)")
    return max(versions)[:2]


def machine():
    m = platform.machine()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(m, m)


def readme_summary():
    """The README from its start to the Install section: the wheel's long description."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    return text.split("\n## What it checks", 1)[0].strip() + "\n"


def wheel(binary, version, outdir):
    major, minor = glibc_version(binary)
    tag = f"py3-none-manylinux_{major}_{minor}_{machine()}"
    name = f"jdlint-{version}-{tag}.whl"
    data = f"jdlint-{version}.data"
    info = f"jdlint-{version}.dist-info"
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: jdlint",
        f"Version: {version}",
        "Summary: A fast linter for job descriptions: CLI and language server (the native jdlint program)",
        "Keywords: job description,job posting,lint,linter,language server",
        "Classifier: Environment :: Console",
        "Classifier: Intended Audience :: Developers",
        "Classifier: Operating System :: POSIX :: Linux",
        "Classifier: Programming Language :: Swift",
        "Classifier: Topic :: Text Processing :: Linguistic",
        "Description-Content-Type: text/markdown",
        "",
        readme_summary(),
    ])
    wheel_file = "\n".join([
        "Wheel-Version: 1.0",
        "Generator: jdlint scripts/package",
        "Root-Is-Purelib: false",
        f"Tag: {tag}",
        "",
    ])
    files = [
        (f"{data}/scripts/jdlint", open(binary, "rb").read(), True),
        (f"{info}/METADATA", metadata.encode(), False),
        (f"{info}/WHEEL", wheel_file.encode(), False),
    ]
    record = []
    for path, content, _ in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(content)}")
    record.append(f"{info}/RECORD,,")
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode(), False))
    path = os.path.join(outdir, name)
    with zipfile.ZipFile(path, "w") as z:
        for p, content, executable in files:
            add(z, p, content, executable)
    return path


def vsix(binary, version, outdir):
    ext_dir = os.path.join(ROOT, "Editors", "vscode")
    manifest = json.load(open(os.path.join(ext_dir, "package.json"), encoding="utf-8"))
    if manifest["version"] != version:
        sys.exit(f"Editors/vscode/package.json has version {manifest['version']}, jdlint --version says {version}")
    target = {"x86_64": "linux-x64", "aarch64": "linux-arm64"}[machine()]
    entries = []  # (path in the zip, bytes, executable)
    for f in ("package.json", "extension.js", "client.js", "README.md"):
        entries.append((f"extension/{f}", open(os.path.join(ext_dir, f), "rb").read(), False))
    modules = os.path.join(ext_dir, "node_modules")
    bundled_client = os.path.isdir(os.path.join(modules, "vscode-languageclient"))
    if bundled_client:
        # The production dependency closure as npm laid it out (`npm install --omit=dev` leaves only those).
        for dirpath, dirnames, filenames in os.walk(modules):
            dirnames.sort()
            for fn in sorted(filenames):
                full = os.path.join(dirpath, fn)
                rel = os.path.relpath(full, ext_dir).replace(os.sep, "/")
                entries.append((f"extension/{rel}", open(full, "rb").read(), os.access(full, os.X_OK)))
    entries.append((f"extension/server/{target}/jdlint", open(binary, "rb").read(), True))

    types = {".json": "application/json", ".js": "application/javascript", ".md": "text/markdown",
             ".vsixmanifest": "text/xml", ".ts": "text/plain", ".map": "application/json", ".txt": "text/plain"}
    defaults, overrides = {".vsixmanifest": "text/xml"}, []
    for path, _, _ in entries:
        ext = os.path.splitext(path)[1].lower()
        if ext:
            defaults.setdefault(ext, types.get(ext, "application/octet-stream"))
        else:
            overrides.append(path)
    content_types = ['<?xml version="1.0" encoding="utf-8"?>',
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
    content_types += [f'<Default Extension={quoteattr(e)} ContentType={quoteattr(t)}/>' for e, t in sorted(defaults.items())]
    content_types += [f'<Override PartName={quoteattr("/" + p)} ContentType="application/octet-stream"/>' for p in overrides]
    content_types.append("</Types>")

    props = {
        "Microsoft.VisualStudio.Code.Engine": manifest["engines"]["vscode"],
        "Microsoft.VisualStudio.Code.ExtensionDependencies": "",
        "Microsoft.VisualStudio.Code.ExtensionPack": "",
        "Microsoft.VisualStudio.Code.ExtensionKind": "workspace",
        "Microsoft.VisualStudio.Code.LocalizedLanguages": "",
        "Microsoft.VisualStudio.Services.Links.Source": manifest.get("repository", {}).get("url", ""),
        "Microsoft.VisualStudio.Services.GitHubFlavoredMarkdown": "true",
        "Microsoft.VisualStudio.Services.Content.Pricing": "Free",
    }
    vsixmanifest = "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        '<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" '
        'xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">',
        "  <Metadata>",
        f'    <Identity Language="en-US" Id={quoteattr(manifest["name"])} Version={quoteattr(version)} '
        f'Publisher={quoteattr(manifest["publisher"])} TargetPlatform={quoteattr(target)}/>',
        f"    <DisplayName>{escape(manifest['displayName'])}</DisplayName>",
        f'    <Description xml:space="preserve">{escape(manifest["description"])}</Description>',
        f"    <Tags>{escape(','.join(manifest.get('keywords', [])))}</Tags>",
        f"    <Categories>{escape(','.join(manifest.get('categories', [])))}</Categories>",
        "    <GalleryFlags>Public</GalleryFlags>",
        "    <Properties>",
        *[f"      <Property Id={quoteattr(k)} Value={quoteattr(v)}/>" for k, v in props.items()],
        "    </Properties>",
        "  </Metadata>",
        "  <Installation>",
        '    <InstallationTarget Id="Microsoft.VisualStudio.Code"/>',
        "  </Installation>",
        "  <Dependencies/>",
        "  <Assets>",
        '    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true"/>',
        '    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true"/>',
        "  </Assets>",
        "</PackageManifest>",
        "",
    ])
    path = os.path.join(outdir, f"jdlint-{version}.vsix")
    with zipfile.ZipFile(path, "w") as z:
        add(z, "[Content_Types].xml", "\n".join(content_types) + "\n")
        add(z, "extension.vsixmanifest", vsixmanifest)
        for p, content, executable in entries:
            add(z, p, content, executable)
    if not bundled_client:
        print("package: note: Editors/vscode/node_modules/vscode-languageclient is absent (`npm install --omit=dev` in "
              "Editors/vscode bundles it): the .vsix uses the extension's built-in LSP client (client.js)",
              file=sys.stderr)
    return path


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "glibc" and len(sys.argv) == 3:
        print("%d.%d" % glibc_version(sys.argv[2]))
    elif cmd in ("wheel", "vsix") and len(sys.argv) == 5:
        print({"wheel": wheel, "vsix": vsix}[cmd](*sys.argv[2:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
