// Lists the Lua corpus under test/lua/<topic>/*.lua as repo-relative paths, honouring MOONFORGE_DIFF_FILTER.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.js';

export const CORPUS_DIR = 'test/lua';
/** Programs in this topic must end in an uncaught error; every other program must exit 0. */
export const FAIL_TOPIC = 'fail';

export interface CorpusFile {
  topic: string;
  /** repo-relative, forward slashes, e.g. test/lua/closures/loop_capture.lua */
  path: string;
}

export function listCorpus(filter: string | undefined = process.env.MOONFORGE_DIFF_FILTER): CorpusFile[] {
  const root = join(REPO_ROOT, CORPUS_DIR);
  const out: CorpusFile[] = [];
  for (const topic of readdirSync(root).sort()) {
    if (!statSync(join(root, topic)).isDirectory()) continue;
    for (const name of readdirSync(join(root, topic)).sort()) {
      if (!name.endsWith('.lua')) continue;
      const path = `${CORPUS_DIR}/${topic}/${name}`;
      if (filter && !path.includes(filter)) continue;
      out.push({ topic, path });
    }
  }
  return out;
}

/** Groups files by topic, in sorted order, for describe.each. */
export function corpusByTopic(files: CorpusFile[]): Array<[string, CorpusFile[]]> {
  const m = new Map<string, CorpusFile[]>();
  for (const f of files) {
    const list = m.get(f.topic) ?? [];
    list.push(f);
    m.set(f.topic, list);
  }
  return [...m.entries()];
}
