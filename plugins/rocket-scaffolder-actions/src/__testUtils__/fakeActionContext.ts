import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/** A stand-in for the scaffolder's action context: the parts the action uses, and a real checkpoint store. */
export function fakeActionContext(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean; checkpoints?: Map<string, unknown>; taskId?: string } = {},
) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  return {
    outputs,
    ctx: {
      input,
      isDryRun: options.isDryRun ?? false,
      task: { id: options.taskId ?? 'task-1' },
      logger: mockServices.logger.mock(),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      getInitiatorCredentials: async () => mockCredentials.user('user:default/guest'),
      checkpoint: async ({ key, fn }: { key: string; fn: () => Promise<unknown> }) => {
        if (!checkpoints.has(key)) checkpoints.set(key, await fn());
        return checkpoints.get(key);
      },
    } as any,
  };
}
