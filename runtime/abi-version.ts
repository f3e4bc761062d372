// The version of the contract between compiled chunks and the runtime (the `rt` object a chunk's factory receives).
// Bump it whenever generated code would break against an older or newer runtime; it is part of the compile cache key.
export const ABI_VERSION = 1;
