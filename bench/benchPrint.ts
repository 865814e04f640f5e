import { startGuest, type BuildArtifact, type BuildClient } from '../src/index';

/** A command-like guest: `run(n, print)` writes n lines ("line 00001"…), or, print = 0, asks check-write n times instead. */
const WIT = `package local:print-bench;
world print-bench {
  import wasi:cli/stdout@0.2.2;
  export run: func(n: u32, print: u32) -> u32;
}`;

const WAT = `(module
  (import "wasi:cli/stdout@0.2.2" "get-stdout" (func $get_stdout (result i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.blocking-write-and-flush" (func $write (param i32 i32 i32 i32)))
  (import "wasi:io/streams@0.2.2" "[method]output-stream.check-write" (func $check (param i32 i32)))
  (import "wasi:io/streams@0.2.2" "[resource-drop]output-stream" (func $drop_out (param i32)))
  (memory (export "memory") 1)
  (func (export "run") (param $n i32) (param $print i32) (result i32)
    (local $i i32) (local $d i32) (local $v i32) (local $out i32)
    (i32.store (i32.const 2048) (i32.const 0x656e696c)) ;; "line"
    (i32.store8 (i32.const 2052) (i32.const 32))
    (i32.store8 (i32.const 2058) (i32.const 10))
    (local.set $out (call $get_stdout))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $v (local.get $i))
      (local.set $d (i32.const 9))
      (loop $digit
        (i32.store8 (i32.add (i32.const 2048) (local.get $d)) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (local.set $d (i32.sub (local.get $d) (i32.const 1)))
        (br_if $digit (i32.ge_u (local.get $d) (i32.const 5))))
      (if (local.get $print)
        (then (call $write (local.get $out) (i32.const 2048) (i32.const 11) (i32.const 1000)))
        (else (call $check (local.get $out) (i32.const 1024))))
      (br $next)))
    (call $drop_out (local.get $out))
    (local.get $i)))`;

/**
 * What a printed line costs a guest that prints without yielding (the run worker's stdout
 * sink, the log coalescer and its tail: createLogCoalescer.ts, createLogTail.ts): the call's
 * time in the worker per line, against the same loop asking `check-write` (a host call that
 * prints nothing); and the page's wall time per line from the start until the result and
 * every line arrived (what a user waits, the Console aside), against the same for check-write.
 */
export async function benchPrint(client: BuildClient, n = 20_000, rounds = 5) {
  const built = await client.build(WIT, { lang: 'wat', source: WAT }, { slot: 'bench-print' });
  if (built.status !== 'built') throw new Error(`bench guest failed to build: ${JSON.stringify(built)}`);
  await runPrinting(built.artifact, 1000, 1);
  await runPrinting(built.artifact, 1000, 0);
  const printing: number[] = [];
  const asking: number[] = [];
  const wallPrinting: number[] = [];
  const wallAsking: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const print of r % 2 ? [0, 1] : [1, 0]) {
      const { ms, wallMs } = await runPrinting(built.artifact, n, print);
      (print ? printing : asking).push((ms / n) * 1000);
      (print ? wallPrinting : wallAsking).push((wallMs / n) * 1000);
    }
  }
  return [
    {
      id: 'print.perLine',
      title: `A guest printing ${n} lines without yielding (one blocking-write-and-flush each) vs the same loop calling check-write (µs per line, the call's time in the run worker)`,
      unit: 'µs/line',
      guest: printing,
      baseline: asking,
      baselineName: 'check-write per line',
      ratio: 'guest/baseline',
    },
    {
      id: 'print.wallPerLine',
      title: `The same ${n} lines on the page: wall time from the start until the result and every line arrived, per line, vs the check-write loop's (µs per line)`,
      unit: 'µs/line',
      guest: wallPrinting,
      baseline: wallAsking,
      baselineName: 'check-write per line',
      ratio: 'guest/baseline',
    },
  ];
}

/** Runs `run(n, print)`; resolves with the call's ms (worker) and the page's ms until the result and every line arrived. */
function runPrinting(artifact: BuildArtifact, n: number, print: number): Promise<{ ms: number; wallMs: number }> {
  let ms = 0;
  let lines = 0;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const h = startGuest(
      artifact,
      { config: { guest: 'bench', namespace: 'bench-print', subscriptions: [], buckets: [] }, call: { name: 'run', args: [n, print] }, timeLimitMs: 120_000 },
      {
        onLog: (_s, text) => void (lines += text.split('\n').filter(Boolean).length),
        onResult: (_n, _v, t) => void (ms = t),
        onTrap: (m) => reject(new Error(m)),
      },
    );
    void h.settled.then(() => (lines === n * print ? resolve({ ms, wallMs: performance.now() - t0 }) : reject(new Error(`${lines} lines shown, expected ${n * print}`))));
  });
}
