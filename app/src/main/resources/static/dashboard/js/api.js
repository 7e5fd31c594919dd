// Calls to the service's query API with the visitor's key. Every failure becomes an ApiError whose kind says what
// the page should tell: a refused key (401), a key without the role (403), nothing there (404), a refused request
// (400, 422), a failing service (5xx) or a service that cannot be reached at all.

export class ApiError extends Error {
  constructor(kind, status, detail) {
    super(detail);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

function kindOf(status) {
  if (status === 401) {
    return 'unauthorized';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not-found';
  }
  if (status >= 400 && status < 500) {
    return 'invalid';
  }
  return 'server';
}

/**
 * @param key            returns the current key
 * @param onUnauthorized called with the error when the service refuses the key, before the caller sees it
 * @param onReachable    called with true or false after each call: whether the service answered at all
 */
export function createApi({key, onUnauthorized, onReachable}) {
  async function get(path, parameters = {}) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
      if (value !== null && value !== undefined && value !== '') {
        query.set(name, value);
      }
    }
    const search = query.toString();
    const url = search ? `${path}?${search}` : path;
    let response;
    try {
      response = await fetch(url, {headers: {'X-API-Key': key() ?? '', 'Accept': 'application/json'},
                                   cache: 'no-store'});
    } catch (failure) {
      onReachable(false);
      throw new ApiError('offline', 0, 'The service cannot be reached: check that it is running, then retry.');
    }
    onReachable(true);
    if (response.ok) {
      return response.json();
    }
    const problem = await response.json().catch(() => null);
    const error = new ApiError(kindOf(response.status), response.status,
                               problem?.detail || problem?.title || response.statusText || 'no detail');
    if (error.kind === 'unauthorized') {
      onUnauthorized(error);
    }
    throw error;
  }

  /** Like get, but answers null where the API says 404 (no run yet, no such user, no points yet). */
  async function find(path, parameters) {
    try {
      return await get(path, parameters);
    } catch (error) {
      if (error.kind === 'not-found') {
        return null;
      }
      throw error;
    }
  }

  return {get, find};
}

/** What a panel says about an error. */
export function describe(error, {forbidden = 'This key may not see this (403 Forbidden).'} = {}) {
  switch (error.kind) {
    case 'unauthorized':
      return 'The API key was refused (401 Unauthorized): enter a valid key.';
    case 'forbidden':
      return forbidden;
    case 'offline':
      return error.detail;
    case 'not-found':
      return `Not found (404): ${error.detail}`;
    case 'invalid':
      return `The service refused the request (${error.status}): ${error.detail}`;
    case 'server':
      return `The service failed to answer (${error.status}): ${error.detail}`;
    default:
      return `Something went wrong: ${error.message}`;
  }
}
