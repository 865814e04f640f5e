/** Package ids as WIT writes them: `namespace:name@version`. */
const PACKAGE_ID = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*@[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/;

/** Why `id` can't key a custom host, or undefined when it can. */
export function validatePackageId(id: string): string | undefined {
  if (!PACKAGE_ID.test(id)) return `"${id}" is not a versioned WIT package id like proposal:kv-ttl@0.1.0`;
  return undefined;
}

/** Starter module for a new custom host of package `id`. */
export function hostTemplate(id: string): string {
  return `// Host for ${id}. Runs in the host-code sandbox (no storage, no network); declare the package in your WIT
// (a nested \`package ${id} { interface my-iface { ... } }\`) and import its interfaces.
// create(ctx) returns one object per interface (kebab-case name as key). Functions are
// camelCase; resources are classes; option<T> = T | undefined; list<u8> = Uint8Array;
// u64 = bigint. Throw new HostError(payload) to return err(payload). A function may be
// async: the guest waits for the Promise (JSPI).
export default {
  description: 'My proposal',
  create(ctx) {
    return {
      'my-iface': {
        hello(name) {
          ctx.log('stdout', \`host says hello to \${name}\\n\`);
          return name.length;
        },
      },
    };
  },
};
`;
}

/**
 * The quick check before Run that needs no evaluation: the module must have a default
 * export. Syntax is checked by loading the module in the host-code sandbox
 * (`useHostCodeCheck`): the page never compiles host code itself (its CSP forbids eval).
 */
export function checkHostShape(source: string): string | undefined {
  if (/^\s*import\s/m.test(source)) return undefined;
  if (!/\bexport\s+default\b/.test(source)) return 'the module needs `export default { create(ctx) { ... } }`';
  return undefined;
}
