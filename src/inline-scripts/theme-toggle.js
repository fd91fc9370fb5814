// The theme button's behaviour (inlined by theme-toggle.astro; its hash is in every page's
// Content-Security-Policy).
(() => {
  const button = document.currentScript.previousElementSibling;
  const root = document.documentElement;
  const sync = () => button.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem('round-trip:theme', root.dataset.theme);
    } catch {}
    sync();
  });
})();
