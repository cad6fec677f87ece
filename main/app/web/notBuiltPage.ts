/** What the browser shows when there is no renderer build to serve. No script, no inline style: the CSP allows neither. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sitwell: the window is not built</title><meta name="color-scheme" content="light dark"></head>
<body>
<h1>Sitwell's window has not been built yet</h1>
<p>The statistics, prompts and stretches you are looking for live in the built renderer, which is missing
(there is no <code>dist/renderer/index.html</code>).</p>
<p>In the Sitwell folder, run:</p>
<pre>npm run build</pre>
<p>then start <code>sitwell ui</code> again and open the address it prints.</p>
</body>
</html>
`;
