import path from 'node:path';
import { buildWeb } from './web-build.js';

// `npm run build:web`: the same build a first `npm start` runs, into ./dist/web.
const t0 = performance.now();
const distDir = path.resolve('dist/web');
await buildWeb({ sourceDir: path.resolve('web'), distDir, logLevel: 'info' });
console.log(`web app built into ${distDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
