/**
 * The only commands Rocket runs on a server: fixed templates whose parameters
 * are quoted when the line is built (see shellLine). A caller names a
 * template; it never passes a command line.
 */
export const remoteCommands = {
  /** Proves the connection works and tells the kernel. */
  hostname: () => ['uname', '-n'],
  /** The kernel's hostname on the first line, /etc/os-release after it: one connection for a check. */
  identify: () => ['sh', '-c', 'uname -n && cat /etc/os-release'],
  /** Prints a text as it is: used to show that no argument reaches a shell unquoted. */
  echo: (text: string) => ['printf', '%s', text],
  /** Waits: used by the timeout tests. */
  sleep: (seconds: number) => ['sleep', String(Math.max(0, Math.floor(seconds)))],
  /** Prints N bytes: used by the output-cap tests. */
  printBytes: (bytes: number) => ['head', '-c', String(Math.max(0, Math.floor(bytes))), '/dev/zero'],
} as const;

export type RemoteCommandName = keyof typeof remoteCommands;
