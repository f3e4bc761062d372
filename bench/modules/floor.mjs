// The floor of bench/modules/run.mjs: the same work as json-encode.lua and logger-info.lua done by V8 directly on JS
// objects (JSON.stringify, a JSON line written to stderr), which no Lua-level module can beat. Prints the same lines.
const which = process.argv[2];
const cpuMs = (t0) => {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};
if (which === 'json-encode') {
  const N = 20000;
  const documentOf = (i) => {
    const items = [];
    for (let k = 1; k <= 8; k++) items.push({ sku: `SKU-${i * 8 + k}`, name: `Widget number ${k}`, qty: k, price: 9.5 + k, taxable: k % 2 === 0 });
    return {
      id: i, status: 'confirmed', created: '2026-12-07T09:00:00Z', currency: 'EUR', total: 1234.56,
      customer: { id: `c-${i}`, name: 'Ada "the" Lovelace', email: 'ada@example.org', vip: true },
      items, tags: ['priority', 'gift', 'eu'], note: 'Leave at the door\nRing twice',
    };
  };
  const t0 = process.cpuUsage();
  let bytes = 0;
  let doc;
  for (let i = 1; i <= N; i++) {
    if (i % 64 === 1) doc = documentOf(i);
    bytes += JSON.stringify(doc).length;
  }
  console.log(`json.encode ops=${N} cpu_ms=${cpuMs(t0).toFixed(1)} avg_bytes=${Math.floor(bytes / N)}`);
} else if (which === 'logger-info') {
  const N = 50000;
  const emit = (level, msg, fields) => {
    process.stderr.write(`${JSON.stringify({ ts: new Date().toISOString(), level, logger: '', msg, ...fields })}\n`);
  };
  let t0 = process.cpuUsage();
  for (let i = 1; i <= N; i++) emit('info', 'request handled', { method: 'GET', path: '/api/items', status: 200, ms: 12.5, user: i });
  const info = cpuMs(t0);
  t0 = process.cpuUsage();
  const threshold = 1; // info
  for (let i = 1; i <= N; i++) if (0 >= threshold) emit('debug', 'cache probe', { key: 'k', hit: true, user: i });
  console.log(`logger:info ops=${N} cpu_ms=${info.toFixed(1)}`);
  console.log(`logger:debug(filtered) ops=${N} cpu_ms=${cpuMs(t0).toFixed(1)}`);
} else {
  console.error('usage: node bench/modules/floor.mjs json-encode|logger-info');
  process.exit(2);
}
