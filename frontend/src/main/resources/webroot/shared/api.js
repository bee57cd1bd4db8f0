// The one way the front ends call the HTTP API: JSON in, JSON out, errors as ApiError with the
// server's code and message so screens can say what went wrong in words.

export class ApiError extends Error {
  constructor(status, code, message, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

// `cache` is fetch's cache mode: 'no-store' when an answer the server lets browsers keep must be fresh.
export async function api(path, { method = 'GET', body, token, cache } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, cache, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'network', 'Refdesk cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  const data = text ? safeParse(text) : null;
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    throw new ApiError(response.status, error.code || 'http_' + response.status,
      error.message || `The server answered ${response.status}.`, error);
  }
  return data;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
