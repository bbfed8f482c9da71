// Child for the lock race test: waits for a common start time, takes the lock, holds it 300 ms,
// and prints when it held it. Imports the built code (npm test builds first).
import { acquireLock } from '../../dist/io/lock.js';
import { setTimeout as sleep } from 'node:timers/promises';

const [lockPath, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin to the common start, so the takers really race
}
try {
  const lock = await acquireLock(lockPath, {});
  const from = Date.now();
  await sleep(300);
  const to = Date.now();
  await lock.release();
  console.log(JSON.stringify({ got: true, from, to }));
} catch (err) {
  console.log(JSON.stringify({ got: false, code: err.code }));
}
