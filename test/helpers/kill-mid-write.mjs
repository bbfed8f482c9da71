// Child process for the kill tests: starts writing a large sheet through the
// BUILT writer (dist/), says "writing" once rows are flowing into the
// temporary file, and keeps writing until the parent SIGKILLs it.
// Usage: node kill-mid-write.mjs <dist/io/write/index.js URL> <target> <csv|xlsx>
const [moduleUrl, target, format] = process.argv.slice(2);
const { createSheetWriter } = await import(moduleUrl);
const writer = await createSheetWriter(target, {
  format,
  columns: [{ header: 'reference' }, { header: 'amount', kind: 'money' }, { header: 'link', kind: 'url' }],
});
for (let i = 0; ; i++) {
  await writer.writeRow([`INV-${i}`, `${i}.50`, `https://checkout.example/${i}`]);
  if (i === 20_000) process.stdout.write('writing\n');
}
