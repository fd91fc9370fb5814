// Runs before first paint so the page never flashes the wrong theme (inlined by base-layout.astro;
// its hash is in every page's Content-Security-Policy).
(() => {
  let stored = null;
  try {
    // Storage keys are round-trip:<feature>; a choice saved under the old key moves once.
    stored = localStorage.getItem('round-trip:theme');
    const legacy = stored === null ? localStorage.getItem('round-trip-theme') : null;
    if (legacy !== null) {
      stored = legacy;
      localStorage.setItem('round-trip:theme', legacy);
      localStorage.removeItem('round-trip-theme');
    }
  } catch {}
  const dark = stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
