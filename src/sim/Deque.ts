/** A FIFO queue over an array with a moving head: O(1) push and shift, no per-operation allocation. */
export class Deque<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }
  push(x: T): void {
    this.items.push(x);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  at(i: number): T | undefined {
    return this.items[this.head + i];
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head++];
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  removeAt(i: number): T | undefined {
    if (i === 0) return this.shift();
    const [x] = this.items.splice(this.head + i, 1);
    return x;
  }
  insertAt(i: number, x: T): void {
    this.items.splice(this.head + i, 0, x);
  }
  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
