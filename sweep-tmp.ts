import { CardFace } from './src/features/cards/card-type.ts';
const face = new CardFace({ weight: 400, style: 'normal' });
const step = Number(process.argv[2] ?? 1);
let fails = 0, first = '';
const t = performance.now();
for (let start = 0x80; start < 0x32000; start += 16 * step) {
  let chunk = '';
  for (let cp = start; cp < start + 16 * step; cp += step) if (cp < 0xd800 || cp > 0xdfff) chunk += String.fromCodePoint(cp);
  try { face.shape(chunk); }
  catch (e) { fails++; if (!first) first = start.toString(16) + ' ' + (e as Error).message; }
}
console.log('fails', fails, first, 'replaced', face.replaced.size, ((performance.now() - t) / 1000).toFixed(1), 's');
