/** The package version, inlined by esbuild (`define`). */
declare const WHYS_VERSION: string | undefined;
