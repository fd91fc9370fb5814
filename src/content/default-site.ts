/**
 * Where the site is served when SITE_URL is not set (`npm start`). Astro's `site` and the
 * checklist scripts fall back to it, so the links they write agree.
 */
export const DEFAULT_SITE = 'http://localhost:4321';
