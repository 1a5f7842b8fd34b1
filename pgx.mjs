import v8 from 'node:v8'; if (process.env.LO) v8.setFlagsFromString(process.env.LO);
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
const dir = '/tmp/pgx/d2';
const { execSync } = await import('node:child_process');
execSync(`rm -rf ${dir} && cp -r /tmp/lbipam-pglite-template-0.5.16 ${dir}`);
const rss = () => Math.round(process.memoryUsage().rss/1048576);
const r0 = rss();
const db = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, ...(process.env.PGP||'-c shared_buffers=16MB').split(' ')] });
const r1 = rss();
for (let i=0;i<200;i++) await db.query('select count(*) from pg_class where relname like $1', ['%'+i]);
global.gc(); await new Promise(r=>setTimeout(r,3000)); global.gc();
const r2 = rss();
const sm = readFileSync('/proc/self/smaps','utf8').split('\n');
let cur=null; const big=[];
for (const l of sm) { if (/^[0-9a-f]+-[0-9a-f]+ /.test(l)) cur=l; else if (l.startsWith('Rss:')) { const kb=+l.split(/\s+/)[1]; if (kb>1000) big.push([Math.round(kb/1024), cur.slice(0,100)]); } }
console.log({r0,r1,r2}, process.memoryUsage());
big.sort((a,b)=>b[0]-a[0]); let tot=0; for(const b of big){tot+=b[0]}; console.log('sum>1MB',tot); for (const b of big) { const [a,z]=b[1].split(' ')[0].split('-'); console.log(b[0],'MB rss, size MB', Math.round((parseInt(z,16)-parseInt(a,16))/1048576), b[1].slice(0,80)); }
