// @ts-check
// jdlint for VS Code: a thin client that starts `jdlint lsp` (the language server does all the work), with
// vscode-languageclient when it is installed (node_modules/, from npm), else with the built-in client of client.js.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { BuiltinClient } = require('./client');

/** @type {typeof import('vscode-languageclient/node') | undefined} */
let languageclient;
try {
  languageclient = require('vscode-languageclient/node');
} catch (error) {
  // Not installed (a .vsix built without npm): client.js speaks LSP instead.
  languageclient = undefined;
}

const FIX_ALL = 'source.fixAll.jdlint';
const LANGUAGES = ['plaintext', 'markdown', 'html'];

/** @type {import('vscode-languageclient/node').LanguageClient | BuiltinClient | undefined} */
let client;

/**
 * The `jdlint` settings section as the server reads it (rules, profile, unsafeFixes, debounceMs); editor-only
 * settings (path, trace) are left out.
 * @param {vscode.ConfigurationScope | undefined} [scope]
 * @returns {Record<string, unknown>}
 */
function serverSettings(scope) {
  const c = vscode.workspace.getConfiguration('jdlint', scope);
  /** @type {Record<string, unknown>} */
  const s = {
    unsafeFixes: c.get('unsafeFixes', false),
    debounceMs: c.get('debounceMs', 150),
  };
  const rules = c.get('rules');
  if (rules && typeof rules === 'object' && Object.keys(rules).length > 0) s.rules = rules;
  const profile = c.get('profile');
  if (typeof profile === 'string' ? profile.length > 0 : Array.isArray(profile) && profile.length > 0) s.profile = profile;
  return s;
}

/**
 * The jdlint program: `jdlint.path` when set; else the binary bundled in the .vsix for this platform
 * (`server/linux-x64/jdlint`, put there by scripts/package); else `jdlint` on PATH.
 * @returns {string}
 */
function serverPath() {
  const configured = vscode.workspace.getConfiguration('jdlint').get('path', '');
  if (configured) return configured;
  const bundled = path.join(__dirname, 'server', `${process.platform}-${process.arch}`,
    process.platform === 'win32' ? 'jdlint.exe' : 'jdlint');
  return fs.existsSync(bundled) ? bundled : 'jdlint';
}

const DOCUMENT_SELECTOR = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/**
 * The answer to workspace/configuration for one item: the server's settings for `jdlint`, else the VS Code setting.
 * @param {string | undefined} section @param {string | undefined} scopeUri
 */
function configurationItem(section, scopeUri) {
  if (section === 'jdlint') return serverSettings(scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  if (!section) return null;
  const value = vscode.workspace.getConfiguration(undefined, scopeUri ? vscode.Uri.parse(scopeUri) : undefined).get(section);
  return value === undefined ? null : value;
}

/** @returns {import('vscode-languageclient/node').LanguageClient | BuiltinClient} */
function createClient() {
  if (!languageclient) {
    return new BuiltinClient('jdlint', 'jdlint', {
      command: serverPath(), args: ['lsp'], documentSelector: DOCUMENT_SELECTOR,
      initializationOptions: { jdlint: serverSettings() }, configuration: configurationItem, outputChannelName: 'jdlint',
    });
  }
  const { LanguageClient, TransportKind } = languageclient;
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = { command: serverPath(), args: ['lsp'], transport: TransportKind.stdio };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: { jdlint: serverSettings() },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.jdlint.json') },
    outputChannelName: 'jdlint',
    middleware: {
      workspace: {
        // Answer workspace/configuration for `jdlint` with the server's settings only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) =>
            item.section === 'jdlint'
              ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : result[i]);
        },
      },
    },
  };
  return new LanguageClient('jdlint', 'jdlint', serverOptions, clientOptions);
}

async function start() {
  const c = createClient();
  client = c;
  try {
    await c.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `jdlint: could not start "${serverPath()} lsp" (${message}). Set "jdlint.path" to the jdlint program.`);
    // Only if no restart replaced it meanwhile.
    if (client === c) client = undefined; // eslint-disable-line require-atomic-updates
  }
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

/**
 * Applies every safe fix of the active editor's document (unsafe ones too with jdlint.unsafeFixes).
 * @returns {Promise<number>} the number of fix-all actions applied
 */
async function fixAll() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return 0;
  const document = editor.document;
  const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  /** @type {vscode.CodeAction[] | undefined} */
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, all, FIX_ALL);
  let applied = 0;
  for (const action of actions || []) {
    if (action.kind && action.kind.value === FIX_ALL && action.edit) {
      if (await vscode.workspace.applyEdit(action.edit)) applied += 1;
    }
  }
  if (applied === 0) void vscode.window.setStatusBarMessage('jdlint: nothing to fix', 3000);
  return applied;
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('jdlint.fixAll', fixAll),
    vscode.commands.registerCommand('jdlint.restart', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('jdlint')) return;
      if (event.affectsConfiguration('jdlint.path')) {
        await stop();
        await start();
      } else if (client) {
        await client.sendNotification('workspace/didChangeConfiguration', { settings: { jdlint: serverSettings() } });
      }
    }),
    { dispose: () => void stop() },
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverSettings, serverPath, fixAll, usesBuiltinClient: () => !languageclient };
