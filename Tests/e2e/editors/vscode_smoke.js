// Smoke test of Editors/vscode/extension.js without VS Code: `vscode` and `vscode-languageclient/node` are
// replaced by small fakes that record what the extension asks for; the fake LanguageClient starts the REAL server
// with the command line and initializationOptions the extension built, and checks it answers and lints.
// Then again with no vscode-languageclient at all: the extension falls back to its built-in client (client.js),
// which starts the REAL server itself; the fake VS Code holds documents, a DiagnosticCollection and the registered
// providers, and the test drives them as VS Code would (diagnostics, quick fix, resolve, hover, format, fix all,
// settings, restart, deactivate).
// Usage: node vscode_smoke.js EXTENSION_DIR FIXTURE_DIR   (JDLINT_BIN set). Last line: "N passed, N failed".
'use strict';

const Module = require('module');
const path = require('path');
const fs = require('fs');
const childProcess = require('child_process');
const { spawn } = childProcess;

const [extensionDir, fixtureDir] = process.argv.slice(2);
// JDLINT_SMOKE_BUNDLED=1 (the packaging suite, on an unpacked .vsix): `jdlint.path` is left unset and the extension
// must start the binary bundled under server/linux-x64/.
const bundled = process.env.JDLINT_SMOKE_BUNDLED === '1';
const bin = bundled ? path.resolve(extensionDir, 'server', `${process.platform}-${process.arch}`, 'jdlint') : process.env.JDLINT_BIN;
let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) { passed += 1; console.log(`ok   ${what}`); } else { failed += 1; console.log(`FAIL ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`); }
}

