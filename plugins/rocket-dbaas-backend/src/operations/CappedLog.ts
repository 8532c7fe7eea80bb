/** An operation's log, kept to a size: past the cap, the oldest text goes and a marker says so. */
export class CappedLog {
  private text = '';
  private dropped = 0;
  constructor(private readonly cap: number) {}

  append(chunk: string) {
    this.text += chunk;
    if (this.text.length > this.cap) {
      this.dropped += this.text.length - this.cap;
      this.text = this.text.slice(this.text.length - this.cap);
    }
  }

  toString() {
    return this.dropped ? `[rocket: the first ${this.dropped} characters of this log were cut]\n${this.text}` : this.text;
  }
}
