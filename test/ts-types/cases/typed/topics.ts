// The app's message contracts, by declaration merging.
declare global {
  namespace Moonforge {
    interface Topics {
      ping: { round: number; reply_to: Pid };
      pong: { round: number };
      stop: undefined;
      with_callback: { done: () => void };
      with_channel: { replies: Channel<number> };
      with_list: { items: string[]; tags: LuaTable<string, boolean> };
    }
  }
}
export {};
