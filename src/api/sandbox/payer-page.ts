/**
 * What a person sees opening a sandbox link URL (`/link/show?genid=…`): a
 * plain-text summary, so links in a rehearsal's output sheet lead somewhere
 * that says what they are. Plain text, so nothing from a link can run as HTML.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxContext } from './context.js';
import { linkStatus } from './store.js';

export function showPayerPage(ctx: SandboxContext, res: ServerResponse, url: URL): void {
  const genid = url.searchParams.get('genid') ?? '';
  const lookup = /^\d{1,15}$/.test(genid) ? ctx.store.find(Number(genid)) : ({ kind: 'missing' } as const);
  const lines =
    lookup.kind === 'own'
      ? [
          `paylinks sandbox: payment link ${lookup.link.id} (${linkStatus(lookup.link, ctx.now())})`,
          `${lookup.link.name}: ${lookup.link.description}`,
          `Amount: ${lookup.link.currency} ${lookup.link.total}  Reference: ${lookup.link.reference}`,
          '',
          'This is a rehearsal link on a local sandbox: no payment can be made here.',
          `To simulate a payment: POST ${ctx.baseUrl}/__sandbox/links/${lookup.link.id}/pay`,
        ]
      : [`paylinks sandbox: there is no payment link ${genid} on this site.`];
  res.writeHead(lookup.kind === 'own' ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${lines.join('\n')}\n`);
}
