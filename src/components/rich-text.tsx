import type { ElementType } from 'react';

/** Shows lesson HTML that the content compiler produced and sanitised at build time. */
export function RichText({ html, as: Tag = 'div', className }: { html: string; as?: ElementType; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A bullet list of compiled HTML lines (objectives, takeaways, trainers' notes). */
export function RichList({ lines }: { lines: string[] }) {
  return (
    <ul>
      {lines.map((line) => (
        <RichText as="li" key={line} html={line} />
      ))}
    </ul>
  );
}
