// Modules come in by import; without one, the name does not exist (the globals do).
export function noImport(): void {
  // @ts-expect-error TS2304 time is a module: import * as time from "time"
  time.now();
  // @ts-expect-error TS2552 json is a module (TypeScript suggests JSON)
  json.encode({});
  process.pid();
  channel.new<number>(1);
  errors.new("x");
  payload.new(1);
  coroutine.spawn(() => print(os.platform));
}
