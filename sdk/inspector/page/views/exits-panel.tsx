// Recent exits, newest first: the error and its Lua traceback for those that failed; and service restarts with
// their backoff.
import { ago, duration } from '../format.js';
import type { InspectorState } from '../model.js';

export function ExitsPanel(props: { state: InspectorState; onSelect: (pid: string) => void }) {
  const { state } = props;
  const exits = state.exits.slice().reverse();
  const restarts = state.restarts.slice().reverse();
  return (
    <section class="panel exits" data-testid="exits">
      <h2>Exits <small>{exits.filter((x) => x.error).length} failed</small></h2>
      <div class="scroll">
        {exits.length === 0 && <p class="empty">No process has ended yet.</p>}
        {exits.map((x) => (
          <details key={`${x.pid} ${x.at}`} class={x.error ? 'exit failed' : 'exit'} data-pid={x.pid} data-entry={x.entry} open={!!x.error && x === exits.find((y) => y.error)}>
            <summary>
              <a href="#" onClick={(e) => { e.preventDefault(); props.onSelect(x.pid); }}>{x.entry ?? x.pid}</a>{' '}
              <span class="muted">{x.reason ?? (x.error ? 'error' : 'normal')} · {ago(x.at, state.now)}</span>
              {x.error && <div class="error-line">{x.error}</div>}
            </summary>
            {x.traceback && <pre class="traceback" data-testid="traceback">{x.traceback}</pre>}
            {x.value && <pre>{x.value}</pre>}
          </details>
        ))}
        {restarts.length > 0 && <h3>Services</h3>}
        {restarts.map((r) => (
          <div key={`${r.service} ${r.at} ${r.type ?? ''}`} class="restart" data-service={r.service} data-type={r.type}>
            <b>{r.service}</b>{' '}
            <span class="muted">
              {r.type ?? 'restart'}
              {r.attempt !== undefined ? ` · attempt ${r.attempt}` : ''}
              {r.backoffMs !== undefined ? ` · backoff ${duration(r.backoffMs)}` : ''} · {ago(r.at, state.now)}
            </span>
            {r.error && <div class="error-line">{r.error}</div>}
          </div>
        ))}
      </div>
    </section>
  );
}
