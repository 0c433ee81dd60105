// The fleet page: GET /api/fleet, drawn as two tables.
'use strict';
function text(value) { return document.createTextNode(value == null ? '' : String(value)); }
function cell(tr, content, className) {
  const td = document.createElement('td');
  td.appendChild(content instanceof Node ? content : text(content));
  if (className) { td.className = className; }
  tr.appendChild(td);
}
function link(href, label) { const a = document.createElement('a'); a.href = href; a.textContent = label; return a; }

fetch('/api/fleet').then(r => r.json()).then(fleet => {
  document.getElementById('analyzed').textContent = fleet.analyzed + ' recordings analyzed';
  const groups = document.querySelector('#groups tbody');
  for (const g of fleet.groups) {
    const tr = document.createElement('tr');
    tr.title = g.summary;
    cell(tr, g.worstSeverity, g.worstSeverity);
    cell(tr, g.kind);
    cell(tr, link(g.findings, g.site.frame));
    cell(tr, g.recordings + ' of ' + g.analyzed);
    cell(tr, Object.entries(g.labelValues).map(([k, n]) => n + ' ' + k + (n === 1 ? '' : 's')).join(', '));
    cell(tr, g.firstSeen);
    cell(tr, g.lastSeen);
    groups.appendChild(tr);
  }
  const labels = document.querySelector('#labels tbody');
  for (const l of fleet.labels) {
    const tr = document.createElement('tr');
    cell(tr, l.name + '=' + l.value);
    cell(tr, l.latest);
    const history = document.createElement('span');
    l.history.forEach((h, i) => {
      if (i > 0) { history.appendChild(text(' · ')); }
      history.appendChild(link(h.page, h.uploadedAt.substring(0, 19) + ' ' + h.verdict));
    });
    cell(tr, history);
    labels.appendChild(tr);
  }
});
