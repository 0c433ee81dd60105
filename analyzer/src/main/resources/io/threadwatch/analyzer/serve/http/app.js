// The upload page: each dropped file is one POST /api/recordings; the table polls each recording's status.
'use strict';
const rows = new Map();
const tbody = document.querySelector('#recordings tbody');

function text(value) { return document.createTextNode(value == null ? '' : String(value)); }

function cell(tr, content) {
  const td = document.createElement('td');
  if (content instanceof Node) { td.appendChild(content); } else { td.appendChild(text(content)); }
  tr.appendChild(td);
  return td;
}

function render(rec) {
  let tr = rows.get(rec.id);
  if (!tr) { tr = document.createElement('tr'); tbody.prepend(tr); rows.set(rec.id, tr); }
  tr.replaceChildren();
  const link = document.createElement('a');
  link.href = rec.links.page; link.textContent = rec.fileName;
  cell(tr, link);
  cell(tr, Object.entries(rec.labels).map(([k, v]) => k + '=' + v).join(', '));
  cell(tr, rec.uploadedAt);
  const state = cell(tr, rec.state);
  state.className = rec.state;
  if (rec.progress) {
    const bar = document.createElement('progress');
    bar.max = 1; bar.value = rec.progress.fraction;
    state.appendChild(bar);
    state.appendChild(text(' ' + rec.progress.chunksRead + '/' + rec.progress.chunksTotal + ' chunks'));
  }
  const verdict = cell(tr, rec.verdict ? rec.verdict.summary : (rec.message || ''));
  if (rec.verdict && rec.verdict.worst) { verdict.className = rec.verdict.worst.severity; }
  if (rec.state === 'queued' || rec.state === 'analyzing') { setTimeout(() => poll(rec.id), 1000); }
}

async function poll(id) {
  const response = await fetch('/api/recordings/' + id);
  if (response.ok) { render(await response.json()); }
}

function headers() {
  const token = document.getElementById('token').value.trim();
  return token ? { 'Authorization': 'Bearer ' + token } : {};
}

async function upload(file) {
  const form = new FormData();
  const name = document.getElementById('label-name').value.trim();
  const value = document.getElementById('label-value').value.trim();
  if (name && value) { form.append(name, value); }
  form.append('file', file, file.name);
  const response = await fetch('/api/recordings', { method: 'POST', body: form, headers: headers() });
  const body = await response.json();
  if (response.ok) {
    render(body);
  } else {
    const tr = document.createElement('tr');
    cell(tr, file.name); cell(tr, ''); cell(tr, ''); cell(tr, 'refused').className = 'failed';
    cell(tr, response.status + ': ' + body.error);
    tbody.prepend(tr);
  }
}

async function uploadAll(files) {
  for (const file of files) { await upload(file); }
}

const drop = document.getElementById('drop');
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); uploadAll(e.dataTransfer.files); });
document.getElementById('files').addEventListener('change', e => uploadAll(e.target.files));

fetch('/api/recordings').then(r => r.json()).then(body => body.recordings.reverse().forEach(render));
