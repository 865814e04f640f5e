// A JavaScript guest is an ES module. The world exports `run`, so the module
// exports a function named `run`; a WIT `string` is a JavaScript string.
export function run() {
  // TODO: print "hello from a component" (console.log writes to stdout)
  // and return "hello, wasi".
  return 'hello';
}
