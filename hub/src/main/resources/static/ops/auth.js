// Sign-in of the ops dashboard: OpenID Connect authorization code with PKCE (S256), as a public client (no secret).
// The access token lives in sessionStorage, for this tab only; every call to /api/v1/ops carries it.
'use strict';

const Auth = (() => {
  const TOKEN = 'accord.ops.token';
  const FLOW = 'accord.ops.flow';
  let config = null;
  let discovery = null;

  function init(settings) {
    config = settings;
  }

  async function metadata() {
    if (!discovery) {
      const url = config.issuer + '/.well-known/openid-configuration';
      let answer;
      try {
        answer = await fetch(url);
      } catch (e) {
        throw new Error('The identity provider at ' + config.issuer + ' cannot be reached');
      }
      if (!answer.ok) {
        throw new Error('The identity provider answered ' + answer.status + ' for ' + url);
      }
      discovery = await answer.json();
      if (!discovery.authorization_endpoint || !discovery.token_endpoint) {
        throw new Error('The identity provider does not offer the authorization-code flow');
      }
    }
    return discovery;
  }

  function base64url(bytes) {
    let text = '';
    bytes.forEach(b => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(length) {
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  async function challengeOf(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64url(new Uint8Array(digest));
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  /** Sends the browser to the identity provider's sign-in page. */
  async function signIn() {
    const meta = await metadata();
    const verifier = random(48);
    const state = random(16);
    sessionStorage.setItem(FLOW, JSON.stringify({ verifier, state, redirectUri: redirectUri() }));
    const params = new URLSearchParams({
      response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
      state, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256'
    });
    location.assign(meta.authorization_endpoint + '?' + params);
  }

  /**
   * Back from the identity provider (?code=...&state=...): trades the code and the verifier for a token. False when
   * the page was not opened by a sign-in answer; throws with a readable reason when the sign-in failed.
   */
  async function completeSignIn() {
    const query = new URLSearchParams(location.search);
    if (!query.has('code') && !query.has('error')) {
      return false;
    }
    const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
    sessionStorage.removeItem(FLOW);
    history.replaceState(null, '', location.pathname);
    if (query.has('error')) {
      throw new Error('The identity provider refused the sign-in: ' + (query.get('error_description') || query.get('error')));
    }
    if (!flow || flow.state !== query.get('state')) {
      throw new Error('This sign-in answer does not belong to a sign-in started here; please sign in again');
    }
    const meta = await metadata();
    const answer = await fetch(meta.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: config.clientId, code: query.get('code'),
        redirect_uri: flow.redirectUri, code_verifier: flow.verifier
      })
    });
    const tokens = await answer.json().catch(() => ({}));
    if (!answer.ok || !tokens.access_token) {
      throw new Error('The identity provider refused the token request: '
        + (tokens.error_description || tokens.error || answer.status));
    }
    const lifetime = Number(tokens.expires_in) > 0 ? Number(tokens.expires_in) : 300;
    sessionStorage.setItem(TOKEN, JSON.stringify({
      accessToken: tokens.access_token, expiresAt: Date.now() + lifetime * 1000,
      user: nameIn(tokens.id_token) || nameIn(tokens.access_token)
    }));
    return true;
  }

  function nameIn(jwt) {
    try {
      const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return claims.preferred_username || claims.email || claims.sub;
    } catch (e) {
      return null;
    }
  }

  /** The current session ({accessToken, user}), or null when there is none or it has expired. */
  function session() {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    if (!stored || stored.expiresAt < Date.now() + 5000) {
      return null;
    }
    return stored;
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN);
  }

  return { init, signIn, completeSignIn, session, signOut };
})();
