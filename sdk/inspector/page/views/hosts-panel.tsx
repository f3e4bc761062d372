// Hosts and their run queues.
import type { InspectorState } from '../model.js';

export function HostsPanel(props: { state: InspectorState }) {
  const counts = new Map<string, number>();
  for (const p of props.state.processes.values()) counts.set(p.host, (counts.get(p.host) ?? 0) + 1);
  return (
    <section class="panel hosts" data-testid="hosts">
      <h2>Hosts</h2>
      <table class="grid">
        <thead><tr><th>host</th><th>processes</th><th>run queue</th></tr></thead>
        <tbody>
          {props.state.hosts.map((h) => (
            <tr key={h.name} data-host={h.name}>
              <td>{h.name}{h.workers ? <span class="muted"> ({h.workers} workers)</span> : null}</td>
              <td>{h.processes ?? counts.get(h.name) ?? 0}</td>
              <td><span class="bar" style={{ width: `${Math.min(100, h.runQueue * 4)}px` }} />{h.runQueue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
