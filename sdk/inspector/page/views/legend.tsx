// What the tree's lines and colours mean.
export function Legend() {
  return (
    <div class="legend" data-testid="legend">
      <span><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" class="edge-parent" /></svg>parent → child</span>
      <span><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" class="edge-link" /></svg>link</span>
      <span><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" class="edge-monitor" /></svg>monitor</span>
      <span><i class="dot state-running" />running</span>
      <span><i class="dot state-ready" />ready</span>
      <span><i class="dot state-waiting" />waiting</span>
      <span><i class="dot state-exited" />ended</span>
    </div>
  );
}
