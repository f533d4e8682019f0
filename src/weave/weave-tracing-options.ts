import { InvalidArgumentError } from '@ai-sdk/provider';
import { isSendableHeaderValue, validateProject } from '../validate-wandb-settings';
import { validateBaseURL } from '../wandb-base-url';

export const DEFAULT_WEAVE_BASE_URL = 'https://trace.wandb.ai';

/** Options of `registerWeaveTracing` and `createWeaveTracer`. */
export type WeaveTracingOptions = {
  /**
   * The W&B `team/project` the traces go to. Defaults to `WANDB_ENTITY/WANDB_PROJECT`, like the
   * provider's `project` setting.
   */
  project?: string;
  /** Your W&B API key. Defaults to `WANDB_API_KEY`. Sent only in the `wandb-api-key` header. */
  apiKey?: string;
  /**
   * The Weave trace host. Defaults to `https://trace.wandb.ai` (multi-tenant W&B). Dedicated
   * Cloud and Self-Managed instances use `https://<your-subdomain>.wandb.io/traces`.
   */
  baseURL?: string;
  /**
   * Which Weave view the spans feed: `'traces'` (Traces and Threads, `/otel/v1/traces`, the
   * default) or `'agents'` (the Agents view, `/agents/otel/v1/traces`).
   */
  view?: 'traces' | 'agents';
  /** Record the prompts, messages and tool inputs (default true, as the AI SDK does). */
  recordInputs?: boolean;
  /** Record the generated text, tool calls and tool results (default true, as the AI SDK does). */
  recordOutputs?: boolean;
  /** The resource's `service.name`. Defaults to `OTEL_SERVICE_NAME`, else `'wandb-ai-provider'`. */
  serviceName?: string;
};

/** The checked options: everything the span pipeline needs, nothing read later. */
export type ResolvedWeaveOptions = {
  entity: string;
  project: string;
  apiKey: string;
  /** The full OTLP traces URL, e.g. `https://trace.wandb.ai/otel/v1/traces`. */
  tracesURL: string;
  recordInputs: boolean;
  recordOutputs: boolean;
  serviceName: string;
};

const KNOWN_OPTIONS = new Set([
  'project',
  'apiKey',
  'baseURL',
  'view',
  'recordInputs',
  'recordOutputs',
  'serviceName',
]);

/** Checks the options at registration, so a mistake fails there instead of silently dropping spans. */
export function resolveWeaveOptions(options: unknown, caller: string): ResolvedWeaveOptions {
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new InvalidArgumentError({
      argument: 'options',
      message: `${caller}() takes an options object such as { project: 'team/project' }.`,
    });
  }
  const settings = (options ?? {}) as WeaveTracingOptions;
  for (const name of Object.keys(settings)) {
    if (!KNOWN_OPTIONS.has(name)) {
      throw new InvalidArgumentError({
        argument: name,
        message: `${caller}() has no option ${JSON.stringify(name)}; the options are ${[...KNOWN_OPTIONS].join(', ')}.`,
      });
    }
  }

  const project = resolveProject(settings.project, caller);
  const apiKey = resolveApiKey(settings.apiKey, caller);
  const baseURL = validateBaseURL(settings.baseURL ?? DEFAULT_WEAVE_BASE_URL, 'The baseURL option');
  const view = settings.view ?? 'traces';
  if (view !== 'traces' && view !== 'agents') {
    throw new InvalidArgumentError({
      argument: 'view',
      message: `The view option must be 'traces' or 'agents' (got ${JSON.stringify(view)}).`,
    });
  }
  for (const name of ['recordInputs', 'recordOutputs'] as const) {
    if (settings[name] != null && typeof settings[name] !== 'boolean') {
      throw new InvalidArgumentError({
        argument: name,
        message: `The ${name} option must be a boolean.`,
      });
    }
  }
  const serviceName =
    settings.serviceName ?? environment('OTEL_SERVICE_NAME') ?? 'wandb-ai-provider';
  if (typeof serviceName !== 'string' || serviceName === '') {
    throw new InvalidArgumentError({
      argument: 'serviceName',
      message: 'The serviceName option must be a non-empty string.',
    });
  }

  const [entity, projectName] = project.split('/') as [string, string];
  return {
    entity,
    project: projectName,
    apiKey,
    tracesURL: `${baseURL}${view === 'agents' ? '/agents' : ''}/otel/v1/traces`,
    recordInputs: settings.recordInputs ?? true,
    recordOutputs: settings.recordOutputs ?? true,
    serviceName,
  };
}

function resolveProject(project: unknown, caller: string): string {
  if (project != null) {
    validateProject(project, 'The project option');
    return project as string;
  }
  const entity = environment('WANDB_ENTITY');
  const name = environment('WANDB_PROJECT');
  if (entity && name) {
    validateProject(`${entity}/${name}`, 'WANDB_ENTITY/WANDB_PROJECT');
    return `${entity}/${name}`;
  }
  throw new InvalidArgumentError({
    argument: 'project',
    message:
      `${caller}() needs the W&B project the traces go to: pass { project: 'team/project' } ` +
      'or set the WANDB_ENTITY and WANDB_PROJECT environment variables.',
  });
}

function resolveApiKey(apiKey: unknown, caller: string): string {
  if (apiKey != null && typeof apiKey !== 'string') {
    // Never the value: a misplaced secret must not end up in a log.
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message:
        'The apiKey option must be a string, your W&B API key from https://wandb.ai/settings.',
    });
  }
  const key = apiKey ?? environment('WANDB_API_KEY');
  if (key == null || key === '') {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message:
        `${caller}() needs a W&B API key: pass { apiKey } or set the WANDB_API_KEY environment ` +
        'variable (keys are at https://wandb.ai/settings).',
    });
  }
  if (!isSendableHeaderValue(key)) {
    throw new InvalidArgumentError({
      argument: 'apiKey',
      message:
        'The W&B API key contains a line break or a character that cannot be sent in an HTTP header; ' +
        'copy it again from https://wandb.ai/settings.',
    });
  }
  return key;
}

function environment(name: string): string | undefined {
  // Guarded: edge runtimes and browsers may have no `process`.
  return typeof process === 'undefined' ? undefined : process.env[name] || undefined;
}