// ---- fake vscode ----------------------------------------------------------------------------------------------
const settings = { 'jdlint.path': bin, 'jdlint.unsafeFixes': false, 'jdlint.debounceMs': 0, 'jdlint.profile': 'default' };
if (bundled) delete settings['jdlint.path'];
let commands = {};
let configListeners = [];
const applied = [];
let codeActions = [];
let builtin = false; // the second part: the built-in client, the providers below stand in for VS Code's
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(start, end) { this.start = start; this.end = end; } }
function uri(s) { return { scheme: s.slice(0, s.indexOf(':')), fsPath: s.replace(/^file:\/\//, ''), toString: () => s }; }
// An event (vscode.Event) with fire() and its listeners.
function emitter() {
  const listeners = [];
  const event = (l) => { listeners.push(l); return { dispose() { const i = listeners.indexOf(l); if (i >= 0) listeners.splice(i, 1); } }; };
  event.fire = (x) => { for (const l of [...listeners]) l(x); };
  event.listeners = listeners;
  return event;
}
// A text document: offsets and positions in UTF-16 code units, as VS Code counts them.
class Document {
  constructor(u, languageId, text) { Object.assign(this, { uri: uri(u), languageId, text, version: 1 }); }
  getText() { return this.text; }
  offsetAt(p) {
    const lines = this.text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i += 1) o += lines[i].length + 1;
    return o + p.character;
  }
  positionAt(o) {
    const before = this.text.slice(0, o).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  line(n) { return this.text.split('\n')[n]; }
}
class WorkspaceEdit {
  constructor() { this.edits = []; }
  replace(u, range, newText) { this.edits.push({ uri: u, range, newText }); }
  get size() { return new Set(this.edits.map((e) => e.uri.toString())).size; }
}
class TextEdit { constructor(range, newText) { Object.assign(this, { range, newText }); } static replace(r, t) { return new TextEdit(r, t); } }
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
}
CodeActionKind.Empty = new CodeActionKind('');
class CodeAction { constructor(title, kind) { Object.assign(this, { title, kind }); } }
class Diagnostic { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } }
class MarkdownString {
  constructor(value = '') { this.value = value; }
  appendText(t) { this.value += t.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); return this; }
  appendCodeblock(t, lang = '') { this.value += `\n\`\`\`${lang}\n${t}\n\`\`\`\n`; return this; }
}
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }
class RelativePattern { constructor(base, pattern) { Object.assign(this, { base, pattern }); } }
const documents = [];
const collections = [];
const providers = { codeAction: [], hover: [], formatting: [] };
const watchers = [];
const outputs = [];
const events = { open: emitter(), change: emitter(), close: emitter(), save: emitter() };
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
function register(kind, entry) {
  providers[kind].push(entry);
  return { dispose() { const i = providers[kind].indexOf(entry); if (i >= 0) providers[kind].splice(i, 1); } };
}
// Applies a WorkspaceEdit to the open documents as VS Code does: a new version and a change event per document.
function applyWorkspaceEdit(edit) {
  const byUri = new Map();
  for (const e of edit.edits) byUri.set(e.uri.toString(), [...(byUri.get(e.uri.toString()) || []), e]);
  for (const [u, edits] of byUri) {
    const doc = documents.find((d) => d.uri.toString() === u);
    if (!doc) return false;
    const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText }))
      .sort((a, b) => b.start - a.start);
    for (const x of spans) doc.text = doc.text.slice(0, x.start) + x.text + doc.text.slice(x.end);
    doc.version += 1;
    events.change.fire({ document: doc, contentChanges: spans });
  }
  return true;
}
const vscode = {
  version: '1.82.0',
  Position, Range, WorkspaceEdit, TextEdit, CodeActionKind, CodeAction, Diagnostic, MarkdownString, Hover, RelativePattern,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  Uri: { parse: uri, file: (p) => uri('file://' + p) },
  workspace: {
    getConfiguration: (section) => ({
      get: (key, dflt) => (Object.prototype.hasOwnProperty.call(settings, `${section}.${key}`) ? settings[`${section}.${key}`] : dflt),
    }),
    createFileSystemWatcher: (glob) => {
      const w = { glob, onDidCreate: emitter(), onDidChange: emitter(), onDidDelete: emitter(), disposed: false, dispose() { this.disposed = true; } };
      watchers.push(w);
      return w;
    },
    onDidChangeConfiguration: (listener) => { configListeners.push(listener); return { dispose() {} }; },
    onDidOpenTextDocument: events.open,
    onDidChangeTextDocument: events.change,
    onDidCloseTextDocument: events.close,
    onDidSaveTextDocument: events.save,
    textDocuments: documents,
    workspaceFolders: [{ uri: uri('file://' + path.resolve(fixtureDir)), name: 'work', index: 0 }],
    applyEdit: async (edit) => { applied.push(edit); return edit instanceof WorkspaceEdit ? applyWorkspaceEdit(edit) : true; },
  },
  languages: {
    createDiagnosticCollection: (name) => {
      const map = new Map();
      const c = {
        name, map, disposed: false,
        set: (u, list) => map.set(u.toString(), list),
        get: (u) => map.get(u.toString()),
        delete: (u) => map.delete(u.toString()),
        clear: () => map.clear(),
        dispose() { map.clear(); c.disposed = true; },
      };
      collections.push(c);
      return c;
    },
    registerCodeActionsProvider: (selector, provider, metadata) => register('codeAction', { selector, provider, metadata }),
    registerHoverProvider: (selector, provider) => register('hover', { selector, provider }),
    registerDocumentFormattingEditProvider: (selector, provider) => register('formatting', { selector, provider }),
  },
  window: {
    activeTextEditor: undefined,
    showErrorMessage: async (m) => { check(false, 'no error message shown', m); },
    showWarningMessage: async (m) => { check(false, 'no warning message shown', m); },
    showInformationMessage: async () => undefined,
    setStatusBarMessage: () => ({ dispose() {} }),
    createOutputChannel: (name) => {
      const o = { name, text: '', disposed: false, append(t) { o.text += t; }, appendLine(t) { o.text += t + '\n'; }, dispose() { o.disposed = true; } };
      outputs.push(o);
      return o;
    },
  },
  commands: {
    registerCommand: (name, fn) => { commands[name] = fn; return { dispose() {} }; },
    executeCommand: async (name, ...args) => {
      if (name !== 'vscode.executeCodeActionProvider') return undefined;
      if (!builtin) return codeActions.filter((a) => a.kind.value === args[2]);
      // As VS Code does: every registered provider, with the diagnostics in the range and `only` the asked kind.
      const doc = documents.find((d) => d.uri.toString() === args[0].toString());
      const all = [];
      for (const { provider } of providers.codeAction) {
        const diagnostics = collections.flatMap((c) => (c.disposed ? [] : c.get(doc.uri) || []));
        const context = { diagnostics, only: args[2] ? new CodeActionKind(args[2]) : undefined, triggerKind: 1 };
        all.push(...((await provider.provideCodeActions(doc, args[1], context, token)) || []));
      }
      return all.filter((a) => !args[2] || (a.kind && a.kind.value === args[2]));
    },
  },
};

