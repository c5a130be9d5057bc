#!/usr/bin/env node
// Makes every icon the installers need from the one source image, build/icon.svg:
//   build/icon.png (1024 px, electron-builder's fallback), build/icons/NxN.png (Linux's sizes),
//   build/icon.ico (Windows: 16-256 px) and build/icon.icns (macOS: 16-1024 px).
// `npm run icons`; `node scripts/make-icons.mjs --out DIR` writes them elsewhere (the test does).
// The outputs are committed, so packaging needs no renderer; the test checks they are up to date.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import png2icons from 'png2icons';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(root, 'build');
const svg = readFileSync(join(root, 'build', 'icon.svg'));

const render = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

mkdirSync(join(out, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(out, 'icons', `${size}x${size}.png`), render(size));
const master = render(1024);
writeFileSync(join(out, 'icon.png'), master);
// Bicubic scaling from the 1024 px master; ICO entries stored as PNG (Windows Vista and later).
const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, true, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
if (!ico || !icns) throw new Error('png2icons could not make the .ico or .icns');
writeFileSync(join(out, 'icon.ico'), ico);
writeFileSync(join(out, 'icon.icns'), icns);
console.log(`icons written to ${out}`);
