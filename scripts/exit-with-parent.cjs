// Preloaded (node --require) into the Next.js server that scripts/serve.ts starts. When serve.ts
// dies without stopping it first (kill -9, a closed terminal, an OOM kill), the kernel gives this
// process a new parent; it notices within half a second and exits, rather than living on as an
// orphan that holds the port and makes the next `npm start` fail.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  console.error(
    `[trustmap] the process that started this server (pid ${parent}) has gone; stopping the server.`,
  );
  process.exit(0);
}, 500);
timer.unref();
