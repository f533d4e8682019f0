'use client';

import { readStreamableValue } from '@ai-sdk/rsc';
import { useState } from 'react';
import { streamAnswer } from './actions';

export function StreamedAnswer() {
  const [prompt, setPrompt] = useState('Write a haiku about gradient descent.');
  const [answer, setAnswer] = useState('');
  const [status, setStatus] = useState<'idle' | 'streaming' | 'done' | 'failed'>('idle');

  async function ask(event: React.FormEvent) {
    event.preventDefault();
    setAnswer('');
    setStatus('streaming');
    try {
      const { answer: streamed } = await streamAnswer(prompt);
      // Each value is the whole answer so far.
      for await (const value of readStreamableValue(streamed)) setAnswer(value ?? '');
      setStatus('done');
    } catch (error) {
      setAnswer(String(error));
      setStatus('failed');
    }
  }

  return (
    <>
      <form onSubmit={ask}>
        <input
          type="text"
          aria-label="Prompt"
          value={prompt}
          onChange={event => setPrompt(event.target.value)}
        />
        <button type="submit" disabled={status === 'streaming'}>
          Ask
        </button>
      </form>
      <div className="answer" data-testid="answer" data-status={status}>
        {answer}
      </div>
    </>
  );
}
