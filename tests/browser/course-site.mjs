// A course site on another origin than the lab's, for the embedding tests: a loopback server on its own port
// that serves the pages a test gives it (path -> HTML), as a course author's site would serve its own pages.
//   const course = await startCourseSite();  course.page('/week1.html', html);  page.goto(course.url('/week1.html'))
import { createServer } from 'node:http';

export async function startCourseSite() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url, 'http://localhost').pathname);
    if (html === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(html);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    page: (path, html) => pages.set(path, html),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// A minimal course page around some markup: the lab's element module, an event log the tests read
// (window.labEvents: [{target, type, detail, at}]), and a favicon that fetches nothing.
export function coursePage(labBase, body, { title = 'Week 1' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.5 sans-serif; margin: 0 auto; padding: 8px 16px; max-width: 1100px; } h1 { font-size: 1.4rem; }</style>
<script>
  window.labEvents = [];
  for (const type of ['lab-ready', 'lab-progress', 'lab-result', 'lab-error']) {
    document.addEventListener(type, (event) => window.labEvents.push({ target: event.target.id, type, detail: event.detail, at: performance.now() }));
  }
</script>
<script type="module" src="${labBase}lab-exercise.js"></script>
</head><body><h1>${title}: a course page on another origin</h1>
${body}
</body></html>`;
}
