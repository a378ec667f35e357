// The explorer talks to the service only through its public GraphQL endpoint, like any client.

const endpoint = new URL('../graphql', document.baseURI).toString();
const keyStorage = 'conflictgraph-explorer-key';

/** A GraphQL or HTTP failure, with the service's own message and error code. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The read key this tab uses when the service requires one (kept for the session only). */
export const readKey = {
  get: () => sessionStorage.getItem(keyStorage),
  set: (key) => (key ? sessionStorage.setItem(keyStorage, key) : sessionStorage.removeItem(keyStorage)),
};

export async function graphql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const key = readKey.get();
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new ApiError(`The service did not answer (${error.message}).`, 'NETWORK');
  }
  const body = await response.json().catch(() => null);
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!response.ok || !body?.data) throw new ApiError(`The service answered HTTP ${response.status}.`, `HTTP_${response.status}`);
  return body.data;
}
