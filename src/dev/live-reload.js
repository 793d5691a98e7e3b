// Injected into every page the dev server serves (never into the built site): reloads the page
// when the server says it changed, and shows the content's errors over the page until they are fixed.
(() => {
  const OVERLAY_ID = 'dev-problems';
  const events = new EventSource('/__dev/events');
  events.addEventListener('open', () => {
    document.documentElement.dataset.liveReload = 'connected';
  });

  events.addEventListener('reload', (event) => {
    const { pages } = JSON.parse(event.data);
    const here = decodeURIComponent(location.pathname);
    if (pages.includes('*') || pages.includes(here) || pages.includes(here.replace(/index\.html$/, ''))) location.reload();
  });

  events.addEventListener('problems', (event) => show(JSON.parse(event.data)));

  function show(problems) {
    document.getElementById(OVERLAY_ID)?.remove();
    if (problems.length === 0) return;
    const overlay = element('section', {
      position: 'fixed',
      inset: '0 0 auto 0',
      zIndex: '2147483647',
      maxHeight: '60vh',
      overflow: 'auto',
      background: '#fff5f5',
      color: '#1a1a1a',
      borderBottom: '4px solid #b00',
      boxShadow: '0 2px 12px rgba(0,0,0,.3)',
      padding: '12px 16px',
      font: '15px/1.6 system-ui, "Noto Sans CJK SC", sans-serif',
      textAlign: 'left',
    });
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alert');
    const heading = element('h2', { margin: '0 0 6px', fontSize: '17px', color: '#b00' });
    heading.textContent = `稿件有 ${problems.length} 个错误，改正并保存后这里会自动消失（网页上显示的是上次正确的内容）`;
    const list = element('ol', { margin: '0', paddingLeft: '1.5em' });
    for (const problem of problems) {
      const item = element('li', { margin: '4px 0' });
      const where = element('code', { fontWeight: 'bold', marginRight: '.5em' });
      where.textContent = problem.line ? `${problem.file} 第 ${problem.line} 行第 ${problem.column ?? 1} 列` : problem.file;
      item.append(where, problem.message);
      list.append(item);
    }
    const close = element('button', { position: 'absolute', top: '8px', right: '12px', font: 'inherit', cursor: 'pointer' });
    close.type = 'button';
    close.textContent = '暂时隐藏';
    close.addEventListener('click', () => overlay.remove());
    overlay.append(heading, list, close);
    document.body.append(overlay);
  }

  /** Styles are set through the DOM, which a strict Content-Security-Policy allows. */
  function element(name, style) {
    const node = document.createElement(name);
    Object.assign(node.style, style);
    return node;
  }
})();
