// The subset of the VS Code API (@types/vscode 1.82) that extension.js and client.js use, with the same signatures,
// so that `tsc -p jsconfig.offline.json` can type-check them where npm is unreachable. With network access, use
// `npm install` and `tsc -p jsconfig.json`, which checks against the real @types/vscode instead.
declare module 'vscode' {
  export const version: string;
  export interface Disposable { dispose(): any }
  export class Position { constructor(line: number, character: number); readonly line: number; readonly character: number }
  export class Range { constructor(start: Position, end: Position); readonly start: Position; readonly end: Position }
  export class Uri {
    static parse(value: string, strict?: boolean): Uri;
    static file(path: string): Uri;
    readonly scheme: string;
    readonly fsPath: string;
    toString(skipEncoding?: boolean): string;
  }
  export interface TextDocument {
    readonly uri: Uri;
    readonly languageId: string;
    readonly version: number;
    getText(range?: Range): string;
    positionAt(offset: number): Position;
  }
  export interface TextEditor { readonly document: TextDocument }
  export class TextEdit {
    static replace(range: Range, newText: string): TextEdit;
    constructor(range: Range, newText: string);
    range: Range;
    newText: string;
  }
  export class WorkspaceEdit {
    readonly size: number;
    replace(uri: Uri, range: Range, newText: string): void;
  }
  export class CodeActionKind {
    static readonly Empty: CodeActionKind;
    static readonly QuickFix: CodeActionKind;
    static readonly SourceFixAll: CodeActionKind;
    readonly value: string;
    append(parts: string): CodeActionKind;
  }
  export enum CodeActionTriggerKind { Invoke = 1, Automatic = 2 }
  export interface CodeActionContext {
    readonly triggerKind: CodeActionTriggerKind;
    readonly diagnostics: readonly Diagnostic[];
    readonly only: CodeActionKind | undefined;
  }
  export class CodeAction {
    constructor(title: string, kind?: CodeActionKind);
    title: string;
    kind?: CodeActionKind;
    edit?: WorkspaceEdit;
    diagnostics?: Diagnostic[];
    isPreferred?: boolean;
  }
  export interface CodeActionProviderMetadata { readonly providedCodeActionKinds?: readonly CodeActionKind[] }
  export type ProviderResult<T> = T | undefined | null | Thenable<T | undefined | null>;
  export interface CancellationToken { isCancellationRequested: boolean; onCancellationRequested: Event<any> }
  export interface CodeActionProvider<T extends CodeAction = CodeAction> {
    provideCodeActions(document: TextDocument, range: Range, context: CodeActionContext, token: CancellationToken): ProviderResult<T[]>;
    resolveCodeAction?(codeAction: T, token: CancellationToken): ProviderResult<T>;
  }
  export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }
  export enum DiagnosticTag { Unnecessary = 1, Deprecated = 2 }
  export class Diagnostic {
    constructor(range: Range, message: string, severity?: DiagnosticSeverity);
    range: Range;
    message: string;
    severity: DiagnosticSeverity;
    source?: string;
    code?: string | number | { value: string | number; target: Uri };
    tags?: DiagnosticTag[];
  }
  export interface DiagnosticCollection extends Disposable {
    set(uri: Uri, diagnostics: readonly Diagnostic[] | undefined): void;
    delete(uri: Uri): void;
    clear(): void;
    get(uri: Uri): readonly Diagnostic[] | undefined;
  }
  export class MarkdownString {
    constructor(value?: string, supportThemeIcons?: boolean);
    value: string;
    appendText(value: string): MarkdownString;
    appendCodeblock(value: string, language?: string): MarkdownString;
  }
  export class Hover {
    constructor(contents: MarkdownString | MarkdownString[], range?: Range);
    contents: MarkdownString[];
    range?: Range;
  }
  export interface HoverProvider { provideHover(document: TextDocument, position: Position, token: CancellationToken): ProviderResult<Hover> }
  export interface FormattingOptions { tabSize: number; insertSpaces: boolean }
  export interface DocumentFormattingEditProvider {
    provideDocumentFormattingEdits(document: TextDocument, options: FormattingOptions, token: CancellationToken): ProviderResult<TextEdit[]>;
  }
  export interface DocumentFilter { readonly language?: string; readonly scheme?: string; readonly pattern?: string }
  export type DocumentSelector = DocumentFilter | string | ReadonlyArray<DocumentFilter | string>;
  export class RelativePattern { constructor(base: Uri | string, pattern: string); pattern: string }
  export type GlobPattern = string | RelativePattern;
  export type ConfigurationScope = Uri | TextDocument | { uri?: Uri; languageId: string };
  export interface WorkspaceConfiguration {
    get<T>(section: string): T | undefined;
    get<T>(section: string, defaultValue: T): T;
    has(section: string): boolean;
  }
  export interface ConfigurationChangeEvent { affectsConfiguration(section: string, scope?: ConfigurationScope): boolean }
  export interface FileSystemWatcher extends Disposable {
    readonly onDidCreate: Event<Uri>;
    readonly onDidChange: Event<Uri>;
    readonly onDidDelete: Event<Uri>;
  }
  export interface TextDocumentChangeEvent { readonly document: TextDocument }
  export interface WorkspaceFolder { readonly uri: Uri; readonly name: string; readonly index: number }
  export interface OutputChannel extends Disposable { append(value: string): void; appendLine(value: string): void }
  export type Thenable<T> = PromiseLike<T>;
  export interface Event<T> { (listener: (e: T) => any, thisArgs?: any, disposables?: Disposable[]): Disposable }
  export interface ExtensionContext { readonly subscriptions: { dispose(): any }[] }
  export namespace workspace {
    function getConfiguration(section?: string, scope?: ConfigurationScope | null): WorkspaceConfiguration;
    function createFileSystemWatcher(globPattern: GlobPattern, ignoreCreateEvents?: boolean, ignoreChangeEvents?: boolean,
                                     ignoreDeleteEvents?: boolean): FileSystemWatcher;
    const onDidChangeConfiguration: Event<ConfigurationChangeEvent>;
    const onDidOpenTextDocument: Event<TextDocument>;
    const onDidChangeTextDocument: Event<TextDocumentChangeEvent>;
    const onDidCloseTextDocument: Event<TextDocument>;
    const onDidSaveTextDocument: Event<TextDocument>;
    const textDocuments: readonly TextDocument[];
    const workspaceFolders: readonly WorkspaceFolder[] | undefined;
    function applyEdit(edit: WorkspaceEdit): Thenable<boolean>;
  }
  export namespace languages {
    function createDiagnosticCollection(name?: string): DiagnosticCollection;
    function registerCodeActionsProvider(selector: DocumentSelector, provider: CodeActionProvider,
                                         metadata?: CodeActionProviderMetadata): Disposable;
    function registerHoverProvider(selector: DocumentSelector, provider: HoverProvider): Disposable;
    function registerDocumentFormattingEditProvider(selector: DocumentSelector, provider: DocumentFormattingEditProvider): Disposable;
  }
  export namespace window {
    let activeTextEditor: TextEditor | undefined;
    function showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
    function showWarningMessage(message: string, ...items: string[]): Thenable<string | undefined>;
    function showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
    function setStatusBarMessage(text: string, hideAfterTimeout: number): Disposable;
    function createOutputChannel(name: string): OutputChannel;
  }
  export namespace commands {
    function registerCommand(command: string, callback: (...args: any[]) => any, thisArg?: any): Disposable;
    function executeCommand<T = unknown>(command: string, ...rest: any[]): Thenable<T>;
  }
}
