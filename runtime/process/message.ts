// Message and Payload objects (Wippy spec §2.2): what `process.inbox()` and `listen(topic, {message = true})` deliver.
// msg:topic(), msg:from() ("" when the sender is unknown), msg:payload() (a Payload for one value, nil for none, an
// array of Payloads for several); payload:data() unwraps.
import { LuaTable, tableFromArray } from '../core/table.js';
import { LuaUserdata } from '../core/value.js';
import { ret1 } from '../core/results.js';
import { luaError } from '../core/errors.js';

export class Payload extends LuaUserdata {
  constructor(readonly value: unknown) {
    super(PAYLOAD_META);
  }
}

export class Message extends LuaUserdata {
  private payloadObj: unknown = undefined;
  constructor(
    readonly topic: string,
    readonly from: string,
    readonly payloads: unknown[],
  ) {
    super(MESSAGE_META);
  }

  payload(): unknown {
    if (this.payloadObj !== undefined) return this.payloadObj;
    const p = this.payloads;
    this.payloadObj =
      p.length === 0 ? undefined : p.length === 1 ? new Payload(p[0]) : tableFromArray(p.map((v) => new Payload(v)));
    return this.payloadObj;
  }
}

function check<T>(v: unknown, cls: new (...a: never[]) => T, what: string, fname: string): T {
  if (v instanceof cls) return v;
  throw luaError(`bad argument #1 to '${fname}' (${what} expected)`);
}

const payloadMethods = new LuaTable();
payloadMethods.data = (p: unknown) => ret1(check(p, Payload, 'payload', 'data').value);
export const PAYLOAD_META = new LuaTable();
PAYLOAD_META.__index = payloadMethods;
PAYLOAD_META.__tostring = () => ret1('payload.Payload');

const messageMethods = new LuaTable();
messageMethods.topic = (m: unknown) => ret1(check(m, Message, 'message', 'topic').topic);
messageMethods.from = (m: unknown) => ret1(check(m, Message, 'message', 'from').from);
messageMethods.payload = (m: unknown) => ret1(check(m, Message, 'message', 'payload').payload());
export const MESSAGE_META = new LuaTable();
MESSAGE_META.__index = messageMethods;
MESSAGE_META.__tostring = (m: unknown) => ret1(`process.Message{topic=${(m as Message).topic}}`);

/** A listener without `{message = true}` gets the raw value: nil, the one payload, or an array of them. */
export function rawPayload(payloads: unknown[]): unknown {
  return payloads.length === 0 ? undefined : payloads.length === 1 ? payloads[0] : tableFromArray([...payloads]);
}
