// The app's message contracts, by declaration merging.

/** A class whose instances carry a method: the copy another process gets has no class. */
export class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
  norm(): number {
    return math.sqrt(this.x * this.x + this.y * this.y);
  }
}

declare global {
  namespace Moonforge {
    interface Topics {
      ping: { round: number; reply_to: Pid };
      pong: { round: number };
      stop: undefined;
      with_callback: { done: () => void };
      with_channel: { replies: Channel<number> };
      with_list: { items: string[]; tags: LuaTable<string, boolean> };
      with_instance: { at: Point };
      with_payload: { body: Payload<string>; failure?: WippyError };
    }
  }
}
