/** Types of scripts/build-browser.mjs (for the browser test). */
export declare const DEFAULT_ENTRY: string;
export declare const DEFAULT_OUT: string;
export interface FastBundle {
  /** The minified ESM bundle. */
  readonly code: string;
  /** Its size in bytes, raw and gzipped (zlib level 9). */
  readonly raw: number;
  readonly gzip: number;
  /** The modules bundled (paths relative to the working directory). */
  readonly inputs: string[];
}
export declare function bundleFast(options?: { entry?: string }): Promise<FastBundle>;
