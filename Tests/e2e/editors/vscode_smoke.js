// Smoke test of Editors/vscode/extension.js without VS Code: `vscode` and `vscode-languageclient/node` are
// replaced by small fakes that record what the extension asks for; the fake LanguageClient starts the REAL server
// with the command line and initializationOptions the extension built, and checks it answers and lints.
// Usage: node vscode_smoke.js EXTENSION_DIR FIXTURE_DIR   (JDLINT_BIN set). Last line: "N passed, N failed".
'use strict';

const Module = require('module');
const path = require('path');
const fs = require('fs');
const { spawn } = require('child_process');

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
const commands = {};
const configListeners = [];
const applied = [];
let codeActions = [];
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(start, end) { this.start = start; this.end = end; } }
const vscode = {
  Position, Range,
  Uri: { parse: (s) => ({ toString: () => s }) },
  workspace: {
    getConfiguration: (section) => ({
      get: (key, dflt) => (Object.prototype.hasOwnProperty.call(settings, `${section}.${key}`) ? settings[`${section}.${key}`] : dflt),
    }),
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
    onDidChangeConfiguration: (listener) => { configListeners.push(listener); return { dispose() {} }; },
    applyEdit: async (edit) => { applied.push(edit); return true; },
  },
  window: {
    activeTextEditor: undefined,
    showErrorMessage: async (m) => { check(false, 'no error message shown', m); },
    setStatusBarMessage: () => ({ dispose() {} }),
  },
  commands: {
    registerCommand: (name, fn) => { commands[name] = fn; return { dispose() {} }; },
    executeCommand: async (name, ...args) => (name === 'vscode.executeCodeActionProvider' ? codeActions.filter((a) => a.kind.value === args[2]) : undefined),
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
Module._resolveFilename = function (request, ...rest) { return fakes[request] ? request : resolve.call(this, request, ...rest); };
for (const [name, exports] of Object.entries(fakes)) {
  require.cache[name] = { id: name, filename: name, loaded: true, exports };
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
})().catch((e) => { check(false, 'the smoke test raised an error', String(e && e.stack || e)); })
  .finally(() => {
    for (const c of clients) if (c.proc) c.proc.kill();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