// ---- fake vscode-languageclient/node: starts the real server --------------------------------------------------
const clients = [];
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, notifications: [] });
    clients.push(this);
  }
  async start() {
    const { command, args } = this.serverOptions;
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.messages = [];
    this.proc.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const length = Number(/content-length:\s*(\d+)/i.exec(this.buffer.slice(0, end).toString())[1]);
        if (this.buffer.length < end + 4 + length) break;
        const message = JSON.parse(this.buffer.slice(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.slice(end + 4 + length);
        this.messages.push(message);
        this.waiters = this.waiters.filter((w) => !w(message));
      }
    });
    this.init = await this.request(1, 'initialize', {
      processId: process.pid, rootUri: 'file://' + path.resolve(fixtureDir), capabilities: {},
      initializationOptions: this.clientOptions.initializationOptions,
    });
    this.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  }
  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  wait(predicate, ms = 5000) {
    return new Promise((resolve, reject) => {
      const found = this.messages.find(predicate);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('timed out')), ms);
      this.waiters.push((m) => { if (predicate(m)) { clearTimeout(timer); resolve(m); return true; } return false; });
    });
  }
  async request(id, method, params) {
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.wait((m) => m.id === id && !m.method);
  }
  async sendNotification(method, params) { this.notifications.push({ method, params }); this.send({ jsonrpc: '2.0', method, params }); }
  async stop() {
    if (!this.proc) return;
    await this.request(99, 'shutdown', null);
    this.send({ jsonrpc: '2.0', method: 'exit' });
    await new Promise((resolve) => this.proc.on('exit', resolve));
    this.proc = undefined;
  }
}
const fakes = { vscode, 'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0 } } };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (builtin && request === 'vscode-languageclient/node') {
    throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
  }
  return fakes[request] ? request : resolve.call(this, request, ...rest);
};
// The processes the extension starts (the built-in client spawns the server itself).
const spawned = [];
childProcess.spawn = function (...args) { const p = spawn.apply(this, args); spawned.push({ args, proc: p }); return p; };
for (const [name, exports] of Object.entries(fakes)) {
  require.cache[name] = { id: name, filename: name, loaded: true, exports };
}

// Resolves when `condition()` holds (polled), false after `ms`.
async function until(condition, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const exited = (p) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve()
  : new Promise((r) => p.once('exit', r)));

