// @ts-check
// A small built-in LSP client for jdlint, used by extension.js when `vscode-languageclient` is not installed (the
// .vsix built where the npm registry is unreachable). Plain Node.js and the VS Code API, no dependencies.
// It starts the server, speaks JSON-RPC with Content-Length framing over its stdin/stdout, and supports what jdlint
// uses: document sync (full text), pushed diagnostics, code actions (with codeAction/resolve), hover, formatting,
// workspace/configuration, dynamic registration of file watchers. See README.md for what it does not do.
'use strict';

const { spawn } = require('child_process');
const vscode = require('vscode');

/**
 * @typedef {{ language?: string, scheme?: string }} Filter
 * @typedef {{
 *   command: string, args: string[], documentSelector: Filter[], initializationOptions?: any,
 *   configuration: (section: string | undefined, scopeUri: string | undefined) => any,
 *   outputChannelName?: string,
 * }} BuiltinClientOptions
 * @typedef {{ line: number, character: number }} LspPosition
 * @typedef {{ start: LspPosition, end: LspPosition }} LspRange
 * @typedef {{ range: LspRange, newText: string }} LspTextEdit
 * @typedef {{ resolve: (v: any) => void, reject: (e: Error) => void, method: string }} Pending
 */

const SEVERITY = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning,
  vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];

/** @param {LspPosition} p */
function toPosition(p) { return new vscode.Position(p.line, p.character); }
/** @param {LspRange} r */
function toRange(r) { return new vscode.Range(toPosition(r.start), toPosition(r.end)); }
/** @param {vscode.Position} p @returns {LspPosition} */
function fromPosition(p) { return { line: p.line, character: p.character }; }
/** @param {vscode.Range} r @returns {LspRange} */
function fromRange(r) { return { start: fromPosition(r.start), end: fromPosition(r.end) }; }

/** An LSP WorkspaceEdit (`changes` or `documentChanges` of text edits) as a vscode.WorkspaceEdit. */
function toWorkspaceEdit(/** @type {any} */ edit) {
  const result = new vscode.WorkspaceEdit();
  /** @param {string} uri @param {LspTextEdit[]} edits */
  const add = (uri, edits) => {
    const u = vscode.Uri.parse(uri);
    for (const e of edits) result.replace(u, toRange(e.range), e.newText);
  };
  if (Array.isArray(edit && edit.documentChanges)) {
    for (const change of edit.documentChanges) {
      if (change.kind) throw new Error(`jdlint: the built-in client does not apply "${change.kind}" file operations`);
      add(change.textDocument.uri, change.edits);
    }
  } else if (edit && edit.changes) {
    for (const [uri, edits] of Object.entries(edit.changes)) add(uri, /** @type {LspTextEdit[]} */ (edits));
  }
  return result;
}

/** LSP hover contents (MarkupContent, MarkedString or MarkedString[]) as Markdown strings. */
function toMarkdown(/** @type {any} */ contents) {
  const list = Array.isArray(contents) ? contents : [contents];
  return list.filter((c) => c !== null && c !== undefined).map((c) => {
    if (typeof c === 'string') return new vscode.MarkdownString(c);
    if (c.kind === 'plaintext') return new vscode.MarkdownString().appendText(String(c.value));
    if (c.kind === 'markdown') return new vscode.MarkdownString(String(c.value));
    return new vscode.MarkdownString().appendCodeblock(String(c.value), c.language || ''); // { language, value }
  });
}

class BuiltinClient {
  /** @param {string} id @param {string} name @param {BuiltinClientOptions} options */
  constructor(id, name, options) {
    this.id = id;
    this.name = name;
    this.options = options;
    /** @type {import('child_process').ChildProcess | undefined} */
    this.proc = undefined;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    /** @type {Map<number, Pending>} */
    this.pending = new Map();
    /** @type {vscode.Disposable[]} */
    this.disposables = [];
    /** @type {Map<string, vscode.Disposable[]>} dynamic registrations by id */
    this.registrations = new Map();
    /** @type {Map<string, any[]>} the last published LSP diagnostics by URI */
    this.published = new Map();
    /** @type {WeakMap<vscode.Diagnostic, any>} */
    this.lspDiagnostic = new WeakMap();
    /** @type {WeakMap<vscode.CodeAction, any>} */
    this.lspAction = new WeakMap();
    /** @type {Set<string>} URIs of the documents opened on the server */
    this.open = new Set();
    this.stopping = false;
    this.running = false;
    this.capabilities = /** @type {any} */ ({});
    this.output = vscode.window.createOutputChannel(options.outputChannelName || name);
    this.diagnostics = vscode.languages.createDiagnosticCollection(id);
    this.trace = String(vscode.workspace.getConfiguration(id).get('trace.server', 'off'));
  }

