// Test cases and suites for the runner's unit tests, without an app.
import type { Suite, TestCase } from '../../sdk/test-runner/model.js';

/** A test case `id` ("ns:name") with the given suite and order. */
export function testCase(id: string, suite = 'other', order = 0): TestCase {
  const i = id.lastIndexOf(':');
  return { id, namespace: id.slice(0, i), name: id.slice(i + 1), suite, order, file: 'src/_index.yaml', line: 1 };
}

export function suite(name: string, ids: string[]): Suite {
  return { name, tests: ids.map((id) => testCase(id, name)) };
}
