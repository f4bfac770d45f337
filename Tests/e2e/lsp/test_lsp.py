"""End-to-end tests of `jdlint lsp` with pytest-lsp (pygls checks every message against the LSP 3.17 types).

pygls sends string request ids and a Content-Type header, which the server must accept.
"""
import asyncio
import json
import os
import pathlib
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

BIN = os.environ["JDLINT_BIN"]
SERVER = [BIN, "lsp"]
TEXT = "Senior Engineer 🙂\r\n\r\n🙂🙂 We need a engineer who who can code.\r\n"


QUIET = {"structure/missing-section": "off", "structure/length": "off"}


def caps(*, utf8=False, pull=False, configuration=True, client="visual-studio-code"):
    c = client_capabilities(client)
    c.general = c.general or types.GeneralClientCapabilities()
    c.general.position_encodings = [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16] if utf8 else [types.PositionEncodingKind.Utf16]
    if pull:
        c.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False, related_document_support=False)
        c.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    else:
        c.text_document.diagnostic = None
    c.workspace.configuration = configuration
    return c


def make_fixture(**kw):
    env = dict(os.environ)
    env.update(kw.pop("env", {}))

    @pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=env))
    async def fixture(lsp_client: LanguageClient):
        # These protocol tests use short grammar-only documents: the whole-posting structure findings are off.
        lsp_client.set_configuration({"rules": QUIET}, section="jdlint")
        lsp_client.registrations = []

        @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams):
            lsp_client.registrations.extend(params.registrations)

        lsp_client.init_result = await lsp_client.initialize_session(types.InitializeParams(capabilities=caps(**kw), root_uri=pathlib.Path(tempfile.gettempdir()).as_uri()))
        yield
        await lsp_client.shutdown_session()

    return fixture


client = make_fixture()
client8 = make_fixture(utf8=True, client="neovim")
pull_client = make_fixture(pull=True)
slow_client = make_fixture(pull=True, env={"JDLINT_LSP_LINT_DELAY_MS": "600"})


def open_doc(c, uri, text=TEXT, language="plaintext", version=1):
    c.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


async def diagnostics_for(c, uri, timeout=10):
    async def wait():
        while uri not in c.diagnostics:
            await c.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return c.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


def codes(diags):
    # The whole-posting structure findings (QUIET) can come back when a test's settings fail to parse.
    return [d.code for d in diags if d.code not in QUIET]


def apply_edits(text, edits, encoding="utf-16"):
    lines = text.splitlines(keepends=True) or [""]
    if text.endswith(("\n", "\r")):
        lines.append("")

    def offset(pos):
        line = lines[pos.line] if pos.line < len(lines) else ""
        base = sum(len(l) for l in lines[:pos.line])
        content = line.rstrip("\r\n")
        units, i = 0, 0
        while i < len(content) and units < pos.character:
            ch = content[i]
            units += len(ch.encode("utf-8")) if encoding == "utf-8" else len(ch.encode("utf-16-le")) // 2
            i += 1
        return base + i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        a, b = offset(e.range.start), offset(e.range.end)
        text = text[:a] + e.new_text + text[b:]
    return text


# ---------------------------------------------------------------- initialize


async def test_initialize_utf16(client: LanguageClient):
    info = client.init_result.capabilities
    assert info.position_encoding == types.PositionEncodingKind.Utf16
    assert info.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert info.diagnostic_provider is None
    uri = "file:///tmp/jdlint-e2e/a.txt"
    open_doc(client, uri)
    diags = await diagnostics_for(client, uri)
    assert codes(diags) == ["grammar/indefinite-article", "grammar/repeated-word"]
    # "🙂🙂 We need " = 2 × 2 UTF-16 units + 9
    assert diags[0].range.start == types.Position(line=2, character=13)
    assert diags[0].source == "jdlint"
    assert diags[0].code_description.href.endswith("rules.md#grammar-indefinite-article")
    assert diags[0].severity == types.DiagnosticSeverity.Error


async def test_initialize_utf8(client8: LanguageClient):
    assert client8.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = "file:///tmp/jdlint-e2e/b.txt"
    open_doc(client8, uri)
    diags = await diagnostics_for(client8, uri)
    # 2 × 4 bytes + 9
    assert diags[0].range.start == types.Position(line=2, character=17)