// ---- part 2: no vscode-languageclient, the built-in client (client.js) against the real server -----------------
async function builtinClientPart(manifest) {
  builtin = true;
  commands = {};
  configListeners = [];
  applied.length = 0;
  for (const k of Object.keys(require.cache)) if (k.startsWith(path.resolve(extensionDir) + path.sep)) delete require.cache[k];
  delete require.cache['vscode-languageclient/node'];
  const expected = fs.readFileSync(process.env.JDLINT_EXPECTED || path.join(__dirname, 'fixtures', 'barista.fixed.txt'), 'utf8');
  const baristaText = fs.readFileSync(path.join(fixtureDir, 'barista.txt'), 'utf8');
  // Open before activation: synced when the client starts. A Python file is outside the document selector.
  const ownWatchers = watchers.length; // part 1's LanguageClient options made one
  const barista = new Document('file://' + path.resolve(fixtureDir, 'barista.txt'), 'plaintext', baristaText);
  const python = new Document('file://' + path.resolve(fixtureDir, 'notes.py'), 'python', 'We need a engineer.\n');
  documents.push(barista, python);

  const extension = require(path.resolve(extensionDir, manifest.main));
  check(extension.usesBuiltinClient && extension.usesBuiltinClient() === true,
    'built-in client: without vscode-languageclient the extension uses client.js');
  const context = { subscriptions: [] };
  await extension.activate(context);
  check(typeof commands['jdlint.fixAll'] === 'function' && typeof commands['jdlint.restart'] === 'function',
    'built-in client: activate registers jdlint.fixAll and jdlint.restart', Object.keys(commands));
  const first = spawned[0];
  check(first && first.args[0] === bin && JSON.stringify(first.args[1]) === '["lsp"]',
    `built-in client: the server is started as "${bundled ? 'server/linux-x64/jdlint' : '<jdlint.path>'} lsp"`, first && first.args.slice(0, 2));
  const collection = collections[collections.length - 1];
  check(collection && collection.name === 'jdlint', 'built-in client: a "jdlint" DiagnosticCollection');
  check(providers.codeAction.length === 1 && providers.hover.length === 1 && providers.formatting.length === 1,
    'built-in client: code action, hover and formatting providers registered',
    { codeAction: providers.codeAction.length, hover: providers.hover.length, formatting: providers.formatting.length });
  const languages = [...new Set(providers.codeAction[0].selector.map((f) => f.language))].sort();
  check(JSON.stringify(languages) === '["html","markdown","plaintext"]', 'built-in client: providers for plaintext, markdown, html', languages);
  const kinds = ((providers.codeAction[0].metadata || {}).providedCodeActionKinds || []).map((k) => k.value);
  check(kinds.includes('quickfix') && kinds.includes('source.fixAll.jdlint'), 'built-in client: provided code action kinds from the server', kinds);
  const watcher = await until(() => watchers.slice(ownWatchers).find((w) => w.glob === '**/.jdlint.json'));
  check(watcher, 'built-in client: the server\'s file watcher registration (client/registerCapability) creates a watcher for **/.jdlint.json',
    watchers.slice(ownWatchers).map((w) => w.glob));

  // Diagnostics of the document open before activation, with UTF-16 ranges.
  const got = await until(() => { const l = collection.get(barista.uri); return l && l.length === 4 ? l : false; });
  const list = got || collection.get(barista.uri) || [];
  const sorted = [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const show = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code && d.code.value} ${d.severity}`;
  check(got, 'built-in client: 4 diagnostics arrive in the DiagnosticCollection', sorted.map(show));
  const col = (line, needle) => barista.line(line).indexOf(needle);
  const want = [
    [2, col(2, 'a energetic'), 'grammar/indefinite-article', 0],
    [3, col(3, 'and and') + 4, 'grammar/repeated-word', 1],
    [4, col(4, 'a annual'), 'grammar/indefinite-article', 0], // after U+1F31F, two UTF-16 units
    [8, col(8, 'a espresso'), 'grammar/indefinite-article', 0],
  ];
  const same = sorted.length === 4 && want.every(([line, character, code, severity], i) => {
    const d = sorted[i];
    return d.range.start.line === line && d.range.start.character === character && d.range.end.line === line
      && d.range.end.character === character + (code === 'grammar/repeated-word' ? 3 : 1)
      && d.code && d.code.value === code && d.severity === severity && d.source === 'jdlint';
  });
  check(same, 'built-in client: diagnostic ranges (UTF-16), codes, severities, source', { got: sorted.map(show), want });
  const href = sorted[0] && sorted[0].code && sorted[0].code.target && sorted[0].code.target.toString();
  check(/^https?:\/\/.*indefinite-article/.test(href || ''), 'built-in client: the diagnostic code links to the rule\'s documentation', href);
  check(collection.get(python.uri) === undefined, 'built-in client: a document outside the selector is not linted');

  // Hover on the finding of line 5.
  const hover = await providers.hover[0].provider.provideHover(barista, new Position(4, col(4, 'a annual')), token);
  const hoverText = hover ? hover.contents.map((m) => m.value).join('\n') : '';
  check(hover && hover.contents[0] instanceof MarkdownString && hoverText.includes('indefinite-article'),
    'built-in client: hover on a finding explains its rule (Markdown)', hoverText.slice(0, 120));

  // The quick fix of that finding, as VS Code asks for it (the diagnostic in the context), applied.
  const target = sorted[2];
  const actions = await providers.codeAction[0].provider.provideCodeActions(barista, target.range,
    { diagnostics: [target], only: undefined, triggerKind: 1 }, token) || [];
  const fix = actions.find((a) => a.kind && a.kind.value === 'quickfix' && a.isPreferred && a.title.includes('“an”'));
  check(fix && fix.edit instanceof WorkspaceEdit && fix.diagnostics && fix.diagnostics[0] === target,
    'built-in client: the quick fix comes with its edit and its diagnostic', actions.map((a) => a.title));
  check(actions.some((a) => a.title === 'Disable grammar/indefinite-article for this line'),
    'built-in client: "Disable … for this line" is offered', actions.map((a) => a.title));
  if (fix) await vscode.workspace.applyEdit(fix.edit);
  check(barista.line(4) === '🌟 Zoë offers an annual bonus, free meals and a flexible schedule.',
    'built-in client: the quick fix\'s edit gives the right line 5', barista.line(4));
  check(await until(() => (collection.get(barista.uri) || []).length === 3), 'built-in client: after the edit (didChange) 3 diagnostics',
    (collection.get(barista.uri) || []).map(show));

  // A settings change reaches the server (workspace/didChangeConfiguration): repeated-word off, then back.
  settings['jdlint.rules'] = { 'grammar/repeated-word': 'off' };
  for (const l of configListeners) await l({ affectsConfiguration: (k) => k === 'jdlint' || k === 'jdlint.rules' });
  check(await until(() => (collection.get(barista.uri) || []).length === 2), 'built-in client: a settings change reaches the server',
    (collection.get(barista.uri) || []).map(show));
  delete settings['jdlint.rules'];
  for (const l of configListeners) await l({ affectsConfiguration: (k) => k === 'jdlint' || k === 'jdlint.rules' });
  await until(() => (collection.get(barista.uri) || []).length === 3);

  // jdlint.path changed: the server is restarted (a new process, the old one exited) and the document re-synced.
  const before = spawned.length;
  for (const l of configListeners) await l({ affectsConfiguration: (k) => k === 'jdlint' || k === 'jdlint.path' });
  const restartedCollection = collections[collections.length - 1];
  check(spawned.length === before + 1 && first.proc.exitCode === 0 && collection.disposed,
    'built-in client: changing jdlint.path restarts the server (the old one exits with 0)',
    { spawned: spawned.length - before, exitCode: first.proc.exitCode });
  check(await until(() => (restartedCollection.get(barista.uri) || []).length === 3),
    'built-in client: after the restart the open document is linted again', (restartedCollection.get(barista.uri) || []).map(show));

  // A document opened later (didOpen) with "a RN".
  const rn = new Document('file://' + path.resolve(fixtureDir, 'rn.md'), 'markdown', '# Nurse\n\n🌟 We need a RN for nights.\n');
  documents.push(rn);
  events.open.fire(rn);
  const rnList = await until(() => restartedCollection.get(rn.uri));
  const rnd = rnList && rnList[0];
  check(rnList && rnList.length === 1 && rnd.code.value === 'grammar/indefinite-article' && rnd.range.start.line === 2
    && rnd.range.start.character === rn.line(2).indexOf('a RN') && rnd.range.end.character === rn.line(2).indexOf('a RN') + 1,
    'built-in client: a document opened later is linted ("a RN", indefinite-article, UTF-16 range)', rnList && rnList.map(show));
  events.close.fire(rn);
  documents.splice(documents.indexOf(rn), 1);
  check(restartedCollection.get(rn.uri) === undefined, 'built-in client: closing a document clears its diagnostics');

  // codeAction/resolve: the JSON-LD action of an HTML page is listed without its edit and resolved when applied.
  const html = new Document('file://' + path.resolve(fixtureDir, 'job.html'), 'html', '<!doctype html>\n<html><head><title>Barista</title></head>\n'
    + '<body>\n<h1>Barista</h1>\n<p>Full-time barista at Café Zoë in London, UK. Salary: £25,000 per year.</p>\n</body></html>\n');
  documents.push(html);
  events.open.fire(html);
  await until(() => restartedCollection.get(html.uri));
  const all = new Range(html.positionAt(0), html.positionAt(html.text.length));
  const sourceActions = await providers.codeAction[0].provider.provideCodeActions(html, all,
    { diagnostics: [], only: new CodeActionKind('source.jsonLd.jdlint'), triggerKind: 1 }, token) || [];
  const jsonld = sourceActions.find((a) => a.kind && a.kind.value === 'source.jsonLd.jdlint');
  check(jsonld && !jsonld.edit, 'built-in client: the JSON-LD action is listed without its edit', sourceActions.map((a) => a.title));
  const resolved = jsonld ? await providers.codeAction[0].provider.resolveCodeAction(jsonld, token) : undefined;
  if (resolved && resolved.edit) await vscode.workspace.applyEdit(resolved.edit);
  check(resolved && resolved.edit && html.text.includes('application/ld+json') && html.text.includes('"JobPosting"'),
    'built-in client: codeAction/resolve gives its edit, which inserts the JSON-LD block', html.text.slice(-400));

  // Format Document on a second copy.
  const formatDoc = new Document('file://' + path.resolve(fixtureDir, 'barista-format.txt'), 'plaintext', baristaText);
  documents.push(formatDoc);
  events.open.fire(formatDoc);
  await until(() => (restartedCollection.get(formatDoc.uri) || []).length === 4);
  const formatEdits = await providers.formatting[0].provider.provideDocumentFormattingEdits(formatDoc, { tabSize: 4, insertSpaces: true }, token) || [];
  const fe = new WorkspaceEdit();
  for (const e of formatEdits) fe.replace(formatDoc.uri, e.range, e.newText);
  await vscode.workspace.applyEdit(fe);
  check(formatEdits.length > 0 && formatEdits[0] instanceof TextEdit && formatDoc.text === expected,
    'built-in client: Format Document gives the fixed posting', formatDoc.text);

  // jdlint.fixAll through the registered provider (vscode.executeCodeActionProvider).
  vscode.window.activeTextEditor = { document: barista };
  const count = await commands['jdlint.fixAll']();
  check(count === 1 && barista.text === expected, 'built-in client: jdlint.fixAll applies the fix-all action', { count, text: barista.text });
  check(await until(() => (restartedCollection.get(barista.uri) || []).length === 0), 'built-in client: no diagnostics left after fix all');

  // A jdlint.path that does not exist: an error message, nothing left registered; set back, the server starts again.
  const shown = [];
  const showError = vscode.window.showErrorMessage;
  vscode.window.showErrorMessage = async (m) => { shown.push(m); };
  const savedPath = settings['jdlint.path'];
  settings['jdlint.path'] = path.join(fixtureDir, 'no-such-jdlint');
  for (const l of configListeners) await l({ affectsConfiguration: (k) => k === 'jdlint' || k === 'jdlint.path' });
  vscode.window.showErrorMessage = showError;
  check(shown.length === 1 && shown[0].includes('could not start') && shown[0].includes('no-such-jdlint')
    && providers.codeAction.length === 0 && providers.hover.length === 0 && collections.every((c) => c.disposed),
    'built-in client: a jdlint.path that cannot be started shows an error and leaves nothing registered', shown);
  if (savedPath === undefined) delete settings['jdlint.path']; else settings['jdlint.path'] = savedPath;
  for (const l of configListeners) await l({ affectsConfiguration: (k) => k === 'jdlint' || k === 'jdlint.path' });
  const again = collections[collections.length - 1];
  check(!again.disposed && providers.codeAction.length === 1 && await until(() => again.get(barista.uri) !== undefined),
    'built-in client: with jdlint.path set back, the server starts again and lints the open documents');

  // Deactivate: shutdown and exit, the server process ends by itself with 0; providers and collection disposed.
  const last = spawned[spawned.length - 1].proc;
  await extension.deactivate();
  await Promise.race([exited(last), new Promise((r) => setTimeout(r, 3000))]);
  check(last.exitCode === 0 && last.signalCode === null, 'built-in client: deactivate shuts the server down (it exits with 0)',
    { exitCode: last.exitCode, signal: last.signalCode });
  check(providers.codeAction.length === 0 && providers.hover.length === 0 && providers.formatting.length === 0
    && collections.every((c) => c.disposed) && watchers.length > ownWatchers && watchers.slice(ownWatchers).every((w) => w.disposed),
    'built-in client: deactivate disposes the providers, the collection and the watchers',
    { providers: Object.values(providers).map((l) => l.length), collections: collections.map((c) => c.disposed),
      watchers: watchers.slice(ownWatchers).map((w) => [w.glob, w.disposed]) });
  // (The failed start above logs its spawn error: that line is expected.)
  const output = outputs.map((o) => o.text).join('').split('\n').filter((l) => !l.includes('no-such-jdlint')).join('\n');
  check(output.includes('[info] initialized') && !/\[client\]/.test(output),
    'built-in client: the server\'s log in the output channel, no client errors', output.slice(0, 400));
}

(async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const extension = require(path.resolve(extensionDir, manifest.main));
  const context = { subscriptions: [] };
  await extension.activate(context);

  check(typeof commands['jdlint.fixAll'] === 'function' && typeof commands['jdlint.restart'] === 'function',
    'activate registers jdlint.fixAll and jdlint.restart', Object.keys(commands));
  const client = clients[0];
  check(client && client.serverOptions.command === bin && JSON.stringify(client.serverOptions.args) === '["lsp"]',
    bundled ? 'with jdlint.path unset, the bundled server is started as "server/linux-x64/jdlint lsp"'
      : 'the server is started as "<jdlint.path> lsp"', client && client.serverOptions);
  const languages = [...new Set(client.clientOptions.documentSelector.map((f) => f.language))].sort();
  check(JSON.stringify(languages) === '["html","markdown","plaintext"]', 'document selector: plaintext, markdown, html', languages);
  const init = client.clientOptions.initializationOptions;
  check(init && init.jdlint && init.jdlint.profile === 'default' && init.jdlint.debounceMs === 0 && init.jdlint.unsafeFixes === false
    && !('path' in init.jdlint), 'initializationOptions carry the server settings only', init);
  check(client.init && client.init.result && client.init.result.serverInfo && client.init.result.serverInfo.name === 'jdlint',
    'the real server answers initialize', client.init);
  const kinds = (((client.init.result || {}).capabilities || {}).codeActionProvider || {}).codeActionKinds || [];
  check(kinds.includes('source.fixAll.jdlint'), 'the server offers source.fixAll.jdlint', kinds);

  // The middleware answers workspace/configuration for "jdlint" with server settings.
  const answer = await client.clientOptions.middleware.workspace.configuration(
    { items: [{ section: 'jdlint' }, { section: 'other' }] }, {}, async () => [{ path: 'x', trace: {} }, 42]);
  check(Array.isArray(answer) && answer[0].profile === 'default' && !('path' in answer[0]) && answer[1] === 42,
    'workspace/configuration answers the server settings', answer);

  // A posting opened with these settings gets its 4 findings (and no configuration error).
  const text = fs.readFileSync(path.join(fixtureDir, 'barista.txt'), 'utf8');
  const uri = 'file://' + path.resolve(fixtureDir, 'barista.txt');
  client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text } } });
  const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).catch(() => null);
  const codes = published ? published.params.diagnostics.map((d) => d.code) : null;
  check(codes && codes.length === 4 && !codes.includes('config'), 'the server lints a posting opened with these settings', codes);

  // A settings change is sent as workspace/didChangeConfiguration with the jdlint section.
  settings['jdlint.unsafeFixes'] = true;
  for (const l of configListeners) await l({ affectsConfiguration: (s) => s === 'jdlint' || s === 'jdlint.unsafeFixes' });
  const n = client.notifications.find((x) => x.method === 'workspace/didChangeConfiguration');
  check(n && n.params.settings.jdlint.unsafeFixes === true, 'a settings change reaches the server', client.notifications);

  // jdlint.fixAll applies the fix-all action of the active document.
  vscode.window.activeTextEditor = { document: { uri: { toString: () => uri }, getText: () => text, positionAt: (o) => new Position(0, o) } };
  codeActions = [{ title: 'Fix all', kind: { value: 'source.fixAll.jdlint' }, edit: { size: 1 } }, { title: 'other', kind: { value: 'quickfix' }, edit: {} }];
  const count = await commands['jdlint.fixAll']();
  check(count === 1 && applied.length === 1, 'jdlint.fixAll applies the fix-all action', { count, applied });

  await extension.deactivate();
  check(!client.proc, 'deactivate stops the server');

  await builtinClientPart(manifest);
})().catch((e) => { check(false, 'the smoke test raised an error', String(e && e.stack || e)); })
  .finally(() => {
    for (const c of clients) if (c.proc) c.proc.kill();
    for (const s of spawned) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
