import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import {
  validateHeaders,
  validateModelId,
  validateName,
  validateOptionalSetting,
  validateProject,
} from '../validate-wandb-settings';
import { readEnvironmentVariable } from '../read-environment-variable';
import { validateBaseURL } from '../wandb-base-url';
import type { WandbProviderSettings } from '../wandb-provider';

/*
 * What a chat model carries across a durable workflow's step boundary (ai@7's WorkflowAgent
 * stores it with the run). Plain JSON, and never a secret: not the API key, not a header that
 * could carry one (`@ai-sdk/openai-compatible` stores its resolved headers, key included). Where
 * the workflow resumes, the key comes from `WANDB_API_KEY` at request time.
 */

const FORMAT = 'wandb-chat-model/1';

export type WandbChatModelState = {
  /** Names the shape, so a state from another version is refused with a clear message. */
  format: typeof FORMAT;
  modelId: string;
  /** The `name` setting, where it is not the default: the model's provider options key. */
  name?: string;
  /** The `baseURL` setting; without it `WANDB_BASE_URL` (or the default) applies where the step runs. */
  baseURL?: string;
  /** The `project` setting; without it `WANDB_ENTITY/WANDB_PROJECT` apply where the step runs. */
  project?: string;
  /** The `headers` setting without the ones that may hold credentials. */
  headers?: Record<string, string>;
  includeUsage: boolean;
  /** What did not travel, by name only; each call of the restored model warns about it. */
  notTravelled?: { headers?: string[]; fetch?: true };
};

/** The part of a provider's settings that may travel, computed once when the provider is made. */
export type WandbTravellingSettings = Omit<WandbChatModelState, 'format' | 'modelId'>;

/** Header names that carry credentials by convention; their values never travel. */
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|cookie)$|api[-_]?key|token|secret|password|credential|auth/i;

export function travellingSettings(settings: WandbProviderSettings): WandbTravellingSettings {
  const headers: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(settings.headers ?? {})) {
    if (value === undefined) continue;
    if (CREDENTIAL_HEADER.test(name) || carriesKey(value, settings.apiKey)) dropped.push(name);
    else headers[name] = value;
  }
  const notTravelled = {
    ...(dropped.length > 0 ? { headers: dropped } : {}),
    ...(settings.fetch != null ? { fetch: true as const } : {}),
  };
  return {
    ...(settings.name != null ? { name: settings.name } : {}),
    ...(settings.baseURL != null ? { baseURL: settings.baseURL } : {}),
    ...(settings.project != null ? { project: settings.project } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    includeUsage: settings.includeUsage ?? true,
    ...(Object.keys(notTravelled).length > 0 ? { notTravelled } : {}),
  };
}

/**
 * The state of one model. Checked once more against the key in the environment of the step
 * being serialized, since a header may have been filled from it.
 */
export function serializeWandbChatModel(
  modelId: string,
  travelling: WandbTravellingSettings,
): WandbChatModelState {
  const environmentKey = readEnvironmentVariable('WANDB_API_KEY');
  const headers = { ...travelling.headers };
  const dropped = [...(travelling.notTravelled?.headers ?? [])];
  for (const [name, value] of Object.entries(headers)) {
    if (carriesKey(value, environmentKey)) {
      delete headers[name];
      dropped.push(name);
    }
  }
  const notTravelled = {
    ...(dropped.length > 0 ? { headers: dropped } : {}),
    ...(travelling.notTravelled?.fetch ? { fetch: true as const } : {}),
  };
  return {
    format: FORMAT,
    modelId,
    ...(travelling.name != null ? { name: travelling.name } : {}),
    ...(travelling.baseURL != null ? { baseURL: travelling.baseURL } : {}),
    ...(travelling.project != null ? { project: travelling.project } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    includeUsage: travelling.includeUsage,
    ...(Object.keys(notTravelled).length > 0 ? { notTravelled } : {}),
  };
}

function carriesKey(value: string, key: string | undefined): boolean {
  return key != null && key !== '' && value.includes(key);
}

/**
 * Reads a stored state back into provider settings. It comes from the workflow's storage, so it
 * is checked like settings are, naming the field that is wrong.
 */
export function readWandbChatModelState(state: unknown): {
  modelId: string;
  settings: WandbProviderSettings;
  state: WandbChatModelState;
} {
  if (state == null || typeof state !== 'object' || Array.isArray(state)) {
    throw invalidState('state', 'is not an object');
  }
  const value = state as Record<string, unknown>;
  if (value.format !== FORMAT) {
    throw invalidState(
      'format',
      `is ${JSON.stringify(value.format)}, not "${FORMAT}" (was it written by another version of wandb-ai-provider?)`,
    );
  }
  validateModelId(value.modelId);
  if (value.name != null) validateName(value.name);
  if (value.baseURL != null) {
    if (typeof value.baseURL !== 'string') throw invalidState('baseURL', 'is not a string');
    validateBaseURL(value.baseURL, 'The workflow state baseURL');
  }
  validateProject(value.project, 'The workflow state project');
  validateHeaders(value.headers, 'workflow state headers');
  validateOptionalSetting('includeUsage', value.includeUsage, 'boolean');
  validateNotTravelled(value.notTravelled);
  const typed = value as WandbChatModelState;
  return {
    modelId: typed.modelId,
    settings: {
      name: typed.name,
      baseURL: typed.baseURL,
      project: typed.project,
      headers: typed.headers,
      includeUsage: typed.includeUsage,
    },
    state: typed,
  };
}

function validateNotTravelled(notTravelled: unknown): void {
  if (notTravelled == null) return;
  if (typeof notTravelled !== 'object' || Array.isArray(notTravelled)) {
    throw invalidState('notTravelled', 'is not an object');
  }
  const { headers, fetch } = notTravelled as Record<string, unknown>;
  if (
    headers != null &&
    (!Array.isArray(headers) || headers.some(name => typeof name !== 'string'))
  ) {
    throw invalidState('notTravelled.headers', 'is not a list of header names');
  }
  if (fetch != null && fetch !== true) throw invalidState('notTravelled.fetch', 'is not true');
}

/** The warning each call of a restored model carries, when something did not travel. */
export function notTravelledWarnings(state: WandbChatModelState | undefined): SharedV4Warning[] {
  const { headers, fetch } = state?.notTravelled ?? {};
  const lost = [
    ...(headers?.length ? [`the headers ${headers.join(', ')} (they may hold credentials)`] : []),
    ...(fetch
      ? ['the custom fetch (a function cannot be stored), so the global fetch is used']
      : []),
  ];
  if (lost.length === 0) return [];
  return [
    {
      type: 'other',
      message: `This W&B model was restored from a durable workflow state without ${lost.join(' and ')}. See "Durable workflows" in the wandb-ai-provider README.`,
    },
  ];
}

function invalidState(field: string, problem: string): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: `state.${field}`,
    message: `Cannot restore the W&B model from its workflow state: ${field} ${problem}.`,
  });
}