  /** @param {vscode.TextDocument} document */
  selects(document) {
    return this.options.documentSelector.some((f) =>
      (!f.language || f.language === document.languageId) && (!f.scheme || f.scheme === document.uri.scheme));
  }

  /** Starts the server and initializes it; rejects when it cannot be started or does not answer. */
  async start() {
    const proc = spawn(this.options.command, this.options.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = proc;
    /** @type {Promise<never>} */
    const failed = new Promise((_, reject) => {
      proc.on('error', (e) => reject(e));
      proc.on('exit', (code, signal) => reject(new Error(`the server exited (${signal || code}) during initialization`)));
    });
    proc.on('error', (e) => this.output.appendLine(`[client] ${e.message}`));
    proc.on('exit', (code, signal) => this.exited(proc, code, signal));
    if (!proc.stdout || !proc.stdin || !proc.stderr) throw new Error('no pipes to the server');
    proc.stdout.on('data', (chunk) => this.receive(chunk));
    proc.stderr.on('data', (chunk) => this.output.append(chunk.toString('utf8')));
    proc.stdin.on('error', (e) => this.output.appendLine(`[client] writing to the server: ${e.message}`));
    try {
      await this.initialize(failed);
    } catch (error) {
      // Not started: nothing of this client stays registered (the output channel keeps the server's stderr).
      this.stopping = true;
      for (const p of this.pending.values()) p.reject(new Error('the jdlint server did not start'));
      this.pending.clear();
      this.proc = undefined;
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      this.teardown();
      this.diagnostics.dispose();
      throw error;
    }
    this.running = true;
    this.registerFeatures();
    for (const document of vscode.workspace.textDocuments) this.didOpen(document);
  }

  /**
   * initialize and initialized; rejects with `failed` (the process's error or exit).
   * @param {Promise<never>} failed
   */
  async initialize(failed) {
    const folders = vscode.workspace.workspaceFolders || [];
    const init = await Promise.race([failed, this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code (jdlint built-in client)', version: vscode.version },
      rootUri: folders.length ? folders[0].uri.toString() : null,
      rootPath: folders.length ? folders[0].uri.fsPath : null,
      workspaceFolders: folders.map((f) => ({ uri: f.uri.toString(), name: f.name })),
      initializationOptions: this.options.initializationOptions,
      trace: this.trace === 'verbose' ? 'verbose' : this.trace === 'messages' ? 'messages' : 'off',
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        workspace: {
          configuration: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
          publishDiagnostics: { relatedInformation: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
            isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          formatting: { dynamicRegistration: false },
        },
        window: { workDoneProgress: false, showMessage: {} },
      },
    })]);
    this.capabilities = (init && init.capabilities) || {};
    this.notify('initialized', {});
  }

  registerFeatures() {
    const selector = this.options.documentSelector;
    const caps = this.capabilities;
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.didOpen(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const uri = e.document.uri.toString();
        if (!this.open.has(uri)) return;
        this.notify('textDocument/didChange', {
          textDocument: { uri, version: e.document.version }, contentChanges: [{ text: e.document.getText() }],
        });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const uri = d.uri.toString();
        if (!this.open.delete(uri)) return;
        this.notify('textDocument/didClose', { textDocument: { uri } });
        this.diagnostics.delete(d.uri);
        this.published.delete(uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const uri = d.uri.toString();
        if (this.open.has(uri)) this.notify('textDocument/didSave', { textDocument: { uri } });
      }),
    );
    if (caps.codeActionProvider) {
      const kinds = (typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.codeActionKinds) || [];
      this.disposables.push(vscode.languages.registerCodeActionsProvider(selector, {
        provideCodeActions: (document, range, context, token) => this.provideCodeActions(document, range, context, token),
        resolveCodeAction: (action, token) => this.resolveCodeAction(action, token),
      }, { providedCodeActionKinds: kinds.map((/** @type {string} */ k) => vscode.CodeActionKind.Empty.append(k)) }));
    }
    if (caps.hoverProvider) {
      this.disposables.push(vscode.languages.registerHoverProvider(selector, {
        provideHover: async (document, position, token) => {
          const h = await this.request('textDocument/hover',
            { textDocument: { uri: document.uri.toString() }, position: fromPosition(position) }, token);
          if (!h || !h.contents) return undefined;
          return new vscode.Hover(toMarkdown(h.contents), h.range ? toRange(h.range) : undefined);
        },
      }));
    }
    if (caps.documentFormattingProvider) {
      this.disposables.push(vscode.languages.registerDocumentFormattingEditProvider(selector, {
        provideDocumentFormattingEdits: async (document, options, token) => {
          const edits = await this.request('textDocument/formatting', {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
          }, token);
          return (edits || []).map((/** @type {LspTextEdit} */ e) => vscode.TextEdit.replace(toRange(e.range), e.newText));
        },
      }));
    }
  }

  /** @param {vscode.TextDocument} document */
  didOpen(document) {
    const uri = document.uri.toString();
    if (!this.running || this.open.has(uri) || !this.selects(document)) return;
    this.open.add(uri);
    this.notify('textDocument/didOpen',
      { textDocument: { uri, languageId: document.languageId, version: document.version, text: document.getText() } });
  }

  /**
   * The LSP diagnostic a VS Code diagnostic came from (with its `data`): the same object, else the published one with
   * the same range, code and message, else a conversion.
   * @param {string} uri @param {vscode.Diagnostic} d
   */
  toLspDiagnostic(uri, d) {
    const known = this.lspDiagnostic.get(d);
    if (known) return known;
    const range = fromRange(d.range);
    const code = d.code && typeof d.code === 'object' ? d.code.value : d.code;
    const same = (this.published.get(uri) || []).find((p) => p.message === d.message && p.code === code
      && JSON.stringify(p.range) === JSON.stringify(range));
    if (same) return same;
    return { range, message: d.message, code, source: d.source, severity: d.severity === undefined ? undefined : d.severity + 1 };
  }

  /**
   * @param {vscode.TextDocument} document @param {vscode.Range} range @param {vscode.CodeActionContext} context
   * @param {vscode.CancellationToken} [token]
   */
  async provideCodeActions(document, range, context, token) {
    const uri = document.uri.toString();
    const result = await this.request('textDocument/codeAction', {
      textDocument: { uri },
      range: fromRange(range),
      context: {
        diagnostics: context.diagnostics.map((d) => this.toLspDiagnostic(uri, d)),
        only: context.only ? [context.only.value] : undefined,
        triggerKind: context.triggerKind,
      },
    }, token);
    /** @type {vscode.CodeAction[]} */
    const actions = [];
    for (const a of result || []) {
      if (typeof a.command === 'string') continue; // a bare Command: jdlint sends none, and executeCommand is not supported
      const action = new vscode.CodeAction(a.title, a.kind ? vscode.CodeActionKind.Empty.append(a.kind) : undefined);
      if (a.isPreferred) action.isPreferred = true;
      if (a.edit) action.edit = toWorkspaceEdit(a.edit);
      if (Array.isArray(a.diagnostics)) {
        const all = this.diagnostics.get(document.uri) || [];
        action.diagnostics = a.diagnostics.map((/** @type {any} */ ld) =>
          all.find((d) => this.lspDiagnostic.get(d) === ld
            || (d.message === ld.message && JSON.stringify(fromRange(d.range)) === JSON.stringify(ld.range))))
          .filter((/** @type {vscode.Diagnostic | undefined} */ d) => d !== undefined);
      }
      this.lspAction.set(action, a);
      actions.push(action);
    }
    return actions;
  }

  /**
   * Fills in the edit of an action listed without one (`codeAction/resolve`).
   * @param {vscode.CodeAction} action @param {vscode.CancellationToken} [token]
   */
  async resolveCodeAction(action, token) {
    const lsp = this.lspAction.get(action);
    if (action.edit || !lsp || !(this.capabilities.codeActionProvider || {}).resolveProvider) return action;
    const resolved = await this.request('codeAction/resolve', lsp, token);
    if (resolved && resolved.edit) action.edit = toWorkspaceEdit(resolved.edit);
    return action;
  }

  /** @param {any} params */
  publishDiagnostics(params) {
    const uri = vscode.Uri.parse(params.uri);
    const list = params.diagnostics || [];
    this.published.set(params.uri, list);
    this.diagnostics.set(uri, list.map((/** @type {any} */ ld) => {
      const d = new vscode.Diagnostic(toRange(ld.range), ld.message,
        SEVERITY[(ld.severity || 1) - 1] === undefined ? vscode.DiagnosticSeverity.Error : SEVERITY[(ld.severity || 1) - 1]);
      d.source = ld.source || this.id;
      if (ld.code !== undefined && ld.code !== null) {
        d.code = ld.codeDescription && ld.codeDescription.href
          ? { value: ld.code, target: vscode.Uri.parse(ld.codeDescription.href) } : ld.code;
      }
      if (Array.isArray(ld.tags)) d.tags = ld.tags.filter((/** @type {number} */ t) => t === 1 || t === 2);
      this.lspDiagnostic.set(d, ld);
      return d;
    }));
  }

  // ---- server → client requests ------------------------------------------------------------------------------

  /** @param {string} method @param {any} params @returns {Promise<any>} */
  async handleRequest(method, params) {
    switch (method) {
      case 'workspace/configuration':
        return (params.items || []).map((/** @type {{ section?: string, scopeUri?: string }} */ item) =>
          this.options.configuration(item.section, item.scopeUri));
      case 'client/registerCapability':
        for (const r of params.registrations || []) this.register(r);
        return null;
      case 'client/unregisterCapability':
        for (const r of params.unregisterations || params.unregistrations || []) this.unregister(r.id);
        return null;
      case 'window/workDoneProgress/create':
        return null;
      case 'window/showMessageRequest':
        this.showMessage(params);
        return null;
      case 'workspace/applyEdit':
        return { applied: await vscode.workspace.applyEdit(toWorkspaceEdit(params.edit)) };
      default:
        throw Object.assign(new Error(`unhandled method ${method}`), { code: -32601 });
    }
  }

  /** Dynamic registrations: file watchers (`workspace/didChangeWatchedFiles`); others are acknowledged only. */
  register(/** @type {any} */ registration) {
    if (registration.method !== 'workspace/didChangeWatchedFiles') return;
    this.unregister(registration.id);
    /** @type {vscode.Disposable[]} */
    const watchers = [];
    for (const w of (registration.registerOptions || {}).watchers || []) {
      const g = w.globPattern;
      const pattern = typeof g === 'string' ? g
        : new vscode.RelativePattern(typeof g.baseUri === 'string' ? vscode.Uri.parse(g.baseUri) : vscode.Uri.parse(g.baseUri.uri), g.pattern);
      const kind = w.kind === undefined ? 7 : w.kind;
      const watcher = vscode.workspace.createFileSystemWatcher(pattern, !(kind & 1), !(kind & 2), !(kind & 4));
      /** @param {number} type @returns {(u: vscode.Uri) => void} */
      const send = (type) => (u) => this.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: u.toString(), type }] });
      watchers.push(watcher, watcher.onDidCreate(send(1)), watcher.onDidChange(send(2)), watcher.onDidDelete(send(3)));
    }
    this.registrations.set(registration.id, watchers);
  }

  /** @param {string} id */
  unregister(id) {
    for (const d of this.registrations.get(id) || []) d.dispose();
    this.registrations.delete(id);
  }

  /** @param {{ type: number, message: string }} params */
  showMessage(params) {
    const message = `jdlint: ${params.message}`;
    if (params.type === 1) void vscode.window.showErrorMessage(message);
    else if (params.type === 2) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  }

  /** @param {string} method @param {any} params */
  handleNotification(method, params) {
    if (method === 'textDocument/publishDiagnostics') this.publishDiagnostics(params);
    else if (method === 'window/logMessage') this.output.appendLine(params.message);
    else if (method === 'window/showMessage') this.showMessage(params);
    else if (method === '$/logTrace') this.output.appendLine(`[trace] ${params.message}`);
  }

  // ---- JSON-RPC over stdio -----------------------------------------------------------------------------------

  /** @param {Buffer} chunk */
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const m = /content-length:\s*(\d+)/i.exec(header);
      if (!m) { // unframed output: drop up to the separator
        this.output.appendLine(`[client] a message without Content-Length: ${header}`);
        this.buffer = this.buffer.subarray(end + 4);
        continue;
      }
      const length = Number(m[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      let message;
      try { message = JSON.parse(body); } catch (e) { this.output.appendLine(`[client] unreadable message: ${body}`); continue; }
      this.dispatch(message);
    }
  }

  /** @param {any} message */
  dispatch(message) {
    if (this.trace !== 'off') {
      const what = message.method ? `${message.id !== undefined ? 'request' : 'notification'} '${message.method}'` : `response ${message.id}`;
      this.output.appendLine(`[trace] received ${what}${this.trace === 'verbose' ? ' ' + JSON.stringify(message.params ?? message.result ?? message.error) : ''}`);
    }
    if (message.method && message.id !== undefined) {
      this.handleRequest(message.method, message.params).then(
        (result) => this.write({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result }),
        (error) => this.write({ jsonrpc: '2.0', id: message.id, error: { code: error.code || -32603, message: String(error.message || error) } }));
    } else if (message.method) {
      try { this.handleNotification(message.method, message.params); } catch (e) {
        this.output.appendLine(`[client] handling ${message.method}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else p.resolve(message.result);
    }
  }

  /** @param {any} message */
  write(message) {
    if (!this.proc || !this.proc.stdin || !this.proc.stdin.writable) return;
    if (this.trace !== 'off' && message.method) this.output.appendLine(`[trace] sending '${message.method}'`);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /**
   * @param {string} method @param {any} params @param {vscode.CancellationToken} [token]
   * @returns {Promise<any>}
   */
  request(method, params, token) {
    if (!this.proc) return Promise.reject(new Error('the jdlint server is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.write({ jsonrpc: '2.0', id, method, params });
      if (token) {
        if (token.isCancellationRequested) this.notify('$/cancelRequest', { id });
        else token.onCancellationRequested(() => { if (this.pending.has(id)) this.notify('$/cancelRequest', { id }); });
      }
    });
  }

  /** @param {string} method @param {any} [params] */
  notify(method, params) { this.write({ jsonrpc: '2.0', method, params }); }

  /**
   * The same signature as LanguageClient's.
   * @param {string} method @param {any} [params]
   */
  async sendNotification(method, params) { this.notify(method, params); }

  /**
   * @param {import('child_process').ChildProcess} proc @param {number | null} code @param {string | null} signal
   */
  exited(proc, code, signal) {
    if (this.proc !== proc) return;
    this.proc = undefined;
    for (const p of this.pending.values()) p.reject(new Error(`the jdlint server exited while answering ${p.method}`));
    this.pending.clear();
    const wasRunning = this.running;
    this.teardown();
    if (wasRunning && !this.stopping) {
      this.output.appendLine(`[client] the server exited (${signal || code})`);
      void vscode.window.showErrorMessage(`jdlint: the language server exited (${signal || code}). Run "jdlint: Restart the language server".`);
    }
  }

  teardown() {
    this.running = false;
    for (const d of this.disposables) d.dispose();
    this.disposables = [];
    for (const id of [...this.registrations.keys()]) this.unregister(id);
    this.open.clear();
    this.published.clear();
    this.diagnostics.clear();
  }

  /** shutdown, exit, and the process's end (killed after `timeout` ms). @param {number} [timeout] */
  async stop(timeout = 2000) {
    const proc = this.proc;
    this.stopping = true;
    this.teardown();
    if (proc) {
      const ended = new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) resolve(undefined); else proc.once('exit', resolve);
      });
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      const late = (/** @type {number} */ ms) => new Promise((resolve) => { timer = setTimeout(resolve, ms); });
      try {
        await Promise.race([this.request('shutdown', null), late(timeout)]);
        clearTimeout(timer);
        this.notify('exit');
      } catch (e) { /* the server is gone already */ }
      await Promise.race([ended, late(timeout)]);
      clearTimeout(timer);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
    }
    this.proc = undefined;
    this.diagnostics.dispose();
    this.output.dispose();
  }

  /** The same as LanguageClient's dispose. */
  dispose() { return this.stop(); }
}

module.exports = { BuiltinClient, toWorkspaceEdit, toMarkdown };
