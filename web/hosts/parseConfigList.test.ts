import { describe, expect, it } from 'vitest';
import { validatePattern } from '../../src/index';
import { importedPackages, parseConfigList, validateBucketName } from './parseConfigList';

describe('parseConfigList', () => {
  it('keeps valid subscription patterns and reports bad lines by number', () => {
    const r = parseConfigList('orders.*\n\n  queue:jobs  \na.>.b\norders.*\n.x', validatePattern);
    expect(r.values).toEqual(['orders.*', 'queue:jobs']);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(r.errors[0].message).toMatch(/only allowed as the last segment/);
    expect(r.errors[1].message).toMatch(/listed twice/);
    expect(r.errors[2].message).toMatch(/empty segment/);
  });

  it('checks bucket names', () => {
    expect(parseConfigList('counters\nmy bucket', validateBucketName).errors).toEqual([{ line: 2, message: 'bucket "my bucket" contains whitespace' }]);
  });

  it('finds imported packages with and without versions', () => {
    const wit = 'world app {\n  import wasi:keyvalue/store@0.2.0-draft2;\n  import wasi:messaging/producer@0.2.0-draft;\n  import local:x/y;\n  export run: func();\n}';
    expect([...importedPackages(wit)]).toEqual(['wasi:keyvalue@0.2.0-draft2', 'wasi:messaging@0.2.0-draft', 'local:x']);
  });
});
