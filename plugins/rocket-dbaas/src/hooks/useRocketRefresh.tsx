import { useSignal } from '@backstage/plugin-signals-react';
import { ROCKET_SIGNAL_CHANNEL } from '@internal/plugin-rocket-dbaas-common';
import { createContext, DependencyList, PropsWithChildren, useContext, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** How often pages refetch when no signal arrives, while the tab is visible. */
export const POLL_INTERVAL_MS = 30_000;

type RefreshState = { paused: boolean; setPaused(paused: boolean): void; tick: number };

const RefreshContext = createContext<RefreshState>({ paused: false, setPaused: () => {}, tick: 0 });

/**
 * Drives the background refresh of Rocket's pages: a change signal on the
 * rocket-dbaas channel refreshes at once, a poll every 30 s covers lost
 * signals while the tab is visible, and the user may pause both.
 */
export function RocketRefreshProvider({ children }: PropsWithChildren<{}>) {
  const [paused, setPaused] = useState(false);
  const [tick, setTick] = useState(0);
  const { lastSignal } = useSignal(ROCKET_SIGNAL_CHANNEL);

  useEffect(() => {
    if (lastSignal && !paused) setTick(t => t + 1);
  }, [lastSignal, paused]);

  useEffect(() => {
    if (paused) return undefined;
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => visible() && setTick(t => t + 1), POLL_INTERVAL_MS);
    const onVisibility = () => visible() && setTick(t => t + 1);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [paused]);

  return <RefreshContext.Provider value={{ paused, setPaused, tick }}>{children}</RefreshContext.Provider>;
}

export function useRocketRefresh(): RefreshState {
  return useContext(RefreshContext);
}

/**
 * Loads data and loads it again on every refresh; the previous value stays on
 * screen while the new one loads.
 */
export function useRocketData<T>(load: () => Promise<T>, deps: DependencyList) {
  const { tick } = useRocketRefresh();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(load, [...deps, tick]);
}
