// The key-value protocol as typed topics: a request names the topic its reply goes to, one of the `kv.reply.N`
// topics, and process.send checks each side's payload against these declarations.

type KvOp = "put" | "get" | "delete" | "size";
type KvReplyTopic = `kv.reply.${number}`;

interface KvRequest {
  op: KvOp;
  key?: string;
  value?: number;
  reply: KvReplyTopic;
}

interface KvReply {
  ok: boolean;
  value?: number;
  error?: string;
}

declare namespace Moonforge {
  interface Topics {
    request: KvRequest;
    [reply: KvReplyTopic]: KvReply; // the reply topics a request names
  }
}
