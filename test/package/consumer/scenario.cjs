/**
 * What every consumer run checks, whatever its module system and `ai` major: generateText and
 * streamText against a local fake W&B server, and a W&B error seen through `APICallError`.
 * `wandb` is the package entry as the consumer loaded it; `ai` is the consumer's own `ai`.
 */
const { createServer } = require('node:http');

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1764000000,
  model: 'openai/gpt-oss-120b',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Hello from W&B' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
};
const streamChunk = (delta, finishReason = null) => ({
  ...completion,
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});

function startServer() {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', piece => (body += piece));
    request.on('end', () => {
      if (request.headers.authorization !== 'Bearer good-key') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'Authentication failed' } }));
        return;
      }
      if (!JSON.parse(body).stream) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(completion));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of [
        streamChunk({ role: 'assistant', content: 'Hel' }),
        streamChunk({ content: 'lo' }),
        streamChunk({}, 'stop'),
      ]) {
        response.write(`data: ${JSON.stringify(event)}\n\n`);
      }
      response.end('data: [DONE]\n\n');
    });
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function check(what, actual, expected) {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function runScenario({ wandb, ai, specificationVersion }) {
  const server = await startServer();
  try {
    const baseURL = `http://127.0.0.1:${server.address().port}/v1`;
    const model = wandb.createWandb({ apiKey: 'good-key', baseURL })('openai/gpt-oss-120b');
    check('specificationVersion', model.specificationVersion, specificationVersion);

    const generated = await ai.generateText({ model, prompt: 'Hi', maxRetries: 0 });
    check('generateText text', generated.text, 'Hello from W&B');

    const streamed = ai.streamText({ model, prompt: 'Hi', maxRetries: 0 });
    let text = '';
    for await (const delta of streamed.textStream) text += delta;
    check('streamText text', text, 'Hello');

    const badModel = wandb.createWandb({ apiKey: 'bad-key', baseURL })('openai/gpt-oss-120b');
    const error = await ai.generateText({ model: badModel, prompt: 'Hi', maxRetries: 0 }).then(
      () => undefined,
      thrown => thrown,
    );
    check('APICallError.isInstance', ai.APICallError.isInstance(error), true);
    check('statusCode', error.statusCode, 401);
    check('isRetryable', error.isRetryable, false);
  } finally {
    server.close();
  }
}

/**
 * The consumers install no OpenTelemetry package: `wandb-ai-provider/weave`, whose optional peers
 * they are, must then fail to load with an error that names one of them (what to install), while
 * the entry under test loaded without them.
 */
async function checkWeaveNeedsItsPeers(load) {
  let error;
  try {
    await load();
  } catch (caught) {
    error = caught;
  }
  if (error == null)
    throw new Error('wandb-ai-provider/weave loaded without its OpenTelemetry peers');
  if (!['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes(error.code))
    throw new Error(`wandb-ai-provider/weave failed for another reason: ${error.message}`);
  if (!/'(@ai-sdk\/otel|@opentelemetry\/[a-z-]+)'/.test(error.message))
    throw new Error(`the error names no package to install: ${error.message}`);
}

module.exports = { runScenario, checkWeaveNeedsItsPeers };
