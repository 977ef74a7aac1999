import type { SiteAdapter } from './types';
import { facebook } from './facebook';
import { generic } from './generic';
import { instagram } from './instagram';
import { x } from './x';

export type { SiteAdapter } from './types';

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** The site's own adapter first, then the generic fallback for any other text box there. */
export function adaptersFor(hostname: string): SiteAdapter[] {
  if (onDomain(hostname, 'facebook.com')) return [facebook, generic('facebook')];
  if (onDomain(hostname, 'x.com') || onDomain(hostname, 'twitter.com')) return [x, generic('x')];
  if (onDomain(hostname, 'instagram.com')) return [instagram, generic('instagram')];
  return [];
}
