// Starts the server under the name "kv", stores a few keys, reads them back, deletes one, and checks the size.
import * as kv from "./kv";

export function main(): string {
  process.with_options({}).with_name("kv").spawn_linked("app:server", "app:processes");
  for (const [i, fruit] of ["apple", "banana", "cherry"].entries()) {
    const [r] = kv.call("kv", "put", fruit, (i + 1) * 10);
    assert(r?.ok);
  }
  for (const fruit of ["apple", "cherry", "durian"]) {
    const [r] = kv.call("kv", "get", fruit);
    print(`get ${fruit} -> ${r?.ok ? tostring(r.value) : "missing"}`);
  }
  print("delete banana ->", kv.call("kv", "delete", "banana")[0]?.ok);
  print("size ->", kv.call("kv", "size")[0]?.value);
  // The server answers an op it does not know with an error; the type checker refuses it first:
  // @ts-expect-error "frobnicate" is not a KvOp
  const [bad] = kv.call("kv", "frobnicate");
  print("frobnicate ->", bad?.ok, bad?.error);
  process.cancel("kv", "client done");
  return "ok";
}
