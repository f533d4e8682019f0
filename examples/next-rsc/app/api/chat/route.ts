import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from 'ai';
import { agentModel } from '@/lib/models';
import { weather } from '@/lib/weather-tool';

// The chat page's endpoint: a multi-step tool loop, streamed to `useChat` as UI message parts.
export async function POST(request: Request) {
  const { messages }: { messages: UIMessage[] } = await request.json();
  const result = streamText({
    model: agentModel,
    messages: await convertToModelMessages(messages),
    tools: { weather },
    stopWhen: stepCountIs(5),
  });
  return result.toUIMessageStreamResponse({ sendReasoning: true });
}
