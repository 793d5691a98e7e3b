// 联络动态: 大字模式 (the elder-friendly large-text mode). Loaded in <head> without defer, so the
// mode is set on <html> before the page is first drawn: no flash of small text. The reader's
// choice is kept in localStorage and holds on every page of the site, and in its other tabs.
// The button in the header is shown only when this script runs (class "large-text-ready").
(() => {
  const KEY = 'lianluodongtai-large-text';
  const root = document.documentElement;

  function stored() {
    try {
      return localStorage.getItem(KEY) === 'on';
    } catch {
      return false; // storage blocked: the mode lasts for this page only
    }
  }

  function store(on) {
    try {
      if (on) localStorage.setItem(KEY, 'on');
      else localStorage.removeItem(KEY);
    } catch {
      // storage blocked or full: the choice is not remembered
    }
  }

  /** Whether the mode is on: the reader's choice, kept for this page when the storage is blocked. */
  let chosen = stored();

  function show(on) {
    root.classList.toggle('large-text', on);
    const button = document.querySelector('.large-text-toggle');
    if (button) button.setAttribute('aria-pressed', String(on));
  }

  root.classList.add('large-text-ready');
  show(chosen);

  document.addEventListener('DOMContentLoaded', () => {
    const button = document.querySelector('.large-text-toggle');
    if (!button) return;
    show(chosen);
    button.addEventListener('click', () => {
      chosen = !chosen;
      store(chosen);
      show(chosen);
    });
  });
  // Paper is set by print.css alone; print.js measures the printed page before printing.
  window.addEventListener('beforeprint', () => root.classList.remove('large-text'));
  window.addEventListener('afterprint', () => show(chosen));
  // The choice made in another tab of the site.
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    chosen = stored();
    show(chosen);
  });
})();
