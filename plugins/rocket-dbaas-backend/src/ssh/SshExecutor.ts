/** Where and as whom to connect, with the host key Rocket pinned for the server. */
export type SshTarget = {
  hostname: string;
  address: string;
  port: number;
  username: string;
  /** The pinned fingerprint (SHA256:...); null until the server is enrolled. */
  hostKeyFingerprint: string | null;
};

export type CommandResult = {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** True when the output passed the cap and the rest was dropped. */
  truncated: boolean;
  /** True when the command ran past its timeout and was killed, on the server too. */
  timedOut: boolean;
};

/** A host key as a server presented it. */
export type PresentedHostKey = { fingerprint: string; publicKey: string };

export type RunOptions = { timeoutSeconds?: number; maxOutputBytes?: number };

/** Raised when a server's host key is not the pinned one, or none is pinned. */
export class HostKeyRefusedError extends Error {
  readonly name = 'HostKeyRefusedError';
  constructor(
    readonly hostname: string,
    readonly expected: string | null,
    readonly presented: string,
  ) {
    super(
      expected
        ? `Host key of ${hostname} is ${presented}, not the pinned ${expected}: connection refused, nothing was run`
        : `${hostname} has no pinned host key (it presented ${presented}); enrol it first: connection refused, nothing was run`,
    );
  }
}

/** Runs Rocket's fixed remote commands over SSH, with pinned host keys. */
export interface SshExecutor {
  /** Connects once, accepts and returns the presented host key: the enrolment step. */
  enrol(target: Omit<SshTarget, 'hostKeyFingerprint'>): Promise<PresentedHostKey>;
  /** Runs one command; refuses (HostKeyRefusedError) unless the host key matches the pinned one. */
  run(target: SshTarget, command: string[], options?: RunOptions): Promise<CommandResult>;
}
