/** A tiny listener set whose emit never lets one failing listener break the others or the emitter. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const l of [...this.set]) {
      try {
        l(value);
      } catch (e) {
        process.stderr.write(`sitwell: a listener failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
