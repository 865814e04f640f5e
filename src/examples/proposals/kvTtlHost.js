// Host for proposal:kv-ttl@0.1.0, written in the playground. It runs inside the guest's
// run worker: create(ctx) is called once per run and returns one import object per
// interface of the package ("ttl", "testing"), functions in camelCase.
// ctx.log(stream, text) writes to the console; ctx.config.guest names the guest;
// throw new HostError(payload) to return err(payload) from a result<_, E> function.
export default {
  description: 'Key-value entries that expire (user-written host)',
  create(ctx) {
    // Kept in memory for the run; a real host would persist (see the built-in keyvalue host).
    const entries = new Map(); // key -> { value, expiresAt }
    return {
      ttl: {
        setWithTtl(key, value, ttlMs) {
          entries.set(key, { value, expiresAt: Date.now() + ttlMs });
        },
        get(key) {
          const entry = entries.get(key);
          if (!entry) return undefined; // option<T>: undefined is none
          if (Date.now() >= entry.expiresAt) {
            entries.delete(key);
            ctx.log('stdout', `[kv-ttl host] "${key}" expired\n`);
            return undefined;
          }
          return entry.value;
        },
      },
      testing: {
        // Returning a Promise suspends the guest (JSPI) until it resolves.
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
    };
  },
};