async def test_server_info_and_registration(client: LanguageClient):
    assert client.init_result.server_info.name == "jdlint"
    assert client.init_result.server_info.version
    for _ in range(50):
        if client.registrations:
            break
        await asyncio.sleep(0.02)
    assert client.registrations[0].method == "workspace/didChangeWatchedFiles"


# ---------------------------------------------------------------- documents


async def test_open_change_close(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/c.md"
    open_doc(client, uri, "# Job 🚀\r\n\r\nWe need an engineer.\r\n", "markdown")
    assert codes(await diagnostics_for(client, uri)) == []
    # "an" → "a" on line 2 (after "We need ")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=9), end=types.Position(line=2, character=10)), text="")]))
    await asyncio.sleep(0.05)
    diags = await wait_codes(client, uri, ["grammar/indefinite-article"])
    assert diags[0].range.start.line == 2
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_codes(client, uri, [])


async def wait_codes(c, uri, expected, timeout=10):
    async def wait():
        while codes(c.diagnostics.get(uri, [])) != expected:
            await c.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return c.diagnostics[uri]
    if uri in c.diagnostics and codes(c.diagnostics[uri]) == expected:
        return c.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


async def test_languages(client: LanguageClient):
    open_doc(client, "file:///tmp/jdlint-e2e/x.html", "<p>We need a engineer.</p>", "html")
    open_doc(client, "file:///tmp/jdlint-e2e/x.json", '{"@type":"JobPosting","description":"We need a engineer."}', "json")
    open_doc(client, "file:///tmp/jdlint-e2e/x.py", "We need a engineer.", "python")
    await wait_codes(client, "file:///tmp/jdlint-e2e/x.html", ["grammar/indefinite-article"])
    await wait_codes(client, "file:///tmp/jdlint-e2e/x.json", ["grammar/indefinite-article"])
    await wait_codes(client, "file:///tmp/jdlint-e2e/x.py", [])


# ---------------------------------------------------------------- pull diagnostics


async def test_pull_diagnostics(pull_client: LanguageClient):
    c = pull_client
    assert c.init_result.capabilities.diagnostic_provider.workspace_diagnostics is True
    uri = "file:///tmp/jdlint-e2e/p.txt"
    await asyncio.sleep(0.2)  # let the initial workspace/configuration round trip finish
    open_doc(c, uri)
    doc = types.TextDocumentIdentifier(uri=uri)
    r = await c.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
    assert r.kind == "full"
    assert codes(r.items) == ["grammar/indefinite-article", "grammar/repeated-word"]
    r2 = await c.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc, previous_result_id=r.result_id))
    assert r2.kind == "unchanged"
    w = await c.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    assert [i.uri for i in w.items] == [uri]
    assert w.items[0].kind == "full"
    # Nothing changed: the server holds the request until something does.
    held = asyncio.ensure_future(c.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(
        previous_result_ids=[types.PreviousResultId(uri=uri, value=r.result_id)])))
    await asyncio.sleep(0.2)
    assert not held.done()
    c.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="Fine text.\n")]))
    w2 = await asyncio.wait_for(held, 10)
    assert w2.items[0].kind == "full" and list(w2.items[0].items) == [] and w2.items[0].version == 2
    await asyncio.sleep(0.3)
    assert uri not in c.diagnostics  # no push in pull mode
    # A configuration change asks the client to pull again.
    before = c.diagnostic_refresh_count
    c.set_configuration({"rules": {"grammar": "off", **QUIET}}, section="jdlint")
    c.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    for _ in range(100):
        if c.diagnostic_refresh_count > before:
            break
        await asyncio.sleep(0.02)
    assert c.diagnostic_refresh_count > before
    r3 = await c.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
    assert r3.kind == "full" and list(r3.items) == []


