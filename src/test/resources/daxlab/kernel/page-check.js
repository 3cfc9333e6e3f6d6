// Injected by Chromium.java into a copy of a site page: once the page has loaded, it measures what
// a reader would see and writes the findings as JSON into a pre element (id daxlab-check) for --dump-dom.
//  - every <img>: loaded, not blank (one colour), no ink on its outer frame (text cut off at an
//    edge leaves ink there), not wider than the page;
//  - every inline <svg> (the check pages put the charts' SVG there): each <text> inside the
//    picture's bounds as the browser lays it out (getBBox mapped to the page), none cut short
//    with an ellipsis, no two overlapping;
//  - the page: its size, whether it scrolls sideways, its links.
(function () {
  const FRAME = 2;          // px of the image border that must be background
  const INK = 60;           // a pixel is ink when it is this far (sum of channels) from the corner colour

  function imageFindings(img, index) {
    const r = img.getBoundingClientRect();
    const f = {index: index, alt: img.alt || '', width: img.naturalWidth, height: img.naturalHeight,
      shownRight: Math.round(r.right + window.scrollX), loaded: img.complete && img.naturalWidth > 0};
    if (!f.loaded) {
      return f;
    }
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0], d[1], d[2]];
    const ink = (x, y) => {
      const i = 4 * (y * c.width + x);
      return Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > INK;
    };
    let inked = 0;
    for (let y = 0; y < c.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        if (ink(x, y)) {
          inked++;
        }
      }
    }
    f.inkPixels = inked;
    const edges = {top: 0, bottom: 0, left: 0, right: 0};
    for (let k = 0; k < FRAME; k++) {
      for (let x = 0; x < c.width; x++) {
        edges.top += ink(x, k) ? 1 : 0;
        edges.bottom += ink(x, c.height - 1 - k) ? 1 : 0;
      }
      for (let y = 0; y < c.height; y++) {
        edges.left += ink(k, y) ? 1 : 0;
        edges.right += ink(c.width - 1 - k, y) ? 1 : 0;
      }
    }
    f.edgeInk = edges;
    return f;
  }

  function svgFindings(svg, index) {
    const box = svg.getBoundingClientRect();
    const f = {index: index, id: svg.getAttribute('data-name') || '', width: box.width, height: box.height,
      texts: 0, outside: [], truncated: [], overlaps: []};
    const rects = [];
    svg.querySelectorAll('text').forEach(t => {
      const s = (t.textContent || '').trim();
      if (!s) {
        return;
      }
      f.texts++;
      const r = t.getBoundingClientRect();
      const rel = {text: s, left: +(r.left - box.left).toFixed(1), top: +(r.top - box.top).toFixed(1),
        right: +(r.right - box.left).toFixed(1), bottom: +(r.bottom - box.top).toFixed(1)};
      if (rel.left < -0.5 || rel.top < -0.5 || rel.right > box.width + 0.5 || rel.bottom > box.height + 0.5) {
        f.outside.push(rel);
      }
      if (s.endsWith('\u2026') || s.endsWith('...')) {
        f.truncated.push(rel);
      }
      rects.push(rel);
    });
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i];
        const b = rects[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Glyph boxes include line gaps: only a real overlap of ink counts.
        if (w > 2 && h > 4) {
          f.overlaps.push([a.text, b.text]);
        }
      }
    }
    return f;
  }

  function run() {
    const out = {
      title: document.title,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      viewportWidth: window.innerWidth,
      images: Array.from(document.images).map(imageFindings),
      svgs: Array.from(document.querySelectorAll('svg[data-name]')).map(svgFindings),
      links: Array.from(document.querySelectorAll('a[href]')).map(a => ({
        text: a.textContent.trim(), href: a.getAttribute('href'), rel: a.getAttribute('rel') || ''}))
    };
    const pre = document.createElement('pre');
    pre.id = 'daxlab-check';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }

  if (document.readyState === 'complete') {
    run();
  } else {
    window.addEventListener('load', run);
  }
})();
