// The inspector page: the state from connection.ts, the selection (one process for the details, a list for the
// sequence view), and the panels.
import { useEffect, useState } from 'preact/hooks';
import { connect, postAction, type Status } from './connection.js';
import { emptyState, type InspectorState } from './model.js';
import { DetailsPanel } from './views/details-panel.js';
import { ExitsPanel } from './views/exits-panel.js';
import { HostsPanel } from './views/hosts-panel.js';
import { SequenceView } from './views/sequence-view.js';
import { TreeView } from './views/tree-view.js';

export function App() {
  const [state, setState] = useState<InspectorState>(emptyState);
  const [status, setStatus] = useState<{ s: Status; detail?: string }>({ s: 'connecting' });
  const [selected, setSelected] = useState<string | null>(null);
  const [sequence, setSequence] = useState<string[]>([]);
  useEffect(() => connect(setState, (s, detail) => setStatus({ s, detail })), []);

  const toggleSequence = (pid: string) =>
    setSequence((list) => (list.includes(pid) ? list.filter((p) => p !== pid) : [...list, pid]));
  const select = (pid: string, toSequence = false) => {
    if (toSequence) toggleSequence(pid);
    else setSelected(pid);
  };
  // Pause and step hold the app's virtual clock (the server answers 409 for an app in real time).
  const time = (what: string) => void postAction(`/api/time/${what}`).catch(() => {});

  return (
    <div class="app">
      <header>
        <h1>moonforge inspector</h1>
        <span class="muted">{state.node}</span>
        <span class={`status status-${status.s}`} data-testid="status" title={status.detail}>{status.s}</span>
        <span class="muted">{state.processes.size} processes · {state.hosts.length} hosts{state.virtualTime ? ' · virtual time' : ''}{state.control ? ' · control on' : ''}</span>
        {state.virtualTime && state.control && (
          <span class="tools" data-testid="time">
            {state.paused ? <button onClick={() => time('resume')}>Resume</button> : <button onClick={() => time('pause')}>Pause</button>}
            <button onClick={() => time('step')} title="the clock to the next due timer">Step</button>
          </span>
        )}
      </header>
      <TreeView state={state} selected={selected} sequence={sequence} onSelect={select} />
      <DetailsPanel state={state} pid={selected} inSequence={selected !== null && sequence.includes(selected)}
        onSelect={(pid) => select(pid)} onToggleSequence={toggleSequence} />
      <SequenceView state={state} chosen={sequence} onClear={() => setSequence([])} />
      <div class="side">
        <HostsPanel state={state} />
        <ExitsPanel state={state} onSelect={(pid) => select(pid)} />
      </div>
    </div>
  );
}
