import Link from 'next/link';
import type { ReactNode } from 'react';
import './styles.css';

export const metadata = { title: 'W&B Inference with the AI SDK' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <strong>W&amp;B Inference × AI SDK</strong>
          <nav>
            <Link href="/">Streamed answer (RSC)</Link>
            <Link href="/chat">Chat with a tool</Link>
            <Link href="/object">Object form</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
