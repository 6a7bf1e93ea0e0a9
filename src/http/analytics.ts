import { createHash } from 'node:crypto';
import { fastifyHelmet } from '@fastify/helmet';
import { z } from 'zod';

/**
 * Optional session-replay and heatmap tools on the landing page: Microsoft Clarity and/or
 * Hotjar. Parsed with the rest of the environment by `src/config.ts`. Unset: no snippet, and
 * the Content-Security-Policy allows neither vendor.
 */
export const analyticsEnvShape = {
  // The ids end up inside a script: only the characters the vendors use are accepted.
  CLARITY_PROJECT_ID: z.string().regex(/^[a-z0-9]{6,20}$/i, 'must be a Clarity project id (letters and digits, e.g. 555u86t011)').optional(),
  HOTJAR_SITE_ID: z.string().regex(/^[1-9]\d{0,11}$/, 'must be a Hotjar site id (digits, e.g. 1234567)').optional(),
};

export interface AnalyticsConfig {
  clarityProjectId: string | null;
  hotjarSiteId: string | null;
}

export function analyticsConfig(e: { CLARITY_PROJECT_ID?: string | undefined; HOTJAR_SITE_ID?: string | undefined }): AnalyticsConfig {
  return { clarityProjectId: e.CLARITY_PROJECT_ID ?? null, hotjarSiteId: e.HOTJAR_SITE_ID ?? null };
}

/** Sources to add to CSP directives (helmet's camel-less names). */
export type CspAdditions = Partial<Record<'script-src' | 'connect-src' | 'img-src' | 'font-src' | 'style-src' | 'frame-src', string[]>>;

export interface AnalyticsSnippets {
  /** Inserted before `</head>` of the landing page; empty when nothing is configured. */
  html: string;
  csp: CspAdditions;
}

// The vendors' documented tracking codes, verbatim apart from the id (and Hotjar's https:).
const clarityCode = (id: string) => `
(function(c,l,a,r,i,t,y){
c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;
y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
})(window, document, "clarity", "script", "${id}");
`;

const hotjarCode = (id: string) => `
(function(h,o,t,j,a,r){
h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
h._hjSettings={hjid:${id},hjsv:6};
a=o.getElementsByTagName('head')[0];
r=o.createElement('script');r.async=1;
r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
a.appendChild(r);
})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
`;

// Hosts from the vendors' CSP guidance: the tag and its modules, where it sends data, its images.
const CLARITY_CSP: CspAdditions = {
  'script-src': ['https://*.clarity.ms'],
  'connect-src': ['https://*.clarity.ms', 'https://c.bing.com'],
  'img-src': ['https://*.clarity.ms', 'https://c.bing.com'],
};
const HOTJAR_CSP: CspAdditions = {
  'script-src': ['https://*.hotjar.com'],
  'connect-src': ['https://*.hotjar.com', 'https://*.hotjar.io', 'wss://*.hotjar.com'],
  'img-src': ['https://*.hotjar.com'],
  'font-src': ['https://*.hotjar.com'],
  'style-src': ['https://*.hotjar.com'],
  'frame-src': ['https://*.hotjar.com'],
};

/** An inline script is allowed by its hash alone: no 'unsafe-inline', no per-request nonce. */
const scriptHash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

function merge(into: CspAdditions, add: CspAdditions): void {
  for (const [directive, sources] of Object.entries(add) as [keyof CspAdditions, string[]][]) {
    into[directive] = [...new Set([...(into[directive] ?? []), ...sources])];
  }
}

/** The snippets and CSP sources for what is configured (decided once at start). */
export function analyticsSnippets(config: AnalyticsConfig): AnalyticsSnippets {
  const parts: string[] = [];
  const csp: CspAdditions = {};
  const add = (label: string, code: string, hosts: CspAdditions) => {
    parts.push(`<!-- ${label} -->\n    <script>${code}</script>`);
    merge(csp, { ...hosts, 'script-src': [scriptHash(code), ...(hosts['script-src'] ?? [])] });
  };
  if (config.clarityProjectId) add('Microsoft Clarity', clarityCode(config.clarityProjectId), CLARITY_CSP);
  if (config.hotjarSiteId) add('Hotjar', hotjarCode(config.hotjarSiteId), HOTJAR_CSP);
  return { html: parts.join('\n    '), csp };
}

/**
 * helmet's directives with the analytics sources appended. A directive set here replaces
 * helmet's default for it, so the default (or `default-src`) is carried over first.
 */
export function withAnalyticsCsp(
  directives: Record<string, string[] | null>,
  additions: CspAdditions,
): Record<string, string[] | null> {
  const defaults: Record<string, Iterable<unknown>> = fastifyHelmet.contentSecurityPolicy.getDefaultDirectives();
  const out = { ...directives };
  for (const [directive, sources] of Object.entries(additions)) {
    const base = out[directive] ?? [...(defaults[directive] ?? defaults['default-src'] ?? [])].map(String);
    out[directive] = [...base, ...sources];
  }
  return out;
}
