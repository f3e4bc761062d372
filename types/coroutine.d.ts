// Wippy's coroutine.spawn, merged into lua-types' `coroutine` namespace.

/** @noSelf */
declare namespace coroutine {
  /**
   * Runs `fn` as another task of this process (it shares the process's globals and mailbox), queued ahead of the
   * caller's continuation. An error raised in it fails the process.
   */
  function spawn(fn: (this: void) => void): void;
}
