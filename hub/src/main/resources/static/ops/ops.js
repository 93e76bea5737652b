// The operator's route-health dashboard: polls /api/v1/ops every few seconds and renders what it answers.
// Vanilla JavaScript on purpose: the hub serves it as it is, with nothing to build or fetch from elsewhere.
'use strict';

const OpsDashboard = (() => {
  const API = '/api/v1/ops';
  const MAX_LETTERS = 100;
  let settings = null;
  let timer = null;
  let stopped = false;
  let running = false;
  let again = false;
  let lastUpdate = null;

  const { el, $, fill, count, rate, percent, duration, clock, time, badge } = Dom;

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  function lastError(error) {
    if (!error) {
      return el('td', {}, '');
    }
    const text = error.message + (error.at ? ' (' + time(error.at) + ')' : '');
    return el('td', { className: 'error' }, el('div', { className: 'clip', title: text }, text));
  }

  // ---- API

  async function api(path, options) {
    const session = Auth.session();
    if (!session) {
      throw new ApiError(401, 'Your session has ended');
    }
    const answer = await fetch(API + path, Object.assign({}, options, {
      headers: { Authorization: 'Bearer ' + session.accessToken, Accept: 'application/json' }
    }));
    const body = await answer.json().catch(() => null);
    if (!answer.ok) {
      throw new ApiError(answer.status, (body && (body.detail || body.title)) || ('HTTP ' + answer.status));
    }
    return body;
  }

  // ---- panels

  function renderOverview(overview) {
    const feeds = overview.feeds;
    fill($('feeds').tBodies[0], feeds.map(f => el('tr', { 'data-key': f.program + ':' + f.feed },
      el('td', {}, f.program), el('td', {}, f.feed), el('td', {}, f.system), el('td', {}, badge(f.state)),
      el('td', { className: 'num', 'data-col': 'records' }, count(f.records)),
      el('td', { className: 'num', 'data-col': 'rate' }, rate(f.ratePerSecond)),
      el('td', { className: 'num', 'data-col': 'lag' }, duration(f.lagSeconds)),
      el('td', { className: 'num', 'data-col': 'error-rate' }, percent(f.errorRate)),
      lastError(f.lastError))), 9, 'No source feeds');

    const showIdle = $('show-idle').checked;
    const routes = overview.routes.filter(r => showIdle || r.exchanges.total > 0 || r.state !== 'Started' || r.lastError);
    fill($('routes').tBodies[0], routes.map(r => el('tr', { 'data-key': r.id },
      el('th', { scope: 'row' }, r.id), el('td', {}, el('div', { className: 'uri', title: r.from }, r.from)),
      el('td', {}, badge(r.state)),
      el('td', { className: 'num', 'data-col': 'total' }, count(r.exchanges.total)),
      el('td', { className: 'num' }, count(r.exchanges.failed + r.exchanges.handled)),
      el('td', { className: 'num' }, count(r.exchanges.inflight)),
      el('td', { className: 'num', 'data-col': 'rate' }, rate(r.ratePerSecond)),
      el('td', { className: 'num' }, percent(r.errorRate)),
      el('td', { className: 'num', title: r.batched ? 'per Kafka poll (a batch of changes)' : 'per exchange' },
        r.meanMillis === null ? '–' : r.meanMillis.toFixed(1) + (r.batched ? ' /poll' : '')),
      lastError(r.lastError))), 10, 'No active routes (tick "show idle routes")');
    $('routes-count').textContent = '(' + routes.length + ' of ' + overview.routes.length + ')';

    const up = feeds.filter(f => f.state === 'UP').length;
    tile('tile-feeds', up + '/' + feeds.length, up < feeds.length);
    tile('tile-records', rate(feeds.reduce((sum, f) => sum + (f.ratePerSecond || 0), 0)), false);
    const started = overview.routes.filter(r => r.state === 'Started').length;
    tile('tile-routes', started + '/' + overview.routes.length, started < overview.routes.length);
    tile('tile-dead', count(overview.deadLetters.open), overview.deadLetters.open > 0);
    $('dlq-by-stage').textContent = overview.deadLetters.byStage
      .map(s => s.stage + ' · ' + s.source + ': ' + s.open).join('   ');
  }

  function tile(id, text, bad) {
    $(id).textContent = text;
    $(id).parentElement.classList.toggle('bad', bad);
  }

  function renderDeadLetters(answer) {
    const entries = answer.items.slice().reverse(); // newest first
    $('dlq-count').textContent = '(' + answer.items.length + ' open' + (entries.length > MAX_LETTERS
      ? ', newest ' + MAX_LETTERS + ' shown' : '') + ')';
    const tbody = $('dead-letters').tBodies[0];
    const shown = entries.slice(0, MAX_LETTERS);
    const rows = shown.map(entry => {
      const existing = tbody.querySelector('tr[data-id="' + CSS.escape(entry.letter.id) + '"]');
      return existing || letterRow(entry.letter);
    });
    fill(tbody, rows, 5, 'No open dead letters');
  }

  function letterRow(letter) {
    const payload = letter.payload || '';
    const label = letter.key || letter.id;
    return el('tr', { 'data-id': letter.id },
      el('td', { className: 'num' }, time(letter.time)),
      el('td', {}, letter.stage, el('br'), el('small', {}, letter.source), letter.key ? el('br') : null,
        letter.key ? el('small', {}, letter.key) : null),
      el('td', { className: 'error' }, el('div', { className: 'clip', title: letter.reason }, letter.reason)),
      el('td', {}, el('code', { className: 'payload', title: payload },
        payload.length > 240 ? payload.substring(0, 240) + '…' : payload)),
      el('td', { className: 'actions' },
        el('button', { type: 'button', className: 'retry', 'aria-label': 'Retry ' + label,
          onclick: e => handle(letter, 'retry', e.target) }, 'Retry'),
        el('button', { type: 'button', className: 'discard secondary', 'aria-label': 'Discard ' + label,
          onclick: e => handle(letter, 'discard', e.target) }, 'Discard')));
  }

  async function handle(letter, action, button) {
    if (action === 'discard' && !confirm('Discard this dead letter for good?\n\n' + letter.reason)) {
      return;
    }
    const row = button.closest('tr');
    row.querySelectorAll('button').forEach(b => { b.disabled = true; });
    const result = $('dlq-result');
    try {
      const entry = await api('/dead-letters/' + encodeURIComponent(letter.id) + '/' + action, { method: 'POST' });
      result.className = 'result';
      result.textContent = (action === 'retry' ? 'Retried ' : 'Discarded ') + (letter.key || letter.id)
        + (entry.note ? ': ' + entry.note : '');
      row.remove();
      refresh();
    } catch (e) {
      if (e.status === 401) {
        return sessionEnded(e);
      }
      result.className = 'result bad';
      result.textContent = (action === 'retry' ? 'Retry' : 'Discard') + ' of ' + (letter.key || letter.id)
        + ' failed (' + e.status + '): ' + e.message;
      row.querySelectorAll('button').forEach(b => { b.disabled = false; });
    }
  }

  function renderAlerts(answer) {
    const day = Date.now() - 24 * 3600 * 1000;
    tile('tile-alerts', String(answer.items.filter(a => new Date(a.time).getTime() > day).length), false);
    fill($('alerts').tBodies[0], answer.items.map(a => el('tr', { 'data-id': a.id },
      el('td', { className: 'num' }, time(a.time)),
      el('td', {}, el('span', { className: 'badge warn' }, a.type.replace(/_/g, ' ').toLowerCase())),
      el('td', {}, a.subject, a.related && a.related.length ? el('br') : null,
        a.related && a.related.length ? el('small', {}, 'with ' + a.related.join(', ')) : null),
      el('td', {}, a.detail))), 4, 'No alerts');
  }

  async function runReconciliation() {
    const result = $('recon-result');
    $('recon-run').disabled = true;
    try {
      const started = await api('/reconciliation', { method: 'POST' });
      result.className = 'result';
      result.textContent = 'Started run ' + started.id;
      refresh();
    } catch (e) {
      if (e.status === 401) {
        return sessionEnded(e);
      }
      result.className = 'result bad';
      result.textContent = e.status === 409 ? 'A run is already going.' : 'Could not start a run (' + e.status + '): '
        + e.message;
      $('recon-run').disabled = false;
    }
  }

  // ---- the loop

  /** One poll at a time: a refresh asked for while one runs (after a retry, say) follows it at once. */
  async function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      if (!stopped) {
        await poll();
      }
    } finally {
      running = false;
    }
    if (stopped) {
      return;
    }
    if (again) {
      again = false;
      refresh();
    } else {
      timer = setTimeout(refresh, settings.refreshMillis);
    }
  }

  async function poll() {
    const [overview, letters, alerts, reconciliation] = await Promise.allSettled([
      api('/overview'), api('/dead-letters?status=OPEN'), api('/alerts?limit=20'),
      api('/reconciliation').catch(e => { if (e.status === 404) { return null; } throw e; })
    ]);
    const refused = [overview, letters, alerts, reconciliation].find(r => r.status === 'rejected'
      && (r.reason.status === 401 || r.reason.status === 403));
    if (refused) {
      return refused.reason.status === 401 ? sessionEnded(refused.reason) : notAnOperator(refused.reason);
    }
    if (overview.status === 'fulfilled') {
      renderOverview(overview.value);
      lastUpdate = new Date();
      $('updated').textContent = 'updated ' + clock(lastUpdate);
      $('updated').classList.remove('stale');
    } else {
      $('updated').textContent = (lastUpdate ? 'not updated since ' + clock(lastUpdate) : 'not loaded') + ': '
        + overview.reason.message;
      $('updated').classList.add('stale');
    }
    if (letters.status === 'fulfilled') {
      renderDeadLetters(letters.value);
    }
    if (alerts.status === 'fulfilled') {
      renderAlerts(alerts.value);
    }
    if (reconciliation.status === 'fulfilled') {
      Reconciliation.render(reconciliation.value);
    } else {
      $('reconciliation').replaceChildren(el('p', { className: 'error' }, 'Could not read the reconciliation status: '
        + reconciliation.reason.message));
    }
  }

  function showSignIn(message) {
    stopped = true;
    clearTimeout(timer);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('updated').textContent = '';
    $('signin').hidden = false;
    $('signin-message').textContent = message || '';
  }

  function sessionEnded(error) {
    Auth.signOut();
    showSignIn('Your session has ended (' + error.message + '). Sign in again.');
  }

  function notAnOperator(error) {
    const who = (Auth.session() || {}).user || 'This account';
    const scope = settings.scope.split(' ').filter(s => s !== 'openid').join(' ') || settings.scope;
    Auth.signOut();
    showSignIn(who + ' is signed in, but the operations dashboard needs the ' + scope + ' scope. ('
      + error.message + ') Sign in with an operator account.');
    $('sign-in').textContent = 'Sign in as someone else';
  }

  function showDashboard() {
    stopped = false;
    $('signin').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    $('who').textContent = 'signed in as ' + Auth.session().user;
    refresh();
  }

  async function start() {
    try {
      const answer = await fetch('config.json');
      settings = await answer.json();
    } catch (e) {
      showSignIn('The dashboard could not read its settings (/ops/config.json): ' + e.message);
      return;
    }
    Auth.init(settings);
    $('sign-in').addEventListener('click', () => Auth.signIn().catch(e => showSignIn(e.message)));
    $('sign-out').addEventListener('click', () => { Auth.signOut(); showSignIn('Signed out.'); });
    $('show-idle').addEventListener('change', refresh);
    $('recon-run').addEventListener('click', runReconciliation);
    try {
      await Auth.completeSignIn();
    } catch (e) {
      showSignIn(e.message);
      return;
    }
    if (Auth.session()) {
      showDashboard();
    } else {
      showSignIn('');
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
