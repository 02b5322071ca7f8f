/** The part of pako 1.0 (JSZip's inflater; its inflate half only) that inflate.ts uses: pako ships no types. */
declare module 'pako/lib/inflate' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, mode?: boolean | number): boolean;
    readonly err: number;
    readonly msg: string;
  }
}
