/* orgmodel's interactive org chart: the page carries the chart as JSON (written by
 * orgmodel/render/payload.py); this lays out the teams a reader has open with
 * d3-flextree and draws them as SVG. Only boxes near the window are in the DOM, and
 * far out they are drawn without text, so 50,000 posts stay fluid. No network: the
 * page's Content-Security-Policy forbids it, and nothing here asks for it. */
(function () {
  "use strict";

  const T0 = performance.now();
  const DATA = JSON.parse(document.getElementById("org-data").textContent);
  const PARSED = performance.now();
  const NODES = DATA.nodes;
  const N = NODES.id.length;
  const KIND = { POST: 0, BODY: 1, MORE: 2 };
  const FLAG = { INFERRED: 1, VACANT: 2, ASSISTANT: 4, LINE_INFERRED: 8 };

  // Geometry, in CSS pixels at zoom 1.
  const W = 200, W_MORE = 136, PAD = 6, STUB = 18;
  const GAP_SIBLING = 16, GAP_COUSIN = 34, GAP_TOP = 60;
  const LEVEL = 44, STACK_GAP = 10, ASIDE_GAP = 14;
  const STACK_ONE_COLUMN = 4, STACK_ROWS = 10;
  const LINE = { band: 14, title: 15, holder: 14, detail: 13, more: 17 };
  const CHARS = { title: 27, line: 33 };
  const EXPAND_LIMIT = 5000;
  const TEXT_FROM = 0.3; // below this zoom, boxes are drawn without text
  const PAGE_ASPECT = 1.6; // width over height the rows of top posts aim at

  // ------------------------------------------------------------------ the tree
  const parent = Int32Array.from(NODES.parent);
  const kidStart = new Int32Array(N + 1);
  const kidList = new Int32Array(N);
  const roots = [];
  for (let i = 0; i < N; i++) {
    if (parent[i] < 0) roots.push(i);
    else kidStart[parent[i] + 1]++;
  }
  for (let i = 0; i < N; i++) kidStart[i + 1] += kidStart[i];
  {
    const fill = kidStart.slice(0, N);
    for (let i = 0; i < N; i++) if (parent[i] >= 0) kidList[fill[parent[i]]++] = i;
  }
  const nkids = (i) => kidStart[i + 1] - kidStart[i];
  const kids = (i) => kidList.subarray(kidStart[i], kidStart[i + 1]);
  const below = new Int32Array(N); // posts in each subtree, itself included
  for (let i = N - 1; i >= 0; i--) {
    below[i] += NODES.kind[i] === KIND.POST ? 1 : 0;
    if (parent[i] >= 0) below[parent[i]] += below[i];
  }
  const side = DATA.side; // [sup, sub, secondary?, inferred?]
  let byId = null;
  function indexOf(id) {
    if (byId === null) {
      byId = new Map();
      for (let i = 0; i < N; i++) if (NODES.id[i] && !byId.has(NODES.id[i])) byId.set(NODES.id[i], i);
    }
    const hit = byId.get(id);
    return hit === undefined ? -1 : hit;
  }
  function ancestors(i) {
    const up = [];
    for (let n = parent[i]; n >= 0; n = parent[n]) up.push(n);
    return up;
  }

  // ------------------------------------------------------------------ state
  const open = new Uint8Array(N);
  for (const i of DATA.open) open[i] = 1;
  let focus = -1;
  let focusChild = null; // ancestor -> the one report shown while a post is focused
  let selected = -1;
  let chain = new Set();
  let matches = new Set();
  let beside = !!DATA.assistants;
  let chainOn = true;

  // ------------------------------------------------------------------ text
  const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

  function wrap(text, width, most) {
    const lines = [];
    let cur = "";
    for (let word of String(text).split(" ")) {
      while (word.length > width) {
        if (cur) { lines.push(cur); cur = ""; }
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!word) continue;
      if (!cur) cur = word;
      else if (cur.length + 1 + word.length <= width) cur += " " + word;
      else { lines.push(cur); cur = word; }
    }
    if (cur) lines.push(cur);
    if (lines.length > most) {
      lines.length = most;
      const last = lines[most - 1];
      lines[most - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + "…";
    }
    return lines.length ? lines : [""];
  }
  const shorten = (s, width) => (s.length <= width ? s : s.slice(0, width - 1).trimEnd() + "…");

  const info = new Array(N); // lines and height of each box, made when first drawn
  function boxInfo(i) {
    let b = info[i];
    if (b !== undefined) return b;
    const kind = NODES.kind[i];
    const header = NODES.header[i] ? wrap(NODES.header[i], CHARS.line, 2) : [];
    const title = kind === KIND.MORE ? [NODES.title[i]] : wrap(NODES.title[i], CHARS.title, 3);
    const h = NODES.holder[i];
    const vacant = (NODES.flags[i] & FLAG.VACANT) !== 0;
    const holder = vacant ? ["Vacant"] : h ? [shorten(h, CHARS.line)] : [];
    const detail = NODES.detail[i] ? wrap(NODES.detail[i], CHARS.line + 4, 2) : [];
    const more = NODES.more[i] || null;
    let height = 2 * PAD + title.length * LINE.title + holder.length * LINE.holder;
    height += detail.length * LINE.detail + (header.length ? header.length * LINE.band + 4 : 0);
    if (more) height += LINE.more;
    b = { header, title, holder, vacant, detail, more, h: height, w: kind === KIND.MORE ? W_MORE : W };
    info[i] = b;
    return b;
  }

  // ------------------------------------------------------------------ layout
  const EMPTY = new Int32Array(0);
  function visibleKids(i) {
    if (!open[i]) return EMPTY;
    if (focusChild !== null && focusChild.has(i)) return Int32Array.of(focusChild.get(i));
    return kids(i);
  }
  const isAside = (i) =>
    beside && (NODES.flags[i] & FLAG.ASSISTANT) !== 0 && nkids(i) === 0 && !NODES.more[i];

  // Where each shown box is: left, top (chart coordinates); the link from its superior.
  let shown = [];
  const px = new Float64Array(N), py = new Float64Array(N);
  const onChart = new Uint8Array(N);
  let linkD = new Array(N);
  let linkBox = new Float64Array(4 * N);
  let extent = { x0: 0, y0: 0, x1: 1, y1: 1 };

  function layout() {
    const t = performance.now();
    for (const i of shown) onChart[i] = 0;
    shown = [];
    const top = focus >= 0 ? [ancestors(focus).pop() ?? focus] : roots;
    // Pass 1: the shown nodes by level, and each level's row height.
    const levels = [];
    const rowH = [];
    let frontier = top.slice();
    while (frontier.length) {
      levels.push(frontier);
      const next = [];
      for (const i of frontier) for (const k of visibleKids(i)) next.push(k);
      frontier = next;
    }
    // Pass 2: layout items, bottom-up (a team's items need its reports' heights).
    const itemOf = new Map();
    const makeTeam = (holder, team, level) => {
      const aside = [], leaves = [], spread = [];
      for (const k of team) {
        if (holder.box !== undefined && isAside(k)) aside.push(k);
        else if (visibleKids(k).length === 0) leaves.push(k);
        else spread.push(k);
      }
      // The team's order: reports with teams of their own in a row, then the stacks.
      const items = spread.map((k) => itemOf.get(k));
      if (leaves.length === 1) items.push(itemOf.get(leaves[0]));
      else if (leaves.length) {
        const cols = leaves.length > STACK_ONE_COLUMN ? 2 : 1;
        const spines = Math.ceil(leaves.length / (STACK_ROWS * cols));
        const each = Math.ceil(leaves.length / spines);
        for (let s = 0; s < leaves.length; s += each) items.push(spineItem(leaves.slice(s, s + each), cols));
      }
      holder.kids = items;
      holder.aside = aside;
      if (items.length === 1 && items[0].spine && items[0].cols === 1) items[0].centred = true;
    };
    const boxItem = (i, level) => ({ box: i, level, kids: [], aside: [], w: boxInfo(i).w, h: 0 });
    const spineItem = (members, cols) => {
      let rh = 0;
      for (const m of members) rh = Math.max(rh, boxInfo(m).h);
      const rows = Math.ceil(members.length / cols);
      return { spine: members, cols, rowH: rh, kids: [], w: cols === 2 ? 2 * (W + STUB) : W + STUB,
        h: rows * (rh + STACK_GAP) - STACK_GAP + LEVEL };
    };
    for (let l = levels.length - 1; l >= 0; l--) {
      for (const i of levels[l]) {
        const item = boxItem(i, l);
        const team = visibleKids(i);
        if (team.length) makeTeam(item, team, l);
        itemOf.set(i, item);
      }
    }
    // Row heights: the tallest box of each level that stands in a row (not in a stack).
    const sizeOf = (item) => {
      if (item.box === undefined) return;
      const l = item.level;
      rowH[l] = Math.max(rowH[l] || 0, boxInfo(item.box).h);
      for (const k of item.kids) sizeOf(k);
    };
    const root = { kids: [], w: 0, h: 0 };
    makeTeam(root, Int32Array.from(top), -1);
    for (const k of root.kids) sizeOf(k);
    const finish = (item) => {
      if (item.box !== undefined) {
        const rows = Math.ceil(item.aside.length / 2);
        let ah = 0;
        for (const a of item.aside) ah = Math.max(ah, boxInfo(a).h);
        item.asideH = ah;
        item.rowH = rowH[item.level] || boxInfo(item.box).h;
        item.h = item.rowH + rows * (ah + ASIDE_GAP) + LEVEL;
        if (item.aside.length) item.w = 2 * (W + STUB);
      } else if (item.spine && item.centred) item.w = 2 * (W + STUB);
      for (const k of item.kids) finish(k);
    };
    for (const k of root.kids) finish(k);
    const tree = d3.flextree({
      children: (d) => d.kids,
      nodeSize: (n) => [n.data.w, n.data.h],
      spacing: (a, b) => (a.parent !== b.parent ? GAP_COUSIN : GAP_SIBLING),
    });
    // Each top post's tree is laid out alone, then the trees are packed in rows, so that
    // five organizations make a page, not a strip twenty screens wide.
    const trees = root.kids.map((item) => {
      const h = tree.hierarchy(item);
      tree(h);
      const e = h.extents;
      return { h, left: e.left, w: e.right - e.left, top: e.top, ht: e.bottom - e.top };
    });
    const area = trees.reduce((sum, t) => sum + (t.w + GAP_TOP) * (t.ht + GAP_TOP), 0);
    const target = Math.max(Math.sqrt(area * PAGE_ASPECT), ...trees.map((t) => t.w));
    let rowX = 0, rowY = 0, lineH = 0;
    for (const t of trees) {
      if (rowX > 0 && rowX + t.w > target) { rowX = 0; rowY += lineH + GAP_TOP; lineH = 0; }
      const dx = rowX - t.left, dy = rowY - t.top;
      t.h.each((n) => { n.x += dx; n.y += dy; });
      rowX += t.w + GAP_TOP;
      lineH = Math.max(lineH, t.ht);
    }
    // Pass 3: boxes and links from the laid-out items.
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const place = (i, left, topY) => {
      px[i] = left; py[i] = topY; onChart[i] = 1; shown.push(i);
      const b = boxInfo(i);
      if (left < x0) x0 = left;
      if (topY < y0) y0 = topY;
      if (left + b.w > x1) x1 = left + b.w;
      if (topY + b.h > y1) y1 = topY + b.h;
    };
    const link = (i, d, ax, ay, bx, by) => {
      linkD[i] = d;
      linkBox[4 * i] = Math.min(ax, bx); linkBox[4 * i + 1] = ay;
      linkBox[4 * i + 2] = Math.max(ax, bx); linkBox[4 * i + 3] = by;
    };
    for (const t of trees) t.h.each((n) => {
      const item = n.data;
      const sup = n.parent === null ? -1 : n.parent.data.box;
      const supX = sup >= 0 ? n.parent.x : 0;
      const supBottom = sup >= 0 ? py[sup] + boxInfo(sup).h : 0;
      const barY = sup >= 0 ? n.parent.y + n.parent.data.h - LEVEL / 2 : 0;
      if (item.box !== undefined) {
        const i = item.box, b = boxInfo(i);
        place(i, n.x - b.w / 2, n.y);
        if (sup >= 0) {
          link(i, `M${supX} ${supBottom}V${barY}H${n.x}V${n.y}`, supX, supBottom, n.x, n.y);
        }
        item.aside.forEach((a, j) => {
          const ab = boxInfo(a);
          const rowTop = n.y + item.rowH + ASIDE_GAP + (j >> 1) * (item.asideH + ASIDE_GAP);
          const right = j % 2 === 0;
          const left = right ? n.x + STUB : n.x - STUB - ab.w;
          place(a, left, rowTop);
          const mid = rowTop + ab.h / 2, edge = right ? left : left + ab.w;
          link(a, `M${n.x} ${py[i] + b.h}V${mid}H${edge}`, n.x, py[i] + b.h, edge, mid);
        });
      } else {
        const spineX = item.cols === 2 || item.centred ? n.x : n.x - item.w / 2;
        item.spine.forEach((m, j) => {
          const mb = boxInfo(m);
          const row = item.cols === 2 ? j >> 1 : j;
          const rightSide = item.cols === 1 || j % 2 === 1;
          const rowTop = n.y + row * (item.rowH + STACK_GAP);
          const left = rightSide ? spineX + STUB : spineX - STUB - mb.w;
          place(m, left, rowTop);
          if (sup >= 0) {
            const mid = rowTop + mb.h / 2, edge = rightSide ? left : left + mb.w;
            link(m, `M${supX} ${supBottom}V${barY}H${spineX}V${mid}H${edge}`, Math.min(supX, spineX, edge),
              supBottom, Math.max(supX, spineX, edge), mid);
          }
        });
      }
    });
    if (!shown.length) { x0 = y0 = 0; x1 = y1 = 1; }
    extent = { x0, y0, x1, y1 };
    stats.layout = performance.now() - t;
  }

  // ------------------------------------------------------------------ drawing
  const svg = document.getElementById("chart");
  const vp = document.getElementById("viewport");
  const view = { k: 1, x: 0, y: 0 };
  let drawn = null; // the region (chart coordinates) and detail last drawn
  const stats = { layout: 0, draw: 0, boxes: 0 };

  function classes(i) {
    const f = NODES.flags[i];
    let c = "box " + ["post", "body", "more"][NODES.kind[i]];
    if (f & FLAG.VACANT) c += " vacant";
    if (f & FLAG.INFERRED) c += " inferred";
    if (chain.has(i)) c += " chain";
    if (i === selected) c += " selected";
    if (matches.has(i)) c += " match";
    if (isAside(i) && onChart[i] && parent[i] >= 0 && open[parent[i]]) c += " aside";
    return c;
  }

  function tooltip(i) {
    if (NODES.kind[i] === KIND.MORE) {
      const what = [NODES.title[i], NODES.holder[i], NODES.detail[i]].filter(Boolean).join(" · ");
      return `${what}: not in this file\nto chart them, render from a post above them with --root, or with a larger --max-posts`;
    }
    const parts = [NODES.title[i]];
    const f = NODES.flags[i];
    if (f & FLAG.VACANT) parts.push("Vacant");
    else if (NODES.holder[i]) parts.push(NODES.holder[i]);
    if (NODES.header[i]) parts.push(NODES.header[i]);
    if (NODES.detail[i]) parts.push(NODES.detail[i]);
    if (NODES.more[i]) parts.push(NODES.more[i] + " not in this file");
    if (f & FLAG.INFERRED) parts.push("inferred from a posting");
    if (NODES.src[i]) parts.push("source: " + NODES.src[i]);
    if (NODES.id[i]) parts.push("id: " + NODES.id[i]);
    return parts.join("\n");
  }

  function boxMarkup(i, detail, interactive) {
    const b = boxInfo(i), x = px[i], y = py[i];
    if (!detail) {
      const band = b.header.length ? `<rect class="band" x="${x}" y="${y}" width="${b.w}" height="${b.header.length * LINE.band + 4}"/>` : "";
      return `<g class="${classes(i)}" data-i="${i}"><rect class="frame" x="${x}" y="${y}" width="${b.w}" height="${b.h}" rx="4"/>${band}</g>`;
    }
    const cx = b.w / 2;
    let out = `<g class="${classes(i)}" data-i="${i}" transform="translate(${x},${y})"><title>${esc(tooltip(i))}</title>`;
    out += `<rect class="frame" width="${b.w}" height="${b.h}" rx="4"/>`;
    let at = PAD;
    if (b.header.length) {
      const bh = b.header.length * LINE.band + 4;
      out += `<path class="band" d="M0 4a4 4 0 0 1 4 -4H${b.w - 4}a4 4 0 0 1 4 4V${bh}H0Z"/>`;
      for (const line of b.header) { out += `<text class="band-t" x="${cx}" y="${at + 8}">${esc(line)}</text>`; at += LINE.band; }
      at = bh + PAD;
    }
    for (const line of b.title) { out += `<text class="t" x="${cx}" y="${at + 11}">${esc(line)}</text>`; at += LINE.title; }
    for (const line of b.holder) { out += `<text class="${b.vacant ? "vac" : "h"}" x="${cx}" y="${at + 10}">${esc(line)}</text>`; at += LINE.holder; }
    for (const line of b.detail) { out += `<text class="d" x="${cx}" y="${at + 9}">${esc(line)}</text>`; at += LINE.detail; }
    if (b.more) {
      out += `<rect class="more-band" x="1" y="${b.h - LINE.more}" width="${b.w - 2}" height="${LINE.more - 1}"/>`;
      out += `<text class="m" x="${cx}" y="${b.h - 5}">${esc(b.more)}</text>`;
    }
    if (interactive && nkids(i)) {
      const hidden = focusChild !== null && focusChild.has(i) ? nkids(i) - 1 : 0;
      const label = !open[i] ? "+" + nkids(i) : hidden ? "+" + hidden : "−";
      const what = !open[i] ? "show the " + nkids(i) + " reports" : hidden ? "show the " + hidden + " reports hidden by the focus" : "hide the reports";
      out += `<g class="toggle${hidden ? " unfocus" : ""}" data-t="${i}" transform="translate(${cx},${b.h})"><title>${what}</title>`;
      out += `<rect x="${-4 - 4 * label.length}" y="-8" width="${8 + 8 * label.length}" height="16" rx="8"/><text y="4">${label}</text></g>`;
    }
    return out + "</g>";
  }

  function sideMarkup(region) {
    let out = "";
    for (const [sup, sub, secondary, inferred] of side) {
      if (!onChart[sup] || !onChart[sub]) continue;
      const a = boxInfo(sup), b = boxInfo(sub);
      let x1 = px[sup] + a.w / 2, x2 = px[sub] + b.w / 2;
      let y1, y2, d;
      if (py[sub] >= py[sup] + a.h) { // down the chart: bottom to top, a gentle S
        y1 = py[sup] + a.h; y2 = py[sub];
        const m = (y1 + y2) / 2;
        d = `M${x1} ${y1}C${x1} ${m} ${x2} ${m} ${x2} ${y2}`;
      } else { // up the chart (a line that closes a cycle) or level: right side to right side
        x1 = px[sup] + a.w; x2 = px[sub] + b.w;
        y1 = py[sup] + a.h / 2; y2 = py[sub] + b.h / 2;
        const out2 = Math.max(x1, x2) + 40 + Math.abs(y1 - y2) / 6;
        d = `M${x1} ${y1}C${out2} ${y1} ${out2} ${y2} ${x2} ${y2}`;
        x2 = out2;
      }
      if (region && !meets(region, Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2))) continue;
      const cls = "side " + (secondary ? "secondary" : "primary") + (inferred ? " inferred" : "");
      out += `<path class="${cls}" d="${d}" marker-end="url(#arrow-${secondary ? "s" : "p"})"/>`;
    }
    return out;
  }

  const meets = (r, a0, b0, a1, b1) => a1 >= r.x0 && a0 <= r.x1 && b1 >= r.y0 && b0 <= r.y1;

  // The chart's markup inside ``region`` (null: all of it).
  function markup(region, detail, interactive) {
    let plain = "", faint = "", lit = "";
    const boxes = [];
    for (const i of shown) {
      const b = boxInfo(i);
      if (region === null || meets(region, px[i], py[i], px[i] + b.w, py[i] + b.h)) boxes.push(i);
      const d = linkD[i];
      if (d === undefined || parent[i] < 0 || !onChart[parent[i]]) continue;
      if (region !== null && !meets(region, linkBox[4 * i], linkBox[4 * i + 1], linkBox[4 * i + 2], linkBox[4 * i + 3])) continue;
      if (chain.has(i) && chain.has(parent[i])) lit += d;
      else if (NODES.flags[i] & FLAG.LINE_INFERRED) faint += d;
      else plain += d;
    }
    let out = `<path class="links" d="${plain}"/><path class="links inferred" d="${faint}"/>`;
    out += sideMarkup(region) + `<path class="links chain" d="${lit}"/>`;
    for (const i of boxes) out += boxMarkup(i, detail, interactive);
    stats.boxes = boxes.length;
    return out;
  }

  function windowRegion(margin) {
    const r = svg.getBoundingClientRect();
    const w = r.width / view.k, h = r.height / view.k;
    const x0 = -view.x / view.k, y0 = -view.y / view.k;
    return { x0: x0 - margin * w, y0: y0 - margin * h, x1: x0 + w + margin * w, y1: y0 + h + margin * h };
  }

  function draw() {
    const t = performance.now();
    const region = windowRegion(1);
    const detail = view.k >= TEXT_FROM;
    vp.innerHTML = markup(region, detail, true);
    drawn = { region, detail, k: view.k };
    stats.draw = performance.now() - t;
    status();
  }

  function applyView() {
    vp.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    const inside = drawn !== null && (() => {
      const r = windowRegion(0), d = drawn.region;
      return r.x0 >= d.x0 && r.y0 >= d.y0 && r.x1 <= d.x1 && r.y1 <= d.y1;
    })();
    if (!inside || drawn.detail !== (view.k >= TEXT_FROM) || view.k > drawn.k * 4) schedule();
  }

  let pending = 0;
  function schedule() {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; draw(); });
  }

  function refresh(anchor) {
    // Lay out again, keeping ``anchor`` (a box) where it was on the screen.
    const before = anchor >= 0 && onChart[anchor] ? [px[anchor], py[anchor]] : null;
    layout();
    if (before !== null && onChart[anchor]) {
      view.x += (before[0] - px[anchor]) * view.k;
      view.y += (before[1] - py[anchor]) * view.k;
    }
    vp.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    draw();
  }

  // ------------------------------------------------------------------ zoom and pan
  const MIN_K = 0.02, MAX_K = 3;
  function zoomAt(factor, sx, sy) {
    const k = Math.min(MAX_K, Math.max(MIN_K, view.k * factor));
    view.x = sx - ((sx - view.x) * k) / view.k;
    view.y = sy - ((sy - view.y) * k) / view.k;
    view.k = k;
    applyView();
  }
  function fit() {
    const r = svg.getBoundingClientRect();
    const w = extent.x1 - extent.x0 + 40, h = extent.y1 - extent.y0 + 40;
    view.k = Math.max(MIN_K, Math.min(1.2, r.width / w, r.height / h));
    view.x = (r.width - (extent.x1 - extent.x0) * view.k) / 2 - extent.x0 * view.k;
    view.y = Math.max(10, (r.height - (extent.y1 - extent.y0) * view.k) / 2) - extent.y0 * view.k;
    applyView();
    schedule();
  }
  function centreOn(i) {
    const r = svg.getBoundingClientRect(), b = boxInfo(i);
    const room = sidePanel.hidden ? r.width : Math.max(r.width / 2, r.width - sidePanel.offsetWidth - 20);
    view.k = Math.max(view.k, 0.8);
    view.x = room / 2 - (px[i] + b.w / 2) * view.k;
    view.y = r.height / 3 - (py[i] + b.h / 2) * view.k;
    applyView();
  }
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, id: e.pointerId };
  });
  svg.addEventListener("pointermove", (e) => {
    if (drag === null || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(e.pointerId); svg.classList.add("panning"); }
    view.x = drag.vx + dx; view.y = drag.vy + dy;
    applyView();
  });
  const endDrag = (e) => {
    if (drag === null || e.pointerId !== drag.id) return;
    const moved = drag.moved;
    drag = null;
    svg.classList.remove("panning");
    if (!moved) clicked(e);
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", () => { drag = null; svg.classList.remove("panning"); });

  // ------------------------------------------------------------------ actions
  function clicked(e) {
    const el = e.target instanceof Element ? e.target : null;
    const t = el && el.closest("[data-t]");
    if (t) return toggle(+t.dataset.t);
    const b = el && el.closest("[data-i]");
    if (b) select(+b.dataset.i, true);
  }

  function toggle(i) {
    if (focusChild !== null && focusChild.has(i)) {
      unfocus(i);
      return;
    }
    open[i] = open[i] ? 0 : 1;
    refresh(i);
    say(open[i] ? `${NODES.title[i]}: ${nkids(i)} reports shown` : `${NODES.title[i]}: reports hidden`);
  }

  function select(i, keepView) {
    selected = i;
    chain = new Set(chainOn && i >= 0 ? [i, ...ancestors(i)] : []);
    if (i >= 0 && NODES.id[i]) history.replaceState(null, "", "#" + encodeURIComponent(NODES.id[i]));
    panel(i);
    if (!keepView && i >= 0) centreOn(i);
    draw();
  }

  // Show post ``i``: open its superiors, select it, bring it to the middle of the window.
  function reveal(i) {
    const up = ancestors(i);
    if (focus >= 0 && i !== focus && !up.includes(focus) && !ancestors(focus).includes(i)) clearFocus();
    for (const a of up) open[a] = 1;
    layout();
    select(i, false);
  }

  function focusOn(i) {
    focus = i;
    focusChild = new Map();
    let n = i;
    for (const a of ancestors(i)) { focusChild.set(a, n); open[a] = 1; n = a; }
    if (nkids(i)) open[i] = 1;
    document.getElementById("unfocus").hidden = false;
    layout();
    select(i, true);
    fit();
    say(`Focused on ${NODES.title[i]}: the posts above and beside it are hidden`);
  }
  function clearFocus() {
    focus = -1;
    focusChild = null;
    document.getElementById("unfocus").hidden = true;
  }
  function unfocus(anchor) {
    clearFocus();
    refresh(anchor >= 0 ? anchor : selected);
    say("Showing every team again");
  }

  // Open levels below ``from`` (all tops when -1) while the chart stays under EXPAND_LIMIT boxes.
  function expandAll(from) {
    let frontier = from >= 0 ? [from] : focus >= 0 ? [ancestors(focus).pop() ?? focus] : roots.slice();
    if (from < 0) clearFocus();
    let count = shown.length;
    let stopped = false;
    while (frontier.length) {
      const next = [];
      let adding = 0;
      for (const i of frontier) if (!open[i]) adding += nkids(i);
      if (count + adding > EXPAND_LIMIT) { stopped = true; break; }
      for (const i of frontier) { open[i] = 1; for (const k of kids(i)) next.push(k); }
      count += adding;
      frontier = next;
    }
    refresh(from);
    if (from < 0) fit();
    say(stopped ? `Opened the levels that fit in ${EXPAND_LIMIT.toLocaleString("en")} boxes; open the teams below one by one`
      : "Every team below is open");
  }
  function collapseAll(from) {
    const stack = from >= 0 ? [from] : roots.slice();
    if (from < 0) clearFocus();
    while (stack.length) {
      const i = stack.pop();
      if (!open[i]) continue;
      open[i] = 0;
      for (const k of kids(i)) stack.push(k);
    }
    if (from < 0 && roots.length === 1) open[roots[0]] = 1;
    refresh(from);
    if (from < 0) fit();
  }

  // ------------------------------------------------------------------ search
  let hay = null;
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  function search(query) {
    const q = fold(query.trim());
    if (!q) return [];
    if (hay === null) {
      hay = new Array(N);
      for (let i = 0; i < N; i++) hay[i] = NODES.kind[i] === KIND.MORE ? "" : fold(`${NODES.title[i]}\u0001${NODES.holder[i] || ""}\u0001${NODES.id[i]}`);
    }
    const exact = [], starts = [], rest = [];
    for (let i = 0; i < N; i++) {
      const at = hay[i].indexOf(q);
      if (at < 0) continue;
      if (fold(NODES.id[i]) === q) exact.push(i);
      else if (at === 0 || hay[i][at - 1] === " " || hay[i][at - 1] === "\u0001") starts.push(i);
      else rest.push(i);
    }
    return exact.concat(starts, rest);
  }
  const input = document.getElementById("q");
  const list = document.getElementById("results");
  let found = [], cursor = -1, timer = 0;
  function showResults() {
    found = search(input.value);
    matches = new Set(found.slice(0, 2000));
    cursor = found.length ? 0 : -1;
    const shownResults = found.slice(0, 30);
    list.innerHTML = shownResults.map((i, n) => {
      const who = NODES.flags[i] & FLAG.VACANT ? "Vacant" : NODES.holder[i] || "";
      const where = NODES.header[i] || NODES.detail[i] || "";
      return `<li role="option" data-i="${i}"${n === 0 ? ' class="on"' : ""}><b>${esc(NODES.title[i])}</b>` +
        `<span>${esc([who, where, NODES.id[i]].filter(Boolean).join(" · "))}</span></li>`;
    }).join("") + (found.length > 30 ? `<li class="note">${(found.length - 30).toLocaleString("en")} more: type more of the name</li>` : "")
      + (input.value.trim() && !found.length ? `<li class="note">no post matches</li>` : "");
    list.hidden = !input.value.trim();
    document.getElementById("found").textContent = input.value.trim() ? `${found.length.toLocaleString("en")} found` : "";
    draw();
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(showResults, N > 20000 ? 150 : 60); });
  input.addEventListener("keydown", (e) => {
    const items = list.querySelectorAll("li[data-i]");
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!items.length) return;
      cursor = (cursor + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, n) => li.classList.toggle("on", n === cursor));
    } else if (e.key === "Enter") {
      clearTimeout(timer);
      if (found.length === 0 || list.hidden) showResults();
      const li = items[cursor] || list.querySelector("li[data-i]");
      if (li) { list.hidden = true; reveal(+li.dataset.i); }
    } else if (e.key === "Escape") {
      list.hidden = true;
    }
  });
  list.addEventListener("click", (e) => {
    const li = e.target.closest("li[data-i]");
    if (li) { list.hidden = true; reveal(+li.dataset.i); }
  });

  // ------------------------------------------------------------------ the side panel
  const sidePanel = document.getElementById("panel");
  function link(i) {
    return `<a href="#${esc(encodeURIComponent(NODES.id[i]))}" data-i="${i}">${esc(NODES.title[i])}</a>`;
  }
  function panel(i) {
    if (i < 0) { sidePanel.hidden = true; return; }
    const f = NODES.flags[i];
    const rows = [];
    const who = f & FLAG.VACANT ? "<em class=vac>Vacant</em>" : esc(NODES.holder[i] || "");
    if (who) rows.push(["Held by", who]);
    if (NODES.header[i]) rows.push(["Heads", esc(NODES.header[i])]);
    if (NODES.detail[i]) rows.push(["Unit", esc(NODES.detail[i])]);
    if (NODES.id[i]) rows.push(["Id", `<code>${esc(NODES.id[i])}</code>`]);
    if (NODES.src[i]) rows.push(["Source", esc(NODES.src[i])]);
    if (f & FLAG.INFERRED) rows.push(["Inferred", "named by a posting, not by an org file"]);
    if (NODES.kind[i] !== KIND.MORE) rows.push(["Reports", `${nkids(i)} direct; ${(below[i] - (NODES.kind[i] === KIND.POST ? 1 : 0)).toLocaleString("en")} posts below`]);
    if (NODES.more[i]) rows.push(["Not in this file", esc(NODES.more[i])]);
    const up = ancestors(i);
    if (up.length) rows.push(["Chain of command", up.map(link).join(" ← ")]);
    const dotted = side.filter((s) => s[1] === i).map((s) => link(s[0]) + (s[2] ? " (dotted line)" : " (second superior)"));
    if (dotted.length) rows.push(["Also reports to", dotted.join(", ")]);
    const theirs = side.filter((s) => s[0] === i).map((s) => link(s[1]));
    if (theirs.length) rows.push(["Dotted-line reports", theirs.join(", ")]);
    let html = `<button class="close" data-act="close" title="Close">×</button><h2>${esc(NODES.title[i])}</h2><dl>`;
    for (const [k, v] of rows) html += `<dt>${k}</dt><dd>${v}</dd>`;
    html += "</dl><p class=acts>";
    if (NODES.kind[i] !== KIND.MORE) html += `<button data-act="focus">Focus</button>`;
    if (nkids(i)) html += `<button data-act="expand">Open all below</button><button data-act="collapse">Close all below</button>`;
    html += `</p>`;
    sidePanel.innerHTML = html;
    sidePanel.hidden = false;
  }
  sidePanel.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-i]");
    if (a) { e.preventDefault(); reveal(+a.dataset.i); return; }
    const act = e.target.closest("[data-act]");
    if (!act) return;
    const i = selected;
    if (act.dataset.act === "close") { select(-1, true); history.replaceState(null, "", location.pathname + location.search); }
    else if (act.dataset.act === "focus") focusOn(i);
    else if (act.dataset.act === "expand") expandAll(i);
    else if (act.dataset.act === "collapse") collapseAll(i);
  });

  // ------------------------------------------------------------------ export
  const chartStyle = () => document.getElementById("chart-style").textContent;
  const FONT = getComputedStyle(document.body).getPropertyValue("--font") || "sans-serif";
  function exportSvg(whole) {
    const r = whole ? { x0: extent.x0 - 20, y0: extent.y0 - 20, x1: extent.x1 + 20, y1: extent.y1 + 20 } : windowRegion(0);
    const head = whole ? 54 : 0;
    const w = Math.ceil(r.x1 - r.x0), h = Math.ceil(r.y1 - r.y0) + head;
    // The whole chart at its own size; the window's view at the size it has on the screen.
    const scale = whole ? 1 : view.k;
    const sw = Math.ceil(w * scale), sh = Math.ceil(h * scale);
    let title = "";
    if (whole) {
      title = `<text class="title" x="${r.x0 + 4}" y="${r.y0 - head + 24}">${esc(DATA.title)}</text>`;
      title += `<text class="facts" x="${r.x0 + 4}" y="${r.y0 - head + 44}">${esc(facts())}</text>`;
    }
    const body = markup(whole ? null : r, true, false);
    const defs = document.getElementById("chart-defs").innerHTML;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}" ` +
      `viewBox="${r.x0} ${r.y0 - head} ${w} ${h}" font-family="${esc(FONT.trim())}"><style>${chartStyle()}</style>` +
      `<defs>${defs}</defs><rect class="page" x="${r.x0}" y="${r.y0 - head}" width="${w}" height="${h}"/>${title}${body}</svg>\n`;
  }
  function download(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  const baseName = () => (DATA.title || "org-chart").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "org-chart";
  function exportAs(kind) {
    const whole = document.getElementById("whole").checked;
    const text = exportSvg(whole);
    const name = baseName() + (whole ? "" : "-view");
    if (kind === "svg") { download(new Blob([text], { type: "image/svg+xml" }), name + ".svg"); say("Saved " + name + ".svg"); return; }
    const m = /width="(\d+)" height="(\d+)"/.exec(text);
    const w = +m[1], h = +m[2];
    const scale = Math.min(2, 16000 / w, 16000 / h, Math.sqrt(120e6 / (w * h)));
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(w * scale));
      canvas.height = Math.max(1, Math.round(h * scale));
      const ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => { download(blob, name + ".png"); say(`Saved ${name}.png (${canvas.width} × ${canvas.height})`); }, "image/png");
    };
    img.onerror = () => say("This browser could not draw the chart as PNG; save it as SVG instead");
    img.src = url;
  }

  // ------------------------------------------------------------------ page
  const live = document.getElementById("say");
  function say(text) { live.textContent = text; }
  function facts() {
    return [DATA.date, DATA.counts].filter(Boolean).join(" · ");
  }
  function status() {
    document.getElementById("status").textContent =
      `${shown.length.toLocaleString("en")} of ${N.toLocaleString("en")} boxes shown` +
      (drawn && !drawn.detail ? " · zoom in to read them" : "");
  }

  document.getElementById("toolbar").addEventListener("click", (e) => {
    const act = e.target.closest("[data-act]");
    if (!act) return;
    const r = svg.getBoundingClientRect();
    switch (act.dataset.act) {
      case "zoom-in": zoomAt(1.25, r.width / 2, r.height / 2); break;
      case "zoom-out": zoomAt(0.8, r.width / 2, r.height / 2); break;
      case "fit": fit(); break;
      case "expand": expandAll(-1); break;
      case "collapse": collapseAll(-1); break;
      case "unfocus": unfocus(-1); break;
      case "png": exportAs("png"); break;
      case "svg": exportAs("svg"); break;
    }
  });
  document.getElementById("chain-on").addEventListener("change", (e) => { chainOn = e.target.checked; select(selected, true); });
  const asideBox = document.getElementById("beside");
  asideBox.checked = beside;
  asideBox.addEventListener("change", (e) => { beside = e.target.checked; refresh(selected); });
  window.addEventListener("resize", () => schedule());
  document.addEventListener("keydown", (e) => {
    if (e.target === input) return;
    if (e.key === "/") { e.preventDefault(); input.focus(); input.select(); }
    else if (e.key === "+" || e.key === "=") zoomAt(1.25, svg.clientWidth / 2, svg.clientHeight / 2);
    else if (e.key === "-") zoomAt(0.8, svg.clientWidth / 2, svg.clientHeight / 2);
    else if (e.key === "0") fit();
    else if (e.key === "Escape" && selected >= 0) select(-1, true);
  });
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return false;
    if (selected >= 0 && NODES.id[selected] === id) return true;
    const i = indexOf(id);
    if (i < 0) { say(`No post with id “${id}” in this chart`); return false; }
    reveal(i);
    return true;
  }
  window.addEventListener("hashchange", fromHash);

  document.getElementById("heading-facts").textContent = facts();
  layout();
  fit();
  draw();
  if (!fromHash() && DATA.highlight >= 0) {
    chain = new Set([DATA.highlight, ...ancestors(DATA.highlight)]);
    draw();
  }
  stats.parse = PARSED - T0;
  stats.script = performance.now() - T0;
  stats.ready = performance.now(); // since the browser began to load the page
  // For tests and benchmarks: what is on the chart, and how long it took.
  window.orgchart = {
    stats, indexOf, view,
    search: (query) => search(query).length,
    redraw: () => { draw(); return stats.draw; },
    shown: () => shown.slice(),
    isOpen: (i) => open[i] === 1,
    selected: () => selected,
    chain: () => [...chain],
    focus: () => focus,
    exportSvg,
  };
  document.documentElement.dataset.ready = "1";
})();
