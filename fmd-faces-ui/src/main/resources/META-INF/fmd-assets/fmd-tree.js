/*
 * fmd-tree.js: folds and unfolds the call-tree tables of the profiler pages (_calltree.xhtml). Each row is
 * <tr data-depth="N" class="fmd-open? fmd-folded? fmd-hot?">; a row is shown when every row above it on its path is
 * open. The server renders the hottest path open; the buttons [data-tree-expand|collapse|hot="tableId"] open every
 * row, close all but the root, or go back to the hottest path. Plain ES2017, no library.
 */
(function () {
  'use strict';

  const rows = (table) => Array.from(table.tBodies[0] ? table.tBodies[0].rows : []);
  const depth = (row) => Number(row.getAttribute('data-depth')) || 0;

  /* Shows the rows whose open ancestors reach up to the root, hides the others. */
  function refresh(table) {
    let closedAt = Infinity;
    for (const row of rows(table)) {
      const d = depth(row);
      if (d <= closedAt) closedAt = Infinity;
      row.classList.toggle('fmd-folded', closedAt !== Infinity);
      const toggle = row.querySelector('.fmd-toggle');
      if (toggle) toggle.setAttribute('aria-expanded', row.classList.contains('fmd-open') ? 'true' : 'false');
      if (closedAt === Infinity && !row.classList.contains('fmd-open')) closedAt = d;
    }
  }

  function openWhere(table, test) {
    rows(table).forEach((row, i) => {
      row.classList.toggle('fmd-open', !!row.querySelector('.fmd-toggle') && (i === 0 || test(row)));
    });
    refresh(table);
  }

  document.addEventListener('click', (event) => {
    const toggle = event.target.closest('.fmd-toggle');
    if (toggle) {
      const row = toggle.closest('tr');
      row.classList.toggle('fmd-open');
      refresh(row.closest('table'));
      return;
    }
    const button = event.target.closest('[data-tree-expand],[data-tree-collapse],[data-tree-hot]');
    if (!button) return;
    const table = document.getElementById(button.getAttribute('data-tree-expand')
        || button.getAttribute('data-tree-collapse') || button.getAttribute('data-tree-hot'));
    if (!table) return;
    if (button.hasAttribute('data-tree-expand')) openWhere(table, () => true);
    else if (button.hasAttribute('data-tree-collapse')) openWhere(table, () => false);
    else openWhere(table, (row) => row.classList.contains('fmd-hot'));
  });
})();
