// The `payload` global (runtime/lib/wippy/payload.ts): values with a format. Payload objects themselves are typed in
// core.d.ts (msg:payload() returns one).

declare namespace Moonforge {
  /** @noSelf */
  interface PayloadLib {
    /** A `lua/any` payload of `value` (`golang/error` for an error value). */
    "new"<T>(value: T): Payload<T>;
    readonly format: {
      readonly JSON: "json/plain";
      readonly YAML: "yaml/plain";
      readonly STRING: "text/plain";
      readonly BYTES: "application/octet-stream";
      readonly MSGPACK: "application/msgpack";
      readonly LUA: "lua/any";
      readonly GOLANG: "golang/any";
      readonly ERROR: "golang/error";
    };
  }
}

declare const payload: Moonforge.PayloadLib;
