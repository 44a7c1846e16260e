/**
 * The renderer's start-up chunks: the HTML entry, the app it imports dynamically
 * (renderer/mountApp.tsx, see renderer/main.tsx) and every chunk those import statically. All of
 * them run at every page load, so they are fetched from the HTML (`modulepreload`, below) and
 * compiled eagerly (scripts/compileHints.mjs). Lazily loaded screens and Monaco are not.
 */
const APP_MODULE = /[\\/]renderer[\\/]mountApp\.tsx$/;

/** File names of the start-up chunks, the entry's own static imports first. */
export function startupChunks(bundle) {
  const found = new Set();
  const visit = (fileName) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || found.has(fileName)) return;
    found.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  for (const chunk of chunks) if (chunk.facadeModuleId && APP_MODULE.test(chunk.facadeModuleId)) visit(chunk.fileName);
  return found;
}

/**
 * Vite links the entry's static imports from the HTML; this adds the app's chunks and their
 * stylesheets, so the browser fetches them while the entry is still sending the first host calls.
 * (Otherwise the dynamic import asks for the stylesheets only when it runs and waits for them,
 * queued behind the host calls it has just sent.)
 */
export const preloadStartupChunksVite = {
  name: 'preload-startup-chunks',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      if (!context.bundle) return html;
      const tags = [];
      const linked = (fileName) => html.includes(`/${fileName}"`) || tags.some((tag) => tag.attrs.href === `./${fileName}`);
      for (const fileName of startupChunks(context.bundle)) {
        const chunk = context.bundle[fileName];
        if (chunk.isEntry) continue;
        for (const css of chunk.viteMetadata?.importedCss ?? []) {
          if (!linked(css)) tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` }, injectTo: 'head' });
        }
        if (!linked(fileName)) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' });
      }
      return tags;
    },
  },
};
