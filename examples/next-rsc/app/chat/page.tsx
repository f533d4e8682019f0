'use client';

import { useChat } from '@ai-sdk/react';
import { useState } from 'react';

export default function ChatPage() {
  const { messages, sendMessage, status } = useChat(); // posts to /api/chat
  const [input, setInput] = useState('Should I take a jacket in Paris today?');

  return (
    <>
      <h1>Chat with a tool</h1>
      <p className="note">
        <code>useChat</code> talks to a route handler whose <code>streamText</code> may call a{' '}
        <code>weather</code> tool.
      </p>
      <div data-testid="messages">
        {messages.map(message => (
          <div key={message.id} className="message" data-role={message.role}>
            <strong>{message.role === 'user' ? 'You' : 'Model'}: </strong>
            {/* A message's parts never reorder, so their index is a stable key. */}
            {message.parts.map((part, index) => {
              switch (part.type) {
                case 'text':
                  return <span key={index}>{part.text}</span>;
                case 'reasoning':
                  return (
                    <em key={index} className="note">
                      {part.text}{' '}
                    </em>
                  );
                case 'tool-weather':
                  return (
                    <div
                      key={index}
                      className="tool"
                      data-testid="tool-result"
                      data-state={part.state}
                    >
                      {part.state === 'output-available'
                        ? `weather(${JSON.stringify(part.input)}) → ${JSON.stringify(part.output)}`
                        : `weather(${JSON.stringify(part.input ?? {})}) …`}
                    </div>
                  );
                default:
                  return null;
              }
            })}
          </div>
        ))}
      </div>
      <form
        onSubmit={event => {
          event.preventDefault();
          sendMessage({ text: input });
          setInput('');
        }}
      >
        <input
          type="text"
          aria-label="Message"
          value={input}
          onChange={event => setInput(event.target.value)}
        />
        <button type="submit" disabled={status === 'submitted' || status === 'streaming'}>
          Send
        </button>
      </form>
      <p className="note" data-testid="chat-status">
        {status}
      </p>
    </>
  );
}
