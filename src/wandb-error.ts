import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders, type ResponseHandler } from '@ai-sdk/provider-utils';
import { isObject } from './json-object';
import { type Redact, redactHeaders } from './redact-api-key';
import { DEFAULT_BASE_URL } from './wandb-base-url';

/*
 * W&B error bodies come in several shapes (docs/wandb-wire-format.md, Errors):
 *   {"error": {"message": "...", "type": "...", "code": "..." | 400}}    OpenAI style
 *   {"detail": "..."}  or  {"detail": [{"loc": [...], "msg": "..."}]}   FastAPI layers
 *   {"object": "error", "message": "..."}                              vLLM native
 *   HTML or an empty body from a gateway
 * The handler below is ours rather than `createJsonErrorResponseHandler` because both the hint and
 * the retry decision depend on the status code *and* on W&B's text (a 429 about quota must not be
 * retried, a 429 about concurrency must).
 */

/** W&B's own words from an error body (or stream error event), when it has any. */
export function extractWandbErrorMessage(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;

  const error = body.error;
  if (typeof error === 'string' && error !== '') return error;
  if (isObject(error)) {
    const { message, code } = error;
    if (typeof message === 'string' && message !== '') {
      return typeof code === 'string' && code !== '' && !message.includes(code)
        ? `${message} (${code})`
        : message;
    }
  }

  const detail = body.detail;
  if (typeof detail === 'string' && detail !== '') return detail;
  if (Array.isArray(detail)) {
    const items = detail
      .map(item => {
        if (!isObject(item)) return typeof item === 'string' ? item : undefined;
        const { loc, msg } = item;
        if (typeof msg !== 'string') return undefined;
        return Array.isArray(loc) && loc.length > 0 ? `${loc.join('.')}: ${msg}` : msg;
      })
      .filter((item): item is string => item != null);
    if (items.length > 0) return items.join('; ');
  }

  if (typeof body.message === 'string' && body.message !== '') return body.message;
  return undefined;
}

const NOT_HEALING_BY_RETRY = /quota|billing|credit|spending|personal account|plan\b/i;

/**
 * Whether retrying can help. Concurrency 429s, timeouts, conflicts and 5xx heal with time; quota,
 * billing and account-type answers (402, and 429 before W&B moved quota to 402) do not.
 */
export function isRetryableWandbError(
  statusCode: number,
  wandbMessage: string | undefined,
): boolean {
  if (statusCode === 429) return !NOT_HEALING_BY_RETRY.test(wandbMessage ?? '');
  return statusCode === 408 || statusCode === 409 || statusCode >= 500;
}

/**
 * Whether an error event inside a stream is worth a retry. Only its `code` can say so, when it is
 * an HTTP status that heals with time (vLLM sends `code: 500`, `503`, `429`); W&B's words then
 * decide a 429 as they do for HTTP answers. Without a status nothing says retrying helps.
 */
export function isRetryableWandbStreamError(
  code: unknown,
  wandbMessage: string | undefined,
): boolean {
  const status =
    typeof code === 'number'
      ? code
      : typeof code === 'string' && /^\d{3}$/.test(code)
        ? Number(code)
        : undefined;
  return status != null && status >= 400 && isRetryableWandbError(status, wandbMessage);
}

/** What the user can do about an error with this status, in one sentence. */
function hintFor(statusCode: number, wandbMessage: string | undefined): string | undefined {
  const message = wandbMessage ?? '';
  if (statusCode === 429 && /personal account/i.test(message)) {
    return 'Set the `project` setting to a team project ("team/project").';
  }
  if (statusCode === 402 || (statusCode === 429 && NOT_HEALING_BY_RETRY.test(message))) {
    return 'Your W&B Inference credits or spending cap are used up: check your plan and billing at https://wandb.ai/settings. Retrying will not help.';
  }
  switch (statusCode) {
    case 400:
    case 422:
      return 'The model rejected a parameter or value of this request; the message above names it. Not every model accepts every setting.';
    case 401:
      return 'Check the API key (the `apiKey` setting or WANDB_API_KEY; create one at https://wandb.ai/settings) and, if set, that `project` names a "team/project" you belong to.';
    case 403:
      return 'W&B Inference is not available from this country or region, or is not enabled for your organization.';
    case 404:
      return 'Check the model id: ids are case-sensitive (e.g. "openai/gpt-oss-120b") and retired models return 404; `provider.listModels()` lists the current ones. Also check `baseURL` (default https://api.inference.wandb.ai/v1).';
    case 429:
      return 'Too many concurrent requests for this W&B project; the AI SDK retries with backoff (see `maxRetries`).';
    case 500:
    case 502:
    case 503:
    case 504:
      return 'W&B Inference is having trouble or is overloaded; the AI SDK retries automatically (see `maxRetries`). Try again later if it persists.';
    default:
      return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short non-HTML text body is worth quoting; an HTML gateway page is not. */
function plainTextExcerpt(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('<') || trimmed.length > 300) return undefined;
  return trimmed;
}

export function buildWandbErrorMessage({
  statusCode,
  statusText,
  wandbMessage,
}: {
  statusCode: number;
  statusText: string;
  wandbMessage: string | undefined;
}): string {
  const what = (wandbMessage ?? (statusText || 'no error message')).replace(/\.+$/, '');
  const hint = hintFor(statusCode, wandbMessage);
  return `W&B Inference error (HTTP ${statusCode}): ${what}${hint ? `. ${hint}` : ''}`;
}

/** Turns a non-2xx W&B answer into an `APICallError`, with the API key masked throughout. */
export function createWandbFailedResponseHandler(redact: Redact): ResponseHandler<APICallError> {
  return async ({ response, url, requestBodyValues }) => {
    const responseBody = redact(await response.text());
    const responseHeaders = redactHeaders(extractResponseHeaders(response), redact);
    const data = parseJson(responseBody);
    const wandbMessage = extractWandbErrorMessage(data) ?? plainTextExcerpt(responseBody);

    return {
      responseHeaders,
      value: new APICallError({
        message: buildWandbErrorMessage({
          statusCode: response.status,
          statusText: response.statusText,
          wandbMessage,
        }),
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        isRetryable: isRetryableWandbError(response.status, wandbMessage),
        data,
      }),
    };
  };
}

/** provider-utils' message for a request that never got an HTTP answer. */
const CANNOT_CONNECT = 'Cannot connect to API: ';

/**
 * A request that never reached W&B (DNS failure, refused connection, a proxy in the way) with
 * what to check. provider-utils reports it as a bare `Cannot connect to API: getaddrinfo ENOTFOUND
 * …`; it stays a retryable `APICallError` (the network may come back), with the key masked.
 */
export function addConnectionHint(error: unknown, redact: Redact): unknown {
  if (!APICallError.isInstance(error) || error.statusCode != null) return error;
  if (!error.message.startsWith(CANNOT_CONNECT)) return error;
  const reason = error.message.slice(CANNOT_CONNECT.length).replace(/\.+$/, '');
  return new APICallError({
    message: redact(
      `Cannot reach W&B Inference at ${error.url} (${reason}). Check your network connection and any proxy (HTTPS_PROXY), and that the baseURL setting or WANDB_BASE_URL is right (default ${DEFAULT_BASE_URL}). The AI SDK retries this (see maxRetries).`,
    ),
    cause: error.cause,
    url: error.url,
    requestBodyValues: error.requestBodyValues,
    isRetryable: true,
  });
}
