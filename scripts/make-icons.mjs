#!/usr/bin/env node
// Draws Sitwell's icons with ImageMagick (`convert`) into build/ (committed; re-run after a design change):
//   build/icon.png                       512×512 app icon (electron-builder makes .icns/.ico from it)
//   build/tray/tray-<state>.png          16×16 colour tray icons (+ @2x 32×32), Linux and Windows
//   build/tray/tray-<state>Template.png  16×16 black-and-alpha macOS menu bar icons (+ @2x)
// States: ok (sitting well under the limit), rising (past half of it), due (break due), paused.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'build');
const trayOut = join(out, 'tray');
mkdirSync(trayOut, { recursive: true });

const COLORS = { ok: '#2e9d5b', rising: '#e39b12', due: '#d64045', paused: '#8a8f98' };
const SS = 8; // supersampling: draw at 8× and scale down for smooth edges
const ROUND = 'stroke-linecap round stroke-linejoin round';

/** ImageMagick arguments drawing one state on a 16-unit canvas scaled by `k`. */
function glyph(state, color, k, template = false) {
  const c = 8 * k;
  const r = 6.2 * k;
  const w = 2.2 * k;
  const ring = (stroke) => ['-fill', 'none', '-stroke', stroke, '-strokewidth', `${w}`];
  const faint = template ? '#00000066' : `${color}55`;
  const pt = (deg) => `${(c + r * Math.cos((deg * Math.PI) / 180)).toFixed(2)},${(c + r * Math.sin((deg * Math.PI) / 180)).toFixed(2)}`;
  // A many-point polyline strokes an open arc (ImageMagick's arc, ellipse and path close it with a chord).
  const arc = (from, to) => {
    if (to - from >= 360) return ['-draw', `circle ${c},${c} ${c + r},${c}`];
    const pts = [];
    for (let d = from; d < to; d += 3) pts.push(pt(d));
    pts.push(pt(to));
    return ['-draw', `${ROUND} polyline ${pts.join(' ')}`];
  };
  const arrow = (stroke) => [
    '-fill', 'none', '-stroke', stroke, '-strokewidth', `${1.8 * k}`,
    '-draw', `${ROUND} line ${c},${c + 3.6 * k} ${c},${c - 3.4 * k}`,
    '-draw', `${ROUND} polyline ${c - 3 * k},${c - 0.6 * k} ${c},${c - 3.6 * k} ${c + 3 * k},${c - 0.6 * k}`,
  ];
  switch (state) {
    case 'ok': // a faint full ring with a short arc: sitting has only begun
      return [...ring(faint), ...arc(0, 360), ...ring(color), ...arc(-90, 30)];
    case 'rising': // three quarters of the way round
      return [...ring(faint), ...arc(0, 360), ...ring(color), ...arc(-90, 180)];
    case 'due': // an upward arrow (stand up): white on a disc in colour, in a full ring as a template
      if (template) return [...ring(color), ...arc(0, 360), ...arrow(color)];
      return ['-fill', color, '-stroke', 'none', '-draw', `circle ${c},${c} ${c + r + w / 2},${c}`, ...arrow('#ffffff')];
    case 'paused':
      return [
        ...ring(color), ...arc(0, 360),
        '-fill', color, '-stroke', 'none',
        '-draw', `rectangle ${c - 2.6 * k},${c - 3 * k} ${c - 0.9 * k},${c + 3 * k}`,
        '-draw', `rectangle ${c + 0.9 * k},${c - 3 * k} ${c + 2.6 * k},${c + 3 * k}`,
      ];
    default:
      throw new Error(`unknown state ${state}`);
  }
}

function draw(file, size, args) {
  const big = size * SS;
  execFileSync('convert', ['-size', `${big}x${big}`, 'xc:none', ...args, '-resize', `${size}x${size}`, '-strip', `PNG32:${file}`]);
}

for (const [state, color] of Object.entries(COLORS)) {
  for (const [suffix, px] of [['', 16], ['@2x', 32]]) {
    const k = (px * SS) / 16;
    draw(join(trayOut, `tray-${state}${suffix}.png`), px, glyph(state, color, k));
    // Template images: only alpha matters, macOS paints them to match the menu bar.
    draw(join(trayOut, `tray-${state}Template${suffix}.png`), px, glyph(state, '#000000', k, true));
  }
}

// App icon: a teal rounded square with a figure standing and stretching its arms up.
{
  const s = 1024;
  const k = s / 512;
  const figure = [
    '-fill', '#1f7a78', '-stroke', 'none', '-draw', `roundrectangle ${24 * k},${24 * k} ${488 * k},${488 * k} ${96 * k},${96 * k}`,
    '-fill', '#ffffff', '-draw', `circle ${256 * k},${132 * k} ${256 * k},${92 * k}`,
    '-fill', 'none', '-stroke', '#ffffff', '-strokewidth', `${34 * k}`,
    '-draw', `${ROUND} line ${256 * k},${196 * k} ${256 * k},${322 * k}`,
    '-draw', `${ROUND} polyline ${166 * k},${120 * k} ${206 * k},${220 * k} ${256 * k},${226 * k} ${306 * k},${220 * k} ${346 * k},${120 * k}`,
    '-draw', `${ROUND} polyline ${196 * k},${430 * k} ${256 * k},${322 * k} ${316 * k},${430 * k}`,
  ];
  execFileSync('convert', ['-size', `${s}x${s}`, 'xc:none', ...figure, '-resize', '512x512', '-strip', `PNG32:${join(out, 'icon.png')}`]);
}

process.stdout.write(`icons written to ${out}\n`);
