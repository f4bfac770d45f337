// The parts of Node's API extension.js uses (the real declarations are @types/node, see jsconfig.json).
declare module 'fs' {
  export function existsSync(path: string): boolean;
}
declare module 'path' {
  export function join(...paths: string[]): string;
}
declare var __dirname: string;
declare var process: { readonly platform: string; readonly arch: string };
