/**
 * The only commands Rocket runs on a server: fixed templates whose parameters
 * are quoted when the line is built (see shellLine). A caller names a
 * template; it never passes a command line.
 */
export const remoteCommands = {
  /** The kernel's hostname on the first line, /etc/os-release after it: one connection for a check. */
  identify: () => ['sh', '-c', 'uname -n && cat /etc/os-release'],
} as const;
