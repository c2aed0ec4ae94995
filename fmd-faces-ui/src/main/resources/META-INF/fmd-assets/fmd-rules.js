/*
 * fmd-rules.js: the rules page's controls. Filters the endpoints by the words typed; for the admin, changes an
 * endpoint's level when its select changes (PUT <api>/{id}/level) and the level of the selected endpoints at once
 * (PUT <api>/level {"level", "ids"}), with the session's CSRF token (meta fmd-csrf) in the header X-Fmd-Csrf. The
 * server decides: a guest's change is refused with 403 whatever this page shows. Plain ES2017, no library.
 */
(function () {
  'use strict';

  const card = document.getElementById('rules');
  if (!card) return;
  const api = card.getAttribute('data-api');
  const csrf = (document.querySelector('meta[name="fmd-csrf"]') || {}).content || '';
  const status = document.getElementById('rules-status');
  const table = document.getElementById('rules-table');
  const rows = Array.from(table.tBodies[0].rows);
  const filter = document.getElementById('rules-filter');

  rows.forEach((row) => {
    const select = row.querySelector('select.rule-level');
    if (select) select.value = select.getAttribute('data-value');
  });

  function say(text, bad) {
    status.textContent = text;
    status.classList.toggle('fmd-bad', !!bad);
  }

  function shown(row, level) {
    const badge = row.querySelector('.rule-shown');
    badge.textContent = String(level);
    badge.className = 'fmd-level fmd-level-' + level + ' rule-shown';
    const select = row.querySelector('select.rule-level');
    if (select) {
      select.value = String(level);
      select.setAttribute('data-value', String(level));
    }
  }

  async function put(path, body) {
    const response = await fetch(api + path, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Fmd-Csrf': csrf },
      body: JSON.stringify(body),
    });
    if (response.status === 204) return null;
    let message = 'HTTP ' + response.status;
    try {
      message = (await response.json()).error || message;
    } catch (e) { /* not JSON */ }
    return message;
  }

  const name = (row) => row.querySelector('a').textContent;

  table.addEventListener('change', async (event) => {
    const select = event.target.closest('select.rule-level');
    if (!select) return;
    const row = select.closest('tr');
    const level = Number(select.value);
    select.disabled = true;
    const problem = await put('/' + row.getAttribute('data-id') + '/level', { level: level });
    select.disabled = false;
    if (problem) {
      select.value = select.getAttribute('data-value');
      say('Not changed: ' + problem, true);
    } else {
      shown(row, level);
      say(name(row) + ' is now at level ' + level + '.');
    }
  });

  const visible = () => rows.filter((row) => !row.classList.contains('fmd-filtered'));
  const selected = () => visible().filter((row) => (row.querySelector('.rule-select') || {}).checked);

  function count() {
    const counter = document.getElementById('rules-selected');
    if (counter) counter.textContent = String(selected().length);
  }

  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach((row) => {
      const text = row.getAttribute('data-text').toLowerCase();
      row.classList.toggle('fmd-filtered', !words.every((w) => text.includes(w)));
    });
    count();
  });

  table.addEventListener('click', (event) => {
    if (event.target.id === 'select-all') {
      visible().forEach((row) => { row.querySelector('.rule-select').checked = event.target.checked; });
    }
    if (event.target.classList.contains('rule-select') || event.target.id === 'select-all') count();
  });

  const apply = document.getElementById('bulk-apply');
  if (apply) {
    apply.addEventListener('click', async () => {
      const chosen = selected();
      if (!chosen.length) {
        say('Select endpoints first (the filter and "select all" help).', true);
        return;
      }
      const level = Number(document.getElementById('bulk-level').value);
      apply.disabled = true;
      const problem = await put('/level', { level: level, ids: chosen.map((row) => Number(row.getAttribute('data-id'))) });
      apply.disabled = false;
      if (problem) {
        say('Not changed: ' + problem, true);
      } else {
        chosen.forEach((row) => shown(row, level));
        say(chosen.length + (chosen.length === 1 ? ' endpoint is' : ' endpoints are') + ' now at level ' + level + '.');
      }
    });
  }
})();
