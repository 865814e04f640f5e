// A JavaScript guest is an ES module. The world exports `run`, so the module
// exports a function named `run`; a WIT `string` is a JavaScript string.
export function run() {
  console.log('hello from a component');
  return 'hello, wasi';
}
