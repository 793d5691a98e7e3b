// 联络动态: in print, the 版记 stands at the foot of the last page (GB/T 9704-2012), its last rule
// on the bottom edge of the 版心. CSS cannot send a block to the foot of whichever page the text
// ends on, so just before printing (Ctrl-P, or the PDF of `npm run pdf`, which fires the same
// event) this script applies the print stylesheet, lays the bulletin out in columns the size of
// the 版心 (the browser breaks columns as it breaks pages), measures where the text ends, and puts
// a spacer of the remaining height before the 版记. Without JavaScript the 版记 follows the text.
(() => {
  function measure(bulletin, spacer, banji) {
    var box = bulletin.getBoundingClientRect();
    var pageWidth = box.width;
    var pageHeight = box.height;
    function place(element) {
      var rect = element.getBoundingClientRect();
      return { page: Math.round((rect.left - box.left) / pageWidth), top: rect.top - box.top, bottom: rect.bottom - box.top };
    }
    return { pageHeight: pageHeight, textEnd: place(spacer), banji: place(banji) };
  }

  function placeBanji() {
    removeSpacer();
    var bulletin = document.querySelector('.bulletin');
    var banji = bulletin?.querySelector('.banji');
    var printSheet = document.querySelector('link[rel="stylesheet"][media="print"]');
    if (!banji || !printSheet) return;
    var spacer = document.createElement('div');
    spacer.className = 'banji-spacer';
    spacer.setAttribute('aria-hidden', 'true');
    banji.parentNode.insertBefore(spacer, banji);

    printSheet.media = 'all';
    bulletin.classList.add('paginating');
    var m = measure(bulletin, spacer, banji);
    bulletin.classList.remove('paginating');
    printSheet.media = 'print';

    // Where the text ends, counted from the top of page 1 as if pages were stacked.
    var textEnd = m.textEnd.page * m.pageHeight + m.textEnd.top;
    // The 版记 stays on the page it fell on with its usual margin (the text's last page, or the
    // next when it does not fit there); its bottom goes to that page's foot, with a quarter pixel
    // to spare so that rounding never pushes it over.
    var banjiHeight = m.banji.bottom - m.banji.top;
    var foot = (m.banji.page + 1) * m.pageHeight - 0.25;
    spacer.style.height = `${Math.max(0, foot - banjiHeight - textEnd)}px`;
    banji.style.marginTop = '0';
  }

  function removeSpacer() {
    var spacer = document.querySelector('.banji-spacer');
    if (spacer) spacer.parentNode.removeChild(spacer);
    var banji = document.querySelector('.bulletin .banji');
    if (banji) banji.style.marginTop = '';
  }

  window.addEventListener('beforeprint', placeBanji);
  window.addEventListener('afterprint', removeSpacer);
})();
