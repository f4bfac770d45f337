// The subset of the VS Code API (@types/vscode 1.82) that extension.js uses, with the same signatures, so that
// `tsc -p jsconfig.offline.json` can type-check the client where npm is unreachable. With network access, use
// `npm install` and `tsc -p jsconfig.json`, which checks against the real @types/vscode instead.
declare module 'vscode' {
  export interface Disposable { dispose(): any }
  export class Position { constructor(line: number, character: number); readonly line: number; readonly character: number }
  export class Range { constructor(start: Position, end: Position); readonly start: Position; readonly end: Position }
  export class Uri { static parse(value: string, strict?: boolean): Uri; static file(path: string): Uri; readonly fsPath: string; toString(): string }
  export interface TextDocument {
    readonly uri: Uri;
    readonly languageId: string;
    getText(range?: Range): string;
    positionAt(offset: number): Position;
  }
  export interface TextEditor { readonly document: TextDocument }
  export class WorkspaceEdit { readonly size: number }
  export class CodeActionKind {
    static readonly QuickFix: CodeActionKind;
    static readonly SourceFixAll: CodeActionKind;
    readonly value: string;
    append(parts: string): CodeActionKind;
  }
  export class CodeAction { title: string; kind?: CodeActionKind; edit?: WorkspaceEdit; isPreferred?: boolean }
  export type ConfigurationScope = Uri | TextDocument | { uri?: Uri; languageId: string };
  export interface WorkspaceConfiguration {
    get<T>(section: string): T | undefined;
    get<T>(section: string, defaultValue: T): T;
    has(section: string): boolean;
  }
  export interface ConfigurationChangeEvent { affectsConfiguration(section: string, scope?: ConfigurationScope): boolean }
  export interface FileSystemWatcher extends Disposable {}
  export type Thenable<T> = PromiseLike<T>;
  export interface Event<T> { (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]): Disposable }
  export interface ExtensionContext { readonly subscriptions: { dispose(): any }[] }
  export namespace workspace {
    function getConfiguration(section?: string, scope?: ConfigurationScope | null): WorkspaceConfiguration;
    function createFileSystemWatcher(globPattern: string, ignoreCreateEvents?: boolean, ignoreChangeEvents?: boolean,
                                     ignoreDeleteEvents?: boolean): FileSystemWatcher;
    const onDidChangeConfiguration: Event<ConfigurationChangeEvent>;
    function applyEdit(edit: WorkspaceEdit): Thenable<boolean>;
  }
  export namespace window {
    let activeTextEditor: TextEditor | undefined;
    function showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
    function setStatusBarMessage(text: string, hideAfterTimeout: number): Disposable;
  }
  export namespace commands {
    function registerCommand(command: string, callback: (...args: any[]) => any, thisArg?: any): Disposable;
    function executeCommand<T = unknown>(command: string, ...rest: any[]): Thenable<T>;
  }
}
