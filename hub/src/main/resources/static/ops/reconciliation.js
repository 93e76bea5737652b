// The reconciliation panel: the job's state and schedule, and per source of the current and the last run how far
// it got (checked / records in the source) and what it found. Renders GET /api/v1/ops/reconciliation as agreed:
// {state, schedule, current: RUN|null, last: RUN|null}; null when the hub has no reconciliation job (404).
'use strict';

const Reconciliation = (() => {
  const { el, $, count, time, badge } = Dom;

  function render(status) {
    const box = $('reconciliation');
    const button = $('recon-run');
    if (!status) {
      box.replaceChildren(el('p', { className: 'note', 'data-state': 'unavailable' },
        'Reconciliation is not available on this hub.'));
      button.hidden = true;
      return;
    }
    const parts = [el('p', { 'data-state': status.state }, badge(status.state),
      status.schedule ? ' schedule: ' + status.schedule : '')];
    if (status.current) {
      parts.push(run('Running now', status.current));
    }
    if (status.last) {
      parts.push(run('Last run', status.last));
    }
    if (!status.current && !status.last) {
      parts.push(el('p', { className: 'note' }, 'No run yet.'));
    }
    box.replaceChildren(...parts);
    button.hidden = false;
    button.disabled = status.state === 'RUNNING';
  }

  function run(title, r) {
    const totals = r.totals || {};
    const head = el('p', {}, el('strong', {}, title), ' ', badge(r.status), ' ',
      r.trigger === 'ON_DEMAND' ? 'on demand' : 'scheduled', ', started ', time(r.startedAt),
      r.finishedAt ? ', finished ' + time(r.finishedAt) : '',
      ' · checked ', count(totals.checked), ', drift ', count(totals.drift), ', repaired ', count(totals.repaired));
    const rows = (r.sources || []).map(s => el('tr', { 'data-key': s.program + ':' + s.feed },
      el('td', {}, s.program + ' · ' + s.feed), el('td', {}, badge(s.status)),
      el('td', { className: 'num', 'data-col': 'progress' },
        s.sourceCount ? el('progress', { value: s.checked || 0, max: s.sourceCount }) : null, ' ',
        count(s.checked) + ' / ' + count(s.sourceCount)),
      el('td', { className: 'num' }, count(s.missing)), el('td', { className: 'num' }, count(s.stale)),
      el('td', { className: 'num' }, count(s.orphaned)), el('td', { className: 'num' }, count(s.mismatched)),
      el('td', { className: 'num' }, count(s.repaired)),
      el('td', { className: 'num' }, count(s.apiCalls)),
      s.error ? el('td', { className: 'error' }, s.error) : el('td', {}, '')));
    const table = el('table', { 'data-run': r.id },
      el('thead', {}, el('tr', {}, ['Source', 'Status', 'Checked', 'Missing', 'Stale', 'Orphaned', 'Mismatched',
        'Repaired', 'API calls', 'Error'].map((h, i) => el('th', { scope: 'col', className: i >= 2 && i <= 8 ? 'num' : null }, h)))),
      el('tbody', {}, rows));
    return el('div', { className: 'run' }, head, table);
  }

  return { render };
})();
