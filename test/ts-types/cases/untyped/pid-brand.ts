// A Pid is branded: only the runtime makes one.
export function pids(name: string): void {
  // @ts-expect-error TS2322 a plain string is not a Pid
  const fake: Pid = "{app:processes|0x00001}";
  // @ts-expect-error TS2345 register takes a Pid, not a string
  process.registry.register("worker", name);
  const me: Pid = process.pid();
  process.registry.register("worker", me);
  const [found] = process.registry.lookup("worker");
  if (found !== undefined) process.send(found, "hello");
  // a registered name is a destination too
  process.send(name, "hello");
  print(fake);
}
