// The selected process: what the tree shows of it, and what only /api/process/:pid has (its queued topics, its
// context, its last messages), fetched again each second while it stays selected. Terminate and
// cancel appear only when the server says control is on; the server checks them as it would Lua code's.
import { useEffect, useState } from 'preact/hooks';
import type { ProcessDetails } from '../api.js';
import { fetchProcess, postAction } from '../connection.js';
import { ago, rate, stateText } from '../format.js';
import { findProcess, processLabel, type InspectorState } from '../model.js';

function Pids(props: { pids: readonly string[] | undefined; state: InspectorState; onSelect: (pid: string) => void }) {
  if (!props.pids?.length) return <span class="muted">none</span>;
  return (
    <span>
      {props.pids.map((pid) => (
        <a key={pid} class="pid" href="#" onClick={(e) => { e.preventDefault(); props.onSelect(pid); }}>
          {processLabel(findProcess(props.state, pid), pid)}
        </a>
      ))}
    </span>
  );
}

export function DetailsPanel(props: {
  state: InspectorState;
  pid: string | null;
  inSequence: boolean;
  onSelect: (pid: string) => void;
  onToggleSequence: (pid: string) => void;
}) {
  const { state, pid } = props;
  const p = pid ? findProcess(state, pid) : undefined;
  const [details, setDetails] = useState<ProcessDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = pid !== null && state.processes.has(pid);
  useEffect(() => {
    if (!pid || !live) { setDetails(null); return; }
    let gone = false;
    const load = () =>
      fetchProcess(pid).then(
        (d) => { if (!gone) { setDetails(d); setError(null); } },
        (e) => { if (!gone) setError(String(e)); },
      );
    void load();
    // Queued topics, context and last messages are not in the stream: asked again once a second, whatever the rate.
    const timer = setInterval(load, 1000);
    return () => { gone = true; clearInterval(timer); };
  }, [pid, live]);

  if (!pid || !p) {
    return <section class="panel details" data-testid="details"><h2>Process</h2><p class="empty">Select a process in the tree.</p></section>;
  }
  const d = details?.pid === pid ? details : null;
  const exit = state.exited.get(pid)?.exit;
  const act = (what: string) => postAction(`/api/process/${encodeURIComponent(pid)}/${what}`).catch((e) => setError(String(e)));
  return (
    <section class="panel details" data-testid="details" data-pid={pid}>
      <h2>
        {processLabel(p, pid)}
        <span class="tools">
          <button onClick={() => props.onToggleSequence(pid)}>{props.inSequence ? 'Remove from sequence' : 'Add to sequence'}</button>
          {state.control && live && <button class="danger" data-testid="cancel" onClick={() => act('cancel')}>Cancel</button>}
          {state.control && live && <button class="danger" data-testid="terminate" onClick={() => act('terminate')}>Terminate</button>}
        </span>
      </h2>
      <div class="scroll">
        <table class="kv">
          <tbody>
            <tr><th>pid</th><td class="mono">{pid}</td></tr>
            <tr><th>entry</th><td class="mono">{p.entry}</td></tr>
            {p.host && <tr><th>host</th><td>{p.host}</td></tr>}
            <tr><th>state</th><td data-testid="details-state">{exit ? `ended (${exit.reason ?? ''})` : stateText(p.state, p.waitingOn)}</td></tr>
            {!exit && <tr><th>mailbox</th><td>{p.mailbox} queued · {rate(p.rate)}</td></tr>}
            {!exit && p.tasks !== undefined && <tr><th>tasks</th><td>{p.tasks}</td></tr>}
            <tr><th>names</th><td>{p.names?.length ? p.names.join(', ') : <span class="muted">none</span>}</td></tr>
            <tr><th>parent</th><td><Pids pids={p.parent ? [p.parent] : []} state={state} onSelect={props.onSelect} /></td></tr>
            <tr><th>links</th><td><Pids pids={p.links} state={state} onSelect={props.onSelect} />{p.trapLinks ? <span class="muted"> (traps LINK_DOWN)</span> : null}</td></tr>
            <tr><th>monitors</th><td><Pids pids={p.monitors} state={state} onSelect={props.onSelect} /></td></tr>
            <tr><th>actor</th><td>{p.actor ?? <span class="muted">none</span>}</td></tr>
            <tr><th>scope</th><td>{Array.isArray(p.scope) ? p.scope.join(', ') : p.scope ?? <span class="muted">none</span>}</td></tr>
            {p.startedAt !== undefined && <tr><th>started</th><td>{ago(p.startedAt, state.now)}</td></tr>}
          </tbody>
        </table>
        {exit?.error && <pre class="error" data-testid="details-error">{exit.error}{exit.traceback ? `\n${exit.traceback}` : ''}</pre>}
        {error && <p class="error">{error}</p>}
        {d && (
          <>
            <h3>Queued topics</h3>
            {d.queued?.length ? <ul class="topics">{d.queued.map((t, i) => <li key={i}>{t}</li>)}</ul> : <p class="muted">empty</p>}
            <h3>Context</h3>
            {d.context && Object.keys(d.context).length ? <pre>{JSON.stringify(d.context, null, 2)}</pre> : <p class="muted">empty</p>}
            <h3>Last messages</h3>
            {d.messages?.length ? (
              <ul class="messages" data-testid="details-messages">
                {d.messages.slice(-12).map((m) => (
                  <li key={m.seq}>
                    {m.from === pid ? '→ ' : '← '}<b>{m.topic}</b> {m.from === pid ? 'to' : 'from'}{' '}
                    {processLabel(findProcess(state, (m.from === pid ? m.to : m.from) ?? ''), (m.from === pid ? m.to : m.from) ?? 'host')}
                    {m.payload ? <span class="muted"> {m.payload}</span> : null}
                  </li>
                ))}
              </ul>
            ) : <p class="muted">none</p>}
          </>
        )}
      </div>
    </section>
  );
}
