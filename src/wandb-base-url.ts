import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { withoutTrailingSlash } from '@ai-sdk/provider-utils';

export const DEFAULT_BASE_URL = 'https://api.inference.wandb.ai/v1';

/**
 * Checks a base URL and returns it without a trailing slash. `source` names where it came from
 * ("The baseURL setting"). Paths are appended to it as text, so a query or fragment would end up
 * in the wrong place; credentials in it would be quoted by fetch's errors, so neither is allowed.
 */
export function validateBaseURL(baseURL: unknown, source: string): string {
  let url: URL | undefined;
  try {
    url = typeof baseURL === 'string' ? new URL(baseURL) : undefined;
  } catch {
    url = undefined;
  }
  if (url == null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new InvalidArgumentError({
      argument: 'baseURL',
      message: `${source} must be an http(s) URL such as '${DEFAULT_BASE_URL}' (got ${JSON.stringify(baseURL)}).`,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidArgumentError({
      argument: 'baseURL',
      message: `${source} must not contain a user name or password (the URL is not quoted here for that reason). Send proxy credentials with the \`headers\` setting.`,
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidArgumentError({
      argument: 'baseURL',
      message: `${source} must not have a query or fragment, because request paths such as /chat/completions are appended to it (got ${JSON.stringify(baseURL)}).`,
    });
  }
  return withoutTrailingSlash(baseURL as string) as string;
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * An `http://` base URL to another machine is allowed (a proxy on a trusted network), but every
 * call through it says that the API key and the prompts travel unencrypted.
 */
export function unencryptedBaseURLWarnings(baseURL: string): SharedV4Warning[] {
  const url = new URL(baseURL);
  if (url.protocol !== 'http:' || isLoopback(url.hostname)) return [];
  return [
    {
      type: 'other',
      message:
        `The W&B baseURL ${url.origin} uses http:// and is not on this machine: the API key and the prompts travel unencrypted. ` +
        'Use https:// unless every network hop to it is trusted.',
    },
  ];
}
