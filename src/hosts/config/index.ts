import type { HostContext, HostPackage, InterfaceImpl } from '../hostContract';

/**
 * `wasi:config/store`: answers from the values set for the guest in the Hosts tab
 * (HostConfig.config). The same interface ships as 0.2.0-draft (wasmCloud 1.x) and
 * 0.2.0-rc.1 (Wasmtime), so one implementation serves both package versions.
 */
function createConfigStore(ctx: HostContext): Record<string, InterfaceImpl> {
  const values = ctx.config.config ?? [];
  return {
    store: {
      get(key: string): string | undefined {
        // Later entries win, as when a later config source overrides an earlier one.
        for (let i = values.length - 1; i >= 0; i--) if (values[i]![0] === key) return values[i]![1];
        return undefined;
      },
      getAll(): [string, string][] {
        return values.map(([k, v]) => [k, v]);
      },
    },
  };
}

const description = 'Configuration values per guest (set in the Hosts tab): store.get, get-all';

/** wasi:config hosts, one per shipped version. */
export const configHosts: HostPackage[] = ['0.2.0-draft', '0.2.0-rc.1'].map((v) => ({ id: `wasi:config@${v}`, description, create: createConfigStore }));
