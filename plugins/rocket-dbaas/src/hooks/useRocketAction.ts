import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { errorMessage } from '../api/errorMessage';

/** Runs a user's action and reports its failure (or success) in the app's alert bar. */
export function useRocketAction() {
  const alertApi = useApi(alertApiRef);
  return useCallback(
    async (action: () => Promise<unknown>, success?: string) => {
      try {
        await action();
        if (success) alertApi.post({ message: success, severity: 'success', display: 'transient' });
      } catch (error) {
        alertApi.post({ message: errorMessage(error), severity: 'error' });
      }
    },
    [alertApi],
  );
}
