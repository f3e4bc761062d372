// Noticing that nothing is left to run. A test blocked for good (waiting on a message nobody sends) with no timeout
// (--timeout 0) leaves Node's event loop empty: Node would end quietly with exit code 0, a false pass. 'beforeExit'
// tells when the loop empties: the calls waiting then can never end.
export class IdleWatch {
  private readonly waiting = new Set<() => void>();
  private readonly onIdle = (): void => {
    const w = [...this.waiting];
    this.waiting.clear();
    w.forEach((f) => f());
  };

  constructor() {
    process.on('beforeExit', this.onIdle);
  }

  /** `p`'s value, or `stuck` if the event loop empties before `p` settles. */
  orStuck<T>(p: Promise<T>, stuck: T): Promise<T> {
    return new Promise((resolve, reject) => {
      const onIdle = (): void => resolve(stuck);
      this.waiting.add(onIdle);
      p.then(resolve, reject).finally(() => this.waiting.delete(onIdle));
    });
  }

  close(): void {
    process.off('beforeExit', this.onIdle);
  }
}
