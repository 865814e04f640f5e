import type { JsImportName } from '../protocol/buildProtocol';

// SpiderMonkey's wording, with or without the error's name in front (StarlingMonkey prints both).
const NOT_A_FUNCTION = /^(?:TypeError: )?(?:([\w$.]+)\.)?([\w$]+) is not a function\b/;
const NOT_DEFINED = /^(?:ReferenceError: )?([\w$]+) is not defined\b/;

/**
 * What a JavaScript guest's exception says about a WIT name it called the wrong way, from
 * what its world's interfaces offer (`names`, BuildArtifact.jsImports): a freestanding
 * function called as a method (`bucket.increment(…)` for `increment(bucket, …)`), a resource's
 * method called as a function or on something else, a name used without its import. WIT puts
 * some operations on resources and others beside them (wasi:keyvalue's `get` is a method of
 * `bucket`, its `increment` a function of `atomics`), and the engine's message names neither.
 * Undefined when the exception is about something else.
 */
export function hintWitName(exception: string, names: readonly JsImportName[]): string | undefined {
  const called = NOT_A_FUNCTION.exec(exception);
  const missing = called ? undefined : NOT_DEFINED.exec(exception);
  const name = called?.[2] ?? missing?.[1];
  if (!name) return undefined;
  const fn = names.find((n) => !n.methods && n.name === name);
  const owner = names.find((n) => n.methods?.includes(name));
  const receiver = called?.[1];
  if (receiver && fn) return `\`${name}\` is a function of \`${fn.from}\`, not a method: import { ${name} } from '${fn.from}' and call ${name}(${receiver}, …).`;
  if (owner) return `\`${name}\` is a method of the resource \`${owner.name}\` (\`${owner.from}\`)${receiver ? `, and \`${receiver}\` is no ${owner.name}` : ', not a function'}: call it on a ${owner.name}, as in \`value.${name}(…)\`.`;
  const imported = missing && names.find((n) => n.name === name);
  if (imported) return `\`${name}\` is not imported: add import { ${name} } from '${imported.from}'.`;
  return undefined;
}