async def test_cancellation(slow_client: LanguageClient):
    c = slow_client
    uri = "file:///tmp/jdlint-e2e/slow.txt"
    open_doc(c, uri)
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    # pytest-lsp's send_request_async is a coroutine: schedule it so the request is written before the cancellation.
    fut = asyncio.ensure_future(c.protocol.send_request_async(types.TEXT_DOCUMENT_DIAGNOSTIC, params, msg_id="cancel-me"))
    await asyncio.sleep(0.05)
    c.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="cancel-me"))
    loop = asyncio.get_running_loop()
    t = loop.time()
    with pytest.raises(Exception) as info:
        await asyncio.wait_for(fut, 5)
    assert loop.time() - t < 0.5
    assert "-32800" in repr(info.value) or "cancel" in repr(info.value).lower()
    # A slow lint does not delay other requests (shutdown comes in the fixture teardown).
    fut2 = asyncio.ensure_future(c.protocol.send_request_async(types.TEXT_DOCUMENT_DIAGNOSTIC, params, msg_id="slow-2"))
    await asyncio.sleep(0.05)
    t = loop.time()
    h = await c.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri="file:///not-open"), position=types.Position(line=0, character=0)))
    assert h is None
    assert loop.time() - t < 0.5
    r = await asyncio.wait_for(fut2, 10)
    assert r.kind == "full"


# ---------------------------------------------------------------- actions


async def test_code_actions(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/ca.txt"
    open_doc(client, uri)
    diags = await diagnostics_for(client, uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diags[0].range,
        context=types.CodeActionContext(diagnostics=[diags[0]], only=[types.CodeActionKind.QuickFix])))
    titles = [a.title for a in actions]
    assert "Disable grammar/indefinite-article for this line" in titles
    assert "Disable grammar/indefinite-article for this file" in titles
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1
    edits = preferred[0].edit.document_changes[0].edits if preferred[0].edit.document_changes else preferred[0].edit.changes[uri]
    assert apply_edits(TEXT, edits) == TEXT.replace("a engineer", "an engineer")
    line = next(a for a in actions if a.title.endswith("for this line"))
    ledits = line.edit.document_changes[0].edits if line.edit.document_changes else line.edit.changes[uri]
    assert "# jdlint-disable-next-line grammar/indefinite-article\r\n" in apply_edits(TEXT, ledits)


async def test_fix_all(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/fa.txt"
    open_doc(client, uri)
    await diagnostics_for(client, uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in actions] == ["source.fixAll.jdlint"]
    edit = actions[0].edit
    edits = edit.document_changes[0].edits if edit.document_changes else edit.changes[uri]
    assert apply_edits(TEXT, edits) == "Senior Engineer 🙂\r\n\r\n🙂🙂 We need an engineer who can code.\r\n"


async def test_formatting(client8: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/fmt.txt"
    open_doc(client8, uri)
    await diagnostics_for(client8, uri)
    edits = await client8.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert apply_edits(TEXT, edits, "utf-8") == "Senior Engineer 🙂\r\n\r\n🙂🙂 We need an engineer who can code.\r\n"


async def test_hover(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/h.txt"
    open_doc(client, uri)
    await diagnostics_for(client, uri)
    h = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=13)))
    assert h.contents.kind == types.MarkupKind.Markdown
    assert "grammar/indefinite-article" in h.contents.value
    assert "## Flagged" in h.contents.value
    # The first line is the posting's title: its hover shows the facts.
    title = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert "- **Title:** Senior Engineer 🙂\n" in title.contents.value
    none = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=0)))
    assert none is None


FACTS_PAGE = ("<!DOCTYPE html>\n<html>\n<head>\n  <title>Staff Nurse</title>\n</head>\n<body>\n<h1>Staff Nurse</h1>\n"
              "<p>This is a full-time role based in Leeds.</p>\n</body>\n</html>\n")


async def test_facts_hover_and_jsonld_action(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/facts.html"
    open_doc(client, uri, FACTS_PAGE, language="html")
    await diagnostics_for(client, uri)
    h = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=6, character=6)))
    assert "- **Title:** Staff Nurse\n" in h.contents.value
    assert "- **Employment type:** full-time\n" in h.contents.value
    assert h.range == types.Range(start=types.Position(line=6, character=4), end=types.Position(line=6, character=15))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Source])))
    action = next(a for a in actions if a.kind == "source.jsonLd.jdlint")
    assert action.title == "Insert schema.org JobPosting JSON-LD"
    # VS Code's capabilities resolve edits: the action comes without it, codeAction/resolve adds it.
    assert action.edit is None
    action = await client.code_action_resolve_async(action)
    edit = action.edit
    edits = edit.document_changes[0].edits if edit.document_changes else edit.changes[uri]
    out = apply_edits(FACTS_PAGE, edits)
    start = out.index('  <script type="application/ld+json">\n')
    end = out.index("</script>\n", start) + len("</script>\n")
    assert out[:start] + out[end:] == FACTS_PAGE
    assert out[end:].startswith("</head>")
    posting = json.loads(out[start:end].split(">", 1)[1].rsplit("<", 1)[0])
    assert posting["@type"] == "JobPosting" and posting["title"] == "Staff Nurse" and posting["employmentType"] == "FULL_TIME"


