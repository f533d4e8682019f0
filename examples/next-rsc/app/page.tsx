import { StreamedAnswer } from './streamed-answer';

// A server component: the page itself is rendered on the server; the answer streams into it from
// the `streamAnswer` server action.
export default function StreamPage() {
  return (
    <>
      <h1>A streamed answer</h1>
      <p className="note">
        <code>streamText</code> runs in a server action; <code>@ai-sdk/rsc</code> streams its text
        into this page.
      </p>
      <StreamedAnswer />
    </>
  );
}
