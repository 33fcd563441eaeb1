// The JSON API of `stridecare serve` (../shared/spec/api.md): the same documents as the CLI's --json.
// Every failure is an ApiError holding the server's {"error": {"code", "message", "field"}}.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const doc = (await res.json()) as { error?: { code?: string; message?: string; field?: string | null } };
    const e = doc.error ?? {};
    return new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, e.field ?? null);
  } catch {
    return new ApiError(res.status, 'error', `the server answered ${res.status} ${res.statusText}`, null);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'stridecare is not answering: is `stridecare serve` still running?', null);
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: unknown) => call<T>('POST', path, body);
export const del = (path: string) => call<void>('DELETE', path);

/// `path?name=value&...`, leaving out the parameters not given.
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/// Uploads files as multipart/form-data, telling `progress` the fraction sent (0..1): fetch cannot.
export function upload<T>(path: string, files: File[], progress: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'unreachable', 'the upload did not reach stridecare: is `stridecare serve` still running?', null));
    xhr.onload = () => {
      let doc: unknown = null;
      try {
        doc = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300 && doc) {
        resolve(doc as T);
        return;
      }
      const e = (doc as { error?: { code?: string; message?: string; field?: string | null } } | null)?.error;
      reject(new ApiError(xhr.status, e?.code ?? 'error', e?.message ?? `the server answered ${xhr.status}`, e?.field ?? null));
    };
    xhr.send(form);
  });
}
