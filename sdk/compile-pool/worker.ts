// A compile worker of the pool (pool.ts): compiles each job it is sent and answers with its id. A compiler exception
// goes back as its message and stack, for the main thread to throw where the in-thread compile would have.
import { parentPort, threadId } from 'node:worker_threads';
import { compile } from '../../compiler/index.js';
import { runCompileJob, type CompileJob, type CompileResult } from './job.js';

export interface JobMessage {
  id: number;
  job: CompileJob;
}

export type ReplyMessage = { id: number; result: CompileResult } | { id: number; thrown: { message: string; stack?: string } };

const tag = `${process.pid}-${threadId}`;

parentPort!.on('message', ({ id, job }: JobMessage) => {
  let reply: ReplyMessage;
  try {
    reply = { id, result: runCompileJob(compile, job, tag) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id, thrown: { message: err.message, stack: err.stack } };
  }
  parentPort!.postMessage(reply);
});
