// Imported first by bin/lbipam.mjs (static imports run in order, before its body): V8 settings for
// `lbipam start`, the long-running dashboard, set before the server loads anything.
//
// --optimize-for-size: the dashboard idles most of its life, and its budget is memory
// (server.rss_idle_mb, issue 11), not CPU. In this mode V8 grows its heap less eagerly and keeps
// less compiled code: the demo idles ~20 MB smaller. `npm run bench` reports the page and scale
// figures measured in the same mode, since the bench starts dashboards through this file.
import v8 from 'node:v8';

if (process.argv[2] === 'start') v8.setFlagsFromString('--optimize-for-size');
