// The parts of Node's API extension.js and client.js use (the real declarations are @types/node, see jsconfig.json).
declare module 'fs' {
  export function existsSync(path: string): boolean;
}
declare module 'path' {
  export function join(...paths: string[]): string;
}
declare module 'child_process' {
  interface Readable { on(event: 'data', listener: (chunk: Buffer) => void): this }
  interface Writable {
    readonly writable: boolean;
    write(chunk: Buffer | string): boolean;
    on(event: 'error', listener: (error: Error) => void): this;
  }
  export interface ChildProcess {
    readonly stdin: Writable | null;
    readonly stdout: Readable | null;
    readonly stderr: Readable | null;
    readonly exitCode: number | null;
    readonly signalCode: string | null;
    kill(signal?: string): boolean;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'exit', listener: (code: number | null, signal: string | null) => void): this;
    once(event: 'exit', listener: (code: number | null, signal: string | null) => void): this;
  }
  export function spawn(command: string, args: readonly string[], options: { stdio: string[]; cwd?: string }): ChildProcess;
}
declare namespace NodeJS { interface Timeout { ref(): this; unref(): this } }
declare function setTimeout(callback: (...args: any[]) => void, ms?: number): NodeJS.Timeout;
declare function clearTimeout(timeout: NodeJS.Timeout | undefined): void;
declare var Buffer: {
  alloc(size: number): Buffer;
  from(data: string, encoding?: string): Buffer;
  concat(list: readonly Uint8Array[]): Buffer;
};
interface Buffer extends Uint8Array {
  indexOf(value: string | number, byteOffset?: number): number;
  subarray(start?: number, end?: number): Buffer;
  toString(encoding?: string): string;
}
declare var __dirname: string;
declare var process: { readonly platform: string; readonly arch: string; readonly pid: number };