# ---------------------------------------------------------------- configuration


async def test_configuration_change(client: LanguageClient):
    uri = "file:///tmp/jdlint-e2e/cfg.txt"
    open_doc(client, uri)
    await wait_codes(client, uri, ["grammar/indefinite-article", "grammar/repeated-word"])
    client.set_configuration({"rules": {"grammar/repeated-word": "off", **QUIET}}, section="jdlint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_codes(client, uri, ["grammar/indefinite-article"])
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"jdlint": {"rules": {"grammar/no-such-rule": "off"}}}))
    diags = await wait_codes(client, uri, ["config", "grammar/indefinite-article", "grammar/repeated-word"])
    assert diags[0].range.start == types.Position(line=0, character=0)
    for _ in range(50):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    assert client.messages and client.messages[0].type == types.MessageType.Error


async def wait_diags(c, uri, predicate, timeout=10):
    async def wait():
        while not predicate(c.diagnostics.get(uri)):
            await c.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return c.diagnostics[uri]
    if predicate(c.diagnostics.get(uri)):
        return c.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


def utf16_range(text, needle):
    """The LSP range (UTF-16 code units) of needle in text, computed here."""
    i = text.index(needle)

    def pos(k):
        line = text.count("\n", 0, k)
        start = text.rfind("\n", 0, k) + 1
        return types.Position(line=line, character=len(text[start:k].encode("utf-16-le")) // 2)
    return types.Range(start=pos(i), end=pos(i + len(needle)))


async def test_open_config_file_shows_its_errors(client: LanguageClient):
    d = tempfile.mkdtemp(prefix="jdlint-e2e-cfg-")  # under the workspace root (the temporary folder)
    good = '{"rules": {"grammar/repeated-word": "off"}}\n'
    pathlib.Path(d, ".jdlint.json").write_text(good)
    job = pathlib.Path(d, "job.txt").as_uri()
    open_doc(client, job)
    await wait_codes(client, job, ["grammar/indefinite-article"])
    cfg = pathlib.Path(d, ".jdlint.json").as_uri()
    open_doc(client, cfg, good, "jsonc")
    assert list(await wait_diags(client, cfg, lambda x: x is not None)) == []
    broken = '{\n  "rules": {\n    /* 🙂 */ "requirements/too-many": {"maxx": 15},\n    "grammar/repeated-word": "off"\n  }\n}\n'
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=cfg, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=broken)]))
    diags = await wait_diags(client, cfg, lambda x: bool(x))
    assert len(diags) == 1
    assert diags[0].code == "config" and diags[0].severity == types.DiagnosticSeverity.Error
    assert diags[0].range == utf16_range(broken, '"maxx": 15')
    assert 'did you mean "max"' in diags[0].message
    # Fixed in the editor (not saved): cleared, and the posting is linted with the editor's text.
    fixed = '{"rules": {"grammar/indefinite-article": "off"}}\n'
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=cfg, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    assert list(await wait_diags(client, cfg, lambda x: x is not None and len(x) == 0)) == []
    await wait_codes(client, job, ["grammar/repeated-word"])


# ---------------------------------------------------------------- raw protocol: malformed input, exit codes


async def raw_server():
    return await asyncio.create_subprocess_exec(*SERVER, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)


def frame(obj_or_bytes, content_type=True):
    body = obj_or_bytes if isinstance(obj_or_bytes, bytes) else json.dumps(obj_or_bytes, ensure_ascii=False).encode()
    head = b"Content-Length: %d\r\n" % len(body)
    if content_type:
        head += b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
    return head + b"\r\n" + body


async def read_message(p):
    length = None
    while True:
        line = await asyncio.wait_for(p.stdout.readline(), 10)
        if line in (b"\r\n", b""):
            break
        k, v = line.decode().split(":", 1)
        if k.lower() == "content-length":
            length = int(v)
    return json.loads(await p.stdout.readexactly(length))


