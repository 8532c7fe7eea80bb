/**
 * Quotes one argument for a POSIX shell: everything inside single quotes is
 * literal, and a single quote is written as '\''. No input can end the quoting.
 */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('An argument to a remote command may not contain a NUL byte');
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Joins a command and its arguments into one shell line, every word quoted. */
export function shellLine(words: string[]): string {
  return words.map(shellQuote).join(' ');
}
