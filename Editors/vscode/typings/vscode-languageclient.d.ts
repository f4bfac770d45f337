// The subset of vscode-languageclient 9 (its `node` entry point) that extension.js uses, with the same shapes;
// see typings/vscode.d.ts for why.
declare module 'vscode-languageclient/node' {
  import type { Disposable, FileSystemWatcher } from 'vscode';
  export enum TransportKind { stdio = 0, ipc = 1, pipe = 2, socket = 3 }
  export interface Executable { command: string; args?: string[]; transport?: TransportKind; options?: { cwd?: string; env?: any } }
  export type ServerOptions = Executable | { run: Executable; debug: Executable };
  export interface DocumentFilter { language?: string; scheme?: string; pattern?: string }
  export type DocumentSelector = (string | DocumentFilter)[];
  export interface ConfigurationItem { scopeUri?: string; section?: string }
  export interface ConfigurationParams { items: ConfigurationItem[] }
  export interface CancellationToken { readonly isCancellationRequested: boolean }
  export class ResponseError<D = void> extends Error { readonly code: number; readonly data: D | undefined }
  export type HandlerResult<R, E> = R | ResponseError<E> | PromiseLike<R> | PromiseLike<ResponseError<E>> | PromiseLike<R | ResponseError<E>>;
  export type ConfigurationHandlerSignature = (params: ConfigurationParams, token: CancellationToken) => HandlerResult<any[], void>;
  export interface Middleware {
    workspace?: {
      configuration?: (this: void, params: ConfigurationParams, token: CancellationToken,
                       next: ConfigurationHandlerSignature) => HandlerResult<any[], void>;
    };
  }
  export interface LanguageClientOptions {
    documentSelector?: DocumentSelector | string[];
    initializationOptions?: any | (() => any);
    synchronize?: { configurationSection?: string | string[]; fileEvents?: FileSystemWatcher | FileSystemWatcher[] };
    outputChannelName?: string;
    middleware?: Middleware;
  }
  export class LanguageClient implements Disposable {
    constructor(id: string, name: string, serverOptions: ServerOptions, clientOptions: LanguageClientOptions, forceDebug?: boolean);
    start(): Promise<void>;
    stop(timeout?: number): Promise<void>;
    dispose(timeout?: number): Promise<void>;
    sendNotification(method: string, params?: any): Promise<void>;
  }
}
