declare module '*?worker' {
  const WorkerFactory: new () => Worker;
  export default WorkerFactory;
}
/** Side-effect import that registers the JSON language; it has no typings of its own. */
declare module 'monaco-editor/language/json/monaco.contribution';
/** Side-effect import that registers Monaco's outline service (loadMonaco.ts); no typings of its own. */
declare module 'monaco-editor/editor/contrib/documentSymbols/browser/outlineModel';
