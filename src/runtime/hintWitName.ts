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
  const owner = names.find((n) => n.methods?.some((m) => m.name === name));
  const receiver = called?.[1];
  if (receiver && fn) return `\`${name}\` is a function of \`${fn.from}\`, not a method: import { ${name} } from '${fn.from}' and call ${name}(${receiver}, …).`;
  if (owner) return `\`${name}\` is a method of the resource \`${owner.name}\` (\`${owner.from}\`)${receiver ? `, and \`${receiver}\` is no ${owner.name}` : ', not a function'}: call it on a ${owner.name}, as in \`value.${name}(…)\`.`;
  const imported = missing && names.find((n) => n.name === name);
  if (imported) return `\`${name}\` is not imported: add import { ${name} } from '${imported.from}'.`;
  return undefined;
}

/** The bindings' frame the guest called: a freestanding import, or a resource method by its name. */
const IMPORT_FRAME = /^\s*import_\S*?\$([\w$]+)@\/initializer\.js:/;
const METHOD_FRAME = /^\s*([\w$]+)@\/initializer\.js:/;
/**
 * How the engine's bindings (and SpiderMonkey under them) word a JavaScript value that does not
 * convert to the WIT parameter type: "expected a string, received [number]", "invalid BigInt
 * syntax", "can't convert undefined to BigInt", "invalid u8 value [300]", and for a list of
 * numbers given a string or a number, guardListArguments' "expected a Uint8Array … for a
 * list<u8>". An error the host returned is thrown from the same frame, worded otherwise.
 */
const CONVERSION = /expected an? |BigInt|convert|source array|out of range|not a valid|invalid \w+ value/i;

/** What a JavaScript value must be for the WIT types in `params`. */
function conversions(params: string): string[] {
  const say: string[] = [];
  if (/\blist<u8>/.test(params)) say.push('a `list<u8>` takes a Uint8Array (new TextEncoder().encode(text) for text)');
  if (/\b[su]64\b/.test(params)) say.push('an `s64` or `u64` takes a BigInt, such as 1n');
  if (/\bstring\b/.test(params)) say.push('a `string` takes a string');
  return say;
}

/**
 * Which WIT function a JavaScript guest was calling when its arguments failed to convert, with
 * its parameters and what each kind of value must be in JavaScript: "invalid BigInt syntax"
 * alone says neither which call nor which parameter. `callee` is the stack frame right above
 * the guest's own (the binding it called). Undefined for other exceptions, or a call the
 * world's names do not tell apart.
 */
export function hintWitCall(exception: string, callee: string | undefined, names: readonly JsImportName[]): string | undefined {
  if (!callee || !CONVERSION.test(exception)) return undefined;
  const free = IMPORT_FRAME.exec(callee)?.[1];
  let call: { name: string; params: string; of?: string; from: string } | undefined;
  if (free) {
    const fn = names.find((n) => !n.methods && n.name === free);
    if (fn) call = { name: free, params: fn.params ?? '', from: fn.from };
  } else {
    const method = METHOD_FRAME.exec(callee)?.[1];
    const owners = method ? names.filter((n) => n.methods?.some((m) => m.name === method)) : [];
    const owner = owners.length === 1 ? owners[0]! : undefined;
    const m = owner?.methods?.find((x) => x.name === method);
    if (owner && m) call = { name: m.name, params: m.params, of: owner.name, from: owner.from };
  }
  if (!call) return undefined;
  const say = conversions(call.params);
  return `In the call to \`${call.name}(${call.params})\`${call.of ? `, a method of \`${call.of}\`` : ''} (\`${call.from}\`), an argument is not what its WIT type takes${say.length ? `: ${say.join('; ')}` : ''}.`;
}