async def read_until(p, pred):
    while True:
        m = await read_message(p)
        if pred(m):
            return m


INIT = {"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}


async def test_malformed_input_and_exit_code_zero():
    p = await raw_server()
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}))
    m = await read_message(p)
    assert m["id"] == 1 and m["error"]["code"] == -32002
    p.stdin.write(frame(INIT))
    assert (await read_message(p))["id"] == "init"
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    p.stdin.write(frame(b'{"jsonrpc": "2.0", "id": 2, "method": '))
    m = await read_until(p, lambda m: "error" in m)
    assert m["error"]["code"] == -32700 and m["id"] is None
    # A header without Content-Length, then a valid message: the server resynchronises.
    p.stdin.write(b"Content-Type: text/plain\r\n\r\n{}")
    p.stdin.write(frame({"jsonrpc": "2.0", "id": "x", "method": "no/such/method"}))
    m = await read_until(p, lambda m: m.get("id") == "x")
    assert m["error"]["code"] == -32601
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {}}}))
    m = await read_until(p, lambda m: m.get("id") == 3)
    assert m["error"]["code"] == -32602
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "$/unknown", "params": {}}))
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))
    m = await read_until(p, lambda m: m.get("id") == 4)
    assert m["result"] is None
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {}}))
    m = await read_until(p, lambda m: m.get("id") == 5)
    assert m["error"]["code"] == -32600
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    assert await asyncio.wait_for(p.wait(), 10) == 0


async def test_exit_without_shutdown_is_one():
    p = await raw_server()
    p.stdin.write(frame(INIT))
    await read_message(p)
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    assert await asyncio.wait_for(p.wait(), 10) == 1


async def test_eof_without_shutdown_is_one_and_stdout_is_clean():
    p = await raw_server()
    p.stdin.write(frame(INIT))
    await read_message(p)
    p.stdin.close()
    assert await asyncio.wait_for(p.wait(), 10) == 1
    assert await p.stdout.read() == b""
    assert b"jdlint lsp" in await p.stderr.read()


async def test_random_messages_never_crash_the_server():
    import random
    rng = random.Random(1234)
    methods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
               "textDocument/codeAction", "textDocument/formatting", "textDocument/hover", "textDocument/diagnostic",
               "workspace/diagnostic", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles",
               "$/cancelRequest", "$/setTrace", "initialized", "unknown/x"]

    def junk(depth=0):
        k = rng.randrange(8 if depth < 3 else 5)
        if k == 0: return None
        if k == 1: return rng.choice([True, False])
        if k == 2: return rng.choice([0, -1, 2**40, 3.5, 1e300])
        if k == 3: return rng.choice(["", "file:///tmp/z.txt", "😀\r\n", "a engineer", "x" * 1000])
        if k == 4: return rng.choice(["uri", "text", "range"])
        if k == 5: return [junk(depth + 1) for _ in range(rng.randrange(4))]
        keys = ["textDocument", "uri", "languageId", "version", "text", "contentChanges", "range", "start", "end",
                "line", "character", "position", "context", "diagnostics", "only", "settings", "id", "changes", "options"]
        return {rng.choice(keys): junk(depth + 1) for _ in range(rng.randrange(5))}

    p = await raw_server()
    p.stdin.write(frame(INIT))
    await read_message(p)
    good = {"textDocument": {"uri": "file:///tmp/z.txt", "languageId": "plaintext", "version": 1, "text": "We need a engineer 😀.\r\n"}}
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": good}))
    for i in range(400):
        r = rng.random()
        if r < 0.1:
            p.stdin.write(frame(bytes(rng.randrange(256) for _ in range(rng.randrange(40)))))
        else:
            msg = {"jsonrpc": "2.0", "method": rng.choice(methods), "params": junk()}
            if rng.random() < 0.5:
                msg["id"] = rng.choice([i, f"r{i}", None, [1], 1.5])
            p.stdin.write(frame(msg))
    p.stdin.write(frame({"jsonrpc": "2.0", "id": "last", "method": "shutdown"}))
    m = await read_until(p, lambda m: m.get("id") == "last")
    assert m["result"] is None
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    assert await asyncio.wait_for(p.wait(), 10) == 0
