/** A change counter readers can block on: the registry's index and its long-poll watch. */
export class ChangeSignal {
  #index: number;
  #waiters = new Set<() => void>();

  constructor(startIndex = 1) {
    this.#index = startIndex;
  }

  get index() {
    return this.#index;
  }

  changed(): void {
    this.#index++;
    for (const w of this.#waiters) w();
    this.#waiters.clear();
  }

  /** Resolves once the index passes afterIndex, or after waitMs. */
  wait(afterIndex: number, waitMs: number): Promise<void> {
    if (this.#index > afterIndex) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.#waiters.add(done);
    });
  }

  /** Lets every waiter go. */
  close(): void {
    for (const w of this.#waiters) w();
    this.#waiters.clear();
  }
}
