// The modules a runtime offers to `modules:` lists and `require`, by name. A module may be given made, or as the
// function that makes it, called at the first lookup of its name: a runtime offers every platform module, an app
// lists a few, and making the others (their tables, stores, registries) was start-up time spent for nothing. A module
// is still made once per runtime and shared by the processes that list it, so the isolation rules of its value are
// those of a module made at start (module-host.ts).
import type { LuaTable } from '../core/table.js';
import type { LuaUserdata } from '../core/value.js';

export type ModuleValue = LuaTable | LuaUserdata;

export class ModuleTable {
  private readonly made = new Map<string, ModuleValue>();
  private readonly makers = new Map<string, () => ModuleValue>();

  /** Offers `value` under `name` (replacing what was offered). */
  set(name: string, value: ModuleValue): void {
    this.makers.delete(name);
    this.made.set(name, value);
  }

  /** Offers the module `make` returns under `name`, made at the first lookup. */
  provide(name: string, make: () => ModuleValue): void {
    this.made.delete(name);
    this.makers.set(name, make);
  }

  /** The module offered under `name`, made now if it has not been; undefined when none is. */
  get(name: string): ModuleValue | undefined {
    const value = this.made.get(name);
    if (value !== undefined) return value;
    const make = this.makers.get(name);
    if (make === undefined) return undefined;
    const madeNow = make();
    this.makers.delete(name);
    this.made.set(name, madeNow);
    return madeNow;
  }

  has(name: string): boolean {
    return this.made.has(name) || this.makers.has(name);
  }

  /** Every name offered, without making anything. */
  keys(): IterableIterator<string> {
    return [...this.made.keys(), ...this.makers.keys()][Symbol.iterator]();
  }

  /** Every module with its name: makes those not made yet. */
  *[Symbol.iterator](): IterableIterator<[string, ModuleValue]> {
    for (const name of [...this.keys()]) yield [name, this.get(name)!];
  }
}
